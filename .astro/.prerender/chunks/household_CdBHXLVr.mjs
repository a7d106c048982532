import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { c as renderComponent, g as maybeRenderHead, h as renderTemplate } from "./server_B5gDREN0.mjs";
import { g as createComponent, t as $$Page } from "./Page_DIg0aLoI.mjs";
import { t } from "./i18n_CB-ZrA_P.mjs";
// site/src/pages/shell/household.astro
var household_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Household,
	file: () => $$file,
	url: () => $$url
});
var $$Household = createComponent(($$result, $$props, $$slots) => {
	return renderTemplate`${renderComponent($$result, "Page", $$Page, { "title": t("points.card.title") }, {
		"default": ($$result) => renderTemplate`   ${maybeRenderHead($$result)}<div data-page><p class="m">${t("village.liveFallback")}</p></div> `,
		"head": ($$result) => renderTemplate`<meta name="robots" content="noindex"><meta name="referrer" content="no-referrer">`
	})}`;
}, "/work/main/site/src/pages/shell/household.astro", void 0);
var $$file = "/work/main/site/src/pages/shell/household.astro";
var $$url = "/shell/household/";
// \0virtual:astro:page:src/pages/shell/household@_@astro
var page = () => household_exports;
export { page };
