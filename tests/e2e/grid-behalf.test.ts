/**
 * Issue 15, end to end in Chromium at 360 px: a grid worker, on a phone, files the words of an elderly
 * villager who will never scan a code (代办) and prints the slip; the town inspector answers; the villager
 * follows the case with the receipt from the slip and rates it. The case counts as filed by staff.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD, ensureDemoStaff } from "../../scripts/staff.ts";
import { answered } from "../fixtures/answers.ts";
import { axeViolations, launchChromium } from "../fixtures/browser.ts";
import { staffClientAs } from "../fixtures/e2e.ts";

const baseURL = inject("baseURL");
const WORDS = "我家房后的排水沟堵了，一下雨院子就进水，我腿脚不好，自己弄不了。";
const ANSWER = "村里已经派人把排水沟疏通了，下雨前还会再来看一次。";
let browser: Browser;

beforeAll(async () => {
  await ensureDemoStaff({ persistTo: inject("persistTo") }, () => {});
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  await browser?.close();
});

const phone = () => browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

/** Logs the demo grid worker in on `page` and lands on their page. */
async function logInAsGridWorker(page: Page): Promise<void> {
  await page.goto(`${baseURL}/staff/login/?next=${encodeURIComponent("/staff/grid/")}`);
  await page.getByLabel("用户名").fill("demo-wangge");
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL(`${baseURL}/staff/grid/`);
}

const serious = async (page: Parameters<typeof axeViolations>[0]) =>
  (await axeViolations(page))
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help}`);

describe("代办 from a phone, followed to its end with the slip", () => {
  it("a grid worker files for an elderly villager, the inspector answers, the villager follows and rates", async () => {
    // the grid worker, on a phone
    const worker = await phone();
    const page = await worker.newPage();
    await logInAsGridWorker(page);
    const filing = page.locator("form[data-form]");
    await filing.waitFor({ state: "visible" });
    expect(await serious(page)).toEqual([]);
    const started = Date.now();
    await filing.getByLabel("哪个网格").selectOption({ index: 0 });
    await filing.getByLabel("码上办").check();
    await filing.getByLabel("哪方面的事").selectOption("livelihood");
    await filing.getByLabel("村民说的话").fill(WORDS);
    await filing.getByLabel("村民的称呼").fill("王奶奶");
    await filing.getByRole("button", { name: "提交，拿回执号" }).click();
    await page.waitForURL(`${baseURL}/staff/grid/slip/`);
    const slip = page.locator("[data-slip]");
    await slip.waitFor({ state: "visible" });
    expect(Date.now() - started).toBeLessThan(60_000);
    const receipt = ((await slip.locator("[data-field=receipt]").textContent()) ?? "").replace(/\s/g, "");
    expect(receipt).toMatch(/^\d{16}$/);
    await expect(slip.locator("[data-field=villageName]").textContent()).resolves.toBe("徐万粮村");
    await expect(slip.locator("[data-field=kind]").textContent()).resolves.toBe("码上办");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await serious(page)).toEqual([]);
    // the slip prints without the console around it
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("header").isVisible()).toBe(false);
    expect(await slip.isVisible()).toBe(true);
    await worker.close();

    // the town inspector finds it by the receipt the villager reads out, and answers
    const inspector = (await staffClientAs("demo-botou")).api.staff.reports;
    const [line] = (await answered(inspector.$get({ query: { receipt } }), 200)).cases;
    expect(line).toMatchObject({ filedByStaff: true });
    const param = { id: String(line?.id) };
    await answered(inspector[":id"].triage.$post({ param, json: { route: "township" } }), 200);
    await answered(inspector[":id"].assign.$post({ param, json: { responsible: "镇城建办", measures: "疏通" } }), 200);
    await answered(inspector[":id"].answer.$post({ param, json: { answer: ANSWER } }), 200);

    // the villager (or a grandchild) types the slip's receipt on the lookup page and rates the answer
    const villager = await phone();
    const look = await villager.newPage();
    await look.goto(`${baseURL}/r/`);
    await look.getByLabel("16 位回执号").fill(receipt.replace(/(\d{4})(?=\d)/g, "$1 "));
    await look.getByRole("button", { name: "查询" }).click();
    await look.waitForURL(new RegExp(`/r/${receipt}$`));
    await expect(look.getByText(ANSWER).first().isVisible()).resolves.toBe(true);
    await look.getByLabel("满意", { exact: true }).check();
    await look.getByRole("button", { name: "提交评价" }).click();
    await look.getByText("满意").first().waitFor();
    expect(await look.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await villager.close();

    const after = await answered(inspector[":id"].$get({ param }), 200);
    expect(after.case).toMatchObject({ state: "closed", rating: "satisfied", filedByStaff: true });
  }, 180_000);

  it("the grid worker reports a patrol find and an evening talk from the phone and sees them in their list", async () => {
    const worker = await phone();
    const page = await worker.newPage();
    await logInAsGridWorker(page);
    const patrol = page.locator("form[data-patrol]");
    await patrol.waitFor({ state: "visible" });
    await patrol.getByLabel("特别关注的方向").selectOption("safety");
    await patrol.getByLabel("发现了什么问题").fill("村西变压器旁的电线垂得太低，孩子放学从这里过。");
    await patrol.getByRole("button", { name: "上报" }).click();
    await patrol.locator("[data-done]").waitFor({ state: "visible" });

    const talk = page.locator("form[data-talk]");
    await talk.getByLabel("地点").fill("张家大院");
    await talk.getByLabel("来了多少人").fill("23");
    // one row a request, each with its own kind and topic: a request about a street lamp (the row's
    // defaults) and a question about who rents the pond (三资)
    const rows = talk.locator("[data-rows] > li");
    await rows.nth(0).getByLabel("提的什么事").fill("后街路灯坏了三盏，晚上出门摸黑。");
    await talk.getByRole("button", { name: "再记一条诉求" }).click();
    await rows.nth(1).getByLabel("提的什么事").fill("村里的坑塘今年包给谁了？");
    await rows
      .nth(1)
      .getByLabel(/问一问/)
      .selectOption("question");
    await rows.nth(1).getByLabel("是哪方面的事").selectOption("affairs");
    await talk.getByRole("button", { name: "再记一条诉求" }).click(); // an empty row is left out
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await talk.getByRole("button", { name: "保存夜话" }).click();
    const receipts = talk.locator("[data-done] li");
    await receipts.first().waitFor();
    expect(await receipts.count()).toBe(2);
    expect(await rows.count()).toBe(1); // ready for the next talk
    expect(await rows.nth(0).getByLabel("提的什么事").inputValue()).toBe("");
    await page.locator("[data-mine] li").filter({ hasText: "排查" }).first().waitFor();
    // the list reloads after each save: wait for the reload after the talk, then count exactly
    const talks = page.locator("[data-mine] li").filter({ hasText: "夜话" });
    await talks.nth(1).waitFor();
    expect(await talks.count()).toBe(2);
    // each was filed as what the row said it was
    expect(await talks.filter({ hasText: "坑塘" }).textContent()).toContain("码上问");
    expect(await talks.filter({ hasText: "路灯" }).textContent()).toContain("码上办");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await serious(page)).toEqual([]);

    // the figures count them, by 管区 of the town, each beside what it is out of
    await page.goto(`${baseURL}/staff/figures/grid/?town=371603104`);
    const total = page.locator("[data-figures] tfoot tr");
    await total.waitFor();
    const cells = await total.locator("td").allTextContents();
    expect(Number(cells[2])).toBeGreaterThanOrEqual(1); // talks
    expect(cells[3]).toMatch(/^\d+ \/ [1-9]\d*$/); // requests closed / collected
    await worker.close();
  }, 120_000);
});
