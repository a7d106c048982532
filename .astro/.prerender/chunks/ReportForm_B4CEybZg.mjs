import { c as renderComponent, g as maybeRenderHead, h as renderTemplate, v as addAttribute } from "./server_B5gDREN0.mjs";
import { g as createComponent, h as createAstro, m as renderScript, t as $$Page } from "./Page_DIg0aLoI.mjs";
import { t } from "./i18n_CB-ZrA_P.mjs";
import { c as reportTopics, t as CONTENT_MAX } from "./report_54V31XCS.mjs";
// site/src/components/ReportForm.astro
createAstro("https://cunma.example.cn");
var $$ReportForm = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$ReportForm;
	const { village, kind } = Astro.props;
	const misconduct = kind === "misconduct";
	const name = t(`reports.kind.${kind}`);
	return renderTemplate`${renderComponent($$result, "Page", $$Page, {
		"title": t("reports.form.title", {
			kind: name,
			village: village.name
		}),
		"description": t(`reports.kindHint.${kind}`),
		"demo": village.demo
	}, { "default": ($$result) => renderTemplate` ${maybeRenderHead($$result)}<p class="sub"><a${addAttribute(`/v/${village.code}/`, "href")}>${t("reports.form.back", { village: village.name })}</a></p> <h1>${name}</h1> <p>${t(`reports.form.lead.${kind}`)}</p> ${misconduct && renderTemplate`<p class="safe">${t("reports.form.discipline")}</p>`}<div data-error class="err" role="alert" hidden></div> <form method="post" enctype="multipart/form-data"${addAttribute(`/api/villages/${village.code}/reports`, "action")} data-outbox> <input type="hidden" name="kind"${addAttribute(kind, "value")}> <input type="hidden" name="key" value=""> <input type="hidden" name="power" value=""> <input type="hidden" name="disclosure" value=""> <p data-ref class="m" hidden></p> <fieldset> <legend>${t("reports.form.topic")}</legend> ${reportTopics.map((topic) => renderTemplate`<label class="opt"><input type="radio" name="topic"${addAttribute(topic, "value")} required${addAttribute(misconduct && topic === "conduct", "checked")}> ${t(`reports.topic.${topic}`)}</label>`)} </fieldset> <label for="content" class="q">${t("reports.form.content", { min: 5 })}</label> <p class="m" id="content-hint">${t("reports.form.contentHint")}</p> <textarea id="content" name="content" rows="7"${addAttribute(5, "minlength")}${addAttribute(CONTENT_MAX, "maxlength")} aria-describedby="content-hint"></textarea> <label for="photo" class="q">${t("media.form.photo")}</label> <input id="photo" name="photo" type="file" accept="image/*" capture="environment" multiple> <label for="voice" class="q">${t("media.form.voice")}</label> <div data-recorder hidden${addAttribute(t("media.form.hold"), "data-hold")}${addAttribute(t("media.form.recording"), "data-recording")}${addAttribute(t("media.form.recorded"), "data-recorded")}${addAttribute(t("media.form.noMic"), "data-no-mic")}> <button type="button" class="hold">${t("media.form.hold")}</button> <p data-rec-status role="status" aria-live="polite"></p> <audio controls hidden></audio> </div> <input id="voice" name="voice" type="file" accept="audio/*" capture="user"> <fieldset> <legend>${t("reports.form.contact")}</legend> <p class="m">${t(misconduct ? "reports.form.contactHint.misconduct" : "reports.form.contactHint.other")}</p> <label for="contact_name">${t("reports.form.name")}</label> <input id="contact_name" name="contact_name" maxlength="20"${addAttribute(misconduct ? "off" : "name", "autocomplete")}> <label for="contact_phone">${t("reports.form.phone")}</label> <input id="contact_phone" name="contact_phone" type="tel" inputmode="tel" maxlength="20"${addAttribute(misconduct ? "off" : "tel", "autocomplete")}> </fieldset> <p data-outbox-status role="status" aria-live="polite"${addAttribute(t("reports.outbox.saved"), "data-saved")}${addAttribute(t("reports.outbox.sending"), "data-sending")}${addAttribute(t("reports.outbox.sent"), "data-sent")}${addAttribute(t("reports.outbox.waiting"), "data-waiting")}></p> <button type="submit">${t("reports.form.submit")}</button> </form> <h2>${t("reports.form.next")}</h2> <ol class="next"> <li>${t("reports.form.next1")}</li> <li>${t("reports.form.next2")}</li> <li>${t("reports.form.next3")}</li> </ol> <p><a href="/r/">${t("reports.receipt.lookup")}</a></p>${renderScript($$result, "/work/main/site/src/components/ReportForm.astro?astro&type=script&index=0&lang.ts")}` })}`;
}, "/work/main/site/src/components/ReportForm.astro", void 0);
export { $$ReportForm as t };
