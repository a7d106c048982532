import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { T as unescapeHTML, c as renderComponent, g as maybeRenderHead, h as renderTemplate, l as Fragment, v as addAttribute } from "./server_B5gDREN0.mjs";
import { g as createComponent, h as createAstro, t as $$Page } from "./Page_DIg0aLoI.mjs";
import { t } from "./i18n_CB-ZrA_P.mjs";
import { n as negativePowers, r as positivePowers } from "./power_BfoiOrdl.mjs";
// site/src/pages/power/_flowchart.ts
/**
* A positive power's steps drawn as a vertical flowchart in inline SVG at build time: one box per step,
* arrows between, text inside the SVG (no fonts, no script), 320 units wide so it fits a 360 px phone.
*/
var WIDTH = 320;
var BOX_X = 10;
var BOX_WIDTH = 300;
var FONT = 18;
var LINE = 26;
var PAD = 10;
var GAP = 28;
/** Text may use the box width minus padding. */
var TEXT_WIDTH = 280;
var escapeXml = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** Rough advance of a character: CJK full width, ASCII about half. */
var advance = (ch) => ((ch.codePointAt(0) ?? 0) < 11904 ? .6 : 1) * FONT;
/**
* Splits a step's text into lines that fit the box.
* @example wrapStep("1. 村党组织提议") // ["1. 村党组织提议"]
*/
function wrapStep(text) {
	const lines = [];
	let line = "";
	let width = 0;
	for (const ch of text) {
		if (width + advance(ch) > TEXT_WIDTH && line) {
			lines.push(line);
			line = "";
			width = 0;
		}
		line += ch;
		width += advance(ch);
	}
	if (line) lines.push(line);
	return lines;
}
/**
* The SVG markup of a flowchart, labelled by `title` and `desc` for screen readers (role="img").
* @example flowchartSvg("p01", ["提议", "商议"], "重大事项决策流程图", "共 2 步：…")
*/
function flowchartSvg(id, steps, title, desc) {
	const parts = [];
	let y = PAD;
	steps.forEach((step, index) => {
		const lines = wrapStep(`${index + 1}. ${step}`);
		const height = lines.length * LINE + 20 - 4;
		if (index > 0) parts.push(`<line x1="${WIDTH / 2}" y1="${y - GAP}" x2="${WIDTH / 2}" y2="${y - 3}" stroke="#555" stroke-width="2" marker-end="url(#a-${id})"/>`);
		parts.push(`<rect x="${BOX_X}" y="${y}" width="${BOX_WIDTH}" height="${height}" rx="8" fill="#f2f7ff" stroke="#0a4fbf" stroke-width="2"/>`);
		lines.forEach((line, n) => {
			parts.push(`<text x="20" y="${y + PAD + (n + 1) * LINE - 7}" font-size="${FONT}" fill="#1b1b1b">${escapeXml(line)}</text>`);
		});
		y += height + GAP;
	});
	const total = y - GAP + PAD;
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${total}" width="${WIDTH}" height="${total}" role="img" aria-labelledby="ft-${id} fd-${id}" class="flow">`,
		`<title id="ft-${id}">${escapeXml(title)}</title><desc id="fd-${id}">${escapeXml(desc)}</desc>`,
		`<defs><marker id="a-${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0 0L10 5L0 10z" fill="#555"/></marker></defs>`,
		...parts,
		"</svg>"
	].join("");
}
// site/src/pages/power/[id]/index.astro
var _id__exports = /* @__PURE__ */ __exportAll({
	default: () => $$Index,
	file: () => $$file,
	getStaticPaths: () => getStaticPaths,
	url: () => $$url
});
createAstro("https://cunma.example.cn");
function getStaticPaths() {
	return [...positivePowers, ...negativePowers].map((item) => ({
		params: { id: item.id },
		props: { item }
	}));
}
var $$Index = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Index;
	const { item } = Astro.props;
	const positive = "steps" in item ? item : null;
	const negative = "description" in item ? item : null;
	const flow = positive ? flowchartSvg(positive.id, positive.steps, t("power.flowTitle", { name: positive.name }), t("power.flowDesc", {
		count: positive.steps.length,
		steps: positive.steps.map((s, i) => `${i + 1}. ${s}`).join("；")
	})) : "";
	return renderTemplate`${renderComponent($$result, "Page", $$Page, {
		"title": `${item.name} · ${t("power.title")}`,
		"data-astro-cid-nsqzu2ws": true
	}, { "default": ($$result) => renderTemplate` ${maybeRenderHead($$result)}<p class="sub" data-astro-cid-nsqzu2ws><a href="../" data-astro-cid-nsqzu2ws>${t("power.backToList")}</a></p> <h1 data-astro-cid-nsqzu2ws>${item.name}</h1> <p class="m" data-astro-cid-nsqzu2ws>${negative ? t("power.negative") : t("power.positive")} · ${item.category}</p> <p class="m" data-report-hint data-astro-cid-nsqzu2ws>${t("power.chooseVillage")} <a href="/" data-astro-cid-nsqzu2ws>${t("power.home")}</a></p> ${positive && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate` <h2 data-astro-cid-nsqzu2ws>${t("power.responsible")}</h2> <p data-astro-cid-nsqzu2ws>${positive.responsible}</p> <h2 data-astro-cid-nsqzu2ws>${t("power.steps")}</h2> <figure data-astro-cid-nsqzu2ws>${unescapeHTML(flow)}</figure> <ol class="sr" data-astro-cid-nsqzu2ws>${positive.steps.map((s) => renderTemplate`<li data-astro-cid-nsqzu2ws>${s}</li>`)}</ol> <h2 data-astro-cid-nsqzu2ws>${t("power.timeLimit")}</h2> <p data-astro-cid-nsqzu2ws>${positive.timeLimit}</p> <h2 data-astro-cid-nsqzu2ws>${t("power.supervision")}</h2> <p data-astro-cid-nsqzu2ws>${positive.supervision}</p> <h2 data-astro-cid-nsqzu2ws>${t("power.risks")}</h2> <ul class="dots" data-astro-cid-nsqzu2ws>${positive.risks.map((r) => renderTemplate`<li data-astro-cid-nsqzu2ws>${r}</li>`)}</ul> <h2 data-astro-cid-nsqzu2ws>${t("power.controls")}</h2> <ul class="dots" data-astro-cid-nsqzu2ws>${positive.controls.map((c) => renderTemplate`<li data-astro-cid-nsqzu2ws>${c}</li>`)}</ul> ` })}`}${negative && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate` <h2 data-astro-cid-nsqzu2ws>${t("power.prohibited")}</h2> <p data-astro-cid-nsqzu2ws>${negative.description}</p> ` })}`}<h2 data-astro-cid-nsqzu2ws>${t("power.basis")}</h2> <ul class="dots" data-astro-cid-nsqzu2ws>${item.basis.map((b) => renderTemplate`<li data-astro-cid-nsqzu2ws>${b}</li>`)}</ul> <p class="plain" data-astro-cid-nsqzu2ws>${negative ? t("power.negativeHint") : t("power.positiveHint")}</p> <p data-astro-cid-nsqzu2ws><a class="act" href="/" data-report-link${addAttribute(item.id, "data-power")} data-astro-cid-nsqzu2ws>${t("power.report")}</a></p> ` })}`;
}, "/work/main/site/src/pages/power/[id]/index.astro", void 0);
var $$file = "/work/main/site/src/pages/power/[id]/index.astro";
var $$url = "/power/[id]/";
// \0virtual:astro:page:src/pages/power/[id]/index@_@astro
var page = () => _id__exports;
export { page };
