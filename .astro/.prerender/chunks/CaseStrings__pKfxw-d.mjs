import { T as unescapeHTML, h as renderTemplate } from "./server_B5gDREN0.mjs";
import { g as createComponent } from "./Page_DIg0aLoI.mjs";
import { i as cases_default, n as reports_default, r as duties_default } from "./i18n_CB-ZrA_P.mjs";
// site/src/components/CaseStrings.astro
var $$CaseStrings = createComponent(($$result, $$props, $$slots) => {
	const prefixes = [
		"reports.kind.",
		"reports.topic.",
		"reports.state.",
		"reports.event.",
		"reports.rating."
	];
	const strings = {
		...cases_default,
		...Object.fromEntries(Object.entries(reports_default).filter(([key]) => prefixes.some((p) => key.startsWith(p)))),
		...Object.fromEntries(Object.entries(duties_default).filter(([key]) => /^duties\.(case|list|field)\./.test(key)))
	};
	return renderTemplate`<script type="application/json" id="case-strings">${unescapeHTML(JSON.stringify(strings).replaceAll("<", "\\u003c"))}<\/script>`;
}, "/work/main/site/src/components/CaseStrings.astro", void 0);
export { $$CaseStrings as t };
