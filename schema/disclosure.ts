/**
 * Disclosure tables (2024 农村集体经济组织会计制度), their plain-language summaries, and the hash that
 * chains each village's published versions. Amounts are integers in fen (分) so sums are exact.
 */
import { z } from "zod";
import { sha256Hex } from "./hash.ts";
import { safeText } from "./text.ts";

export const incomeCategories = ["经营收入", "投资收益", "补助收入", "其他收入"] as const;
export const expenseCategories = ["经营支出", "税金及附加", "管理费用", "公益支出", "其他支出"] as const;

/** A single-line table cell. */
const text = (max: number) => safeText(max);
const fen = z.number().int().min(0).max(100_000_000_000);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const ledgerRow = z.object({
  date: isoDate,
  voucher: text(20),
  summary: text(60),
  category: z.enum([...incomeCategories, ...expenseCategories]),
  amount: fen,
  handler: text(20),
  approver: text(20),
});
export const assetRow = z.object({
  no: text(20),
  name: text(40),
  type: z.enum(["经营性", "非经营性"]),
  location: text(40),
  quantity: text(20),
  originalValue: fen,
  depreciation: fen,
  acquired: isoDate,
  status: text(20),
  keeper: text(20),
});
export const resourceRow = z.object({
  category: z.enum(["耕地", "园地", "林地", "坑塘水面", "四荒地", "建设用地"]),
  location: text(40),
  areaMu: z.number().positive().max(1_000_000),
  contractNo: text(30),
  contractor: text(30),
  start: isoDate,
  end: isoDate,
  annualFee: fen,
  paid: fen,
});

export const disclosureTables = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("ledger"), rows: z.array(ledgerRow).min(1).max(500) }),
  z.object({ kind: z.literal("assets"), rows: z.array(assetRow).min(1).max(500) }),
  z.object({ kind: z.literal("resources"), rows: z.array(resourceRow).min(1).max(500) }),
]);
export type DisclosureTables = z.infer<typeof disclosureTables>;
export type LedgerRow = z.infer<typeof ledgerRow>;
export type ResourceRow = z.infer<typeof resourceRow>;

/** The money units a villager reads: 元 for everyday sums, 万元 once a sum reaches ten thousand yuan. */
export type MoneyUnit = "元" | "万元";

/** Amounts from ten thousand yuan (one million fen) up are said in 万元. */
const WAN_FEN = 1_000_000;

/**
 * The one unit for a sentence or column: 万元 when its largest amount is at least 1万元, else 元.
 * @example moneyUnit(971_100, 25_000_00) // "万元"
 * @example moneyUnit(971_100, 98_050) // "元"
 */
export function moneyUnit(...amountsFen: readonly number[]): MoneyUnit {
  return amountsFen.some((fen) => Math.abs(fen) >= WAN_FEN) ? "万元" : "元";
}

/**
 * Fen in the given unit, always with two decimals, so every amount in a sentence or column reads alike.
 * @example moneyWords(971_100, "万元") // "0.97万元"
 * @example moneyWords(98_050, "元") // "980.50元"
 */
export function moneyWords(amountFen: number, unit: MoneyUnit): string {
  return `${moneyFigure(amountFen, unit)}${unit}`;
}

/**
 * The number alone, for a column whose header already names the unit.
 * @example moneyFigure(1_250_000_00, "万元") // "125.00"
 */
export function moneyFigure(amountFen: number, unit: MoneyUnit): string {
  return (amountFen / (unit === "万元" ? WAN_FEN : 100)).toFixed(2);
}

/**
 * One amount on its own, in the unit {@link moneyUnit} picks for it.
 * @example yuanWords(1_250_000_00) // "125.00万元"
 * @example yuanWords(98_050) // "980.50元"
 */
export function yuanWords(amountFen: number): string {
  return moneyWords(amountFen, moneyUnit(amountFen));
}

/**
 * Several amounts of one sentence, all in the unit its largest amount picks.
 * @example sentenceMoney(971_100, 25_000_00) // ["0.97万元", "2.50万元"]
 */
export function sentenceMoney<T extends readonly number[]>(...amountsFen: T): { [K in keyof T]: string } {
  const unit = moneyUnit(...amountsFen);
  return amountsFen.map((fen) => moneyWords(fen, unit)) as { [K in keyof T]: string };
}
const trimmed = (n: number, digits: number) => String(Number(n.toFixed(digits)));

const isIncome = (category: string) => (incomeCategories as readonly string[]).includes(category);

/** Income and expense totals of a ledger, in fen. */
export function ledgerTotals(rows: readonly LedgerRow[]): { income: number; expense: number } {
  let income = 0;
  let expense = 0;
  for (const row of rows) {
    if (isIncome(row.category)) income += row.amount;
    else expense += row.amount;
  }
  return { income, expense };
}

/**
 * One plain sentence for a table, computed from its rows (never typed in).
 * Each sentence says all its money in one unit ({@link moneyUnit}).
 * @example plainSummary({kind: "ledger", rows}) // "收入 12.50万元，支出 9.80万元，结余 2.70万元。"
 */
export function plainSummary(tables: DisclosureTables, today: string): string {
  if (tables.kind === "ledger") {
    const { income, expense } = ledgerTotals(tables.rows);
    const balance = income - expense;
    const [inWords, outWords, balanceWords] = sentenceMoney(income, expense, Math.abs(balance));
    const biggest = [...tables.rows].filter((r) => !isIncome(r.category)).sort((a, b) => b.amount - a.amount)[0];
    const rest = biggest ? `最大一笔支出是“${biggest.summary}”${yuanWords(biggest.amount)}。` : "";
    return `收入 ${inWords}，支出 ${outWords}，${balance >= 0 ? "结余" : "超支"} ${balanceWords}。${rest}`;
  }
  if (tables.kind === "assets") {
    const net = tables.rows.reduce((s, r) => s + r.originalValue - r.depreciation, 0);
    return `村集体登记资产 ${tables.rows.length} 项，现值合计 ${yuanWords(net)}。`;
  }
  const area = tables.rows.reduce((s, r) => s + r.areaMu, 0);
  const fee = tables.rows.reduce((s, r) => s + r.annualFee, 0);
  const owed = tables.rows.reduce((s, r) => s + Math.max(0, r.annualFee - r.paid), 0);
  const [feeWords, owedWords] = sentenceMoney(fee, owed);
  const expiring = expiringContracts(tables.rows, today).length;
  return [
    `发包出租 ${tables.rows.length} 宗，共 ${trimmed(area, 1)} 亩，每年承包费 ${feeWords}`,
    owed > 0 ? `，还欠缴 ${owedWords}` : "，已全部缴清",
    expiring > 0 ? `；有 ${expiring} 份合同半年内到期，请留意是否按时重新发包。` : "。",
  ].join("");
}

/**
 * Contracts ending within 183 days of `today` (a 负面清单 risk: 合同到期不发包).
 * @example expiringContracts(rows, "2026-11-29").length
 */
export function expiringContracts(rows: readonly ResourceRow[], today: string): ResourceRow[] {
  const limit = new Date(`${today}T00:00:00Z`).getTime() + 183 * 86_400_000;
  return rows.filter((r) => r.end >= today && new Date(`${r.end}T00:00:00Z`).getTime() <= limit);
}

/** The fields of a published version that its hash covers. */
export interface DisclosureContent {
  village: string;
  item: string;
  period: string;
  title: string;
  content: string;
  tables: DisclosureTables | null;
  publishedBy: string;
  publishedAt: string;
  corrects: number | null;
  reason: string | null;
}

/** JSON with object keys sorted at every depth: the same content always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The chain's first link has this previous hash. */
export const GENESIS_HASH = "0".repeat(64);

/**
 * SHA-256 (hex) over the canonical content and the previous link's hash.
 * @example await disclosureHash(content, GENESIS_HASH) // "9f2c…"
 */
export async function disclosureHash(content: DisclosureContent, prevHash: string): Promise<string> {
  return sha256Hex(`${canonicalJson(content)}\n${prevHash}`);
}
