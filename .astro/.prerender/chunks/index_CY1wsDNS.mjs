import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { T as unescapeHTML, c as renderComponent, g as maybeRenderHead, h as renderTemplate } from "./server_B5gDREN0.mjs";
import { g as createComponent, m as renderScript, t as $$Page } from "./Page_DIg0aLoI.mjs";
import { t } from "./i18n_CB-ZrA_P.mjs";
import { t as $$StaffNav } from "./StaffNav_Bc5uVoW5.mjs";
// site/src/pages/staff/figures/grid/index.astro
var grid_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Index,
	file: () => $$file,
	url: () => $$url
});
var $$Index = createComponent(($$result, $$props, $$slots) => {
	const strings = Object.fromEntries([
		"grid.figures.by.town",
		"grid.figures.by.area",
		"grid.figures.by.grid",
		"grid.figures.of",
		"grid.figures.total",
		"publish.page.network"
	].map((key) => [key, t(key)]));
	return renderTemplate`${renderComponent($$result, "Page", $$Page, { "title": t("grid.figures.title") }, { "default": ($$result) => renderTemplate` ${renderComponent($$result, "StaffNav", $$StaffNav, {})} ${maybeRenderHead($$result)}<h1 data-title>${t("grid.figures.title")}</h1> <p>${t("grid.figures.lead")}</p> <p><a href="/staff/figures/grid/">${t("grid.figures.up")}</a></p> <p data-status role="status">${t("publish.page.loading")}</p> <div class="figures"> <table data-figures hidden> <thead> <tr> <th scope="col" data-by>${t("grid.figures.scope")}</th> <th scope="col">${t("grid.figures.grids")}</th> <th scope="col">${t("grid.figures.villages")}</th> <th scope="col">${t("grid.figures.talks")}</th> <th scope="col">${t("grid.figures.requests")}</th> <th scope="col">${t("grid.figures.patrols")}</th> <th scope="col">${t("grid.figures.behalf")}</th> <th scope="col">${t("grid.figures.qr")}</th> </tr> </thead> <tbody></tbody> <tfoot></tfoot> </table> </div> <p><a data-export href="/api/figures/grid.csv">${t("grid.figures.csv")}</a></p> <script type="application/json" id="grid-figure-strings">${unescapeHTML(JSON.stringify(strings))}<\/script>${renderScript($$result, "/work/main/site/src/pages/staff/figures/grid/index.astro?astro&type=script&index=0&lang.ts")}` })}`;
}, "/work/main/site/src/pages/staff/figures/grid/index.astro", void 0);
var $$file = "/work/main/site/src/pages/staff/figures/grid/index.astro";
var $$url = "/staff/figures/grid/";
// \0virtual:astro:page:src/pages/staff/figures/grid/index@_@astro
var page = () => grid_exports;
export { page };
