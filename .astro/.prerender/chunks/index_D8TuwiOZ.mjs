import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { c as renderComponent, g as maybeRenderHead, h as renderTemplate, l as Fragment, v as addAttribute } from "./server_B5gDREN0.mjs";
import { a as district, c as townByCode, d as villages, g as createComponent, h as createAstro, i as categories, n as cadenceById, r as catalogueItems, s as modules, t as $$Page } from "./Page_DIg0aLoI.mjs";
import { i as villageArea, n as gridsOfVillage, r as liaisonsOfVillage, t as gridDataIsDemo } from "./grid_BwKXmBxV.mjs";
import { t } from "./i18n_CB-ZrA_P.mjs";
import { a as reportKinds, n as kindPaths } from "./report_54V31XCS.mjs";
// schema/cadres.ts
var roles = [
	{
		role: "村党组织书记、村委会主任",
		duties: "主持全面工作，重大事项决策，公开事项审核签字"
	},
	{
		role: "村务监督委员会主任",
		duties: "监督村务公开、财务收支和工程项目，审核每笔报销"
	},
	{
		role: "村委会委员（报账员）",
		duties: "财务报账、三资台账登记和每月财务公开"
	},
	{
		role: "村委会委员（妇女主任）",
		duties: "妇女儿童、计生、民生救助事项"
	},
	{
		role: "网格员",
		duties: "走访收集村民诉求，帮不方便的村民码上问、码上办"
	}
];
var surnames = [..."王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"];
var given = [..."建国军华明玉秀英文强海平红霞志刚立新春梅德福"];
/**
* The demo roster of a village, the same on every build.
* @example demoCadres("371603104201")[0].role // "村党组织书记、村委会主任"
*/
function demoCadres(villageCode) {
	let seed = Number(villageCode.slice(-6));
	const next = (n) => {
		seed = (seed * 1103515245 + 12345) % 2147483648;
		return seed % n;
	};
	return roles.map((r) => ({
		...r,
		name: `${surnames[next(surnames.length)]}${given[next(given.length)]}${given[next(given.length)]}`
	}));
}
// schema/data/policies.json
var policies_default = [
	{
		"id": "dibao",
		"module": "livelihood",
		"name": "农村最低生活保障",
		"body": "家庭人均收入低于当地低保标准的，可向村委会提出申请，经入户调查、民主评议、公示后由镇街审核、区民政局审批。",
		"source": "《社会救助暂行办法》"
	},
	{
		"id": "disability",
		"module": "livelihood",
		"name": "残疾人两项补贴",
		"body": "困难残疾人生活补贴和重度残疾人护理补贴，持残疾证向村委会或镇街便民服务中心申请，按月发放到本人账户。",
		"source": "国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见"
	},
	{
		"id": "farmland",
		"module": "policy",
		"name": "耕地地力保护补贴",
		"body": "按实际种植面积直接发放到承包农户“一卡通”，村里公示面积和金额，有出入可码上问。",
		"source": "农业农村部、财政部年度惠农政策"
	},
	{
		"id": "medical",
		"module": "policy",
		"name": "城乡居民基本医疗保险",
		"body": "每年集中缴费期内可在村里或手机上缴费，住院按比例报销，困难群众个人缴费部分有资助。",
		"source": "山东省城乡居民基本医疗保险办法"
	},
	{
		"id": "homestead",
		"module": "policy",
		"name": "农村宅基地审批",
		"body": "一户只能拥有一处宅基地。申请经村民小组、村集体经济组织审核公示后报镇街审批，审批结果在村里公开。",
		"source": "《中华人民共和国土地管理法》第六十二条"
	},
	{
		"id": "relief",
		"module": "livelihood",
		"name": "临时救助",
		"body": "遭遇突发事件、意外伤害、重大疾病导致基本生活暂时困难的家庭，可申请临时救助，急难情况可先行救助。",
		"source": "《社会救助暂行办法》"
	}
];
// site/src/pages/v/[village]/index.astro
var _village__exports = /* @__PURE__ */ __exportAll({
	default: () => $$Index,
	file: () => $$file,
	getStaticPaths: () => getStaticPaths,
	url: () => $$url
});
createAstro("https://cunma.example.cn");
function getStaticPaths() {
	return villages.map((village) => ({
		params: { village: village.code },
		props: { village }
	}));
}
var $$Index = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Index;
	const { village } = Astro.props;
	const town = townByCode(village.town);
	const cadres = demoCadres(village.code);
	const villageGrids = gridsOfVillage(village.code);
	const villageLiaisons = liaisonsOfVillage(village.code);
	const moduleName = (id) => modules.find((m) => m.id === id)?.name ?? id;
	const livelihoodItems = [
		"village-dibao",
		"village-disability",
		"village-relief",
		"village-farm-subsidy",
		"village-public-jobs"
	];
	const cadenceParts = (cadence) => t("village.cadence", {
		cadence: cadence.name,
		deadline: "\n"
	}).split("\n");
	return renderTemplate`${renderComponent($$result, "Page", $$Page, {
		"title": `${village.name}（${town?.name}）`,
		"demo": true
	}, { "default": ($$result) => renderTemplate` ${maybeRenderHead($$result)}<p class="sub"><a href="/">${district.name}</a> · <a${addAttribute(`/z/${village.town}/`, "href")}>${town?.name}</a></p> <h1>${village.name}</h1> <nav${addAttribute(t("village.modules"), "aria-label")}> <ul class="links">${modules.map((m) => renderTemplate`<li><a${addAttribute(`#${m.id}`, "href")}>${m.name}</a></li>`)}</ul> </nav> <section aria-labelledby="h-say"> <h2 id="h-say">${t("reports.village.entries")}</h2> <ul class="entries"> ${reportKinds.map((kind) => renderTemplate`<li><a${addAttribute(`/v/${village.code}/${kindPaths[kind]}/`, "href")}><b>${t(`reports.kind.${kind}`)}</b> ${t(`reports.kindHint.${kind}`)}</a></li>`)} </ul> <h3>${t("reports.village.figures")}</h3> <p data-cases>${t("reports.village.figuresFallback")}</p> <p><a href="/r/">${t("reports.village.lookup")}</a></p> <h3>${t("grid.village.title")} ${gridDataIsDemo && renderTemplate`<b class="tag">${t("site.demoTag")}</b>`}</h3> <p class="sub">${t("grid.village.lead")} ${t("grid.village.area", { area: villageArea(village.code)?.name ?? "" })}</p> <ul class="items" data-grid-people> ${villageGrids.map((g) => renderTemplate`<li><b>${g.name}</b> ${t("grid.village.workers")}：${g.workers.map((w, i) => renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`${i > 0 && "、"}${w.name} <a${addAttribute(`tel:${w.phone}`, "href")}>${w.phone}</a>` })}`)}</li>`)} <li><b>${t("grid.village.liaisons")}</b>：${villageLiaisons.map((l, i) => renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`${i > 0 && "、"}${l.name}（${l.post}） <a${addAttribute(`tel:${l.phone}`, "href")}>${l.phone}</a>` })}`)}</li> </ul> <div data-talks hidden><h3>${t("grid.village.talks")}</h3><ul class="items" data-talk-list></ul></div> </section> <section id="affairs" aria-labelledby="h-affairs"> <h2 id="h-affairs">${moduleName("affairs")}</h2> <p class="sub">${t("village.affairs.lead")}</p> <p data-meeting hidden></p> <p data-points hidden></p> <p data-fingerprint hidden></p> ${categories.map((category) => renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate` <h3>${category.name}</h3> <ul class="items"> ${catalogueItems.filter((i) => i.category === category.id).map((item) => {
		const cadence = cadenceById(item.cadence);
		return renderTemplate`<li${addAttribute(`i-${item.id}`, "id")}> <h4>${item.name} <span class="m">${cadenceParts(cadence)[0]}<span class="n">${cadence.deadline}</span>${cadenceParts(cadence)[1]}</span></h4> <div${addAttribute(item.id, "data-item")}><p class="m">${t("village.liveFallback")}</p></div> </li>`;
	})} </ul> <p class="m"${addAttribute(category.id, "data-quiet")} hidden></p> ` })}`)} </section> <section id="policy" aria-labelledby="h-policy"> <h2 id="h-policy">${moduleName("policy")}</h2> <p class="sub">${t("village.policy.lead")}</p> <ul class="items"> ${policies_default.filter((p) => p.module === "policy").map((p) => renderTemplate`<li><h3>${p.name}</h3><p>${p.body}</p><p class="m">${p.source}</p></li>`)} </ul> </section> <section id="livelihood" aria-labelledby="h-livelihood"> <h2 id="h-livelihood">${moduleName("livelihood")}</h2> <p class="sub">${t("village.livelihood.lead")}</p> <ul class="items"> ${policies_default.filter((p) => p.module === "livelihood").map((p) => renderTemplate`<li><h3>${p.name}</h3><p>${p.body}</p><p class="m">${p.source}</p></li>`)} </ul> <ul class="links"> ${livelihoodItems.map((id) => renderTemplate`<li><a${addAttribute(`#i-${id}`, "href")}>${catalogueItems.find((i) => i.id === id)?.name}</a></li>`)} </ul> </section> <section id="conduct" aria-labelledby="h-conduct"> <h2 id="h-conduct">${moduleName("conduct")}</h2> <p class="sub">${t("village.conduct.lead")}</p> <p><a${addAttribute(`/v/${village.code}/power/`, "href")}>${t("power.villageLink")}</a></p> <h3>${t("village.cadres")} <b class="tag">${t("site.demoTag")}</b></h3> <ul class="items"> ${cadres.map((c) => renderTemplate`<li><b>${c.name}</b> ${c.role}<p class="m">${c.duties}</p></li>`)} </ul> </section> <p class="m"><a${addAttribute(`/v/${village.code}/qr.svg`, "href")}${addAttribute(`${village.code}-${village.name}.svg`, "download")}>${t("qr.reprint")}</a></p> ` })}`;
}, "/work/main/site/src/pages/v/[village]/index.astro", void 0);
var $$file = "/work/main/site/src/pages/v/[village]/index.astro";
var $$url = "/v/[village]/";
// \0virtual:astro:page:src/pages/v/[village]/index@_@astro
var page = () => _village__exports;
export { page };
