import { g as maybeRenderHead, h as renderTemplate, v as addAttribute } from "./server_B5gDREN0.mjs";
import { g as createComponent } from "./Page_DIg0aLoI.mjs";
import { t } from "./i18n_CB-ZrA_P.mjs";
// site/src/components/StaffNav.astro
var $$StaffNav = createComponent(($$result, $$props, $$slots) => {
	return renderTemplate`${maybeRenderHead($$result)}<nav class="staff-nav"${addAttribute(t("cases.nav.queue"), "aria-label")}> <a href="/staff/">${t("cases.nav.home")}</a> <a href="/staff/cases/">${t("cases.nav.queue")}</a> <a href="/staff/figures/">${t("cases.nav.figures")}</a> <a href="/staff/publish/">${t("publish.page.title")}</a> <a href="/staff/overdue/">${t("publish.overdue.title")}</a> <a href="/staff/meetings/">${t("meetings.staff.title")}</a> <a href="/staff/figures/grid/">${t("grid.figures.title")}</a> <a href="/staff/points/">${t("points.staff.title")}</a> </nav> <noscript><p class="alert">${t("cases.noscript")}</p></noscript>`;
}, "/work/main/site/src/components/StaffNav.astro", void 0);
export { $$StaffNav as t };
