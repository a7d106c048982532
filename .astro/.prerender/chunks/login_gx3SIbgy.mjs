import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { c as renderComponent, g as maybeRenderHead, h as renderTemplate, v as addAttribute } from "./server_B5gDREN0.mjs";
import { g as createComponent, m as renderScript, t as $$Page } from "./Page_DIg0aLoI.mjs";
import { t } from "./i18n_CB-ZrA_P.mjs";
// site/src/pages/staff/login.astro
var login_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Login,
	file: () => $$file,
	url: () => $$url
});
var $$Login = createComponent(($$result, $$props, $$slots) => {
	return renderTemplate`${renderComponent($$result, "Page", $$Page, {
		"title": t("staff.login.title"),
		"data-astro-cid-wsppalpf": true
	}, {
		"default": ($$result) => renderTemplate`  ${maybeRenderHead($$result)}<h1 data-astro-cid-wsppalpf>${t("staff.login.title")}</h1> <p data-astro-cid-wsppalpf>${t("staff.login.lead")}</p> <noscript><p class="late" data-astro-cid-wsppalpf>${t("staff.login.noscript")}</p></noscript> <form id="login" method="post" class="staff-form"${addAttribute(t("staff.login.busy"), "data-busy")}${addAttribute(t("staff.login.network"), "data-network")}${addAttribute(t("staff.home.loggedOut"), "data-logged-out")} data-astro-cid-wsppalpf> <label for="username" data-astro-cid-wsppalpf>${t("staff.login.username")}</label> <input id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required data-astro-cid-wsppalpf> <label for="password" data-astro-cid-wsppalpf>${t("staff.login.password")}</label> <input id="password" name="password" type="password" autocomplete="current-password" required data-astro-cid-wsppalpf> <p id="login-message" role="status" aria-live="polite" data-astro-cid-wsppalpf></p> <button type="submit" data-astro-cid-wsppalpf>${t("staff.login.submit")}</button> </form> <p class="m" data-astro-cid-wsppalpf>${t("staff.login.help")}</p>${renderScript($$result, "/work/main/site/src/pages/staff/login.astro?astro&type=script&index=0&lang.ts")}`,
		"head": ($$result) => renderTemplate`<meta name="robots" content="noindex">`
	})}`;
}, "/work/main/site/src/pages/staff/login.astro", void 0);
var $$file = "/work/main/site/src/pages/staff/login.astro";
var $$url = "/staff/login/";
// \0virtual:astro:page:src/pages/staff/login@_@astro
var page = () => login_exports;
export { page };
