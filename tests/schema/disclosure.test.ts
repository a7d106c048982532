import { describe, expect, it } from "vitest";
import { type LedgerRow, plainSummary, type ResourceRow, yuanWords } from "#core/disclosure.ts";

const row = (category: LedgerRow["category"], amount: number, summary = "事项"): LedgerRow => ({
  date: "2026-10-05",
  voucher: `记${amount}`,
  summary,
  category,
  amount,
  handler: "王",
  approver: "李",
});

/** Every amount in a sentence with its unit: ["9711.00元", "2.50万元"]. */
const amounts = (sentence: string) => sentence.match(/[0-9.]+(?:万元|元)/g) ?? [];
const units = (sentence: string) => new Set(amounts(sentence).map((a) => (a.endsWith("万元") ? "万元" : "元")));
const sentences = (text: string) => text.split("。").filter(Boolean);

describe("money in plain words: one unit per sentence, by one rule", () => {
  it("never mixes 元 and 万元 in one sentence (收入 9711元，支出 2.5万元 is refused)", () => {
    const summary = plainSummary(
      { kind: "ledger", rows: [row("补助收入", 971_100), row("公益支出", 2_500_000)] },
      "2026-11-29",
    );
    for (const sentence of sentences(summary)) expect(units(sentence).size).toBe(1);
    expect(summary).toContain("收入 0.97万元，支出 2.50万元，超支 1.53万元");
  });

  it("picks 元 when the sentence's largest amount is under 1万元, with two decimals", () => {
    const summary = plainSummary(
      { kind: "ledger", rows: [row("补助收入", 971_100), row("公益支出", 98_050, "修路灯")] },
      "2026-11-29",
    );
    expect(summary).toBe("收入 9711.00元，支出 980.50元，结余 8730.50元。最大一笔支出是“修路灯”980.50元。");
  });

  it("picks 万元 (two decimals) from 1万元 up", () => {
    expect(yuanWords(1_000_000)).toBe("1.00万元");
    expect(yuanWords(999_999)).toBe("9999.99元");
    expect(yuanWords(1_250_000_00)).toBe("125.00万元");
  });

  it("keeps the rented-land sentence in one unit too", () => {
    const land: ResourceRow = {
      category: "耕地",
      location: "村东",
      areaMu: 30,
      contractNo: "HT-1",
      contractor: "张",
      start: "2020-01-01",
      end: "2030-12-31",
      annualFee: 3_000_000,
      paid: 2_950_000,
    };
    const summary = plainSummary({ kind: "resources", rows: [land] }, "2026-11-29");
    expect(units(summary).size).toBe(1);
    expect(summary).toContain("每年承包费 3.00万元，还欠缴 0.05万元");
  });

  it("holds for any ledger: each sentence in the unit of its largest amount", () => {
    for (const [income, expense] of [
      [1, 999_999],
      [1_000_000, 5],
      [123_456_789, 87_654_321],
      [0, 0],
    ] as const) {
      const rows = [row("经营收入", income), row("管理费用", expense)];
      for (const sentence of sentences(plainSummary({ kind: "ledger", rows }, "2026-11-29"))) {
        expect(units(sentence).size, sentence).toBe(1);
        for (const a of amounts(sentence)) expect(a, sentence).toMatch(/^\d+\.\d{2}(万元|元)$/);
      }
    }
  });
});
