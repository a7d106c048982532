import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { T as unescapeHTML, c as renderComponent, g as maybeRenderHead, h as renderTemplate } from "./server_B5gDREN0.mjs";
import { g as createComponent, m as renderScript, t as $$Page } from "./Page_DIg0aLoI.mjs";
import { t } from "./i18n_CB-ZrA_P.mjs";
// site/src/pages/staff/points/index.astro
var points_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Index,
	file: () => $$file,
	url: () => $$url
});
var $$Index = createComponent(($$result, $$props, $$slots) => {
	const strings = Object.fromEntries([
		"points.staff.pending",
		"points.staff.confirmed",
		"points.staff.confirm",
		"points.staff.saved",
		"points.staff.confirmedNow",
		"points.staff.card",
		"points.staff.noRules",
		"points.staff.balance",
		"points.staff.reverse",
		"points.staff.reverseReason",
		"points.staff.reversedNow",
		"points.staff.reversed",
		"points.staff.redeemed",
		"points.staff.rulesSaved",
		"points.staff.rulesLine",
		"points.staff.goods",
		"publish.page.network"
	].map((key) => [key, t(key)]));
	return renderTemplate`${renderComponent($$result, "Page", $$Page, { "title": t("points.staff.title") }, {
		"default": ($$result) => renderTemplate`  ${maybeRenderHead($$result)}<p class="sub"><a href="/staff/">${t("cases.nav.home")}</a></p> <h1>${t("points.staff.title")}</h1> <p>${t("points.staff.lead")}</p> <noscript><p class="late">${t("publish.page.noscript")}</p></noscript> <p data-status role="status">${t("publish.page.loading")}</p> <div class="alert" data-error role="alert" hidden></div> <div class="done" data-done role="status" hidden></div> <form class="pub" data-entry hidden novalidate> <h2>${t("points.staff.record")}</h2> <label for="p-household">${t("points.staff.household")}</label> <select id="p-household" name="household"></select> <label for="p-rule">${t("points.staff.rule")}</label> <select id="p-rule" name="rule"></select> <label for="p-date">${t("points.staff.date")}</label> <input id="p-date" name="date" type="date"> <label for="p-reason">${t("points.staff.reason")}</label> <input id="p-reason" name="reason" maxlength="100"> <button type="submit">${t("points.staff.recordSubmit")}</button> </form> <form class="pub" data-household hidden novalidate> <h2>${t("points.staff.register")}</h2> <label for="p-number">${t("points.staff.number")}</label> <input id="p-number" name="number" maxlength="12"> <label for="p-name">${t("points.staff.name")}</label> <input id="p-name" name="name" maxlength="20"> <button type="submit">${t("points.staff.registerSubmit")}</button> </form> <form class="pub" data-redeem hidden novalidate> <h2>${t("points.staff.shop")}</h2> <label for="r-household">${t("points.staff.household")}</label> <select id="r-household" name="household"></select> <label for="r-goods">${t("points.staff.goodsLabel")}</label> <select id="r-goods" name="goods"></select> <label for="r-quantity">${t("points.staff.quantity")}</label> <input id="r-quantity" name="quantity" type="number" min="1" max="20" value="1" inputmode="numeric"> <button type="submit">${t("points.staff.redeemSubmit")}</button> </form> <form class="pub" data-rules hidden novalidate> <h2>${t("points.staff.rules")}</h2> <label for="p-rules">${t("points.staff.rulesLabel")}</label> <textarea id="p-rules" name="rules" rows="6"></textarea> <label for="p-rules-reason">${t("points.staff.rulesReason")}</label> <input id="p-rules-reason" name="reason" maxlength="100"> <button type="submit">${t("points.staff.rulesSubmit")}</button> </form> <h2>${t("points.staff.ledger")}</h2> <ul class="items" data-ledger></ul> <script type="application/json" id="points-strings">${unescapeHTML(JSON.stringify(strings))}<\/script>${renderScript($$result, "/work/main/site/src/pages/staff/points/index.astro?astro&type=script&index=0&lang.ts")}`,
		"head": ($$result) => renderTemplate`<meta name="robots" content="noindex">`
	})}`;
}, "/work/main/site/src/pages/staff/points/index.astro", void 0);
var $$file = "/work/main/site/src/pages/staff/points/index.astro";
var $$url = "/staff/points/";
// \0virtual:astro:page:src/pages/staff/points/index@_@astro
var page = () => points_exports;
export { page };
