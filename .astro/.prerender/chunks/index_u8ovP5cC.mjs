import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { c as renderComponent, g as maybeRenderHead, h as renderTemplate, v as addAttribute } from "./server_B5gDREN0.mjs";
import { g as createComponent, l as towns, m as renderScript, t as $$Page } from "./Page_DIg0aLoI.mjs";
import { a as matters, i as matterAreas, o as responsibleItem, r as dutyAreas, t as duties } from "./duties_DreRoj_2.mjs";
import { t } from "./i18n_CB-ZrA_P.mjs";
import { o as reportRoutes } from "./report_54V31XCS.mjs";
import { t as $$CaseStrings } from "./CaseStrings__pKfxw-d.mjs";
import { t as $$StaffNav } from "./StaffNav_Bc5uVoW5.mjs";
// schema/data/reply-templates.json
var reply_templates_default = [
	{
		"id": "received",
		"title": "已收到，正在办理",
		"text": "您好，您反映的问题我们已经收到，已安排专人办理，会在办理期限内答复您。感谢您对村里工作的关心和监督。"
	},
	{
		"id": "policy",
		"title": "政策解答",
		"text": "您好，关于您问到的政策：根据现行规定，……。如还有不清楚的地方，可以到村委会或镇便民服务中心当面咨询。"
	},
	{
		"id": "done",
		"title": "已办结",
		"text": "您好，您反映的问题已经办理完毕：……。请您对办理结果进行评价，如不满意可以说明原因，我们会继续跟进。"
	},
	{
		"id": "disclosure",
		"title": "已补充公开",
		"text": "您好，您问到的事项已在本村“一村一码”页面补充公开，请扫码查看。如发现公开内容不全或不实，可以继续反映。"
	},
	{
		"id": "neighbours",
		"title": "四邻联动协调",
		"text": "您好，您反映的邻里之间的事情，已请网格员、胡同长和有关邻居一起协调，结果如下：……。"
	},
	{
		"id": "misconduct",
		"title": "纪检受理",
		"text": "您好，您反映的问题已由镇纪委受理，我们会依规依纪核实处理，并严格为您保密。处理结果将在办结后告知您。"
	}
];
// site/src/pages/staff/cases/case/index.astro
var case_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Index,
	file: () => $$file,
	url: () => $$url
});
var $$Index = createComponent(($$result, $$props, $$slots) => {
	return renderTemplate`${renderComponent($$result, "Page", $$Page, { "title": t("cases.title.case") }, { "default": ($$result) => renderTemplate` ${renderComponent($$result, "StaffNav", $$StaffNav, {})} ${maybeRenderHead($$result)}<h1 data-title>${t("cases.title.case")}</h1> <p data-status role="status">${t("cases.loading")}</p> <p class="alert" data-error hidden></p> <div data-case hidden> <h2>${t("cases.field.content")}</h2> <p class="villager" data-content></p> <div data-contact hidden> <button type="button" data-contact-show>${t("cases.contact.show")}</button> <p data-contact-text></p> </div> <div data-attachments${addAttribute(t("media.field.photo"), "data-photo")} hidden> <h2>${t("media.case.attachments")}</h2> <div data-attachment-list></div> </div> <dl class="facts" data-facts></dl> <form class="action" data-action="triage" hidden> <h3>${t("cases.action.triage")}</h3> ${reportRoutes.map((r) => renderTemplate`<label><input type="radio" name="route"${addAttribute(r, "value")} required> ${t(`cases.route.${r}`)}</label>`)} <p class="alert" data-form-error hidden></p> <button type="submit">${t("cases.action.submit")}</button> </form> <form class="action" data-action="assign" hidden> <h3>${t("cases.action.assign")}</h3> <label>${t("cases.field.responsible")} <input type="text" name="responsible" maxlength="60" required></label> <label>${t("duties.field.pick")} <select name="duty" data-duty> <option value="">${t("duties.field.none")}</option> ${dutyAreas.map((area) => renderTemplate`<optgroup${addAttribute(`${t("duties.list.duty")} · ${area.name}`, "label")}> ${duties.filter((d) => d.area === area.id).map((d) => renderTemplate`<option${addAttribute(d.id, "value")}${addAttribute(d.body, "data-body")}>${d.name}（${d.body}）</option>`)} </optgroup>`)} ${matterAreas.map((area) => renderTemplate`<optgroup${addAttribute(`${t("duties.list.matter")} · ${area.name}`, "label")}> ${matters.filter((m) => m.area === area.id).map((m) => renderTemplate`<option${addAttribute(m.id, "value")}${addAttribute(responsibleItem(m.id)?.body, "data-body")}>${m.name}（${responsibleItem(m.id)?.body}）</option>`)} </optgroup>`)} </select> </label> <label>${t("cases.field.deadline")} <input type="date" name="deadline"></label> <label>${t("cases.field.measures")} <textarea name="measures" maxlength="1000" required></textarea></label> <p class="alert" data-form-error hidden></p> <button type="submit">${t("cases.action.submit")}</button> </form> <form class="action" data-action="answer" hidden> <h3>${t("cases.action.answer")}</h3> <p class="m">${t("cases.action.answerHint")}</p> <label>${t("cases.action.template")} <select data-template> <option value="">${t("cases.action.templateNone")}</option> ${reply_templates_default.map((tpl) => renderTemplate`<option${addAttribute(tpl.text, "value")}>${tpl.title}</option>`)} </select> </label> <label>${t("cases.field.answer")} <textarea name="answer" maxlength="3000" required></textarea></label> <p class="alert" data-form-error hidden></p> <button type="submit">${t("cases.action.submit")}</button> </form> <form class="action" data-action="note" hidden> <h3>${t("cases.action.note")}</h3> <p class="m">${t("cases.action.noteHint")}</p> <label>${t("cases.action.note")} <textarea name="note" maxlength="2000" required></textarea></label> <p class="alert" data-form-error hidden></p> <button type="submit">${t("cases.action.submit")}</button> </form> <form class="action" data-action="merge" hidden> <h3>${t("cases.action.merge")}</h3> <p class="m">${t("cases.action.mergeHint")}</p> <label>${t("cases.field.id")} <input type="number" name="into" min="1" required></label> <p class="alert" data-form-error hidden></p> <button type="submit">${t("cases.action.submit")}</button> </form> <form class="action" data-action="transfer" hidden> <h3>${t("cases.action.transfer")}</h3> <label>${t("cases.field.town")} <select name="town" required> <option value="">${t("cases.action.chooseTown")}</option> ${towns.map((tw) => renderTemplate`<option${addAttribute(tw.code, "value")}>${tw.name}</option>`)} </select> </label> <p class="alert" data-form-error hidden></p> <button type="submit">${t("cases.action.submit")}</button> </form> <h2>${t("cases.timeline")}</h2> <ol class="timeline" data-timeline></ol> </div> ${renderComponent($$result, "CaseStrings", $$CaseStrings, {})}${renderScript($$result, "/work/main/site/src/pages/staff/cases/case/index.astro?astro&type=script&index=0&lang.ts")}` })}`;
}, "/work/main/site/src/pages/staff/cases/case/index.astro", void 0);
var $$file = "/work/main/site/src/pages/staff/cases/case/index.astro";
var $$url = "/staff/cases/case/";
// \0virtual:astro:page:src/pages/staff/cases/case/index@_@astro
var page = () => case_exports;
export { page };
