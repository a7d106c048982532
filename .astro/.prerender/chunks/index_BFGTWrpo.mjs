import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { c as renderComponent, g as maybeRenderHead, h as renderTemplate, t as spreadAttributes, v as addAttribute } from "./server_B5gDREN0.mjs";
import { g as createComponent, m as renderScript, t as $$Page } from "./Page_DIg0aLoI.mjs";
import { t } from "./i18n_CB-ZrA_P.mjs";
import "./grid_BwKXmBxV.mjs";
// schema/staff.ts
var staffRoles = [
	"district_admin",
	"town_inspector",
	"village_secretary",
	"grid_worker",
	"points_admin",
	"points_supervisor"
];
// site/src/pages/staff/index.astro
var staff_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Index,
	file: () => $$file,
	url: () => $$url
});
var $$Index = createComponent(($$result, $$props, $$slots) => {
	const roleNames = Object.fromEntries(staffRoles.map((role) => [`data-role-${role}`, t(`staff.role.${role}`)]));
	return renderTemplate`${renderComponent($$result, "Page", $$Page, {
		"title": t("staff.home.title"),
		"data-astro-cid-kt5rzcv5": true
	}, {
		"default": ($$result) => renderTemplate`  ${maybeRenderHead($$result)}<h1 data-astro-cid-kt5rzcv5>${t("staff.home.title")}</h1> <p id="staff-status" role="status" data-astro-cid-kt5rzcv5>${t("staff.home.loading")}</p> <noscript><p class="late" data-astro-cid-kt5rzcv5>${t("staff.login.noscript")}</p></noscript> <section id="staff-me" hidden${addAttribute(t("staff.home.hello"), "data-hello")}${addAttribute(t("staff.home.scope"), "data-scope")}${addAttribute(t("staff.login.network"), "data-network")}${spreadAttributes(roleNames, void 0, { "class": "astro-kt5rzcv5" })} data-astro-cid-kt5rzcv5> <p id="staff-hello" data-astro-cid-kt5rzcv5></p> <p id="staff-scope" class="sub" data-astro-cid-kt5rzcv5></p> <section class="todo" aria-labelledby="todo-title" data-todo hidden data-astro-cid-kt5rzcv5> <h2 id="todo-title" data-astro-cid-kt5rzcv5>${t("cases.home.todo")}</h2> <ul data-astro-cid-kt5rzcv5> <li data-astro-cid-kt5rzcv5><a href="/staff/cases/?state=received" data-astro-cid-kt5rzcv5><b data-count="new" data-astro-cid-kt5rzcv5>0</b> ${t("cases.home.new")}</a></li> <li data-astro-cid-kt5rzcv5><a href="/staff/cases/?overdue=1" data-astro-cid-kt5rzcv5><b data-count="overdue" data-astro-cid-kt5rzcv5>0</b> ${t("cases.home.overdue")}</a></li> <li data-astro-cid-kt5rzcv5><a href="/staff/cases/" data-astro-cid-kt5rzcv5><b data-count="reopened" data-astro-cid-kt5rzcv5>0</b> ${t("cases.home.reopened")}</a></li> </ul> </section> <ul class="links" data-astro-cid-kt5rzcv5> <li data-astro-cid-kt5rzcv5><a href="/staff/cases/" data-astro-cid-kt5rzcv5>${t("cases.nav.queue")}</a></li> <li data-astro-cid-kt5rzcv5><a href="/staff/figures/" data-astro-cid-kt5rzcv5>${t("cases.nav.figures")}</a></li> <li data-astro-cid-kt5rzcv5><a href="/staff/publish/" data-astro-cid-kt5rzcv5>${t("publish.page.title")}</a></li> <li data-astro-cid-kt5rzcv5><a href="/staff/overdue/" data-astro-cid-kt5rzcv5>${t("publish.overdue.title")}</a></li> <li data-astro-cid-kt5rzcv5><a href="/staff/meetings/" data-astro-cid-kt5rzcv5>${t("meetings.staff.title")}</a></li> <li data-astro-cid-kt5rzcv5><a href="/staff/grid/" data-astro-cid-kt5rzcv5>${t("grid.staff.title")}</a></li> </ul> <button id="staff-logout" type="button" class="staff-logout" data-astro-cid-kt5rzcv5>${t("staff.home.logout")}</button> </section>${renderScript($$result, "/work/main/site/src/pages/staff/index.astro?astro&type=script&index=0&lang.ts")}`,
		"head": ($$result) => renderTemplate`<meta name="robots" content="noindex">`
	})}`;
}, "/work/main/site/src/pages/staff/index.astro", void 0);
var $$file = "/work/main/site/src/pages/staff/index.astro";
var $$url = "/staff/";
// \0virtual:astro:page:src/pages/staff/index@_@astro
var page = () => staff_exports;
export { page };
