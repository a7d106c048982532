import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { c as renderComponent, g as maybeRenderHead, h as renderTemplate, v as addAttribute } from "./server_B5gDREN0.mjs";
import { g as createComponent, m as renderScript, t as $$Page } from "./Page_DIg0aLoI.mjs";
import { a as matters, i as matterAreas, n as dutiesAreDemo, r as dutyAreas, t as duties } from "./duties_DreRoj_2.mjs";
import { t } from "./i18n_CB-ZrA_P.mjs";
// site/src/pages/duties/index.astro
var duties_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Index,
	file: () => $$file,
	url: () => $$url
});
var $$Index = createComponent(($$result, $$props, $$slots) => {
	const main = matters.filter((m) => m.role === "main").length;
	return renderTemplate`${renderComponent($$result, "Page", $$Page, {
		"title": t("duties.page.title"),
		"description": t("duties.page.lead"),
		"demo": dutiesAreDemo
	}, { "default": ($$result) => renderTemplate` ${maybeRenderHead($$result)}<h1>${t("duties.page.title")} ${dutiesAreDemo && renderTemplate`<b class="tag">${t("site.demoTag")}</b>`}</h1> <p>${t("duties.page.lead")}</p> <p class="m"><a href="/power/">${t("power.title")}</a></p> <form class="find" role="search" data-find hidden> <label for="q">${t("duties.page.search")}</label> <input id="q" name="q" type="search" autocomplete="off"> <p class="m" data-find-none hidden>${t("duties.page.noMatch")}</p> </form> <noscript><p class="m">${t("duties.page.searchHint")}</p></noscript> <section id="duties" aria-labelledby="h-duties"> <h2 id="h-duties">${t("duties.page.duties", {
		areas: dutyAreas.length,
		count: duties.length
	})}</h2> ${dutyAreas.map((area) => renderTemplate`<div data-area> <h3>${area.name}</h3> <ul class="items"> ${duties.filter((d) => d.area === area.id).map((d) => renderTemplate`<li${addAttribute(d.id, "id")} data-item>${d.name}<p class="m">${t("duties.page.body", {
		body: d.body,
		responsible: d.responsible
	})}</p></li>`)} </ul> </div>`)} </section> <section id="matters" aria-labelledby="h-matters"> <h2 id="h-matters">${t("duties.page.matters", {
		areas: matterAreas.length,
		count: matters.length,
		main,
		support: matters.length - main
	})}</h2> ${matterAreas.map((area) => renderTemplate`<div data-area> <h3>${area.name}</h3> <ul class="items"> ${matters.filter((m) => m.area === area.id).map((m) => renderTemplate`<li${addAttribute(m.id, "id")} data-item>${m.name} <b class="tag">${t(`duties.page.${m.role}`)}</b><p class="m">${t("duties.page.leadDept", { lead: m.lead })}</p></li>`)} </ul> </div>`)} </section>${renderScript($$result, "/work/main/site/src/pages/duties/index.astro?astro&type=script&index=0&lang.ts")}` })}`;
}, "/work/main/site/src/pages/duties/index.astro", void 0);
var $$file = "/work/main/site/src/pages/duties/index.astro";
var $$url = "/duties/";
// \0virtual:astro:page:src/pages/duties/index@_@astro
var page = () => duties_exports;
export { page };
