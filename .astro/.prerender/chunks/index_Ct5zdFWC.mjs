import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { c as renderComponent, g as maybeRenderHead, h as renderTemplate, l as Fragment, v as addAttribute } from "./server_B5gDREN0.mjs";
import { g as createComponent, t as $$Page } from "./Page_DIg0aLoI.mjs";
import { t } from "./i18n_CB-ZrA_P.mjs";
import { n as negativePowers, r as positivePowers, t as byPowerCategory } from "./power_BfoiOrdl.mjs";
// site/src/pages/power/index.astro
var power_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Index,
	file: () => $$file,
	url: () => $$url
});
var $$Index = createComponent(($$result, $$props, $$slots) => {
	return renderTemplate`${renderComponent($$result, "Page", $$Page, {
		"title": t("power.title"),
		"description": t("power.lead")
	}, { "default": ($$result) => renderTemplate` ${maybeRenderHead($$result)}<h1>${t("power.title")}</h1> <p>${t("power.lead")}</p> <p class="m" data-report-hint>${t("power.chooseVillage")} <a href="/">${t("power.home")}</a></p> <nav${addAttribute(t("power.title"), "aria-label")}> <ul class="links"><li><a href="#positive">${t("power.positive")}</a></li><li><a href="#negative">${t("power.negative")}</a></li></ul> </nav> <section id="positive" aria-labelledby="h-positive"> <h2 id="h-positive">${t("power.positive")} <span class="sub">${t("power.count", { count: positivePowers.length })}</span></h2> ${byPowerCategory(positivePowers).map(([category, list]) => renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate` <h3>${category}</h3> <ul class="items"> ${list.map((p) => renderTemplate`<li><a${addAttribute(`${p.id}/`, "href")}>${p.name}</a><p class="m">${p.responsible}</p></li>`)} </ul> ` })}`)} </section> <section id="negative" aria-labelledby="h-negative"> <h2 id="h-negative">${t("power.negative")} <span class="sub">${t("power.count", { count: negativePowers.length })}</span></h2> ${byPowerCategory(negativePowers).map(([category, list]) => renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate` <h3>${category}</h3> <ul class="items"> ${list.map((n) => renderTemplate`<li${addAttribute(n.id, "id")}> <h4><a${addAttribute(`${n.id}/`, "href")}>${n.name}</a></h4> <p>${n.description}</p> <p><a href="/" data-report-link${addAttribute(n.id, "data-power")}${addAttribute(t("power.reportAbout", { name: n.name }), "aria-label")}>${t("power.report")}</a></p> </li>`)} </ul> ` })}`)} </section> <p class="m">${t("power.standard")}</p> ` })}`;
}, "/work/main/site/src/pages/power/index.astro", void 0);
var $$file = "/work/main/site/src/pages/power/index.astro";
var $$url = "/power/";
// \0virtual:astro:page:src/pages/power/index@_@astro
var page = () => power_exports;
export { page };
