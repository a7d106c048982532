/** CSV import in Node (the scripts and the site build), against real GBK bytes written by iconv-lite. */
import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { importCsv, parseCsv, spreadsheetDate, yuanToFen } from "#core/csv.ts";
import {
  fromBase64,
  ledgerCsv,
  ledgerGbkBase64,
  ledgerWithErrorsCsv,
  ledgerWithErrorsGbkBase64,
  resourcesCsv,
  resourcesGbkBase64,
} from "../fixtures/csv-samples.ts";

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/csv/${name}`, import.meta.url)));
const errors = (result: ReturnType<typeof importCsv>) => (result.ok ? [] : result.errors.map((e) => e.message));

describe("CSV import in Node", () => {
  it("uses fixture files that really are GBK, the same bytes the workerd test inlines", () => {
    expect(new TextDecoder("gbk").decode(new Uint8Array([0xc8, 0xd5, 0xc6, 0xda]))).toBe("日期");
    for (const [name, text, base64] of [
      ["ledger-gbk.csv", ledgerCsv, ledgerGbkBase64],
      ["ledger-errors-gbk.csv", ledgerWithErrorsCsv, ledgerWithErrorsGbkBase64],
      ["resources-gbk.csv", resourcesCsv, resourcesGbkBase64],
    ] as const) {
      const bytes = fixture(name);
      expect(bytes).toEqual(new Uint8Array(iconv.encode(text, "gbk")));
      expect(bytes).toEqual(fromBase64(base64));
      expect(() => new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes)).toThrow();
    }
  });

  it("imports GBK and UTF-8-with-BOM files to the same rows", () => {
    const gbk = importCsv("ledger", fixture("ledger-gbk.csv"));
    const utf8 = importCsv("ledger", fixture("ledger-utf8-bom.csv"));
    expect(gbk).toMatchObject({ ok: true, encoding: "gbk" });
    expect(utf8).toEqual({ ...gbk, encoding: "utf-8" });
    if (!gbk.ok || gbk.tables.kind !== "ledger") throw new Error("not imported");
    expect(gbk.tables.rows[1]).toEqual({
      date: "2026-10-09",
      voucher: "记002",
      summary: "村内道路维修（东西大街, 含材料）",
      category: "公益支出",
      amount: 980_050,
      handler: "刘红霞",
      approver: "张建国",
    });
  });

  it("imports UTF-8 without BOM and GBK text with characters outside GB2312", () => {
    const text = "日期,凭证号,摘要,类别,金额,经手人,审批人\n2026-10-01,记1,喆𠮷以外的镕基金,其他收入,1,王,李\n";
    const gbkText = text.replace("𠮷", "");
    expect(importCsv("ledger", new TextEncoder().encode(text))).toMatchObject({ ok: true, encoding: "utf-8" });
    const gbk = importCsv("ledger", new Uint8Array(iconv.encode(gbkText, "gbk")));
    expect(gbk).toMatchObject({ ok: true, encoding: "gbk", tables: { rows: [{ summary: "喆以外的镕基金" }] } });
  });

  it("gives row-by-row Chinese errors for the bad ledger", () => {
    expect(errors(importCsv("ledger", fixture("ledger-errors-gbk.csv")))).toEqual([
      "第3行「金额」不是数字。",
      "第4行「类别」只能填：经营收入、投资收益、补助收入、其他收入、经营支出、税金及附加、管理费用、公益支出、其他支出。",
      "第5行「日期」不是有效日期，请写成 2026-10-05 或 2026/10/5。",
      "第5行「金额」不能是负数。",
      "第5行「经手人」没有填写。",
    ]);
  });

  it("names missing header columns, empty files, header-only files and unclosed quotes", () => {
    const utf8 = (text: string) => new TextEncoder().encode(text);
    expect(
      errors(importCsv("ledger", utf8("日期,凭证号,摘要,类别,经手人,审批人\n2026-10-01,1,a,其他收入,王,李"))),
    ).toEqual(["第1行应是表头，缺少「金额」这一列。"]);
    expect(errors(importCsv("ledger", utf8("\r\n,,,\r\n")))).toEqual(["文件是空的，请选择填好数据的表格。"]);
    expect(errors(importCsv("ledger", utf8("日期,凭证号,摘要,类别,金额,经手人,审批人\r\n")))).toEqual([
      "表格里只有表头，没有数据行。",
    ]);
    expect(
      errors(importCsv("ledger", utf8('日期,凭证号,摘要,类别,金额,经手人,审批人\n2026-10-01,1,"a,其他收入,1,王,李'))),
    ).toEqual(["第2行有没配对的引号，请检查。"]);
  });

  it("refuses more rows than a table holds", () => {
    const line = "2026-10-01,记1,运转经费,补助收入,1,王,李";
    const text = ["日期,凭证号,摘要,类别,金额,经手人,审批人", ...Array.from({ length: 501 }, () => line)].join("\n");
    expect(errors(importCsv("ledger", new TextEncoder().encode(text)))).toEqual([
      "一次最多导入 500 行，这个表格有 501 行，请分开导入。",
    ]);
  });

  it("reports a text too long for its column and an asset type outside the register's choices", () => {
    const text = [
      "编号,名称,类别,坐落,数量/面积,原值（元）,累计折旧,净值,取得日期,使用状态,管护人",
      `ZC-01,${"大".repeat(41)},经营性,村委会院内,1处,"200,000",50000,150000,2015-06-01,在用,王`,
      "ZC-02,健身器材,公益性,文化广场,12件,30000,12000,18000,2019/5/20,在用,李",
    ].join("\r\n");
    expect(errors(importCsv("assets", new TextEncoder().encode(text)))).toEqual([
      "第2行「名称」太长，最多 40 个字。",
      "第3行「类别」只能填：经营性、非经营性。",
    ]);
  });
});

describe("CSV parsing and cells", () => {
  it("follows RFC 4180: quoted commas, doubled quotes, line breaks inside quotes, CRLF/LF/CR", () => {
    expect(parseCsv('a,"b,""c"""\r\n1,"2\n3"\r4,5')).toEqual({
      records: [
        ["a", 'b,"c"'],
        ["1", "2\n3"],
        ["4", "5"],
      ],
    });
  });

  it("reads amounts in 元 exactly as fen", () => {
    expect(yuanToFen("1,234.50")).toBe(123_450);
    expect(yuanToFen("¥ 0.07")).toBe(7);
    expect(yuanToFen("1234.5元")).toBe(123_450);
    expect(yuanToFen("-20")).toBe(-2000);
    for (const bad of ["1.234", "一千", "1e3", "", "12.3.4"]) expect(yuanToFen(bad)).toBeNull();
  });

  it("reads the date formats spreadsheets write and refuses impossible dates", () => {
    expect(spreadsheetDate("2026/2/3")).toBe("2026-02-03");
    expect(spreadsheetDate("2026年10月5日")).toBe("2026-10-05");
    expect(spreadsheetDate("2026.10.05")).toBe("2026-10-05");
    for (const bad of ["2026-02-30", "2026/13/1", "10/5/2026", "45931"]) expect(spreadsheetDate(bad)).toBeNull();
  });
});
