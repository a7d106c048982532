import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { T as unescapeHTML, c as renderComponent, g as maybeRenderHead, h as renderTemplate } from "./server_B5gDREN0.mjs";
import { g as createComponent, m as renderScript, t as $$Page } from "./Page_DIg0aLoI.mjs";
import { t } from "./i18n_CB-ZrA_P.mjs";
import { c as reportTopics } from "./report_54V31XCS.mjs";
// site/src/pages/staff/meetings/index.astro
var meetings_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Index,
	file: () => $$file,
	url: () => $$url
});
var $$Index = createComponent(($$result, $$props, $$slots) => {
	const strings = Object.fromEntries([
		"meetings.staff.removeQuestion",
		"meetings.staff.questionKind",
		"meetings.staff.questionTopic",
		"meetings.staff.questionContent",
		"meetings.staff.saving",
		"meetings.staff.saved",
		"meetings.staff.view",
		"meetings.staff.none",
		"publish.page.network",
		"publish.error.forbidden",
		"reports.kind.question",
		"reports.kind.request",
		...reportTopics.map((topic) => `reports.topic.${topic}`)
	].map((key) => [key, t(key)]));
	return renderTemplate`${renderComponent($$result, "Page", $$Page, { "title": t("meetings.staff.title") }, {
		"default": ($$result) => renderTemplate`  ${maybeRenderHead($$result)}<p class="sub"><a href="/staff/">${t("cases.nav.home")}</a> · <a href="/staff/publish/">${t("publish.page.title")}</a></p> <h1>${t("meetings.staff.title")}</h1> <p>${t("meetings.staff.lead")}</p> <noscript><p class="late">${t("publish.page.noscript")}</p></noscript> <p data-status role="status">${t("publish.page.loading")}</p> <form class="pub" data-form hidden novalidate> <label for="m-quarter">${t("meetings.staff.quarter")}</label> <select id="m-quarter" name="quarter"></select> <label for="m-held">${t("meetings.staff.heldOn")}</label> <input id="m-held" name="heldOn" type="date"> <label for="m-place">${t("meetings.staff.place")}</label> <input id="m-place" name="place" maxlength="60"> <label for="m-att">${t("meetings.staff.attendees")}</label> <input id="m-att" name="attendees" type="number" min="1" inputmode="numeric"> <label for="m-party">${t("meetings.staff.partyMembers")}</label> <input id="m-party" name="partyMembers" type="number" min="0" inputmode="numeric" value="0"> <label for="m-reps">${t("meetings.staff.representatives")}</label> <input id="m-reps" name="representatives" type="number" min="0" inputmode="numeric" value="0"> <fieldset><legend>${t("meetings.staff.reported")}</legend><div data-reported></div></fieldset> <fieldset> <legend>${t("meetings.staff.questions")}</legend> <div data-questions></div> <button type="button" class="quiet" data-add-question>${t("meetings.staff.addQuestion")}</button> </fieldset> <fieldset> <legend>${t("meetings.staff.ratings")}</legend> <label for="m-sat">${t("reports.rating.satisfied")}</label> <input id="m-sat" name="satisfied" type="number" min="0" inputmode="numeric" value="0"> <label for="m-basic">${t("reports.rating.basic")}</label> <input id="m-basic" name="basic" type="number" min="0" inputmode="numeric" value="0"> <label for="m-unsat">${t("reports.rating.unsatisfied")}</label> <input id="m-unsat" name="unsatisfied" type="number" min="0" inputmode="numeric" value="0"> </fieldset> <div class="alert" data-error role="alert" hidden></div> <button type="submit" data-submit>${t("meetings.staff.submit")}</button> <div class="done" data-done role="status" hidden></div> </form> <h2>${t("meetings.staff.past")}</h2> <ul class="items" data-past></ul> <script type="application/json" id="meeting-strings">${unescapeHTML(JSON.stringify(strings))}<\/script>${renderScript($$result, "/work/main/site/src/pages/staff/meetings/index.astro?astro&type=script&index=0&lang.ts")}`,
		"head": ($$result) => renderTemplate`<meta name="robots" content="noindex">`
	})}`;
}, "/work/main/site/src/pages/staff/meetings/index.astro", void 0);
var $$file = "/work/main/site/src/pages/staff/meetings/index.astro";
var $$url = "/staff/meetings/";
// \0virtual:astro:page:src/pages/staff/meetings/index@_@astro
var page = () => meetings_exports;
export { page };
