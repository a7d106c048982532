import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { T as unescapeHTML, c as renderComponent, g as maybeRenderHead, h as renderTemplate, v as addAttribute } from "./server_B5gDREN0.mjs";
import { g as createComponent, i as categories, m as renderScript, n as cadenceById, r as catalogueItems, t as $$Page } from "./Page_DIg0aLoI.mjs";
import { i as resourceRow, n as expenseCategories, r as incomeCategories, t as csvColumns } from "./csv_CSbQFUNP.mjs";
import { t } from "./i18n_CB-ZrA_P.mjs";
// site/src/pages/staff/publish/index.astro
var publish_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Index,
	file: () => $$file,
	url: () => $$url
});
var $$Index = createComponent(($$result, $$props, $$slots) => {
	const kinds = Object.keys(csvColumns);
	const choices = {
		"ledger.category": [...incomeCategories, ...expenseCategories],
		"assets.type": ["经营性", "非经营性"],
		"resources.category": resourceRow.shape.category.options
	};
	const columns = Object.fromEntries(kinds.map((kind) => [kind, csvColumns[kind].map((c) => ({
		key: c.key,
		header: c.headers[0],
		label: c.convert === "yuan" ? t("publish.page.yuan", { column: c.headers[0] ?? "" }) : c.headers[0],
		input: c.convert === "date" ? "date" : c.convert === "text" ? "text" : "number",
		money: c.convert === "yuan",
		choices: choices[`${kind}.${c.key}`] ?? null
	}))]));
	const items = catalogueItems.map((i) => ({
		id: i.id,
		name: i.name,
		cadence: i.cadence,
		table: i.table,
		deadline: cadenceById(i.cadence).deadline
	}));
	const strings = Object.fromEntries([
		"publish.page.periodDue",
		"publish.page.periodPublished",
		"publish.page.alreadyPublished",
		"publish.page.correctThis",
		"publish.page.title",
		"publish.page.submit",
		"publish.page.correctionTitle",
		"publish.page.correctionLead",
		"publish.page.correctionSubmit",
		"publish.page.diffing",
		"publish.page.diffLead",
		"publish.page.diffNone",
		"publish.page.diffRows",
		"publish.page.confirm",
		"publish.page.loadingVersion",
		"publish.page.yuan",
		"publish.page.table",
		"publish.page.addRow",
		"publish.page.removeRow",
		"publish.page.previewing",
		"publish.page.previewOk",
		"publish.page.previewNoTable",
		"publish.page.submitting",
		"publish.page.done",
		"publish.page.correcting",
		"publish.page.correct",
		"publish.page.noRecent",
		"publish.page.network",
		"publish.page.view",
		"publish.village.detail",
		"publish.kind.ledger",
		"publish.kind.assets",
		"publish.kind.resources",
		"publish.error.forbidden"
	].map((key) => [key, t(key)]));
	const data = JSON.stringify({
		items,
		columns,
		strings
	}).replaceAll("<", "\\u003c");
	return renderTemplate`${renderComponent($$result, "Page", $$Page, { "title": t("publish.page.title") }, {
		"default": ($$result) => renderTemplate`  ${maybeRenderHead($$result)}<p class="sub"><a href="/staff/">${t("cases.nav.home")}</a> · <a href="/staff/overdue/">${t("publish.page.overdueLink")}</a> · <a href="/staff/meetings/">${t("meetings.staff.link")}</a></p> <h1 data-heading>${t("publish.page.title")}</h1> <p data-lead>${t("publish.page.lead")}</p> <noscript><p class="late">${t("publish.page.noscript")}</p></noscript> <p data-status role="status">${t("publish.page.loading")}</p> <form class="pub" data-form hidden novalidate> <div class="box" data-correction hidden> <p><b data-correcting></b></p> <p class="m">${t("publish.page.correctionHow")}</p> <label for="p-reason">${t("publish.page.reason")}</label> <textarea id="p-reason" name="reason" rows="3" maxlength="500"></textarea> <button type="button" class="quiet" data-cancel>${t("publish.page.cancelCorrection")}</button> </div> <label for="p-village">${t("publish.page.village")}</label> <input id="p-village" name="village" inputmode="numeric" maxlength="12" aria-describedby="p-village-name"> <p class="m" id="p-village-name" data-village-name></p> <label for="p-item">${t("publish.page.item")}</label> <select id="p-item" name="item"> ${categories.map((c) => renderTemplate`<optgroup${addAttribute(c.name, "label")}> ${catalogueItems.filter((i) => i.category === c.id).map((i) => renderTemplate`<option${addAttribute(i.id, "value")}>${i.name}</option>`)} </optgroup>`)} </select> <label for="p-period">${t("publish.page.period")}</label> <select id="p-period" name="period" aria-describedby="p-period-flag"></select> <div class="box" id="p-period-flag" data-period-flag role="status" hidden></div> <label for="p-title">${t("publish.page.title.label")}</label> <input id="p-title" name="title" maxlength="60"${addAttribute(t("publish.page.titleHint"), "placeholder")}> <label for="p-content">${t("publish.page.content")}</label> <p class="m" id="p-content-hint">${t("publish.page.contentHint")}</p> <textarea id="p-content" name="content" rows="5" maxlength="5000" aria-describedby="p-content-hint"></textarea> <fieldset data-table hidden> <legend data-table-legend></legend> <p class="m">${t("publish.page.tableHow")}</p> <label for="p-csv">${t("publish.page.file")}</label> <input id="p-csv" name="csv" type="file" accept=".csv,text/csv"> ${kinds.map((kind) => renderTemplate`<p${addAttribute(kind, "data-template")} hidden><a${addAttribute(`/staff/publish/template-${kind}.csv`, "href")} download>${t("publish.page.template")}（${t(`publish.kind.${kind}`)}）</a></p>`)} <p><b>${t("publish.page.rows")}</b></p> <div data-rows></div> <button type="button" class="quiet" data-add-row>${t("publish.page.addRow")}</button> </fieldset> <button type="button" class="quiet" data-preview>${t("publish.page.preview")}</button> <p class="plain" data-preview-out role="status" hidden></p> <div class="alert" data-error role="alert" hidden></div> <div class="box" data-diff role="status" hidden> <p><b data-diff-lead></b></p> <ul class="changes" data-diff-list></ul> <button type="button" data-confirm hidden>${t("publish.page.confirm")}</button> </div> <button type="submit" data-submit>${t("publish.page.submit")}</button> <p class="done" data-done role="status" hidden></p> </form> <h2>${t("publish.page.recent")}</h2> <ul class="items" data-recent></ul> <script type="application/json" id="publish-data">${unescapeHTML(data)}<\/script>${renderScript($$result, "/work/main/site/src/pages/staff/publish/index.astro?astro&type=script&index=0&lang.ts")}`,
		"head": ($$result) => renderTemplate`<meta name="robots" content="noindex">`
	})}`;
}, "/work/main/site/src/pages/staff/publish/index.astro", void 0);
var $$file = "/work/main/site/src/pages/staff/publish/index.astro";
var $$url = "/staff/publish/";
// \0virtual:astro:page:src/pages/staff/publish/index@_@astro
var page = () => publish_exports;
export { page };
