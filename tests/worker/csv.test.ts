/** CSV import inside workerd, where the worker will run it: GBK via TextDecoder, UTF-8 with BOM. */
import { describe, expect, it } from "vitest";
import { decodeCsv, importCsv } from "#core/csv.ts";
import {
  fromBase64,
  ledgerCsv,
  ledgerGbkBase64,
  ledgerWithErrorsGbkBase64,
  resourcesGbkBase64,
} from "../fixtures/csv-samples.ts";

describe("CSV import in workerd", () => {
  it("has a GBK TextDecoder", () => {
    expect(new TextDecoder("gbk").decode(new Uint8Array([0xc8, 0xd5, 0xc6, 0xda]))).toBe("日期");
  });

  it("imports a GBK ledger written by WPS: title line skipped, quoted amounts to fen", () => {
    const result = importCsv("ledger", fromBase64(ledgerGbkBase64).buffer as ArrayBuffer);
    expect(result).toMatchObject({ ok: true, encoding: "gbk" });
    if (!result.ok || result.tables.kind !== "ledger") throw new Error("not imported");
    expect(result.tables.rows.map((r) => [r.date, r.summary, r.category, r.amount])).toEqual([
      ["2026-10-03", "上级拨付村级组织运转经费", "补助收入", 1_500_000],
      ["2026-10-09", "村内道路维修（东西大街, 含材料）", "公益支出", 980_050],
      ["2026-10-15", '办公用品"A4纸"', "管理费用", 35_600],
    ]);
  });

  it("imports the same ledger from UTF-8 with a BOM, identically", () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(ledgerCsv)]);
    expect(decodeCsv(bom).text.startsWith("泊头镇")).toBe(true);
    expect(importCsv("ledger", bom)).toEqual({
      ...importCsv("ledger", fromBase64(ledgerGbkBase64)),
      encoding: "utf-8",
    });
  });

  it("imports a GBK resource register with a combined 起止日期 column", () => {
    const result = importCsv("resources", fromBase64(resourcesGbkBase64));
    if (!result.ok || result.tables.kind !== "resources") throw new Error(JSON.stringify(result));
    expect(result.tables.rows[1]).toEqual({
      category: "耕地",
      location: "村北",
      areaMu: 120,
      contractNo: "XWL-2021-07",
      contractor: "徐万粮村种植合作社",
      start: "2021-03-01",
      end: "2026-12-31",
      annualFee: 3_600_000,
      paid: 3_000_000,
    });
  });

  it("explains every bad row in Chinese and imports nothing", () => {
    const result = importCsv("ledger", fromBase64(ledgerWithErrorsGbkBase64));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.message)).toEqual([
      "第3行「金额」不是数字。",
      "第4行「类别」只能填：经营收入、投资收益、补助收入、其他收入、经营支出、税金及附加、管理费用、公益支出、其他支出。",
      "第5行「日期」不是有效日期，请写成 2026-10-05 或 2026/10/5。",
      "第5行「金额」不能是负数。",
      "第5行「经手人」没有填写。",
    ]);
  });
});
