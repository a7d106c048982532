import { t as __exportAll } from "./rolldown-runtime_D8jQpDG7.mjs";
import { t as csvColumns } from "./csv_CSbQFUNP.mjs";
// site/src/pages/staff/publish/template-[kind].csv.ts
var template__kind__csv_exports = /* @__PURE__ */ __exportAll({
	GET: () => GET,
	getStaticPaths: () => getStaticPaths
});
var examples = {
	ledger: [
		"2026-10-03",
		"记001",
		"上级拨付村级组织运转经费",
		"补助收入",
		"15000.00",
		"王会计",
		"张建国"
	],
	assets: [
		"ZC-001",
		"村委会办公楼",
		"非经营性",
		"村委会大院",
		"1栋",
		"850000.00",
		"120000.00",
		"2015-06-01",
		"在用",
		"张建国"
	],
	resources: [
		"坑塘水面",
		"村东",
		"35.5",
		"CB-2019-03",
		"张三",
		"2019-01-01",
		"2028-12-31",
		"12000.00",
		"12000.00"
	]
};
function getStaticPaths() {
	return Object.keys(csvColumns).map((kind) => ({ params: { kind } }));
}
var GET = ({ params }) => {
	const kind = params.kind;
	const header = csvColumns[kind].map((c) => c.headers[0]);
	return new Response(`\uFEFF${header.join(",")}\r\n${examples[kind].join(",")}\r\n`, { headers: { "Content-Type": "text/csv; charset=utf-8" } });
};
// \0virtual:astro:page:src/pages/staff/publish/template-[kind].csv@_@ts
var page = () => template__kind__csv_exports;
export { page };
