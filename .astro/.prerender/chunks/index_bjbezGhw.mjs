import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { c as renderComponent, g as maybeRenderHead, h as renderTemplate, v as addAttribute } from "./server_B5gDREN0.mjs";
import { a as district, d as villages, f as villagesOfTown, g as createComponent, l as towns, t as $$Page } from "./Page_DIg0aLoI.mjs";
import { t } from "./i18n_CB-ZrA_P.mjs";
// site/src/pages/index.astro
var pages_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Index,
	file: () => $$file,
	url: () => ""
});
var $$Index = createComponent(($$result, $$props, $$slots) => {
	const townsWithVillages = towns.map((town) => ({
		town,
		list: villagesOfTown(town.code)
	}));
	const demo = villages.some((v) => v.demo);
	return renderTemplate`${renderComponent($$result, "Page", $$Page, {
		"title": `${district.name}${t("site.slogan")}`,
		"demo": demo
	}, { "default": ($$result) => renderTemplate` ${maybeRenderHead($$result)}<h1>${district.name} · ${t("site.slogan")}</h1> <p>${t("site.what")}</p> <p>${t("site.findVillage")}</p> <p><a href="/duties/">${t("duties.page.title")}</a> · <a href="/power/">${t("power.title")}</a></p> <h2>${t("site.towns")}</h2> <ul class="links"> ${townsWithVillages.map(({ town }) => renderTemplate`<li><a${addAttribute(`#t${town.code}`, "href")}>${town.name}</a></li>`)} </ul> ${townsWithVillages.map(({ town, list }) => renderTemplate`<section${addAttribute(`t${town.code}`, "id")}${addAttribute(`h${town.code}`, "aria-labelledby")}> <h3${addAttribute(`h${town.code}`, "id")}><a${addAttribute(`/z/${town.code}/`, "href")}>${town.name}</a> <span class="sub">${t("site.villageCount", { count: list.length })}</span></h3> ${list.length === 0 ? renderTemplate`<p class="sub">${t("site.noVillages")}</p>` : renderTemplate`<ul class="links">${list.map((v) => renderTemplate`<li><a${addAttribute(`/v/${v.code}/`, "href")}>${v.name}</a></li>`)}</ul>`} </section>`)}` })}`;
}, "/work/main/site/src/pages/index.astro", void 0);
var $$file = "/work/main/site/src/pages/index.astro";
// \0virtual:astro:page:src/pages/index@_@astro
var page = () => pages_exports;
export { page };
