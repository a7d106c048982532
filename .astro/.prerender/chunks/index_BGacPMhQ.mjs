import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { c as renderComponent, g as maybeRenderHead, h as renderTemplate } from "./server_B5gDREN0.mjs";
import { g as createComponent, m as renderScript, t as $$Page } from "./Page_DIg0aLoI.mjs";
import { t } from "./i18n_CB-ZrA_P.mjs";
import { t as $$CaseStrings } from "./CaseStrings__pKfxw-d.mjs";
import { t as $$StaffNav } from "./StaffNav_Bc5uVoW5.mjs";
// site/src/pages/staff/figures/index.astro
var figures_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Index,
	file: () => $$file,
	url: () => $$url
});
var $$Index = createComponent(($$result, $$props, $$slots) => {
	return renderTemplate`${renderComponent($$result, "Page", $$Page, { "title": t("cases.title.figures") }, { "default": ($$result) => renderTemplate` ${renderComponent($$result, "StaffNav", $$StaffNav, {})} ${maybeRenderHead($$result)}<h1 data-title>${t("cases.title.figures")}</h1> <form class="filters" method="get" action="/staff/figures/" data-period-pick> <input type="hidden" name="town"> <label>${t("cases.figures.periodKind")} <select name="kind"> <option value="">${t("cases.figures.allTime")}</option> <option value="month">${t("cases.figures.month")}</option> <option value="quarter">${t("cases.figures.quarter")}</option> <option value="year">${t("cases.figures.year")}</option> </select> </label> <label data-period-label hidden>${t("cases.figures.period")} <select name="period"></select> </label> <button type="submit">${t("cases.figures.show")}</button> </form> <p class="m" data-period-note></p> <p data-status role="status">${t("cases.loading")}</p> <p class="alert" data-error hidden></p> <div class="figures"> <table data-figures hidden> <thead> <tr> <th scope="col" data-by>${t("cases.figures.scope")}</th> <th scope="col">${t("cases.figures.received")}</th> <th scope="col">${t("cases.figures.closed")}</th> <th scope="col">${t("cases.figures.onTimeAndOverdue")}</th> <th scope="col">${t("cases.figures.medianDays")}</th> <th scope="col">${t("cases.figures.satisfaction")}</th> </tr> </thead> <tbody></tbody> <tfoot></tfoot> </table> </div> <p class="m">${t("cases.figures.note")}</p> <section hidden><h2>${t("duties.case.figures")}</h2><ul data-duties></ul></section> <p><a data-export href="/api/staff/figures.csv">${t("cases.export.figures")}</a></p> ${renderComponent($$result, "CaseStrings", $$CaseStrings, {})}${renderScript($$result, "/work/main/site/src/pages/staff/figures/index.astro?astro&type=script&index=0&lang.ts")}` })}`;
}, "/work/main/site/src/pages/staff/figures/index.astro", void 0);
var $$file = "/work/main/site/src/pages/staff/figures/index.astro";
var $$url = "/staff/figures/";
// \0virtual:astro:page:src/pages/staff/figures/index@_@astro
var page = () => figures_exports;
export { page };
