import { t as safeText } from "./text_DhH_81Mw.mjs";
import "./i18n_CB-ZrA_P.mjs";
import { z } from "zod";
// schema/disclosure.ts
/**
* Disclosure tables (2024 农村集体经济组织会计制度), their plain-language summaries, and the hash that
* chains each village's published versions. Amounts are integers in fen (分) so sums are exact.
*/
var incomeCategories = [
	"经营收入",
	"投资收益",
	"补助收入",
	"其他收入"
];
var expenseCategories = [
	"经营支出",
	"税金及附加",
	"管理费用",
	"公益支出",
	"其他支出"
];
/** A single-line table cell. */
var text = (max) => safeText(max);
var fen = z.number().int().min(0).max(1e11);
var isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
var ledgerRow = z.object({
	date: isoDate,
	voucher: text(20),
	summary: text(60),
	category: z.enum([...incomeCategories, ...expenseCategories]),
	amount: fen,
	handler: text(20),
	approver: text(20)
});
var assetRow = z.object({
	no: text(20),
	name: text(40),
	type: z.enum(["经营性", "非经营性"]),
	location: text(40),
	quantity: text(20),
	originalValue: fen,
	depreciation: fen,
	acquired: isoDate,
	status: text(20),
	keeper: text(20)
});
var resourceRow = z.object({
	category: z.enum([
		"耕地",
		"园地",
		"林地",
		"坑塘水面",
		"四荒地",
		"建设用地"
	]),
	location: text(40),
	areaMu: z.number().positive().max(1e6),
	contractNo: text(30),
	contractor: text(30),
	start: isoDate,
	end: isoDate,
	annualFee: fen,
	paid: fen
});
z.discriminatedUnion("kind", [
	z.object({
		kind: z.literal("ledger"),
		rows: z.array(ledgerRow).min(1).max(500)
	}),
	z.object({
		kind: z.literal("assets"),
		rows: z.array(assetRow).min(1).max(500)
	}),
	z.object({
		kind: z.literal("resources"),
		rows: z.array(resourceRow).min(1).max(500)
	})
]);
"0".repeat(64);
// schema/csv.ts
var col = (key, convert, ...headers) => ({
	key,
	headers,
	convert
});
/** The columns of each table kind, in the order of DOMAIN.md's registers. */
var csvColumns = {
	ledger: [
		col("date", "date", "日期"),
		col("voucher", "text", "凭证号", "凭证编号"),
		col("summary", "text", "摘要"),
		col("category", "text", "类别", "科目"),
		col("amount", "yuan", "金额"),
		col("handler", "text", "经手人"),
		col("approver", "text", "审批人")
	],
	assets: [
		col("no", "text", "编号", "资产编号"),
		col("name", "text", "名称", "资产名称"),
		col("type", "text", "类别", "资产类别"),
		col("location", "text", "坐落", "坐落位置"),
		col("quantity", "text", "数量/面积", "数量", "面积"),
		col("originalValue", "yuan", "原值"),
		col("depreciation", "yuan", "累计折旧"),
		col("acquired", "date", "取得日期", "购建日期"),
		col("status", "text", "使用状态", "状态"),
		col("keeper", "text", "管护人")
	],
	resources: [
		col("category", "text", "资源类别", "类别"),
		col("location", "text", "坐落", "坐落位置"),
		col("areaMu", "number", "面积", "面积（亩）"),
		col("contractNo", "text", "合同编号"),
		col("contractor", "text", "承包方", "承包人"),
		col("start", "date", "起始日期", "开始日期"),
		col("end", "date", "终止日期", "到期日期", "结束日期"),
		col("annualFee", "yuan", "年承包金", "年承包费", "年租金"),
		col("paid", "yuan", "已缴", "已缴金额")
	]
};
export { resourceRow as i, expenseCategories as n, incomeCategories as r, csvColumns as t };
