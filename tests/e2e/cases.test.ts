/**
 * A town inspector, logged in with a demo account in Chromium, takes a villager's case from arrival to
 * an answer the villager reads by receipt; villager text that looks like HTML stays text.
 */
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../../scripts/staff.ts";
import { axeViolations } from "../fixtures/browser.ts";
import { fileQuestion, logIn, useChromium } from "../fixtures/e2e.ts";

const baseURL = inject("baseURL");
// 林家村: no other end-to-end test files reports here, so intake rate limits never meet
const VILLAGE = "371603104203";
const HOSTILE = "修路款九万八，账目对不上 <img src=x onerror=alert(1)> <script>alert(2)</script>";
const ANSWER = "施工单位是滨州某路桥公司，合同和付款凭证已贴在村务公开栏，欢迎来看。";
const browser = useChromium({ demoStaff: true });

async function submitAction(page: Page, action: string) {
  const form = page.locator(`form[data-action=${action}]`);
  await form.getByRole("button", { name: "提交" }).click();
  await page.locator("[data-status]").filter({ hasText: "已保存。" }).waitFor();
}

describe("an inspector handles a case in the browser", () => {
  it("logs in, sees villager HTML as text, triages, assigns, answers; the villager reads the answer", async () => {
    const receipt = await fileQuestion(VILLAGE, HOSTILE);
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on("dialog", async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });

    await page.goto(`${baseURL}/staff/cases/`);
    await page.waitForURL(/\/staff\/login\/\?next=%2Fstaff%2Fcases%2F/);
    await page.getByLabel("用户名").fill("demo-botou");
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL(`${baseURL}/staff/cases/`);

    const item = page.locator("li[data-case]").filter({ hasText: "onerror=alert(1)" });
    await item.waitFor();
    await expect(item.locator(".snippet").textContent()).resolves.toBe(HOSTILE.slice(0, 60));
    expect(await page.locator("[data-cases] img, [data-cases] script").count()).toBe(0);
    await item.getByRole("link").click();
    await page.waitForURL(/\/staff\/cases\/case\/\?id=\d+$/);

    await page.locator("[data-case]").waitFor({ state: "visible" });
    await expect(page.locator("[data-content]").textContent()).resolves.toBe(HOSTILE);
    expect(await page.locator("[data-case] img, [data-content] script").count()).toBe(0);
    const serious = (await axeViolations(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(
      serious.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.slice(0, 2).map((n) => n.target))}`),
    ).toEqual([]);

    await page.getByLabel("小事 · 交村两委").check();
    await submitAction(page, "triage");
    await expect(page.locator("[data-facts]").textContent()).resolves.toContain("已受理");

    const assign = page.locator("form[data-action=assign]");
    await assign.waitFor({ state: "visible" });
    expect(await assign.locator("input[name=deadline]").inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await assign.locator("input[name=responsible]").fill("村会计 张某");
    await assign.locator("textarea[name=measures]").fill("查账，公开施工合同和付款凭证");
    await submitAction(page, "assign");
    await expect(page.locator("[data-facts]").textContent()).resolves.toContain("村会计 张某");

    const answer = page.locator("form[data-action=answer]");
    await answer.waitFor({ state: "visible" });
    await answer.locator("select[data-template]").selectOption({ label: "已办结" });
    expect(await answer.locator("textarea[name=answer]").inputValue()).toContain("办理完毕");
    await answer.locator("textarea[name=answer]").fill(ANSWER);
    await submitAction(page, "answer");
    await expect(page.locator("[data-facts]").textContent()).resolves.toContain(ANSWER);
    const timeline = await page.locator("[data-timeline]").textContent();
    expect(timeline).toContain("分流：小事 · 交村两委");
    expect(dialogs).toEqual([]);

    // the villager opens the receipt page (JS off, as on a cheap phone) and reads the answer
    const villager = await browser().newContext({ viewport: { width: 360, height: 640 }, javaScriptEnabled: false });
    const receiptPage = await villager.newPage();
    await receiptPage.goto(`${baseURL}/r/${receipt}`);
    await expect(receiptPage.locator("body").textContent()).resolves.toContain(ANSWER);
    await expect(receiptPage.locator("body").textContent()).resolves.not.toContain("村会计 张某");
    await villager.close();
    await context.close();
  });

  it("the queue and a case fit a 360 px phone", async () => {
    const context = await browser().newContext({ viewport: { width: 360, height: 640 } });
    const page = await context.newPage();
    await logIn(page, "demo-botou", "/staff/cases/");
    await page.locator("li[data-case]").first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.locator("li[data-case] a").first().click();
    await page.locator("[data-case]").waitFor({ state: "visible" });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.goto(`${baseURL}/staff/figures/`);
    await page.locator("[data-figures]").waitFor({ state: "visible" });
    await expect(page.locator("[data-figures] tfoot").textContent()).resolves.toContain("合计");
    await context.close();
  });

  it("a secretary answers what the inspector routed to the village; the villager's rating closes it", async () => {
    // 泊头村, demo-botoucun's village
    const village = "371603104202";
    const words = "村西头的路灯坏了一个多月了，晚上走路看不见。";
    const receipt = await fileQuestion(village, words);

    const inspector = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const desk = await inspector.newPage();
    await logIn(desk, "demo-botou", `/staff/cases/?village=${village}`);
    await desk.locator("li[data-case]").filter({ hasText: words }).getByRole("link").click();
    await desk.locator("[data-case]").waitFor({ state: "visible" });
    const caseUrl = desk.url();
    await desk.getByLabel("小事 · 交村两委").check();
    await submitAction(desk, "triage");

    const secretary = await browser().newContext({ viewport: { width: 360, height: 640 } });
    const phone = await secretary.newPage();
    await logIn(phone, "demo-botoucun", "/staff/cases/");
    await phone.locator("li[data-case]").filter({ hasText: words }).getByRole("link").click();
    await phone.locator("[data-case]").waitFor({ state: "visible" });
    expect(await phone.locator("form[data-action=triage]").isHidden()).toBe(true);
    expect(await phone.locator("form[data-action=transfer]").isHidden()).toBe(true);
    expect(await phone.locator("[data-contact]").isHidden()).toBe(true);
    const assign = phone.locator("form[data-action=assign]");
    await assign.locator("input[name=responsible]").fill("村电工 李某");
    await assign.locator("textarea[name=measures]").fill("买灯泡，三天内换好");
    await submitAction(phone, "assign");
    await phone.locator("form[data-action=answer] textarea[name=answer]").fill("路灯已经换好了，晚上可以放心走。");
    await submitAction(phone, "answer");
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    const villager = await browser().newContext({ viewport: { width: 360, height: 640 }, javaScriptEnabled: false });
    const receiptPage = await villager.newPage();
    await receiptPage.goto(`${baseURL}/r/${receipt}`);
    await expect(receiptPage.locator("body").textContent()).resolves.toContain("路灯已经换好了");
    await receiptPage.getByLabel("满意", { exact: true }).check();
    await receiptPage.locator("form[data-rating] button[type=submit]").click();
    await receiptPage.waitForURL(`${baseURL}/r/${receipt}`);
    await expect(receiptPage.locator("[data-summary]").textContent()).resolves.toContain("已办结");

    await desk.goto(caseUrl);
    await desk.locator("[data-case]").waitFor({ state: "visible" });
    const facts = await desk.locator("[data-facts]").textContent();
    expect(facts).toContain("已办结");
    expect(facts).toContain("满意");
    await villager.close();
    await secretary.close();
    await inspector.close();
  });
});
