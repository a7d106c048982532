import { I as InvalidComponentArgs, Q as UnavailableAstroGlobal, _ as renderHead, et as AstroError, f as renderSlot, h as renderTemplate, rt as ASTRO_GENERATOR, v as addAttribute, y as createRenderInstruction } from "./server_B5gDREN0.mjs";
import { t } from "./i18n_CB-ZrA_P.mjs";
import { z } from "zod";
// node_modules/astro/dist/runtime/server/astro-component.js
function validateArgs(args) {
	if (args.length !== 3) return false;
	if (!args[0] || typeof args[0] !== "object") return false;
	return true;
}
function baseCreateComponent(cb, moduleId, propagation) {
	const name = moduleId?.split("/").pop()?.replace(".astro", "") ?? "";
	const fn = (...args) => {
		if (!validateArgs(args)) throw new AstroError({
			...InvalidComponentArgs,
			message: InvalidComponentArgs.message(name)
		});
		return cb(...args);
	};
	Object.defineProperty(fn, "name", {
		value: name,
		writable: false
	});
	fn.isAstroComponentFactory = true;
	fn.moduleId = moduleId;
	fn.propagation = propagation;
	return fn;
}
function createComponentWithOptions(opts) {
	return baseCreateComponent(opts.factory, opts.moduleId, opts.propagation);
}
function createComponent(arg1, moduleId, propagation) {
	if (typeof arg1 === "function") return baseCreateComponent(arg1, moduleId, propagation);
	else return createComponentWithOptions(arg1);
}
// node_modules/astro/dist/runtime/server/astro-global.js
function createError(name) {
	return new AstroError({
		...UnavailableAstroGlobal,
		message: UnavailableAstroGlobal.message(name)
	});
}
function createAstro(site) {
	return {
		get site() {
			console.warn(`Astro.site inside getStaticPaths is deprecated and will be removed in a future major version of Astro. Use import.meta.env.SITE instead`);
			return site ? new URL(site) : void 0;
		},
		get generator() {
			console.warn(`Astro.generator inside getStaticPaths is deprecated and will be removed in a future major version of Astro.`);
			return ASTRO_GENERATOR;
		},
		get callAction() {
			throw createError("callAction");
		},
		get clientAddress() {
			throw createError("clientAddress");
		},
		get cookies() {
			throw createError("cookies");
		},
		get csp() {
			throw createError("csp");
		},
		get currentLocale() {
			throw createError("currentLocale");
		},
		get getActionResult() {
			throw createError("getActionResult");
		},
		get isPrerendered() {
			throw createError("isPrerendered");
		},
		get locals() {
			throw createError("locals");
		},
		get originPathname() {
			throw createError("originPathname");
		},
		get params() {
			throw createError("params");
		},
		get preferredLocale() {
			throw createError("preferredLocale");
		},
		get preferredLocaleList() {
			throw createError("preferredLocaleList");
		},
		get props() {
			throw createError("props");
		},
		get redirect() {
			throw createError("redirect");
		},
		get request() {
			throw createError("request");
		},
		get response() {
			throw createError("response");
		},
		get rewrite() {
			throw createError("rewrite");
		},
		get routePattern() {
			throw createError("routePattern");
		},
		get self() {
			throw createError("self");
		},
		get slots() {
			throw createError("slots");
		},
		get url() {
			throw createError("url");
		},
		get session() {
			throw createError("session");
		},
		get cache() {
			throw createError("cache");
		},
		get logger() {
			throw createError("logger");
		}
	};
}
// node_modules/astro/dist/runtime/server/render/script.js
async function renderScript(result, id) {
	const inlined = result.inlinedScripts.get(id);
	let content = "";
	if (inlined != null) {
		if (inlined) content = `<script type="module">${inlined}<\/script>`;
	} else {
		const resolved = await result.resolve(id);
		content = `<script type="module" src="${result.userAssetsBase ? (result.base === "/" ? "" : result.base) + result.userAssetsBase : ""}${resolved}"><\/script>`;
	}
	return createRenderInstruction({
		type: "script",
		id,
		content
	});
}
var catalogue_default = {
	categories: [
		{
			"id": "party",
			"name": "党务公开"
		},
		{
			"id": "village",
			"name": "村务公开"
		},
		{
			"id": "finance",
			"name": "财务公开（三资）"
		}
	],
	cadences: [
		{
			"id": "monthly",
			"name": "每月公开",
			"deadline": "次月10日前"
		},
		{
			"id": "quarterly",
			"name": "每季度公开",
			"deadline": "每季度首月20日前"
		},
		{
			"id": "yearly",
			"name": "每年公开",
			"deadline": "次年1月20日前"
		},
		{
			"id": "immediate",
			"name": "随时公开",
			"deadline": "事项发生后及时公开"
		},
		{
			"id": "on_change",
			"name": "变动时公开",
			"deadline": "有变动时及时公开"
		}
	],
	items: [
		{
			"id": "party-organisation",
			"category": "party",
			"name": "组织设置及分工",
			"cadence": "on_change",
			"table": null
		},
		{
			"id": "party-annual-goals",
			"category": "party",
			"name": "年度工作目标",
			"cadence": "yearly",
			"table": null
		},
		{
			"id": "party-new-members",
			"category": "party",
			"name": "发展党员公示",
			"cadence": "immediate",
			"table": null
		},
		{
			"id": "party-dues",
			"category": "party",
			"name": "党费收缴使用",
			"cadence": "quarterly",
			"table": null
		},
		{
			"id": "party-meetings",
			"category": "party",
			"name": "三会一课、主题党日",
			"cadence": "monthly",
			"table": null
		},
		{
			"id": "party-member-review",
			"category": "party",
			"name": "民主评议党员结果",
			"cadence": "yearly",
			"table": null
		},
		{
			"id": "party-discipline",
			"category": "party",
			"name": "党员违纪处理",
			"cadence": "immediate",
			"table": null
		},
		{
			"id": "village-assembly-decisions",
			"category": "village",
			"name": "村民会议、代表会议决定事项",
			"cadence": "immediate",
			"table": null
		},
		{
			"id": "village-four-two",
			"category": "village",
			"name": "四议两公开决议及结果",
			"cadence": "immediate",
			"table": null
		},
		{
			"id": "village-one-matter",
			"category": "village",
			"name": "一事一议筹资筹劳",
			"cadence": "immediate",
			"table": null
		},
		{
			"id": "village-homestead",
			"category": "village",
			"name": "宅基地审批",
			"cadence": "quarterly",
			"table": null
		},
		{
			"id": "village-dibao",
			"category": "village",
			"name": "低保、特困人员名单",
			"cadence": "quarterly",
			"table": null
		},
		{
			"id": "village-disability",
			"category": "village",
			"name": "残疾人两项补贴",
			"cadence": "quarterly",
			"table": null
		},
		{
			"id": "village-relief",
			"category": "village",
			"name": "临时救助、走访慰问",
			"cadence": "quarterly",
			"table": null
		},
		{
			"id": "village-farm-subsidy",
			"category": "village",
			"name": "惠农补贴发放",
			"cadence": "immediate",
			"table": null
		},
		{
			"id": "village-veterans",
			"category": "village",
			"name": "优抚对象",
			"cadence": "quarterly",
			"table": null
		},
		{
			"id": "village-tendering",
			"category": "village",
			"name": "工程项目招投标",
			"cadence": "immediate",
			"table": null
		},
		{
			"id": "village-works-progress",
			"category": "village",
			"name": "工程进度与验收",
			"cadence": "immediate",
			"table": null
		},
		{
			"id": "village-land-compensation",
			"category": "village",
			"name": "土地征收补偿分配",
			"cadence": "immediate",
			"table": null
		},
		{
			"id": "village-membership",
			"category": "village",
			"name": "集体经济组织成员认定",
			"cadence": "immediate",
			"table": null
		},
		{
			"id": "village-grid",
			"category": "village",
			"name": "网格划分及网格员",
			"cadence": "on_change",
			"table": null
		},
		{
			"id": "village-rules",
			"category": "village",
			"name": "村规民约",
			"cadence": "on_change",
			"table": null
		},
		{
			"id": "village-points",
			"category": "village",
			"name": "积分评定结果",
			"cadence": "quarterly",
			"table": null
		},
		{
			"id": "village-public-jobs",
			"category": "village",
			"name": "公益性岗位",
			"cadence": "quarterly",
			"table": null
		},
		{
			"id": "finance-ledger",
			"category": "finance",
			"name": "财务收支明细",
			"cadence": "monthly",
			"table": "ledger"
		},
		{
			"id": "finance-quarterly",
			"category": "finance",
			"name": "季度收支汇总",
			"cadence": "quarterly",
			"table": "ledger"
		},
		{
			"id": "finance-budget",
			"category": "finance",
			"name": "年度预决算",
			"cadence": "yearly",
			"table": null
		},
		{
			"id": "finance-debts",
			"category": "finance",
			"name": "债权债务",
			"cadence": "quarterly",
			"table": null
		},
		{
			"id": "finance-assets",
			"category": "finance",
			"name": "资产台账",
			"cadence": "quarterly",
			"table": "assets"
		},
		{
			"id": "finance-resources",
			"category": "finance",
			"name": "资源台账",
			"cadence": "quarterly",
			"table": "resources"
		},
		{
			"id": "finance-contracts",
			"category": "finance",
			"name": "承包、租赁合同",
			"cadence": "quarterly",
			"table": "resources"
		},
		{
			"id": "finance-disposal",
			"category": "finance",
			"name": "资产资源处置",
			"cadence": "immediate",
			"table": null
		},
		{
			"id": "finance-distribution",
			"category": "finance",
			"name": "收益分配",
			"cadence": "yearly",
			"table": null
		},
		{
			"id": "finance-cadre-pay",
			"category": "finance",
			"name": "村干部报酬、误工补贴",
			"cadence": "yearly",
			"table": null
		},
		{
			"id": "finance-transfers",
			"category": "finance",
			"name": "上级转移支付专项资金",
			"cadence": "immediate",
			"table": null
		},
		{
			"id": "finance-audit",
			"category": "finance",
			"name": "审计结果",
			"cadence": "immediate",
			"table": null
		}
	]
};
var district_default = {
	code: "371603",
	name: "沾化区",
	city: "滨州市",
	province: "山东省",
	office: "沾化区纪委监委",
	contact: "沾化区纪委监委信访举报电话 0543-7321234（演示）"
};
// schema/data/modules.json
var modules_default = [
	{
		"id": "affairs",
		"name": "三务三资",
		"hint": "党务、村务、财务，资金、资产、资源，一项一项晒出来"
	},
	{
		"id": "policy",
		"name": "上级政策",
		"hint": "惠民政策怎么享受，找谁办"
	},
	{
		"id": "livelihood",
		"name": "民生事项",
		"hint": "低保、救助、补贴，看得见办得明"
	},
	{
		"id": "conduct",
		"name": "干部作风",
		"hint": "村干部是谁、管什么、权力怎么用"
	}
];
var towns_default = { towns: [
	{
		"code": "371603001",
		"name": "富国街道",
		"villages": 33
	},
	{
		"code": "371603002",
		"name": "富源街道",
		"villages": 41
	},
	{
		"code": "371603101",
		"name": "下洼镇",
		"villages": 62
	},
	{
		"code": "371603102",
		"name": "古城镇",
		"villages": 50
	},
	{
		"code": "371603103",
		"name": "冯家镇",
		"villages": 44
	},
	{
		"code": "371603104",
		"name": "泊头镇",
		"villages": 36
	},
	{
		"code": "371603105",
		"name": "大高镇",
		"villages": 66
	},
	{
		"code": "371603106",
		"name": "黄升镇",
		"villages": 34
	},
	{
		"code": "371603107",
		"name": "滨海镇",
		"villages": 15
	},
	{
		"code": "371603203",
		"name": "下河乡",
		"villages": 27
	},
	{
		"code": "371603204",
		"name": "利国乡",
		"villages": 30
	},
	{
		"code": "371603400",
		"name": "海防办事处",
		"villages": 0
	}
] };
// schema/data/villages.json
var villages_default = /*#__PURE__*/ JSON.parse("[{\"code\":\"371603001201\",\"town\":\"371603001\",\"name\":\"任集村\",\"demo\":true},{\"code\":\"371603001202\",\"town\":\"371603001\",\"name\":\"王庄村\",\"demo\":true},{\"code\":\"371603001203\",\"town\":\"371603001\",\"name\":\"朱集村\",\"demo\":true},{\"code\":\"371603001204\",\"town\":\"371603001\",\"name\":\"汪王村\",\"demo\":true},{\"code\":\"371603001205\",\"town\":\"371603001\",\"name\":\"刘家庄村\",\"demo\":true},{\"code\":\"371603001206\",\"town\":\"371603001\",\"name\":\"卢庄村\",\"demo\":true},{\"code\":\"371603001207\",\"town\":\"371603001\",\"name\":\"谭庄村\",\"demo\":true},{\"code\":\"371603001208\",\"town\":\"371603001\",\"name\":\"罗集村\",\"demo\":true},{\"code\":\"371603001209\",\"town\":\"371603001\",\"name\":\"顾集村\",\"demo\":true},{\"code\":\"371603001210\",\"town\":\"371603001\",\"name\":\"吴集村\",\"demo\":true},{\"code\":\"371603001211\",\"town\":\"371603001\",\"name\":\"北萧村\",\"demo\":true},{\"code\":\"371603001212\",\"town\":\"371603001\",\"name\":\"乔家庄村\",\"demo\":true},{\"code\":\"371603001213\",\"town\":\"371603001\",\"name\":\"尹家村\",\"demo\":true},{\"code\":\"371603001214\",\"town\":\"371603001\",\"name\":\"贾集村\",\"demo\":true},{\"code\":\"371603001215\",\"town\":\"371603001\",\"name\":\"杨家村\",\"demo\":true},{\"code\":\"371603001216\",\"town\":\"371603001\",\"name\":\"邵庄村\",\"demo\":true},{\"code\":\"371603001217\",\"town\":\"371603001\",\"name\":\"史官村\",\"demo\":true},{\"code\":\"371603001218\",\"town\":\"371603001\",\"name\":\"方王村\",\"demo\":true},{\"code\":\"371603001219\",\"town\":\"371603001\",\"name\":\"武家庄村\",\"demo\":true},{\"code\":\"371603001220\",\"town\":\"371603001\",\"name\":\"陈王村\",\"demo\":true},{\"code\":\"371603001221\",\"town\":\"371603001\",\"name\":\"史王村\",\"demo\":true},{\"code\":\"371603001222\",\"town\":\"371603001\",\"name\":\"方官村\",\"demo\":true},{\"code\":\"371603001223\",\"town\":\"371603001\",\"name\":\"高家村\",\"demo\":true},{\"code\":\"371603001224\",\"town\":\"371603001\",\"name\":\"马集村\",\"demo\":true},{\"code\":\"371603001225\",\"town\":\"371603001\",\"name\":\"郭家庄村\",\"demo\":true},{\"code\":\"371603001226\",\"town\":\"371603001\",\"name\":\"汪家庄村\",\"demo\":true},{\"code\":\"371603001227\",\"town\":\"371603001\",\"name\":\"东周村\",\"demo\":true},{\"code\":\"371603001228\",\"town\":\"371603001\",\"name\":\"邵家庄村\",\"demo\":true},{\"code\":\"371603001229\",\"town\":\"371603001\",\"name\":\"孙家村\",\"demo\":true},{\"code\":\"371603001230\",\"town\":\"371603001\",\"name\":\"林集村\",\"demo\":true},{\"code\":\"371603001231\",\"town\":\"371603001\",\"name\":\"前薛家村\",\"demo\":true},{\"code\":\"371603001232\",\"town\":\"371603001\",\"name\":\"杨庄村\",\"demo\":true},{\"code\":\"371603001233\",\"town\":\"371603001\",\"name\":\"前万村\",\"demo\":true},{\"code\":\"371603002201\",\"town\":\"371603002\",\"name\":\"贺家庄村\",\"demo\":true},{\"code\":\"371603002202\",\"town\":\"371603002\",\"name\":\"吕家庄村\",\"demo\":true},{\"code\":\"371603002203\",\"town\":\"371603002\",\"name\":\"卢家庄村\",\"demo\":true},{\"code\":\"371603002204\",\"town\":\"371603002\",\"name\":\"秦庄村\",\"demo\":true},{\"code\":\"371603002205\",\"town\":\"371603002\",\"name\":\"薛集村\",\"demo\":true},{\"code\":\"371603002206\",\"town\":\"371603002\",\"name\":\"康庄村\",\"demo\":true},{\"code\":\"371603002207\",\"town\":\"371603002\",\"name\":\"唐集村\",\"demo\":true},{\"code\":\"371603002208\",\"town\":\"371603002\",\"name\":\"孟官村\",\"demo\":true},{\"code\":\"371603002209\",\"town\":\"371603002\",\"name\":\"北宋家村\",\"demo\":true},{\"code\":\"371603002210\",\"town\":\"371603002\",\"name\":\"南宋村\",\"demo\":true},{\"code\":\"371603002211\",\"town\":\"371603002\",\"name\":\"孙家村\",\"demo\":true},{\"code\":\"371603002212\",\"town\":\"371603002\",\"name\":\"黎家庄村\",\"demo\":true},{\"code\":\"371603002213\",\"town\":\"371603002\",\"name\":\"丁家庄村\",\"demo\":true},{\"code\":\"371603002214\",\"town\":\"371603002\",\"name\":\"冯庄村\",\"demo\":true},{\"code\":\"371603002215\",\"town\":\"371603002\",\"name\":\"小罗家村\",\"demo\":true},{\"code\":\"371603002216\",\"town\":\"371603002\",\"name\":\"苏家庄村\",\"demo\":true},{\"code\":\"371603002217\",\"town\":\"371603002\",\"name\":\"白官村\",\"demo\":true},{\"code\":\"371603002218\",\"town\":\"371603002\",\"name\":\"侯王村\",\"demo\":true},{\"code\":\"371603002219\",\"town\":\"371603002\",\"name\":\"卢家村\",\"demo\":true},{\"code\":\"371603002220\",\"town\":\"371603002\",\"name\":\"魏王村\",\"demo\":true},{\"code\":\"371603002221\",\"town\":\"371603002\",\"name\":\"邱集村\",\"demo\":true},{\"code\":\"371603002222\",\"town\":\"371603002\",\"name\":\"后熊村\",\"demo\":true},{\"code\":\"371603002223\",\"town\":\"371603002\",\"name\":\"东戴村\",\"demo\":true},{\"code\":\"371603002224\",\"town\":\"371603002\",\"name\":\"郑集村\",\"demo\":true},{\"code\":\"371603002225\",\"town\":\"371603002\",\"name\":\"东邓村\",\"demo\":true},{\"code\":\"371603002226\",\"town\":\"371603002\",\"name\":\"罗王村\",\"demo\":true},{\"code\":\"371603002227\",\"town\":\"371603002\",\"name\":\"毛王村\",\"demo\":true},{\"code\":\"371603002228\",\"town\":\"371603002\",\"name\":\"傅家村\",\"demo\":true},{\"code\":\"371603002229\",\"town\":\"371603002\",\"name\":\"姚家庄村\",\"demo\":true},{\"code\":\"371603002230\",\"town\":\"371603002\",\"name\":\"陈家庄村\",\"demo\":true},{\"code\":\"371603002231\",\"town\":\"371603002\",\"name\":\"姜集村\",\"demo\":true},{\"code\":\"371603002232\",\"town\":\"371603002\",\"name\":\"黄家庄村\",\"demo\":true},{\"code\":\"371603002233\",\"town\":\"371603002\",\"name\":\"后姚家村\",\"demo\":true},{\"code\":\"371603002234\",\"town\":\"371603002\",\"name\":\"史官村\",\"demo\":true},{\"code\":\"371603002235\",\"town\":\"371603002\",\"name\":\"萧官村\",\"demo\":true},{\"code\":\"371603002236\",\"town\":\"371603002\",\"name\":\"毛庄村\",\"demo\":true},{\"code\":\"371603002237\",\"town\":\"371603002\",\"name\":\"徐官村\",\"demo\":true},{\"code\":\"371603002238\",\"town\":\"371603002\",\"name\":\"小黎村\",\"demo\":true},{\"code\":\"371603002239\",\"town\":\"371603002\",\"name\":\"小苏家村\",\"demo\":true},{\"code\":\"371603002240\",\"town\":\"371603002\",\"name\":\"吕家村\",\"demo\":true},{\"code\":\"371603002241\",\"town\":\"371603002\",\"name\":\"武集村\",\"demo\":true},{\"code\":\"371603101201\",\"town\":\"371603101\",\"name\":\"毛家巷一村\",\"demo\":false},{\"code\":\"371603101202\",\"town\":\"371603101\",\"name\":\"大下洼村\",\"demo\":false},{\"code\":\"371603101203\",\"town\":\"371603101\",\"name\":\"东下洼村\",\"demo\":false},{\"code\":\"371603101204\",\"town\":\"371603101\",\"name\":\"赖官村\",\"demo\":true},{\"code\":\"371603101205\",\"town\":\"371603101\",\"name\":\"后侯村\",\"demo\":true},{\"code\":\"371603101206\",\"town\":\"371603101\",\"name\":\"邓庄村\",\"demo\":true},{\"code\":\"371603101207\",\"town\":\"371603101\",\"name\":\"汪王村\",\"demo\":true},{\"code\":\"371603101208\",\"town\":\"371603101\",\"name\":\"西潘村\",\"demo\":true},{\"code\":\"371603101209\",\"town\":\"371603101\",\"name\":\"龚庄村\",\"demo\":true},{\"code\":\"371603101210\",\"town\":\"371603101\",\"name\":\"易集村\",\"demo\":true},{\"code\":\"371603101211\",\"town\":\"371603101\",\"name\":\"周家村\",\"demo\":true},{\"code\":\"371603101212\",\"town\":\"371603101\",\"name\":\"高集村\",\"demo\":true},{\"code\":\"371603101213\",\"town\":\"371603101\",\"name\":\"乔王村\",\"demo\":true},{\"code\":\"371603101214\",\"town\":\"371603101\",\"name\":\"徐家村\",\"demo\":true},{\"code\":\"371603101215\",\"town\":\"371603101\",\"name\":\"邹王村\",\"demo\":true},{\"code\":\"371603101216\",\"town\":\"371603101\",\"name\":\"龙官村\",\"demo\":true},{\"code\":\"371603101217\",\"town\":\"371603101\",\"name\":\"任家村\",\"demo\":true},{\"code\":\"371603101218\",\"town\":\"371603101\",\"name\":\"张家庄村\",\"demo\":true},{\"code\":\"371603101219\",\"town\":\"371603101\",\"name\":\"姜官村\",\"demo\":true},{\"code\":\"371603101220\",\"town\":\"371603101\",\"name\":\"蒋官村\",\"demo\":true},{\"code\":\"371603101221\",\"town\":\"371603101\",\"name\":\"前邵村\",\"demo\":true},{\"code\":\"371603101222\",\"town\":\"371603101\",\"name\":\"小王村\",\"demo\":true},{\"code\":\"371603101223\",\"town\":\"371603101\",\"name\":\"贾庄村\",\"demo\":true},{\"code\":\"371603101224\",\"town\":\"371603101\",\"name\":\"陈家庄村\",\"demo\":true},{\"code\":\"371603101225\",\"town\":\"371603101\",\"name\":\"东吴家村\",\"demo\":true},{\"code\":\"371603101226\",\"town\":\"371603101\",\"name\":\"北魏家村\",\"demo\":true},{\"code\":\"371603101227\",\"town\":\"371603101\",\"name\":\"龙王村\",\"demo\":true},{\"code\":\"371603101228\",\"town\":\"371603101\",\"name\":\"罗家村\",\"demo\":true},{\"code\":\"371603101229\",\"town\":\"371603101\",\"name\":\"阎庄村\",\"demo\":true},{\"code\":\"371603101230\",\"town\":\"371603101\",\"name\":\"丁王村\",\"demo\":true},{\"code\":\"371603101231\",\"town\":\"371603101\",\"name\":\"黎集村\",\"demo\":true},{\"code\":\"371603101232\",\"town\":\"371603101\",\"name\":\"龚家村\",\"demo\":true},{\"code\":\"371603101233\",\"town\":\"371603101\",\"name\":\"吕官村\",\"demo\":true},{\"code\":\"371603101234\",\"town\":\"371603101\",\"name\":\"姚集村\",\"demo\":true},{\"code\":\"371603101235\",\"town\":\"371603101\",\"name\":\"何家村\",\"demo\":true},{\"code\":\"371603101236\",\"town\":\"371603101\",\"name\":\"吕集村\",\"demo\":true},{\"code\":\"371603101237\",\"town\":\"371603101\",\"name\":\"北漕村\",\"demo\":true},{\"code\":\"371603101238\",\"town\":\"371603101\",\"name\":\"唐家村\",\"demo\":true},{\"code\":\"371603101239\",\"town\":\"371603101\",\"name\":\"东唐村\",\"demo\":true},{\"code\":\"371603101240\",\"town\":\"371603101\",\"name\":\"钟家村\",\"demo\":true},{\"code\":\"371603101241\",\"town\":\"371603101\",\"name\":\"龚集村\",\"demo\":true},{\"code\":\"371603101242\",\"town\":\"371603101\",\"name\":\"戴王村\",\"demo\":true},{\"code\":\"371603101243\",\"town\":\"371603101\",\"name\":\"袁王村\",\"demo\":true},{\"code\":\"371603101244\",\"town\":\"371603101\",\"name\":\"潘集村\",\"demo\":true},{\"code\":\"371603101245\",\"town\":\"371603101\",\"name\":\"孙王村\",\"demo\":true},{\"code\":\"371603101246\",\"town\":\"371603101\",\"name\":\"北张村\",\"demo\":true},{\"code\":\"371603101247\",\"town\":\"371603101\",\"name\":\"朱庄村\",\"demo\":true},{\"code\":\"371603101248\",\"town\":\"371603101\",\"name\":\"北秦家村\",\"demo\":true},{\"code\":\"371603101249\",\"town\":\"371603101\",\"name\":\"孟庄村\",\"demo\":true},{\"code\":\"371603101250\",\"town\":\"371603101\",\"name\":\"叶家村\",\"demo\":true},{\"code\":\"371603101251\",\"town\":\"371603101\",\"name\":\"崔集村\",\"demo\":true},{\"code\":\"371603101252\",\"town\":\"371603101\",\"name\":\"唐王村\",\"demo\":true},{\"code\":\"371603101253\",\"town\":\"371603101\",\"name\":\"前漕村\",\"demo\":true},{\"code\":\"371603101254\",\"town\":\"371603101\",\"name\":\"卢王村\",\"demo\":true},{\"code\":\"371603101255\",\"town\":\"371603101\",\"name\":\"魏家庄村\",\"demo\":true},{\"code\":\"371603101256\",\"town\":\"371603101\",\"name\":\"前于家村\",\"demo\":true},{\"code\":\"371603101257\",\"town\":\"371603101\",\"name\":\"前汪家村\",\"demo\":true},{\"code\":\"371603101258\",\"town\":\"371603101\",\"name\":\"崔家村\",\"demo\":true},{\"code\":\"371603101259\",\"town\":\"371603101\",\"name\":\"小徐家村\",\"demo\":true},{\"code\":\"371603101260\",\"town\":\"371603101\",\"name\":\"崔王村\",\"demo\":true},{\"code\":\"371603101261\",\"town\":\"371603101\",\"name\":\"江庄村\",\"demo\":true},{\"code\":\"371603101262\",\"town\":\"371603101\",\"name\":\"顾集村\",\"demo\":true},{\"code\":\"371603102201\",\"town\":\"371603102\",\"name\":\"古城村\",\"demo\":false},{\"code\":\"371603102202\",\"town\":\"371603102\",\"name\":\"郑庄村\",\"demo\":true},{\"code\":\"371603102203\",\"town\":\"371603102\",\"name\":\"顾集村\",\"demo\":true},{\"code\":\"371603102204\",\"town\":\"371603102\",\"name\":\"廖官村\",\"demo\":true},{\"code\":\"371603102205\",\"town\":\"371603102\",\"name\":\"贾官村\",\"demo\":true},{\"code\":\"371603102206\",\"town\":\"371603102\",\"name\":\"董集村\",\"demo\":true},{\"code\":\"371603102207\",\"town\":\"371603102\",\"name\":\"袁家村\",\"demo\":true},{\"code\":\"371603102208\",\"town\":\"371603102\",\"name\":\"龚庄村\",\"demo\":true},{\"code\":\"371603102209\",\"town\":\"371603102\",\"name\":\"林家庄村\",\"demo\":true},{\"code\":\"371603102210\",\"town\":\"371603102\",\"name\":\"方家庄村\",\"demo\":true},{\"code\":\"371603102211\",\"town\":\"371603102\",\"name\":\"唐家村\",\"demo\":true},{\"code\":\"371603102212\",\"town\":\"371603102\",\"name\":\"西尹村\",\"demo\":true},{\"code\":\"371603102213\",\"town\":\"371603102\",\"name\":\"乔家庄村\",\"demo\":true},{\"code\":\"371603102214\",\"town\":\"371603102\",\"name\":\"周官村\",\"demo\":true},{\"code\":\"371603102215\",\"town\":\"371603102\",\"name\":\"龙集村\",\"demo\":true},{\"code\":\"371603102216\",\"town\":\"371603102\",\"name\":\"高集村\",\"demo\":true},{\"code\":\"371603102217\",\"town\":\"371603102\",\"name\":\"大白村\",\"demo\":true},{\"code\":\"371603102218\",\"town\":\"371603102\",\"name\":\"崔家村\",\"demo\":true},{\"code\":\"371603102219\",\"town\":\"371603102\",\"name\":\"宋家村\",\"demo\":true},{\"code\":\"371603102220\",\"town\":\"371603102\",\"name\":\"王官村\",\"demo\":true},{\"code\":\"371603102221\",\"town\":\"371603102\",\"name\":\"吴集村\",\"demo\":true},{\"code\":\"371603102222\",\"town\":\"371603102\",\"name\":\"南冯村\",\"demo\":true},{\"code\":\"371603102223\",\"town\":\"371603102\",\"name\":\"大谭家村\",\"demo\":true},{\"code\":\"371603102224\",\"town\":\"371603102\",\"name\":\"胡王村\",\"demo\":true},{\"code\":\"371603102225\",\"town\":\"371603102\",\"name\":\"林家村\",\"demo\":true},{\"code\":\"371603102226\",\"town\":\"371603102\",\"name\":\"漕家村\",\"demo\":true},{\"code\":\"371603102227\",\"town\":\"371603102\",\"name\":\"小孔家村\",\"demo\":true},{\"code\":\"371603102228\",\"town\":\"371603102\",\"name\":\"姜庄村\",\"demo\":true},{\"code\":\"371603102229\",\"town\":\"371603102\",\"name\":\"钟集村\",\"demo\":true},{\"code\":\"371603102230\",\"town\":\"371603102\",\"name\":\"余家村\",\"demo\":true},{\"code\":\"371603102231\",\"town\":\"371603102\",\"name\":\"陈庄村\",\"demo\":true},{\"code\":\"371603102232\",\"town\":\"371603102\",\"name\":\"袁庄村\",\"demo\":true},{\"code\":\"371603102233\",\"town\":\"371603102\",\"name\":\"秦家庄村\",\"demo\":true},{\"code\":\"371603102234\",\"town\":\"371603102\",\"name\":\"程家村\",\"demo\":true},{\"code\":\"371603102235\",\"town\":\"371603102\",\"name\":\"文王村\",\"demo\":true},{\"code\":\"371603102236\",\"town\":\"371603102\",\"name\":\"康集村\",\"demo\":true},{\"code\":\"371603102237\",\"town\":\"371603102\",\"name\":\"史家庄村\",\"demo\":true},{\"code\":\"371603102238\",\"town\":\"371603102\",\"name\":\"后韩村\",\"demo\":true},{\"code\":\"371603102239\",\"town\":\"371603102\",\"name\":\"孙家村\",\"demo\":true},{\"code\":\"371603102240\",\"town\":\"371603102\",\"name\":\"后任村\",\"demo\":true},{\"code\":\"371603102241\",\"town\":\"371603102\",\"name\":\"程家庄村\",\"demo\":true},{\"code\":\"371603102242\",\"town\":\"371603102\",\"name\":\"赖王村\",\"demo\":true},{\"code\":\"371603102243\",\"town\":\"371603102\",\"name\":\"常家村\",\"demo\":true},{\"code\":\"371603102244\",\"town\":\"371603102\",\"name\":\"金家村\",\"demo\":true},{\"code\":\"371603102245\",\"town\":\"371603102\",\"name\":\"丁家庄村\",\"demo\":true},{\"code\":\"371603102246\",\"town\":\"371603102\",\"name\":\"任集村\",\"demo\":true},{\"code\":\"371603102247\",\"town\":\"371603102\",\"name\":\"蔡庄村\",\"demo\":true},{\"code\":\"371603102248\",\"town\":\"371603102\",\"name\":\"西赖村\",\"demo\":true},{\"code\":\"371603102249\",\"town\":\"371603102\",\"name\":\"钱庄村\",\"demo\":true},{\"code\":\"371603102250\",\"town\":\"371603102\",\"name\":\"西崔村\",\"demo\":true},{\"code\":\"371603103201\",\"town\":\"371603103\",\"name\":\"北集村\",\"demo\":false},{\"code\":\"371603103202\",\"town\":\"371603103\",\"name\":\"冯家村\",\"demo\":false},{\"code\":\"371603103203\",\"town\":\"371603103\",\"name\":\"熊集村\",\"demo\":true},{\"code\":\"371603103204\",\"town\":\"371603103\",\"name\":\"北蔡村\",\"demo\":true},{\"code\":\"371603103205\",\"town\":\"371603103\",\"name\":\"东李家村\",\"demo\":true},{\"code\":\"371603103206\",\"town\":\"371603103\",\"name\":\"沈庄村\",\"demo\":true},{\"code\":\"371603103207\",\"town\":\"371603103\",\"name\":\"陈官村\",\"demo\":true},{\"code\":\"371603103208\",\"town\":\"371603103\",\"name\":\"郝集村\",\"demo\":true},{\"code\":\"371603103209\",\"town\":\"371603103\",\"name\":\"王王村\",\"demo\":true},{\"code\":\"371603103210\",\"town\":\"371603103\",\"name\":\"钟集村\",\"demo\":true},{\"code\":\"371603103211\",\"town\":\"371603103\",\"name\":\"易家庄村\",\"demo\":true},{\"code\":\"371603103212\",\"town\":\"371603103\",\"name\":\"武集村\",\"demo\":true},{\"code\":\"371603103213\",\"town\":\"371603103\",\"name\":\"侯家庄村\",\"demo\":true},{\"code\":\"371603103214\",\"town\":\"371603103\",\"name\":\"卢集村\",\"demo\":true},{\"code\":\"371603103215\",\"town\":\"371603103\",\"name\":\"小易村\",\"demo\":true},{\"code\":\"371603103216\",\"town\":\"371603103\",\"name\":\"贺家村\",\"demo\":true},{\"code\":\"371603103217\",\"town\":\"371603103\",\"name\":\"常集村\",\"demo\":true},{\"code\":\"371603103218\",\"town\":\"371603103\",\"name\":\"吴王村\",\"demo\":true},{\"code\":\"371603103219\",\"town\":\"371603103\",\"name\":\"东孟村\",\"demo\":true},{\"code\":\"371603103220\",\"town\":\"371603103\",\"name\":\"张庄村\",\"demo\":true},{\"code\":\"371603103221\",\"town\":\"371603103\",\"name\":\"郭王村\",\"demo\":true},{\"code\":\"371603103222\",\"town\":\"371603103\",\"name\":\"姚王村\",\"demo\":true},{\"code\":\"371603103223\",\"town\":\"371603103\",\"name\":\"叶集村\",\"demo\":true},{\"code\":\"371603103224\",\"town\":\"371603103\",\"name\":\"大李家村\",\"demo\":true},{\"code\":\"371603103225\",\"town\":\"371603103\",\"name\":\"蔡集村\",\"demo\":true},{\"code\":\"371603103226\",\"town\":\"371603103\",\"name\":\"毛庄村\",\"demo\":true},{\"code\":\"371603103227\",\"town\":\"371603103\",\"name\":\"薛家庄村\",\"demo\":true},{\"code\":\"371603103228\",\"town\":\"371603103\",\"name\":\"小孟村\",\"demo\":true},{\"code\":\"371603103229\",\"town\":\"371603103\",\"name\":\"许庄村\",\"demo\":true},{\"code\":\"371603103230\",\"town\":\"371603103\",\"name\":\"唐王村\",\"demo\":true},{\"code\":\"371603103231\",\"town\":\"371603103\",\"name\":\"常家庄村\",\"demo\":true},{\"code\":\"371603103232\",\"town\":\"371603103\",\"name\":\"唐家庄村\",\"demo\":true},{\"code\":\"371603103233\",\"town\":\"371603103\",\"name\":\"大孙村\",\"demo\":true},{\"code\":\"371603103234\",\"town\":\"371603103\",\"name\":\"邹官村\",\"demo\":true},{\"code\":\"371603103235\",\"town\":\"371603103\",\"name\":\"郭家庄村\",\"demo\":true},{\"code\":\"371603103236\",\"town\":\"371603103\",\"name\":\"范家庄村\",\"demo\":true},{\"code\":\"371603103237\",\"town\":\"371603103\",\"name\":\"东邓村\",\"demo\":true},{\"code\":\"371603103238\",\"town\":\"371603103\",\"name\":\"龚官村\",\"demo\":true},{\"code\":\"371603103239\",\"town\":\"371603103\",\"name\":\"大常家村\",\"demo\":true},{\"code\":\"371603103240\",\"town\":\"371603103\",\"name\":\"南马村\",\"demo\":true},{\"code\":\"371603103241\",\"town\":\"371603103\",\"name\":\"姜家村\",\"demo\":true},{\"code\":\"371603103242\",\"town\":\"371603103\",\"name\":\"崔家庄村\",\"demo\":true},{\"code\":\"371603103243\",\"town\":\"371603103\",\"name\":\"邱官村\",\"demo\":true},{\"code\":\"371603103244\",\"town\":\"371603103\",\"name\":\"曹官村\",\"demo\":true},{\"code\":\"371603104201\",\"town\":\"371603104\",\"name\":\"徐万粮村\",\"demo\":false},{\"code\":\"371603104202\",\"town\":\"371603104\",\"name\":\"泊头村\",\"demo\":false},{\"code\":\"371603104203\",\"town\":\"371603104\",\"name\":\"林家村\",\"demo\":true},{\"code\":\"371603104204\",\"town\":\"371603104\",\"name\":\"北杨家村\",\"demo\":true},{\"code\":\"371603104205\",\"town\":\"371603104\",\"name\":\"薛王村\",\"demo\":true},{\"code\":\"371603104206\",\"town\":\"371603104\",\"name\":\"东高家村\",\"demo\":true},{\"code\":\"371603104207\",\"town\":\"371603104\",\"name\":\"北许家村\",\"demo\":true},{\"code\":\"371603104208\",\"town\":\"371603104\",\"name\":\"后吴村\",\"demo\":true},{\"code\":\"371603104209\",\"town\":\"371603104\",\"name\":\"胡官村\",\"demo\":true},{\"code\":\"371603104210\",\"town\":\"371603104\",\"name\":\"曹庄村\",\"demo\":true},{\"code\":\"371603104211\",\"town\":\"371603104\",\"name\":\"漕家村\",\"demo\":true},{\"code\":\"371603104212\",\"town\":\"371603104\",\"name\":\"郝家庄村\",\"demo\":true},{\"code\":\"371603104213\",\"town\":\"371603104\",\"name\":\"小范家村\",\"demo\":true},{\"code\":\"371603104214\",\"town\":\"371603104\",\"name\":\"西毛村\",\"demo\":true},{\"code\":\"371603104215\",\"town\":\"371603104\",\"name\":\"金集村\",\"demo\":true},{\"code\":\"371603104216\",\"town\":\"371603104\",\"name\":\"范家村\",\"demo\":true},{\"code\":\"371603104217\",\"town\":\"371603104\",\"name\":\"小邱家村\",\"demo\":true},{\"code\":\"371603104218\",\"town\":\"371603104\",\"name\":\"秦官村\",\"demo\":true},{\"code\":\"371603104219\",\"town\":\"371603104\",\"name\":\"毛官村\",\"demo\":true},{\"code\":\"371603104220\",\"town\":\"371603104\",\"name\":\"小戴家村\",\"demo\":true},{\"code\":\"371603104221\",\"town\":\"371603104\",\"name\":\"周家村\",\"demo\":true},{\"code\":\"371603104222\",\"town\":\"371603104\",\"name\":\"秦家庄村\",\"demo\":true},{\"code\":\"371603104223\",\"town\":\"371603104\",\"name\":\"赖王村\",\"demo\":true},{\"code\":\"371603104224\",\"town\":\"371603104\",\"name\":\"易王村\",\"demo\":true},{\"code\":\"371603104225\",\"town\":\"371603104\",\"name\":\"北尹家村\",\"demo\":true},{\"code\":\"371603104226\",\"town\":\"371603104\",\"name\":\"金家村\",\"demo\":true},{\"code\":\"371603104227\",\"town\":\"371603104\",\"name\":\"北蔡村\",\"demo\":true},{\"code\":\"371603104228\",\"town\":\"371603104\",\"name\":\"李官村\",\"demo\":true},{\"code\":\"371603104229\",\"town\":\"371603104\",\"name\":\"刘集村\",\"demo\":true},{\"code\":\"371603104230\",\"town\":\"371603104\",\"name\":\"梁家村\",\"demo\":true},{\"code\":\"371603104231\",\"town\":\"371603104\",\"name\":\"吕官村\",\"demo\":true},{\"code\":\"371603104232\",\"town\":\"371603104\",\"name\":\"丁家村\",\"demo\":true},{\"code\":\"371603104233\",\"town\":\"371603104\",\"name\":\"潘集村\",\"demo\":true},{\"code\":\"371603104234\",\"town\":\"371603104\",\"name\":\"东汪村\",\"demo\":true},{\"code\":\"371603104235\",\"town\":\"371603104\",\"name\":\"杜家庄村\",\"demo\":true},{\"code\":\"371603104236\",\"town\":\"371603104\",\"name\":\"苏官村\",\"demo\":true},{\"code\":\"371603105201\",\"town\":\"371603105\",\"name\":\"大高村\",\"demo\":false},{\"code\":\"371603105202\",\"town\":\"371603105\",\"name\":\"前秦家村\",\"demo\":true},{\"code\":\"371603105203\",\"town\":\"371603105\",\"name\":\"方家庄村\",\"demo\":true},{\"code\":\"371603105204\",\"town\":\"371603105\",\"name\":\"张家村\",\"demo\":true},{\"code\":\"371603105205\",\"town\":\"371603105\",\"name\":\"孔家庄村\",\"demo\":true},{\"code\":\"371603105206\",\"town\":\"371603105\",\"name\":\"蔡官村\",\"demo\":true},{\"code\":\"371603105207\",\"town\":\"371603105\",\"name\":\"蔡庄村\",\"demo\":true},{\"code\":\"371603105208\",\"town\":\"371603105\",\"name\":\"姜集村\",\"demo\":true},{\"code\":\"371603105209\",\"town\":\"371603105\",\"name\":\"武王村\",\"demo\":true},{\"code\":\"371603105210\",\"town\":\"371603105\",\"name\":\"曹家村\",\"demo\":true},{\"code\":\"371603105211\",\"town\":\"371603105\",\"name\":\"龙家村\",\"demo\":true},{\"code\":\"371603105212\",\"town\":\"371603105\",\"name\":\"前石村\",\"demo\":true},{\"code\":\"371603105213\",\"town\":\"371603105\",\"name\":\"谭集村\",\"demo\":true},{\"code\":\"371603105214\",\"town\":\"371603105\",\"name\":\"黎家庄村\",\"demo\":true},{\"code\":\"371603105215\",\"town\":\"371603105\",\"name\":\"前高村\",\"demo\":true},{\"code\":\"371603105216\",\"town\":\"371603105\",\"name\":\"韩王村\",\"demo\":true},{\"code\":\"371603105217\",\"town\":\"371603105\",\"name\":\"任官村\",\"demo\":true},{\"code\":\"371603105218\",\"town\":\"371603105\",\"name\":\"毛庄村\",\"demo\":true},{\"code\":\"371603105219\",\"town\":\"371603105\",\"name\":\"龙集村\",\"demo\":true},{\"code\":\"371603105220\",\"town\":\"371603105\",\"name\":\"曾王村\",\"demo\":true},{\"code\":\"371603105221\",\"town\":\"371603105\",\"name\":\"高庄村\",\"demo\":true},{\"code\":\"371603105222\",\"town\":\"371603105\",\"name\":\"东夏家村\",\"demo\":true},{\"code\":\"371603105223\",\"town\":\"371603105\",\"name\":\"谭王村\",\"demo\":true},{\"code\":\"371603105224\",\"town\":\"371603105\",\"name\":\"西苏家村\",\"demo\":true},{\"code\":\"371603105225\",\"town\":\"371603105\",\"name\":\"戴家村\",\"demo\":true},{\"code\":\"371603105226\",\"town\":\"371603105\",\"name\":\"西何家村\",\"demo\":true},{\"code\":\"371603105227\",\"town\":\"371603105\",\"name\":\"小毛村\",\"demo\":true},{\"code\":\"371603105228\",\"town\":\"371603105\",\"name\":\"南史村\",\"demo\":true},{\"code\":\"371603105229\",\"town\":\"371603105\",\"name\":\"郭官村\",\"demo\":true},{\"code\":\"371603105230\",\"town\":\"371603105\",\"name\":\"大萧村\",\"demo\":true},{\"code\":\"371603105231\",\"town\":\"371603105\",\"name\":\"北高家村\",\"demo\":true},{\"code\":\"371603105232\",\"town\":\"371603105\",\"name\":\"毛集村\",\"demo\":true},{\"code\":\"371603105233\",\"town\":\"371603105\",\"name\":\"南薛村\",\"demo\":true},{\"code\":\"371603105234\",\"town\":\"371603105\",\"name\":\"秦家村\",\"demo\":true},{\"code\":\"371603105235\",\"town\":\"371603105\",\"name\":\"西董村\",\"demo\":true},{\"code\":\"371603105236\",\"town\":\"371603105\",\"name\":\"汤家村\",\"demo\":true},{\"code\":\"371603105237\",\"town\":\"371603105\",\"name\":\"朱集村\",\"demo\":true},{\"code\":\"371603105238\",\"town\":\"371603105\",\"name\":\"易集村\",\"demo\":true},{\"code\":\"371603105239\",\"town\":\"371603105\",\"name\":\"后苏家村\",\"demo\":true},{\"code\":\"371603105240\",\"town\":\"371603105\",\"name\":\"南乔村\",\"demo\":true},{\"code\":\"371603105241\",\"town\":\"371603105\",\"name\":\"郝家庄村\",\"demo\":true},{\"code\":\"371603105242\",\"town\":\"371603105\",\"name\":\"钱家村\",\"demo\":true},{\"code\":\"371603105243\",\"town\":\"371603105\",\"name\":\"西熊家村\",\"demo\":true},{\"code\":\"371603105244\",\"town\":\"371603105\",\"name\":\"南崔家村\",\"demo\":true},{\"code\":\"371603105245\",\"town\":\"371603105\",\"name\":\"杜集村\",\"demo\":true},{\"code\":\"371603105246\",\"town\":\"371603105\",\"name\":\"万家村\",\"demo\":true},{\"code\":\"371603105247\",\"town\":\"371603105\",\"name\":\"孔庄村\",\"demo\":true},{\"code\":\"371603105248\",\"town\":\"371603105\",\"name\":\"南丁村\",\"demo\":true},{\"code\":\"371603105249\",\"town\":\"371603105\",\"name\":\"金家村\",\"demo\":true},{\"code\":\"371603105250\",\"town\":\"371603105\",\"name\":\"夏家村\",\"demo\":true},{\"code\":\"371603105251\",\"town\":\"371603105\",\"name\":\"彭官村\",\"demo\":true},{\"code\":\"371603105252\",\"town\":\"371603105\",\"name\":\"罗集村\",\"demo\":true},{\"code\":\"371603105253\",\"town\":\"371603105\",\"name\":\"阎庄村\",\"demo\":true},{\"code\":\"371603105254\",\"town\":\"371603105\",\"name\":\"小余村\",\"demo\":true},{\"code\":\"371603105255\",\"town\":\"371603105\",\"name\":\"康官村\",\"demo\":true},{\"code\":\"371603105256\",\"town\":\"371603105\",\"name\":\"西彭村\",\"demo\":true},{\"code\":\"371603105257\",\"town\":\"371603105\",\"name\":\"尹家村\",\"demo\":true},{\"code\":\"371603105258\",\"town\":\"371603105\",\"name\":\"熊庄村\",\"demo\":true},{\"code\":\"371603105259\",\"town\":\"371603105\",\"name\":\"黎王村\",\"demo\":true},{\"code\":\"371603105260\",\"town\":\"371603105\",\"name\":\"陆庄村\",\"demo\":true},{\"code\":\"371603105261\",\"town\":\"371603105\",\"name\":\"南董家村\",\"demo\":true},{\"code\":\"371603105262\",\"town\":\"371603105\",\"name\":\"田官村\",\"demo\":true},{\"code\":\"371603105263\",\"town\":\"371603105\",\"name\":\"朱家村\",\"demo\":true},{\"code\":\"371603105264\",\"town\":\"371603105\",\"name\":\"曹官村\",\"demo\":true},{\"code\":\"371603105265\",\"town\":\"371603105\",\"name\":\"黄王村\",\"demo\":true},{\"code\":\"371603105266\",\"town\":\"371603105\",\"name\":\"萧家村\",\"demo\":true},{\"code\":\"371603106201\",\"town\":\"371603106\",\"name\":\"黄升店村\",\"demo\":false},{\"code\":\"371603106202\",\"town\":\"371603106\",\"name\":\"蒋家庄村\",\"demo\":true},{\"code\":\"371603106203\",\"town\":\"371603106\",\"name\":\"小卢村\",\"demo\":true},{\"code\":\"371603106204\",\"town\":\"371603106\",\"name\":\"潘家庄村\",\"demo\":true},{\"code\":\"371603106205\",\"town\":\"371603106\",\"name\":\"郭庄村\",\"demo\":true},{\"code\":\"371603106206\",\"town\":\"371603106\",\"name\":\"高官村\",\"demo\":true},{\"code\":\"371603106207\",\"town\":\"371603106\",\"name\":\"小易家村\",\"demo\":true},{\"code\":\"371603106208\",\"town\":\"371603106\",\"name\":\"石王村\",\"demo\":true},{\"code\":\"371603106209\",\"town\":\"371603106\",\"name\":\"胡集村\",\"demo\":true},{\"code\":\"371603106210\",\"town\":\"371603106\",\"name\":\"姜官村\",\"demo\":true},{\"code\":\"371603106211\",\"town\":\"371603106\",\"name\":\"北钱家村\",\"demo\":true},{\"code\":\"371603106212\",\"town\":\"371603106\",\"name\":\"南余村\",\"demo\":true},{\"code\":\"371603106213\",\"town\":\"371603106\",\"name\":\"黄王村\",\"demo\":true},{\"code\":\"371603106214\",\"town\":\"371603106\",\"name\":\"漕集村\",\"demo\":true},{\"code\":\"371603106215\",\"town\":\"371603106\",\"name\":\"小梁家村\",\"demo\":true},{\"code\":\"371603106216\",\"town\":\"371603106\",\"name\":\"常官村\",\"demo\":true},{\"code\":\"371603106217\",\"town\":\"371603106\",\"name\":\"赵官村\",\"demo\":true},{\"code\":\"371603106218\",\"town\":\"371603106\",\"name\":\"傅家庄村\",\"demo\":true},{\"code\":\"371603106219\",\"town\":\"371603106\",\"name\":\"何家庄村\",\"demo\":true},{\"code\":\"371603106220\",\"town\":\"371603106\",\"name\":\"侯王村\",\"demo\":true},{\"code\":\"371603106221\",\"town\":\"371603106\",\"name\":\"后陈家村\",\"demo\":true},{\"code\":\"371603106222\",\"town\":\"371603106\",\"name\":\"赵家村\",\"demo\":true},{\"code\":\"371603106223\",\"town\":\"371603106\",\"name\":\"大任家村\",\"demo\":true},{\"code\":\"371603106224\",\"town\":\"371603106\",\"name\":\"西郭村\",\"demo\":true},{\"code\":\"371603106225\",\"town\":\"371603106\",\"name\":\"胡庄村\",\"demo\":true},{\"code\":\"371603106226\",\"town\":\"371603106\",\"name\":\"林家庄村\",\"demo\":true},{\"code\":\"371603106227\",\"town\":\"371603106\",\"name\":\"小萧村\",\"demo\":true},{\"code\":\"371603106228\",\"town\":\"371603106\",\"name\":\"范庄村\",\"demo\":true},{\"code\":\"371603106229\",\"town\":\"371603106\",\"name\":\"小王家村\",\"demo\":true},{\"code\":\"371603106230\",\"town\":\"371603106\",\"name\":\"潘庄村\",\"demo\":true},{\"code\":\"371603106231\",\"town\":\"371603106\",\"name\":\"段庄村\",\"demo\":true},{\"code\":\"371603106232\",\"town\":\"371603106\",\"name\":\"曾家庄村\",\"demo\":true},{\"code\":\"371603106233\",\"town\":\"371603106\",\"name\":\"宋王村\",\"demo\":true},{\"code\":\"371603106234\",\"town\":\"371603106\",\"name\":\"北许家村\",\"demo\":true},{\"code\":\"371603107201\",\"town\":\"371603107\",\"name\":\"河东村\",\"demo\":false},{\"code\":\"371603107202\",\"town\":\"371603107\",\"name\":\"胡庄村\",\"demo\":true},{\"code\":\"371603107203\",\"town\":\"371603107\",\"name\":\"尹家庄村\",\"demo\":true},{\"code\":\"371603107204\",\"town\":\"371603107\",\"name\":\"冯家村\",\"demo\":true},{\"code\":\"371603107205\",\"town\":\"371603107\",\"name\":\"西冯家村\",\"demo\":true},{\"code\":\"371603107206\",\"town\":\"371603107\",\"name\":\"前杜村\",\"demo\":true},{\"code\":\"371603107207\",\"town\":\"371603107\",\"name\":\"邓家村\",\"demo\":true},{\"code\":\"371603107208\",\"town\":\"371603107\",\"name\":\"丁家庄村\",\"demo\":true},{\"code\":\"371603107209\",\"town\":\"371603107\",\"name\":\"薛王村\",\"demo\":true},{\"code\":\"371603107210\",\"town\":\"371603107\",\"name\":\"蒋王村\",\"demo\":true},{\"code\":\"371603107211\",\"town\":\"371603107\",\"name\":\"马官村\",\"demo\":true},{\"code\":\"371603107212\",\"town\":\"371603107\",\"name\":\"康家庄村\",\"demo\":true},{\"code\":\"371603107213\",\"town\":\"371603107\",\"name\":\"苏王村\",\"demo\":true},{\"code\":\"371603107214\",\"town\":\"371603107\",\"name\":\"萧集村\",\"demo\":true},{\"code\":\"371603107215\",\"town\":\"371603107\",\"name\":\"北黄家村\",\"demo\":true},{\"code\":\"371603203201\",\"town\":\"371603203\",\"name\":\"下河村\",\"demo\":false},{\"code\":\"371603203202\",\"town\":\"371603203\",\"name\":\"南冯家村\",\"demo\":true},{\"code\":\"371603203203\",\"town\":\"371603203\",\"name\":\"大许村\",\"demo\":true},{\"code\":\"371603203204\",\"town\":\"371603203\",\"name\":\"前程家村\",\"demo\":true},{\"code\":\"371603203205\",\"town\":\"371603203\",\"name\":\"郑集村\",\"demo\":true},{\"code\":\"371603203206\",\"town\":\"371603203\",\"name\":\"杜家庄村\",\"demo\":true},{\"code\":\"371603203207\",\"town\":\"371603203\",\"name\":\"后秦家村\",\"demo\":true},{\"code\":\"371603203208\",\"town\":\"371603203\",\"name\":\"易家庄村\",\"demo\":true},{\"code\":\"371603203209\",\"town\":\"371603203\",\"name\":\"郭家庄村\",\"demo\":true},{\"code\":\"371603203210\",\"town\":\"371603203\",\"name\":\"大史村\",\"demo\":true},{\"code\":\"371603203211\",\"town\":\"371603203\",\"name\":\"南贾家村\",\"demo\":true},{\"code\":\"371603203212\",\"town\":\"371603203\",\"name\":\"龚集村\",\"demo\":true},{\"code\":\"371603203213\",\"town\":\"371603203\",\"name\":\"戴集村\",\"demo\":true},{\"code\":\"371603203214\",\"town\":\"371603203\",\"name\":\"杜庄村\",\"demo\":true},{\"code\":\"371603203215\",\"town\":\"371603203\",\"name\":\"周官村\",\"demo\":true},{\"code\":\"371603203216\",\"town\":\"371603203\",\"name\":\"北方家村\",\"demo\":true},{\"code\":\"371603203217\",\"town\":\"371603203\",\"name\":\"郑官村\",\"demo\":true},{\"code\":\"371603203218\",\"town\":\"371603203\",\"name\":\"钱家村\",\"demo\":true},{\"code\":\"371603203219\",\"town\":\"371603203\",\"name\":\"小段村\",\"demo\":true},{\"code\":\"371603203220\",\"town\":\"371603203\",\"name\":\"邹庄村\",\"demo\":true},{\"code\":\"371603203221\",\"town\":\"371603203\",\"name\":\"范王村\",\"demo\":true},{\"code\":\"371603203222\",\"town\":\"371603203\",\"name\":\"顾家庄村\",\"demo\":true},{\"code\":\"371603203223\",\"town\":\"371603203\",\"name\":\"顾庄村\",\"demo\":true},{\"code\":\"371603203224\",\"town\":\"371603203\",\"name\":\"后方村\",\"demo\":true},{\"code\":\"371603203225\",\"town\":\"371603203\",\"name\":\"李王村\",\"demo\":true},{\"code\":\"371603203226\",\"town\":\"371603203\",\"name\":\"大范家村\",\"demo\":true},{\"code\":\"371603203227\",\"town\":\"371603203\",\"name\":\"蔡王村\",\"demo\":true},{\"code\":\"371603204201\",\"town\":\"371603204\",\"name\":\"利国一村\",\"demo\":false},{\"code\":\"371603204202\",\"town\":\"371603204\",\"name\":\"利国二村\",\"demo\":false},{\"code\":\"371603204203\",\"town\":\"371603204\",\"name\":\"利国三村\",\"demo\":false},{\"code\":\"371603204204\",\"town\":\"371603204\",\"name\":\"利国四村\",\"demo\":false},{\"code\":\"371603204205\",\"town\":\"371603204\",\"name\":\"利国五村\",\"demo\":false},{\"code\":\"371603204206\",\"town\":\"371603204\",\"name\":\"于庄村\",\"demo\":true},{\"code\":\"371603204207\",\"town\":\"371603204\",\"name\":\"前孟家村\",\"demo\":true},{\"code\":\"371603204208\",\"town\":\"371603204\",\"name\":\"龚官村\",\"demo\":true},{\"code\":\"371603204209\",\"town\":\"371603204\",\"name\":\"王官村\",\"demo\":true},{\"code\":\"371603204210\",\"town\":\"371603204\",\"name\":\"顾集村\",\"demo\":true},{\"code\":\"371603204211\",\"town\":\"371603204\",\"name\":\"大潘家村\",\"demo\":true},{\"code\":\"371603204212\",\"town\":\"371603204\",\"name\":\"钱官村\",\"demo\":true},{\"code\":\"371603204213\",\"town\":\"371603204\",\"name\":\"易官村\",\"demo\":true},{\"code\":\"371603204214\",\"town\":\"371603204\",\"name\":\"钱家村\",\"demo\":true},{\"code\":\"371603204215\",\"town\":\"371603204\",\"name\":\"陈家村\",\"demo\":true},{\"code\":\"371603204216\",\"town\":\"371603204\",\"name\":\"谢集村\",\"demo\":true},{\"code\":\"371603204217\",\"town\":\"371603204\",\"name\":\"谢家庄村\",\"demo\":true},{\"code\":\"371603204218\",\"town\":\"371603204\",\"name\":\"江庄村\",\"demo\":true},{\"code\":\"371603204219\",\"town\":\"371603204\",\"name\":\"吕王村\",\"demo\":true},{\"code\":\"371603204220\",\"town\":\"371603204\",\"name\":\"郭庄村\",\"demo\":true},{\"code\":\"371603204221\",\"town\":\"371603204\",\"name\":\"廖庄村\",\"demo\":true},{\"code\":\"371603204222\",\"town\":\"371603204\",\"name\":\"侯官村\",\"demo\":true},{\"code\":\"371603204223\",\"town\":\"371603204\",\"name\":\"吴家村\",\"demo\":true},{\"code\":\"371603204224\",\"town\":\"371603204\",\"name\":\"汪集村\",\"demo\":true},{\"code\":\"371603204225\",\"town\":\"371603204\",\"name\":\"夏家村\",\"demo\":true},{\"code\":\"371603204226\",\"town\":\"371603204\",\"name\":\"南蔡家村\",\"demo\":true},{\"code\":\"371603204227\",\"town\":\"371603204\",\"name\":\"孔官村\",\"demo\":true},{\"code\":\"371603204228\",\"town\":\"371603204\",\"name\":\"苏庄村\",\"demo\":true},{\"code\":\"371603204229\",\"town\":\"371603204\",\"name\":\"谢官村\",\"demo\":true},{\"code\":\"371603204230\",\"town\":\"371603204\",\"name\":\"董家庄村\",\"demo\":true}]");
// schema/reference-files.ts
/**
* The shapes of the reference data files in schema/data, validated with zod, and the checks between a
* district's files. Nothing here reads a file: the loader (reference.ts) and the district import
* (district.ts) both use it, so a district can be imported where none is loaded yet.
*/
var cadenceIds = [
	"monthly",
	"quarterly",
	"yearly",
	"immediate",
	"on_change"
];
var text = z.string().trim().min(1, "must not be empty");
var digits = (n) => z.string().regex(new RegExp(`^\\d{${n}}$`), `must be ${n} digits`);
var categoryId = z.enum([
	"party",
	"village",
	"finance"
]);
/** The zod schema of each file in schema/data/ that this module reads. */
var referenceFiles = {
	"district.json": z.object({
		code: digits(6),
		name: text,
		city: text,
		province: text,
		/** The discipline office that receives misconduct reports, e.g. 沾化区纪委监委. */
		office: text,
		/** The line printed on posters and pages: who to call, and the number. */
		contact: text,
		/** How public points boards show household heads' names: masked (张*明) unless the district says full. */
		pointsNames: z.enum(["masked", "full"]).default("masked")
	}),
	"towns.json": z.object({ towns: z.array(z.object({
		code: digits(9),
		name: text,
		villages: z.number().int().nonnegative()
	})).min(1) }),
	"villages.json": z.array(z.object({
		code: digits(12),
		town: digits(9),
		name: text,
		demo: z.boolean()
	})).min(1).superRefine((list, ctx) => {
		const seen = /* @__PURE__ */ new Set();
		list.forEach((v, i) => {
			if (!v.code.startsWith(v.town)) ctx.addIssue({
				code: "custom",
				path: [i, "code"],
				message: "not in its town"
			});
			if (seen.has(v.code)) ctx.addIssue({
				code: "custom",
				path: [i, "code"],
				message: "duplicate"
			});
			seen.add(v.code);
		});
	}),
	"catalogue.json": z.object({
		categories: z.array(z.object({
			id: categoryId,
			name: text
		})),
		cadences: z.array(z.object({
			id: z.enum(cadenceIds),
			name: text,
			deadline: text
		})),
		items: z.array(z.object({
			id: z.string().regex(/^[a-z]+(-[a-z]+)+$/, "must be kebab-case"),
			category: categoryId,
			name: text,
			cadence: z.enum(cadenceIds),
			table: z.enum([
				"ledger",
				"assets",
				"resources"
			]).nullable()
		})).min(1).superRefine((items, ctx) => {
			const seen = /* @__PURE__ */ new Set();
			items.forEach((item, i) => {
				if (seen.has(item.id)) ctx.addIssue({
					code: "custom",
					path: [i, "id"],
					message: "duplicate"
				});
				seen.add(item.id);
			});
		})
	}),
	"modules.json": z.array(z.object({
		id: z.enum([
			"affairs",
			"policy",
			"livelihood",
			"conduct"
		]),
		name: text,
		hint: text
	}))
};
/**
* `data` validated by `schema`, or an error naming the file and every bad field (so a broken data file
* stops the build, the worker and the scripts at load, never a page halfway).
* @example parseData("modules.json", modulesFile, modulesData)
*/
function parseData(file, schema, data, dir = "schema/data") {
	const result = schema.safeParse(data);
	if (result.success) return result.data;
	const lines = result.error.issues.slice(0, 20).map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
	throw new Error(`${dir}/${file} is not valid:\n${lines.join("\n")}`);
}
/**
* What is wrong between the district's three files: a town outside the district, a village in a town
* that is not listed, or a town whose village count is not its villages'. Empty when they agree.
* @example districtProblems(district, towns, villages) // []
*/
function districtProblems(of, townList, villageList) {
	const problems = [];
	const counts = /* @__PURE__ */ new Map();
	for (const v of villageList) counts.set(v.town, (counts.get(v.town) ?? 0) + 1);
	for (const [i, town] of townList.entries()) {
		if (!town.code.startsWith(of.code)) problems.push(`towns.${i}.code: ${town.code} is not in district ${of.code}`);
		const count = counts.get(town.code) ?? 0;
		if (count !== town.villages) problems.push(`towns.${i}.villages: ${town.villages}, but ${count} villages`);
		counts.delete(town.code);
	}
	for (const code of counts.keys()) problems.push(`villages: town ${code} is not in towns.json`);
	return problems;
}
// schema/reference.ts
var { "district.json": districtFile, "towns.json": townsFile, "villages.json": villagesFile, "catalogue.json": catalogueFile, "modules.json": modulesFile } = referenceFiles;
var nodeProcess = globalThis.process;
/** Another district's data directory (`CUNMA_DATA_DIR`), when this runs on Node with it set. */
var districtDir = typeof nodeProcess?.getBuiltinModule === "function" ? nodeProcess.env.CUNMA_DATA_DIR || void 0 : void 0;
/**
* A district file validated: from `CUNMA_DATA_DIR` when set, else the one in schema/data. A file the
* district may leave out (`missing`, e.g. its grids) stands in when the directory has none.
* @example districtFileData("grids.json", gridsFile, gridsData, { areas: [], grids: [], … })
*/
function districtFileData(file, schema, builtIn, missing) {
	if (districtDir === void 0 || nodeProcess === void 0) return parseData(file, schema, builtIn);
	const path = `${districtDir}/${file}`;
	let data;
	try {
		data = JSON.parse(nodeProcess.getBuiltinModule("node:fs").readFileSync(path, "utf8"));
	} catch (error) {
		if (missing !== void 0 && error.code === "ENOENT") data = missing;
		else throw new Error(`CUNMA_DATA_DIR: cannot read ${path}: ${error.message}`);
	}
	return parseData(file, schema, data, districtDir);
}
var districtRecord = districtFileData("district.json", districtFile, district_default);
var townList = districtFileData("towns.json", townsFile, towns_default);
var villageList = districtFileData("villages.json", villagesFile, villages_default);
var disagreement = districtProblems(districtRecord, townList.towns, villageList);
if (disagreement.length > 0) throw new Error(`${districtDir ?? "schema/data"}: the district's files disagree:\n  ${disagreement.join("\n  ")}`);
var catalogueData = parseData("catalogue.json", catalogueFile, catalogue_default);
var district = districtRecord;
var towns = townList.towns;
var villages = villageList;
var categories = catalogueData.categories;
var cadences = catalogueData.cadences;
var catalogueItems = catalogueData.items;
var modules = parseData("modules.json", modulesFile, modules_default);
var villageIndex = new Map(villages.map((v) => [v.code, v]));
var townIndex = new Map(towns.map((t) => [t.code, t]));
new Map(catalogueItems.map((i) => [i.id, i]));
var cadenceIndex = new Map(cadences.map((c) => [c.id, c]));
/** @example villageByCode("371603104201")?.name // "徐万粮村" */
var villageByCode = (code) => villageIndex.get(code);
/** @example townByCode("371603104")?.name // "泊头镇" */
var townByCode = (code) => townIndex.get(code);
/** @example cadenceById("quarterly").deadline // "每季度首月20日前" */
var cadenceById = (id) => cadenceIndex.get(id);
/** @example villagesOfTown("371603107").length // 15 */
var villagesOfTown = (townCode) => villages.filter((v) => v.town === townCode);
var $$Page = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Page;
	const { title, description = t("site.what"), demo = false } = Astro.props;
	const tools = !Astro.url.pathname.startsWith("/staff/");
	const back = encodeURIComponent(Astro.url.pathname);
	return renderTemplate`<html lang="zh-CN"> <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="description"${addAttribute(description, "content")}><meta name="format-detection" content="telephone=no"><link rel="icon" href="data:,"><title>${title} · ${t("site.name")}</title>${renderSlot($$result, $$slots["head"])}${renderHead($$result)}</head> <body> <header> <a href="/" class="brand">${t("site.name")} · ${t("site.slogan")}</a> ${tools && renderTemplate`<p class="tools"> <a${addAttribute(`/settings/size?large=1&back=${back}`, "href")} data-size="large" class="size-up">${t("site.size.large")}</a> <a${addAttribute(`/settings/size?large=0&back=${back}`, "href")} data-size="normal" class="size-down">${t("site.size.normal")}</a> <button type="button" data-read${addAttribute(t("site.read.stop"), "data-stop")} hidden>${t("site.read.start")}</button> </p>`} ${demo && renderTemplate`<p class="demo" role="note">${t("site.demoNotice")}</p>`} </header> <main> ${renderSlot($$result, $$slots["default"])} </main> <footer> <p>${t("site.footer", { office: district.office })}</p> </footer> ${tools && renderTemplate`${renderScript($$result, "/work/main/site/src/layouts/Page.astro?astro&type=script&index=0&lang.ts")}`} </body> </html>`;
}, "/work/main/site/src/layouts/Page.astro", void 0);
export { district as a, townByCode as c, villages as d, villagesOfTown as f, createComponent as g, createAstro as h, categories as i, towns as l, renderScript as m, cadenceById as n, districtFileData as o, parseData as p, catalogueItems as r, modules as s, $$Page as t, villageByCode as u };
