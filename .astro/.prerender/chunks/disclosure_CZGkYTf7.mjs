import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { c as renderComponent, g as maybeRenderHead, h as renderTemplate } from "./server_B5gDREN0.mjs";
import { g as createComponent, t as $$Page } from "./Page_DIg0aLoI.mjs";
import { t } from "./i18n_CB-ZrA_P.mjs";
// site/src/pages/shell/disclosure.astro
var disclosure_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Disclosure,
	file: () => $$file,
	url: () => $$url
});
var $$Disclosure = createComponent(($$result, $$props, $$slots) => {
	return renderTemplate`${renderComponent($$result, "Page", $$Page, {
		"title": t("publish.history.versions"),
		"demo": true
	}, {
		"default": ($$result) => renderTemplate`  ${maybeRenderHead($$result)}<div data-page><p class="m">${t("village.liveFallback")}</p></div> `,
		"head": ($$result) => renderTemplate`<meta name="robots" content="noindex">`
	})}`;
}, "/work/main/site/src/pages/shell/disclosure.astro", void 0);
var $$file = "/work/main/site/src/pages/shell/disclosure.astro";
var $$url = "/shell/disclosure/";
// \0virtual:astro:page:src/pages/shell/disclosure@_@astro
var page = () => disclosure_exports;
export { page };
