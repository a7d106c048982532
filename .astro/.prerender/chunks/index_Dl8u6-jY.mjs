import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { T as unescapeHTML, c as renderComponent, g as maybeRenderHead, h as renderTemplate, v as addAttribute } from "./server_B5gDREN0.mjs";
import { f as villagesOfTown, g as createComponent, l as towns, m as renderScript, t as $$Page } from "./Page_DIg0aLoI.mjs";
import { t } from "./i18n_CB-ZrA_P.mjs";
import { a as reportKinds, s as reportStates } from "./report_54V31XCS.mjs";
import { t as $$CaseStrings } from "./CaseStrings__pKfxw-d.mjs";
import { t as $$StaffNav } from "./StaffNav_Bc5uVoW5.mjs";
// site/src/pages/staff/cases/index.astro
var cases_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Index,
	file: () => $$file,
	url: () => $$url
});
var $$Index = createComponent(($$result, $$props, $$slots) => {
	const places = towns.map((tw) => ({
		code: tw.code,
		name: tw.name,
		villages: villagesOfTown(tw.code).map((v) => [v.code, v.name])
	})).filter((tw) => tw.villages.length > 0);
	return renderTemplate`${renderComponent($$result, "Page", $$Page, { "title": t("cases.title.queue") }, { "default": ($$result) => renderTemplate` ${renderComponent($$result, "StaffNav", $$StaffNav, {})} ${maybeRenderHead($$result)}<h1 class="queue-title">${t("cases.title.queue")}</h1> <form class="filters" method="get" action="/staff/cases/" data-filters> <label>${t("cases.filter.state")} <select name="state"> <option value="open">${t("cases.filter.stateOpen")}</option> <option value="">${t("cases.filter.stateAll")}</option> ${reportStates.map((s) => renderTemplate`<option${addAttribute(s, "value")}>${t(`reports.state.${s}`)}</option>`)} </select> </label> <label>${t("cases.filter.kind")} <select name="kind"> <option value="">${t("cases.filter.kindAll")}</option> ${reportKinds.map((k) => renderTemplate`<option${addAttribute(k, "value")}>${t(`reports.kind.${k}`)}</option>`)} </select> </label> <label data-village-filter>${t("cases.filter.village")} <select name="village"> <option value="">${t("cases.filter.villageAll")}</option> </select> </label> <label class="check"><input type="checkbox" name="overdue" value="1"> ${t("cases.filter.overdue")}</label> <button type="submit">${t("cases.filter.apply")}</button> </form> <form class="filters" method="get" action="/staff/cases/" data-receipt-search role="search"> <label>${t("cases.filter.receipt")} <input type="text" name="receipt" inputmode="numeric" autocomplete="off" maxlength="19" size="20"${addAttribute(t("cases.filter.receiptHint"), "placeholder")}> </label> <button type="submit">${t("cases.filter.find")}</button> <a href="/staff/cases/" data-receipt-clear hidden>${t("cases.filter.receiptClear")}</a> </form> <p data-status role="status">${t("cases.loading")}</p> <p class="alert" data-error hidden></p> <ul class="case-list" data-cases></ul> <p class="links" data-pager></p> <p><a data-export href="/api/staff/reports.csv">${t("cases.export.cases")}</a></p> ${renderComponent($$result, "CaseStrings", $$CaseStrings, {})} <script type="application/json" id="case-places">${unescapeHTML(JSON.stringify(places))}<\/script>${renderScript($$result, "/work/main/site/src/pages/staff/cases/index.astro?astro&type=script&index=0&lang.ts")}` })}`;
}, "/work/main/site/src/pages/staff/cases/index.astro", void 0);
var $$file = "/work/main/site/src/pages/staff/cases/index.astro";
var $$url = "/staff/cases/";
// \0virtual:astro:page:src/pages/staff/cases/index@_@astro
var page = () => cases_exports;
export { page };
