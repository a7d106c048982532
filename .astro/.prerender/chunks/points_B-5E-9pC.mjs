import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { c as renderComponent, g as maybeRenderHead, h as renderTemplate } from "./server_B5gDREN0.mjs";
import { g as createComponent, t as $$Page } from "./Page_DIg0aLoI.mjs";
import { t } from "./i18n_CB-ZrA_P.mjs";
// site/src/pages/shell/points.astro
var points_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Points,
	file: () => $$file,
	url: () => $$url
});
var $$Points = createComponent(($$result, $$props, $$slots) => {
	return renderTemplate`${renderComponent($$result, "Page", $$Page, {
		"title": t("points.board.title"),
		"demo": true
	}, {
		"default": ($$result) => renderTemplate`  ${maybeRenderHead($$result)}<div data-page><p class="m">${t("village.liveFallback")}</p></div> `,
		"head": ($$result) => renderTemplate`<meta name="robots" content="noindex">`
	})}`;
}, "/work/main/site/src/pages/shell/points.astro", void 0);
var $$file = "/work/main/site/src/pages/shell/points.astro";
var $$url = "/shell/points/";
// \0virtual:astro:page:src/pages/shell/points@_@astro
var page = () => points_exports;
export { page };
