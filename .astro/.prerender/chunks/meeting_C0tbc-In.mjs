import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { c as renderComponent, g as maybeRenderHead, h as renderTemplate } from "./server_B5gDREN0.mjs";
import { g as createComponent, t as $$Page } from "./Page_DIg0aLoI.mjs";
import { t } from "./i18n_CB-ZrA_P.mjs";
// site/src/pages/shell/meeting.astro
var meeting_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Meeting,
	file: () => $$file,
	url: () => $$url
});
var $$Meeting = createComponent(($$result, $$props, $$slots) => {
	return renderTemplate`${renderComponent($$result, "Page", $$Page, {
		"title": t("meetings.page.title"),
		"demo": true
	}, {
		"default": ($$result) => renderTemplate`  ${maybeRenderHead($$result)}<div data-page><p class="m">${t("village.liveFallback")}</p></div> `,
		"head": ($$result) => renderTemplate`<meta name="robots" content="noindex">`
	})}`;
}, "/work/main/site/src/pages/shell/meeting.astro", void 0);
var $$file = "/work/main/site/src/pages/shell/meeting.astro";
var $$url = "/shell/meeting/";
// \0virtual:astro:page:src/pages/shell/meeting@_@astro
var page = () => meeting_exports;
export { page };
