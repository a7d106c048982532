import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { c as renderComponent, g as maybeRenderHead, h as renderTemplate, l as Fragment, v as addAttribute } from "./server_B5gDREN0.mjs";
import { a as district, f as villagesOfTown, g as createComponent, h as createAstro, l as towns, t as $$Page } from "./Page_DIg0aLoI.mjs";
import { t } from "./i18n_CB-ZrA_P.mjs";
// site/src/pages/z/[town]/index.astro
var _town__exports = /* @__PURE__ */ __exportAll({
	default: () => $$Index,
	file: () => $$file,
	getStaticPaths: () => getStaticPaths,
	url: () => $$url
});
createAstro("https://cunma.example.cn");
function getStaticPaths() {
	return towns.map((town) => ({
		params: { town: town.code },
		props: { town }
	}));
}
var $$Index = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Index;
	const { town } = Astro.props;
	const list = villagesOfTown(town.code);
	return renderTemplate`${renderComponent($$result, "Page", $$Page, {
		"title": town.name,
		"demo": list.some((v) => v.demo)
	}, { "default": ($$result) => renderTemplate` ${maybeRenderHead($$result)}<p class="sub"><a href="/">${district.name}</a></p> <h1>${town.name}</h1> <p data-points-figures hidden></p> <h2>${t("town.villages")} <span class="sub">${t("site.villageCount", { count: list.length })}</span></h2> ${list.length === 0 ? renderTemplate`<p>${t("site.noVillages")}</p>` : renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate` <p class="sub">${t("town.statusLegend")}</p> <ul class="items"> ${list.map((v) => renderTemplate`<li><a${addAttribute(`/v/${v.code}/`, "href")}>${v.name}</a> <span class="m"${addAttribute(v.code, "data-village-status")}>${t("town.statusUnknown")}</span></li>`)} </ul> ` })}`}` })}`;
}, "/work/main/site/src/pages/z/[town]/index.astro", void 0);
var $$file = "/work/main/site/src/pages/z/[town]/index.astro";
var $$url = "/z/[town]/";
// \0virtual:astro:page:src/pages/z/[town]/index@_@astro
var page = () => _town__exports;
export { page };
