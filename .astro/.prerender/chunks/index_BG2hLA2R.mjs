import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { c as renderComponent, g as maybeRenderHead, h as renderTemplate, v as addAttribute } from "./server_B5gDREN0.mjs";
import { g as createComponent, t as $$Page } from "./Page_DIg0aLoI.mjs";
import { t } from "./i18n_CB-ZrA_P.mjs";
import { r as ratings } from "./report_54V31XCS.mjs";
// site/src/pages/r/index.astro
var r_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Index,
	file: () => $$file,
	url: () => "/r/"
});
var $$Index = createComponent(($$result, $$props, $$slots) => {
	return renderTemplate`${renderComponent($$result, "Page", $$Page, { "title": t("reports.receipt.title") }, {
		"default": ($$result) => renderTemplate`   ${maybeRenderHead($$result)}<h1 data-lookup-title>${t("reports.receipt.title")}</h1> <div data-message class="err" role="alert" hidden></div> <section data-found hidden> <h1>${t("reports.receipt.heading")}</h1> <p class="receipt" data-receipt></p> <p class="hint">${t("reports.receipt.save")}</p> <div data-summary></div> <h2>${t("reports.receipt.timeline")}</h2> <ol class="timeline" data-timeline></ol> <div data-answer hidden></div> <form method="post" data-rating hidden> <fieldset> <legend>${t("reports.receipt.rate")}</legend> ${ratings.map((rating) => renderTemplate`<label class="opt"><input type="radio" name="rating"${addAttribute(rating, "value")} required> ${t(`reports.rating.${rating}`)}</label>`)} </fieldset> <label for="comment">${t("reports.receipt.comment")}</label> <textarea id="comment" name="comment" rows="3" maxlength="500"></textarea> <button type="submit">${t("reports.receipt.rateSubmit")}</button> </form> <p data-rated hidden></p> <p class="m">${t("reports.receipt.privacy")}</p> </section> <h2>${t("reports.receipt.lookup")}</h2> <form method="get" action="/r/"> <label for="receipt">${t("reports.receipt.lookupLabel")}</label> <input id="receipt" name="receipt" inputmode="numeric" autocomplete="off" maxlength="24" required> <button type="submit">${t("reports.receipt.lookupSubmit")}</button> </form> `,
		"head": ($$result) => renderTemplate`<meta name="robots" content="noindex"><meta name="referrer" content="no-referrer">`
	})}`;
}, "/work/main/site/src/pages/r/index.astro", void 0);
var $$file = "/work/main/site/src/pages/r/index.astro";
// \0virtual:astro:page:src/pages/r/index@_@astro
var page = () => r_exports;
export { page };
