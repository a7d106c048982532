import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { T as unescapeHTML, c as renderComponent, g as maybeRenderHead, h as renderTemplate, n as templateEnter, r as templateExit, v as addAttribute } from "./server_B5gDREN0.mjs";
import { f as villagesOfTown, g as createComponent, l as towns, m as renderScript, t as $$Page } from "./Page_DIg0aLoI.mjs";
import { t } from "./i18n_CB-ZrA_P.mjs";
// site/src/pages/staff/overdue/index.astro
var overdue_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Index,
	file: () => $$file,
	url: () => $$url
});
var $$Index = createComponent(($$result, $$props, $$slots) => {
	const strings = Object.fromEntries([
		"publish.overdue.count",
		"publish.overdue.none",
		"publish.overdue.never",
		"publish.page.network",
		"publish.figures.line"
	].map((k) => [k, t(k)]));
	return renderTemplate`${renderComponent($$result, "Page", $$Page, { "title": t("publish.overdue.title") }, {
		"default": ($$result) => renderTemplate`  ${maybeRenderHead($$result)}<p class="sub"><a href="/staff/">${t("cases.nav.home")}</a> · <a href="/staff/publish/">${t("publish.page.title")}</a></p> <h1>${t("publish.overdue.title")}</h1> <p>${t("publish.overdue.lead")}</p> <noscript><p class="late">${t("publish.page.noscript")}</p></noscript> <form class="pick" data-pick hidden> <label for="o-town">${t("publish.overdue.town")}</label> <select id="o-town" name="town"> <option value="">${t("publish.overdue.all")}</option> ${towns.filter((tw) => villagesOfTown(tw.code).length > 0).map((tw) => renderTemplate`<option${addAttribute(tw.code, "value")}>${tw.name}</option>`)} </select> <button type="submit">${t("publish.overdue.show")}</button> </form> <p class="m" data-figures></p> <p data-status role="status">${t("publish.overdue.loading")}</p> <p><a data-export href="/api/staff/disclosures/overdue.csv">${t("publish.overdue.export")}</a></p> <div data-towns></div> <template data-table>${templateEnter($$result)} <div class="scroll"> <table> <thead><tr><th scope="col">${t("publish.overdue.village")}</th><th scope="col">${t("publish.overdue.item")}</th><th scope="col">${t("publish.overdue.expected")}</th><th scope="col">${t("publish.overdue.latest")}</th></tr></thead> <tbody></tbody> </table> </div> ${templateExit($$result)}</template> <script type="application/json" id="overdue-strings">${unescapeHTML(JSON.stringify(strings))}<\/script>${renderScript($$result, "/work/main/site/src/pages/staff/overdue/index.astro?astro&type=script&index=0&lang.ts")}`,
		"head": ($$result) => renderTemplate`<meta name="robots" content="noindex">`
	})}`;
}, "/work/main/site/src/pages/staff/overdue/index.astro", void 0);
var $$file = "/work/main/site/src/pages/staff/overdue/index.astro";
var $$url = "/staff/overdue/";
// \0virtual:astro:page:src/pages/staff/overdue/index@_@astro
var page = () => overdue_exports;
export { page };
