/**
 * Issue 15: the 三张清单 at /duties/ in Chromium at 360 px, complete with JS off and searchable with JS
 * on; at 定责 the inspector picks the responsible body from the lists, and the villager's page names it.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { duties, matters, responsibleItem } from "#core/duties.ts";
import { DEMO_PASSWORD, ensureDemoStaff } from "../../scripts/staff.ts";
import { filedOf } from "../fixtures/answers.ts";
import { axeViolations, clientHeader, launchChromium } from "../fixtures/browser.ts";

const baseURL = inject("baseURL");
const VILLAGE = "371603104208"; // no other end-to-end test files reports here
let browser: Browser;

beforeAll(async () => {
  await ensureDemoStaff({ persistTo: inject("persistTo") }, () => {});
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  await browser?.close();
});

describe("/duties/", () => {
  it("lists every item with JS off, and filters as one types with JS on", async () => {
    const off = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    const page = await off.newPage();
    await page.goto(`${baseURL}/duties/`);
    expect(await page.locator("[data-item]").count()).toBe(duties.length + matters.length);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await off.close();

    const on = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const js = await on.newPage();
    await js.goto(`${baseURL}/duties/`);
    await js.getByLabel(/找一找/).fill("秸秆");
    const shown = await js.locator("[data-item]:visible").allTextContents();
    expect(shown.length).toBeGreaterThan(0);
    for (const text of shown) expect(text).toContain("秸秆");
    await js.getByLabel(/找一找/).fill("没有这种事");
    await js.getByText("没有找到，换个字试试。").waitFor();
    const serious = (await axeViolations(js)).filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => v.id)).toEqual([]);
    await on.close();
  });
});

describe("定责 from the lists", () => {
  it("the inspector picks a body from the lists; the villager's page names it", async () => {
    const filed = await fetch(`${baseURL}/api/villages/${VILLAGE}/reports`, {
      method: "POST",
      headers: { ...clientHeader(), "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() },
      body: JSON.stringify({ kind: "request", topic: "livelihood", content: "村北麦地里有人烧秸秆，烟太大了。" }),
    });
    expect(filed.status).toBe(201);
    const { receipt } = await filedOf(filed);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${baseURL}/staff/login/?next=${encodeURIComponent(`/staff/cases/?receipt=${receipt}`)}`);
    await page.getByLabel("用户名").fill("demo-botou");
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    const item = page.locator("li[data-case]").filter({ hasText: "烧秸秆" });
    await item.waitFor();
    await item.getByRole("link").click();
    await page.waitForURL(/\/staff\/cases\/case\/\?id=\d+$/);
    const triage = page.locator("form[data-action=triage]");
    await triage.waitFor({ state: "visible" });
    await triage.getByLabel("大事 · 交镇党委").check();
    await triage.getByRole("button", { name: "提交" }).click();
    await page.locator("[data-status]").filter({ hasText: "已保存。" }).waitFor();
    const assign = page.locator("form[data-action=assign]");
    await assign.waitFor({ state: "visible" });
    const chosen = matters.find((m) => m.name.includes("秸秆")) ?? duties.find((d) => d.name.includes("秸秆"));
    const named = responsibleItem(chosen?.id ?? "");
    await assign.locator("select[name=duty]").selectOption(chosen?.id ?? "");
    await expect(assign.locator("input[name=responsible]").inputValue()).resolves.toBe(named?.body);
    await assign.locator("textarea[name=measures]").fill("到现场制止并宣传禁烧");
    await assign.getByRole("button", { name: "提交" }).click();
    await page.locator("[data-status]").filter({ hasText: "已保存。" }).waitFor();
    await page
      .locator("[data-facts]")
      .getByText(named?.name ?? "-", { exact: false })
      .waitFor();
    // the figures name it too
    await page.goto(`${baseURL}/staff/figures/`);
    await page
      .locator("[data-duties] li")
      .filter({ hasText: named?.name ?? "-" })
      .waitFor();
    await context.close();

    const villager = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const view = await villager.newPage();
    await view.goto(`${baseURL}/r/${receipt}`);
    await view
      .getByText(named?.body ?? "-", { exact: false })
      .first()
      .waitFor();
    await villager.close();
  }, 120_000);
});
