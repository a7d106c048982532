/**
 * CSV import of disclosure tables as village accountants export them from WPS or Excel: UTF-8 (with or
 * without BOM) or GBK, RFC 4180 quoting, Chinese headers, amounts in 元 ("1,234.50"), dates as
 * 2026-10-05 or 2026/10/5. Either every row is valid and converted (amounts to integer fen), or the
 * result is a list of row-by-row Chinese errors and nothing is imported. Pure: runs in workerd and Node.
 */
import type { ZodType } from "zod";
import { assetRow, type DisclosureTables, ledgerRow, resourceRow } from "./disclosure.ts";
import { t } from "./i18n/index.ts";
import type { TableKind } from "./reference.ts";
import { HIDDEN_TEXT } from "./text.ts";

export type CsvEncoding = "utf-8" | "gbk" | "utf-16le";

export interface CsvError {
  /** The spreadsheet row (the header is usually row 1). */
  row: number;
  /** The Chinese column header, when one column is at fault. */
  field?: string;
  message: string;
}

export type CsvImport =
  | { ok: true; encoding: CsvEncoding; tables: DisclosureTables }
  | { ok: false; encoding: CsvEncoding | null; errors: CsvError[] };

/** A row larger than the table allows is refused whole (disclosureTables allows 500). */
export const CSV_MAX_ROWS = 500;
const MAX_ERRORS = 50;
const HEADER_SEARCH_ROWS = 5;

/**
 * Text of a CSV file: a BOM decides; otherwise strict UTF-8, and GBK (Excel's and WPS's "ANSI" on a
 * Chinese Windows) when the bytes are not UTF-8.
 * @example decodeCsv(new Uint8Array([0xc8, 0xd5, 0xc6, 0xda])) // { text: "日期", encoding: "gbk" }
 */
export function decodeCsv(bytes: ArrayBuffer | Uint8Array): { text: string; encoding: CsvEncoding } {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (view[0] === 0xef && view[1] === 0xbb && view[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(view.subarray(3)), encoding: "utf-8" };
  }
  if (view[0] === 0xff && view[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(view.subarray(2)), encoding: "utf-16le" };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(view), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gbk").decode(view), encoding: "gbk" };
  }
}

/**
 * RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks; CRLF, LF or CR end a
 * record. Returns null when a quote is never closed, with the record where it opened.
 * @example parseCsv('a,"b,""c"""\r\n1,2') // { records: [["a", 'b,"c"'], ["1", "2"]] }
 */
export function parseCsv(text: string): { records: string[][] } | { unclosedAt: number } {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let quoteOpenedAt = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") {
      quoted = true;
      quoteOpenedAt = records.length + 1;
    } else if (ch === ",") {
      record.push(field);
      field = "";
    } else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += ch;
  }
  if (quoted) return { unclosedAt: quoteOpenedAt };
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return { records };
}

type Converter = "text" | "yuan" | "date" | "number" | "span";
interface Column {
  key: string;
  /** The header as written, then accepted variants (after removing spaces and unit suffixes). */
  headers: readonly string[];
  convert: Converter;
  /** Keys filled by a "span" column (起止日期 → start and end). */
  spanKeys?: readonly [string, string];
}

const col = (key: string, convert: Converter, ...headers: string[]): Column => ({ key, headers, convert });

/** The columns of each table kind, in the order of DOMAIN.md's registers. */
export const csvColumns: Record<TableKind, readonly Column[]> = {
  ledger: [
    col("date", "date", "日期"),
    col("voucher", "text", "凭证号", "凭证编号"),
    col("summary", "text", "摘要"),
    col("category", "text", "类别", "科目"),
    col("amount", "yuan", "金额"),
    col("handler", "text", "经手人"),
    col("approver", "text", "审批人"),
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
    col("keeper", "text", "管护人"),
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
    col("paid", "yuan", "已缴", "已缴金额"),
  ],
};

/** Header text without spaces and unit suffixes: "金额（元）" → "金额". */
const normalizeHeader = (header: string) => header.replace(/\s+/g, "").replace(/[（(](元|亩|万元)[）)]$/, "");

/** A resource register may give the contract's dates in one 起止日期 column ("2020-01-01至2030-12-31"). */
const dateSpan: Column = { key: "start", headers: ["起止日期"], convert: "span", spanKeys: ["start", "end"] };

function findColumns(kind: TableKind, header: readonly string[]): { index: Map<Column, number>; missing: string[] } {
  const names = header.map(normalizeHeader);
  const at = (column: Column) => {
    const accepted = column.headers.map(normalizeHeader);
    return names.findIndex((name) => accepted.includes(name));
  };
  const index = new Map<Column, number>();
  const missing: string[] = [];
  const spanAt = kind === "resources" ? at(dateSpan) : -1;
  if (spanAt >= 0) index.set(dateSpan, spanAt);
  for (const column of csvColumns[kind]) {
    if (spanAt >= 0 && (column.key === "start" || column.key === "end")) continue;
    const found = at(column);
    if (found >= 0) index.set(column, found);
    else missing.push(column.headers[0] as string);
  }
  return { index, missing };
}

const YUAN = /^(\d+)(?:\.(\d{1,2}))?$/;

/**
 * 元 as written in a spreadsheet to integer fen; null when it is not an amount.
 * @example yuanToFen("1,234.50") // 123450
 */
export function yuanToFen(cell: string): number | null {
  const plain = cell.replace(/[\s,，¥￥元]/g, "");
  const negative = plain.startsWith("-");
  const match = YUAN.exec(negative ? plain.slice(1) : plain);
  if (!match) return null;
  const fen = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return negative ? -fen : fen;
}

/**
 * A spreadsheet date as `YYYY-MM-DD`; null when it is not a real date.
 * @example spreadsheetDate("2026/10/5") // "2026-10-05"
 */
export function spreadsheetDate(cell: string): string | null {
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(cell.trim());
  if (!match) return null;
  const iso = `${match[1]}-${match[2]?.padStart(2, "0")}-${match[3]?.padStart(2, "0")}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(iso) ? iso : null;
}

const rowSchemas: Record<TableKind, ZodType> = { ledger: ledgerRow, assets: assetRow, resources: resourceRow };

type RowValues = Record<string, string | number>;

function convertCell(column: Column, raw: string, row: number, out: RowValues, errors: CsvError[]): void {
  const field = column.headers[0] as string;
  const cell = raw.trim();
  const fail = (message: string) => errors.push({ row, field, message });
  if (cell === "") return void fail(t("disclosures.csvRequired", { row, field }));
  if (column.convert === "text") out[column.key] = cell;
  else if (column.convert === "yuan" || column.convert === "number") {
    const value = column.convert === "yuan" ? yuanToFen(cell) : Number(cell.replace(/[\s,，]/g, ""));
    if (value === null || !Number.isFinite(value)) return void fail(t("disclosures.csvNumber", { row, field }));
    if (value < 0) return void fail(t("disclosures.csvNegative", { row, field }));
    out[column.key] = value;
  } else if (column.convert === "date") {
    const date = spreadsheetDate(cell);
    if (!date) return void fail(t("disclosures.csvDate", { row, field }));
    out[column.key] = date;
  } else {
    const [start, end] = cell.split(/\s*(?:至|~|～|—|–|到)\s*/);
    const dates = [spreadsheetDate(start ?? ""), spreadsheetDate(end ?? "")];
    if (!dates[0] || !dates[1]) return void fail(t("disclosures.csvDate", { row, field }));
    const [startKey, endKey] = column.spanKeys as readonly [string, string];
    out[startKey] = dates[0];
    out[endKey] = dates[1];
  }
}

/** Chinese messages for what the zod row schema refuses after conversion. */
function schemaErrors(
  kind: TableKind,
  columns: readonly Column[],
  values: RowValues,
  row: number,
  skip: Set<string>,
): CsvError[] {
  const result = rowSchemas[kind].safeParse(values);
  if (result.success) return [];
  const errors: CsvError[] = [];
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? "");
    if (skip.has(key)) continue;
    const column = columns.find((c) => c.key === key || c.spanKeys?.includes(key));
    const field = column?.headers[0] ?? key;
    skip.add(key);
    if (issue.code === "invalid_value" && "values" in issue) {
      errors.push({
        row,
        field,
        message: t("disclosures.csvChoice", { row, field, choices: issue.values.join("、") }),
      });
    } else if (issue.message === HIDDEN_TEXT) {
      errors.push({ row, field, message: t("disclosures.csvHidden", { row, field }) });
    } else if (issue.code === "too_big" && issue.origin === "string") {
      errors.push({ row, field, message: t("disclosures.csvTooLong", { row, field, max: String(issue.maximum) }) });
    } else errors.push({ row, field, message: t("disclosures.csvInvalid", { row, field }) });
  }
  return errors;
}

/**
 * Imports a CSV file as a disclosure table of `kind`, or explains row by row what is wrong.
 * @example importCsv("ledger", await file.arrayBuffer()) // { ok: true, encoding: "gbk", tables: { kind: "ledger", rows } }
 */
export function importCsv(kind: TableKind, bytes: ArrayBuffer | Uint8Array): CsvImport {
  const { text, encoding } = decodeCsv(bytes);
  const refuse = (errors: CsvError[]): CsvImport => ({ ok: false, encoding, errors: errors.slice(0, MAX_ERRORS) });
  const parsed = parseCsv(text);
  if ("unclosedAt" in parsed) {
    return refuse([{ row: parsed.unclosedAt, message: t("disclosures.csvUnclosedQuote", { row: parsed.unclosedAt }) }]);
  }
  const numbered = parsed.records
    .map((cells, i) => ({ row: i + 1, cells }))
    .filter(({ cells }) => cells.some((c) => c.trim() !== ""));
  if (numbered.length === 0) return refuse([{ row: 1, message: t("disclosures.csvEmpty") }]);
  // WPS and Excel sheets often carry a title line above the header: look a few rows down for it.
  const candidates = numbered.slice(0, HEADER_SEARCH_ROWS).map((r) => ({ ...r, ...findColumns(kind, r.cells) }));
  const header = candidates.find((c) => c.missing.length === 0);
  if (!header) {
    const first = candidates[0] as (typeof candidates)[number];
    return refuse(
      first.missing.map((field) => ({
        row: first.row,
        field,
        message: t("disclosures.csvNoHeader", { row: first.row, field }),
      })),
    );
  }
  const body = numbered.filter((r) => r.row > header.row);
  if (body.length === 0) return refuse([{ row: header.row, message: t("disclosures.csvNoRows") }]);
  if (body.length > CSV_MAX_ROWS) {
    return refuse([
      { row: header.row, message: t("disclosures.csvTooMany", { max: CSV_MAX_ROWS, count: body.length }) },
    ]);
  }
  const errors: CsvError[] = [];
  const rows: RowValues[] = [];
  const columns = [...header.index.keys()];
  for (const { row, cells } of body) {
    const values: RowValues = {};
    const before = errors.length;
    for (const [column, at] of header.index) convertCell(column, cells[at] ?? "", row, values, errors);
    const failed = new Set(
      columns
        .filter((c) => errors.slice(before).some((e) => e.field === c.headers[0]))
        .flatMap((c) => c.spanKeys ?? [c.key]),
    );
    errors.push(...schemaErrors(kind, columns, values, row, failed));
    rows.push(values);
  }
  if (errors.length > 0) return refuse(errors);
  return { ok: true, encoding, tables: { kind, rows } as DisclosureTables };
}
