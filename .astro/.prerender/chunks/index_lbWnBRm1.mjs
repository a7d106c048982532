import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { T as unescapeHTML, c as renderComponent, g as maybeRenderHead, h as renderTemplate } from "./server_B5gDREN0.mjs";
import { g as createComponent, m as renderScript, t as $$Page } from "./Page_DIg0aLoI.mjs";
import { t } from "./i18n_CB-ZrA_P.mjs";
import { a as reportKinds } from "./report_54V31XCS.mjs";
// site/src/pages/staff/grid/slip/index.astro
var slip_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Index,
	file: () => $$file,
	url: () => $$url
});
var $$Index = createComponent(($$result, $$props, $$slots) => {
	const kinds = Object.fromEntries(reportKinds.map((kind) => [kind, t(`reports.kind.${kind}`)]));
	return renderTemplate`${renderComponent($$result, "Page", $$Page, { "title": t("grid.slip.title") }, {
		"default": ($$result) => renderTemplate`  ${maybeRenderHead($$result)}<p class="sub noprint"><a href="/staff/">${t("cases.nav.home")}</a></p> <p class="noprint">${t("grid.slip.lead")}</p> <p class="late" data-missing>${t("grid.slip.missing")}</p> <section class="slip" data-slip hidden> <h1>${t("grid.slip.title")}</h1> <dl> <dt>${t("grid.slip.village")}</dt><dd data-field="villageName"></dd> <dt>${t("grid.slip.kind")}</dt><dd data-field="kind"></dd> <dt>${t("grid.slip.date")}</dt><dd data-field="receivedOn"></dd> <dt>${t("grid.slip.receipt")}</dt><dd class="receipt" data-field="receipt"></dd> </dl> <p>${t("grid.slip.how")}</p> <p class="url" data-field="url"></p> <p><strong>${t("grid.slip.keep")}</strong></p> </section> <p class="noprint" data-actions hidden> <button type="button" data-print>${t("grid.slip.print")}</button> <a href="/staff/grid/">${t("grid.slip.another")}</a> </p> <script type="application/json" id="slip-kinds">${unescapeHTML(JSON.stringify(kinds))}<\/script>${renderScript($$result, "/work/main/site/src/pages/staff/grid/slip/index.astro?astro&type=script&index=0&lang.ts")}`,
		"head": ($$result) => renderTemplate`<meta name="robots" content="noindex">`
	})}`;
}, "/work/main/site/src/pages/staff/grid/slip/index.astro", void 0);
var $$file = "/work/main/site/src/pages/staff/grid/slip/index.astro";
var $$url = "/staff/grid/slip/";
// \0virtual:astro:page:src/pages/staff/grid/slip/index@_@astro
var page = () => slip_exports;
export { page };
