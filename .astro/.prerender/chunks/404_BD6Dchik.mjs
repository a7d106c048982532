import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { c as renderComponent, g as maybeRenderHead, h as renderTemplate } from "./server_B5gDREN0.mjs";
import { g as createComponent, t as $$Page } from "./Page_DIg0aLoI.mjs";
import { t } from "./i18n_CB-ZrA_P.mjs";
// site/src/pages/404.astro
var _404_exports = /* @__PURE__ */ __exportAll({
	default: () => $$404,
	file: () => $$file,
	url: () => $$url
});
var $$404 = createComponent(($$result, $$props, $$slots) => {
	return renderTemplate`${renderComponent($$result, "Page", $$Page, { "title": t("notFound.title") }, { "default": ($$result) => renderTemplate` ${maybeRenderHead($$result)}<h1>${t("notFound.title")}</h1> <p>${t("notFound.body")}</p> <p><a href="/">${t("site.home")}</a></p> ` })}`;
}, "/work/main/site/src/pages/404.astro", void 0);
var $$file = "/work/main/site/src/pages/404.astro";
var $$url = "/404/";
// \0virtual:astro:page:src/pages/404@_@astro
var page = () => _404_exports;
export { page };
