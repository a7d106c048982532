import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { T as unescapeHTML, c as renderComponent, g as maybeRenderHead, h as renderTemplate, v as addAttribute } from "./server_B5gDREN0.mjs";
import { g as createComponent, m as renderScript, t as $$Page } from "./Page_DIg0aLoI.mjs";
import { a as reportKinds, c as reportTopics, i as reportInput, s as reportStates, t as CONTENT_MAX } from "./report_54V31XCS.mjs";
import { t as safeText } from "./text_DhH_81Mw.mjs";
import { t } from "./i18n_CB-ZrA_P.mjs";
import { z } from "zod";
// schema/grid-work.ts
/**
* What a grid worker (网格员) carries into the system, shared by the worker and the staff pages: a
* villager's words filed on their behalf (代办), a problem found on patrol (排查上报) with its 特别关注
* category, and a 百姓夜话 evening talk whose requests each become a case. Pure.
*/
/** A third-level grid's id: its village's 12 digits and 2 more. */
var gridId = z.string().regex(/^\d{14}$/);
var content = safeText(CONTENT_MAX, {
	min: 5,
	multiline: true
});
z.object({
	grid: gridId,
	kind: z.enum(reportKinds),
	topic: z.enum(reportTopics),
	content,
	contact: reportInput.shape.contact
});
/**
* The 特别关注 directions a patrol report is filed under, and the topic its case takes (a patrol report is
* a request: something to put right, with no villager behind it).
*/
var patrolCategories = [
	{
		id: "living",
		name: "居住环境",
		topic: "livelihood"
	},
	{
		id: "policy",
		name: "政策咨询",
		topic: "policy"
	},
	{
		id: "welfare",
		name: "民生保障",
		topic: "livelihood"
	},
	{
		id: "disputes",
		name: "矛盾纠纷",
		topic: "affairs"
	},
	{
		id: "safety",
		name: "安全隐患",
		topic: "livelihood"
	},
	{
		id: "affairs",
		name: "村务管理",
		topic: "affairs"
	}
];
var categoryIds = patrolCategories.map((c) => c.id);
z.object({
	grid: gridId,
	category: z.enum(categoryIds),
	content
});
/** A request raised at a 百姓夜话: it becomes a case (a question or a request, never misconduct). */
var talkRequest = z.object({
	kind: z.enum(["question", "request"]),
	topic: z.enum(reportTopics),
	content
});
z.object({
	grid: gridId,
	heldOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
	place: safeText(60),
	attendees: z.number().int().min(1).max(5e3),
	requests: z.array(talkRequest).max(50).default([])
});
z.object({ note: safeText(1e3, {
	min: 1,
	multiline: true
}) });
// site/src/pages/staff/grid/index.astro
var grid_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Index,
	file: () => $$file,
	url: () => $$url
});
var $$Index = createComponent(($$result, $$props, $$slots) => {
	const strings = Object.fromEntries([
		"grid.staff.saving",
		"grid.staff.none",
		"grid.error.role",
		"publish.page.network",
		"grid.patrol.saved",
		"grid.talk.saved",
		"grid.mine.none",
		"grid.mine.way.behalf",
		"grid.mine.way.patrol",
		"grid.mine.way.talk",
		...reportKinds.map((kind) => `reports.kind.${kind}`),
		...reportStates.map((state) => `reports.state.${state}`)
	].map((key) => [key, t(key)]));
	return renderTemplate`${renderComponent($$result, "Page", $$Page, { "title": t("grid.staff.title") }, {
		"default": ($$result) => renderTemplate`  ${maybeRenderHead($$result)}<p class="sub"><a href="/staff/">${t("cases.nav.home")}</a> · <a href="#patrol">${t("grid.patrol.title")}</a> · <a href="#talk">${t("grid.talk.title")}</a> · <a href="#mine">${t("grid.mine.title")}</a></p> <h1>${t("grid.staff.title")}</h1> <p>${t("grid.staff.lead")}</p> <noscript><p class="late">${t("publish.page.noscript")}</p></noscript> <p data-status role="status">${t("publish.page.loading")}</p> <form class="pub" data-form hidden novalidate> <label for="g-grid">${t("grid.staff.grid")}</label> <select id="g-grid" name="grid"></select> <fieldset> <legend>${t("grid.staff.kind")}</legend> ${reportKinds.map((kind, i) => renderTemplate`<label class="check"><input type="radio" name="kind"${addAttribute(kind, "value")}${addAttribute(i === 0, "checked")}><span>${t(`reports.kind.${kind}`)}</span></label>`)} </fieldset> <label for="g-topic">${t("grid.staff.topic")}</label> <select id="g-topic" name="topic"> ${reportTopics.map((topic) => renderTemplate`<option${addAttribute(topic, "value")}>${t(`reports.topic.${topic}`)}</option>`)} </select> <label for="g-content">${t("grid.staff.content")}</label> <textarea id="g-content" name="content" rows="5" maxlength="3000"></textarea> <p class="sub">${t("grid.staff.contactNote")}</p> <label for="g-name">${t("grid.staff.name")}</label> <input id="g-name" name="name" maxlength="20" autocomplete="off"> <label for="g-phone">${t("grid.staff.phone")}</label> <input id="g-phone" name="phone" type="tel" inputmode="tel" autocomplete="off"> <div class="alert" data-error role="alert" hidden></div> <button type="submit" data-submit>${t("grid.staff.submit")}</button> </form> <h2 id="patrol">${t("grid.patrol.title")}</h2> <p>${t("grid.patrol.lead")}</p> <form class="pub" data-patrol hidden novalidate> <label for="p-grid">${t("grid.staff.grid")}</label> <select id="p-grid" name="grid" data-grids></select> <label for="p-category">${t("grid.patrol.category")}</label> <select id="p-category" name="category"> ${patrolCategories.map((c) => renderTemplate`<option${addAttribute(c.id, "value")}>${c.name}</option>`)} </select> <label for="p-content">${t("grid.patrol.content")}</label> <textarea id="p-content" name="content" rows="4" maxlength="3000"></textarea> <div class="alert" data-error role="alert" hidden></div> <button type="submit">${t("grid.patrol.submit")}</button> <div class="done" data-done role="status" hidden></div> </form> <h2 id="talk">${t("grid.talk.title")}</h2> <p>${t("grid.talk.lead")}</p> <form class="pub" data-talk hidden novalidate> <label for="t-grid">${t("grid.staff.grid")}</label> <select id="t-grid" name="grid" data-grids></select> <label for="t-held">${t("grid.talk.heldOn")}</label> <input id="t-held" name="heldOn" type="date"> <label for="t-place">${t("grid.talk.place")}</label> <input id="t-place" name="place" maxlength="60"> <label for="t-att">${t("grid.talk.attendees")}</label> <input id="t-att" name="attendees" type="number" min="1" inputmode="numeric"> <label for="t-requests">${t("grid.talk.requests")}</label> <textarea id="t-requests" name="requests" rows="5"></textarea> <div class="alert" data-error role="alert" hidden></div> <button type="submit">${t("grid.talk.submit")}</button> <div class="done" data-done role="status" hidden></div> </form> <h2 id="mine">${t("grid.mine.title")}</h2> <p class="sub">${t("grid.mine.noteHint")}</p> <ul class="items" data-mine></ul> <script type="application/json" id="grid-strings">${unescapeHTML(JSON.stringify(strings))}<\/script>${renderScript($$result, "/work/main/site/src/pages/staff/grid/index.astro?astro&type=script&index=0&lang.ts")}`,
		"head": ($$result) => renderTemplate`<meta name="robots" content="noindex">`
	})}`;
}, "/work/main/site/src/pages/staff/grid/index.astro", void 0);
var $$file = "/work/main/site/src/pages/staff/grid/index.astro";
var $$url = "/staff/grid/";
// \0virtual:astro:page:src/pages/staff/grid/index@_@astro
var page = () => grid_exports;
export { page };
