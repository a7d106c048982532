/**
 * A secretary on a 360 × 740 phone corrects a published ledger: the correction opens with every row of
 * the current version filled in, shows what it changes (and nothing is published until confirmed), and
 * a correction of the text alone keeps every row. The period list starts on one not yet published and
 * flags a published one as soon as it is chosen.
 */
import { describe, expect, it } from "vitest";
import type { LedgerRow } from "#core/disclosure.ts";
import { chinaDate } from "#core/period.ts";
import { answered } from "../fixtures/answers.ts";
import { axeViolations } from "../fixtures/browser.ts";
import { logIn, staffClientAs, useChromium } from "../fixtures/e2e.ts";

const VILLAGE = "371603104202"; // 泊头村, demo-botoucun's village
const MONTH = chinaDate().slice(0, 7);
const ROWS: LedgerRow[] = (
  [
    { date: `${MONTH}-01`, voucher: "记101", summary: "上级拨付运转经费", category: "补助收入", amount: 1_500_000 },
    { date: `${MONTH}-01`, voucher: "记102", summary: "村内道路维修", category: "公益支出", amount: 980_050 },
    { date: `${MONTH}-02`, voucher: "记103", summary: "办公用品", category: "管理费用", amount: 32_000 },
  ] satisfies Omit<LedgerRow, "handler" | "approver">[]
).map((r) => ({ ...r, handler: "王会计", approver: "张建国" }));
const browser = useChromium({ demoStaff: true });

/** The secretary's disclosures API (the typed client, logged in as the account the page uses). */
const disclosures = async () => (await staffClientAs("demo-botoucun")).api.staff.disclosures;
type Disclosures = Awaited<ReturnType<typeof disclosures>>;

/** The current version of this month's ledger: its id and what it says. */
const ledgerVersion = async (api: Disclosures) => {
  const { periods } = await answered(api.periods.$get({ query: { village: VILLAGE } }), 200);
  const id = periods.find((p) => p.item === "finance-ledger" && p.period === MONTH)?.id;
  return answered(api[":id"].$get({ param: { id: String(id) } }), 200);
};

describe("a secretary corrects a ledger on a phone", () => {
  it("sees every row filled in, the difference before publishing, and keeps all rows", async () => {
    const context = await browser().newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await logIn(page, "demo-botoucun", "/staff/publish/");
    await page.locator("[data-form]").waitFor({ state: "visible" });
    const api = await disclosures();
    const first = await answered(
      api.$post({
        json: {
          village: VILLAGE,
          item: "finance-ledger",
          period: MONTH,
          title: `${MONTH} 收支明细`,
          content: "本月收支明细如下。",
          tables: { kind: "ledger", rows: ROWS },
        },
      }),
      201,
    );
    await page.reload();
    await page.locator("[data-form]").waitFor({ state: "visible" });

    // the period starts on one not yet published; choosing a published one is flagged at once
    await page.getByLabel("公开什么事项").selectOption("finance-ledger");
    const done = await answered(api.periods.$get({ query: { village: VILLAGE } }), 200);
    const publishedLedger = done.periods.filter((p) => p.item === "finance-ledger").map((p) => p.period);
    expect(publishedLedger).toContain(MONTH);
    expect(publishedLedger).not.toContain(await page.getByLabel("哪一期").inputValue());
    await expect(page.locator("[data-period-flag]").isHidden()).resolves.toBe(true);
    await page.getByLabel("哪一期").selectOption(MONTH);
    await expect(page.locator("[data-period-flag]").textContent()).resolves.toContain("已经公开过了");
    await expect(page.getByRole("button", { name: "公开", exact: true }).isDisabled()).resolves.toBe(true);

    // the correction opens with every row, named as a correction of this village's item
    await page.getByRole("button", { name: "更正这一期" }).click();
    await page.locator("h1").filter({ hasText: "更正：" }).waitFor();
    await expect(page.locator("h1").textContent()).resolves.toMatch(/^更正：泊头村 · .+ · \d{4}年\d{1,2}月$/);
    expect(await page.locator("[data-rows] .row").count()).toBe(3);
    const amounts = page.getByLabel("金额（元）");
    expect(await amounts.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual([
      "15000.00",
      "9800.50",
      "320.00",
    ]);
    expect(await page.getByLabel("凭证号").nth(2).inputValue()).toBe("记103");
    const submit = page.getByRole("button", { name: "更正并公开", exact: true });
    expect(await submit.isVisible()).toBe(true);

    // change one amount: the difference is shown and nothing is published until confirmed
    await amounts.nth(1).fill("9080.50");
    await page.getByLabel("更正原因（必填，会公开给村民看）").fill("第2笔金额录入错误，按发票更正。");
    await submit.click();
    const diff = page.locator("[data-diff]");
    await diff.filter({ hasText: "9080.50元" }).waitFor();
    const lines = await diff.locator("li").allTextContents();
    expect(lines).toContain("第 2 行改了：金额 由 9800.50元 改为 9080.50元");
    expect(lines.filter((l) => l.startsWith("新增") || l.startsWith("删掉"))).toEqual([]);
    expect(lines).toContain("更正后明细表共 3 行。");
    expect((await ledgerVersion(api)).id).toBe(first.id);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const serious = (await axeViolations(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${JSON.stringify(v.nodes.slice(0, 2).map((n) => n.target))}`)).toEqual([]);
    await page.getByRole("button", { name: "确认无误，更正并公开" }).click();
    await page.locator("[data-done]").filter({ hasText: "已公开" }).waitFor();
    const corrected = await ledgerVersion(api);
    expect(corrected.id).not.toBe(first.id);
    expect(corrected.tables).toMatchObject({
      kind: "ledger",
      rows: [{ amount: 1_500_000 }, { amount: 908_050 }, { amount: 32_000 }],
    });

    // a correction of the text alone keeps every row
    await page
      .locator("[data-recent] li")
      .filter({ hasText: `${MONTH} 收支明细` })
      .getByRole("button")
      .click();
    await page.locator("h1").filter({ hasText: "更正" }).waitFor();
    expect(await page.locator("[data-rows] .row").count()).toBe(3);
    await page.getByLabel("公开内容", { exact: true }).fill("本月收支明细如下，已经民主理财小组审核。");
    await page.getByLabel("更正原因（必填，会公开给村民看）").fill("补充审核情况。");
    await page.getByRole("button", { name: "更正并公开", exact: true }).click();
    await diff.filter({ hasText: "内容" }).waitFor();
    const textOnly = await diff.locator("li").allTextContents();
    expect(textOnly.filter((l) => /行/.test(l) && !l.startsWith("更正后"))).toEqual([]);
    await page.getByRole("button", { name: "确认无误，更正并公开" }).click();
    await page.locator("[data-done]").filter({ hasText: "已公开" }).waitFor();
    const kept = await ledgerVersion(api);
    expect(kept.content).toBe("本月收支明细如下，已经民主理财小组审核。");
    expect(kept.tables).toEqual(corrected.tables);
    await context.close();
  });
});
