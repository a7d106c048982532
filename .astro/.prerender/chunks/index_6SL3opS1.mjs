import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { c as renderComponent, h as renderTemplate } from "./server_B5gDREN0.mjs";
import { d as villages, g as createComponent, h as createAstro } from "./Page_DIg0aLoI.mjs";
import { t as $$ReportForm } from "./ReportForm_B4CEybZg.mjs";
// site/src/pages/v/[village]/help/index.astro
var help_exports = /* @__PURE__ */ __exportAll({
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
	return renderTemplate`${renderComponent($$result, "ReportForm", $$ReportForm, {
		"village": Astro.props.village,
		"kind": "request"
	})}`;
}, "/work/main/site/src/pages/v/[village]/help/index.astro", void 0);
var $$file = "/work/main/site/src/pages/v/[village]/help/index.astro";
var $$url = "/v/[village]/help/";
// \0virtual:astro:page:src/pages/v/[village]/help/index@_@astro
var page = () => help_exports;
export { page };
