/**
 * 积分制 on 360 px phones (issue 16): the points administrator publishes the rules, registers a household
 * and records an entry, the points supervisor (another person) confirms it, the household takes goods at
 * the shop, and then opens its card's address, sees the entry and the goods in its balance, and questions
 * the entry: a 码上问 case with a receipt.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { addStaff } from "../../scripts/staff.ts";
import { withD1 } from "../../scripts/wrangler.ts";
import { axeViolations, launchChromium } from "../fixtures/browser.ts";

const baseURL = inject("baseURL");
const VILLAGE = "371603104210";
const PASSWORD = "points-e2e-password";
const ADMIN = "e2e-points-admin";
const SUPERVISOR = "e2e-points-super";
let browser: Browser;

beforeAll(async () => {
  await withD1({ persistTo: inject("persistTo") }, (db) =>
    addStaff(db, [
      { username: ADMIN, role: "points_admin", scope: VILLAGE, password: PASSWORD },
      { username: SUPERVISOR, role: "points_supervisor", scope: VILLAGE, password: PASSWORD },
    ]),
  );
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  await browser?.close();
});

const phone = () => browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

async function login(context: BrowserContext, username: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseURL}/staff/login/?next=${encodeURIComponent("/staff/points/")}`);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL(`${baseURL}/staff/points/`);
  await page.locator("[data-entry]").waitFor({ state: "visible" });
  return page;
}

const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe("a quarter of points, on phones", () => {
  it("the administrator records, the supervisor confirms, the household scans its card and questions the entry", async () => {
    const adminContext = await phone();
    const admin = await login(adminContext, ADMIN);
    await admin
      .getByLabel("每行一条：编号，内容，类别，分值（扣分写负数）")
      .fill("A1，参加志愿服务，志愿服务，5\nB1，乱堆乱放，人居环境，-3");
    await admin.getByRole("button", { name: "公布细则" }).click();
    await expect.poll(() => admin.locator("[data-done]").textContent()).toContain("细则已公布");

    await admin.getByLabel("户号").fill("018");
    await admin.getByLabel("户主姓名").fill("王秀兰");
    await admin.getByRole("button", { name: "登记" }).click();
    const done = admin.locator("[data-done]");
    await expect.poll(() => done.textContent()).toContain("/h/");
    const cardUrl = /https?:\/\/\S+\/h\/\d{16}/.exec((await done.textContent()) ?? "")?.[0] as string;
    expect(cardUrl).toBeTruthy();

    await admin.locator("[data-entry]").getByLabel("哪一户").selectOption({ label: "018 王秀兰（0 分）" });
    await admin.getByLabel("按哪一条细则").selectOption("A1");
    await admin.getByLabel("简单写明原因").fill("参加村里的义务清扫");
    await admin.getByRole("button", { name: "记下（等监督员确认）" }).click();
    await expect.poll(() => admin.locator("[data-ledger]").textContent()).toContain("参加村里的义务清扫");
    expect(await admin.locator("[data-ledger]").textContent()).toContain("等待监督员确认");
    expect(await fitsWidth(admin)).toBe(true);

    const supervisor = await login(await phone(), SUPERVISOR);
    await supervisor.getByRole("button", { name: "核实无误，确认" }).first().click();
    await expect.poll(() => supervisor.locator("[data-done]").textContent()).toContain("已确认");
    await expect.poll(() => supervisor.locator("[data-ledger]").textContent()).toContain(`已由 ${SUPERVISOR} 确认`);

    // the quarter's shop, open today; the administrator records what the household takes
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const shop = await admin.evaluate(
      async ([village, day]) => {
        const quarter = `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
        const res = await fetch("/api/staff/points/shops", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({
            village,
            quarter,
            opensOn: day,
            closesOn: day,
            goods: [{ name: "洗衣粉", price: 2 }],
          }),
        });
        return res.status;
      },
      [VILLAGE, today] as const,
    );
    expect(shop).toBe(201);
    await admin.reload();
    await admin.locator("[data-redeem]").waitFor({ state: "visible" });
    await admin.getByLabel("换什么").selectOption({ label: "洗衣粉（2 分）" });
    await admin.getByRole("button", { name: "兑换" }).click();
    await expect.poll(() => admin.locator("[data-done]").textContent()).toContain("还剩 3 分");

    const household = await (await phone()).newPage();
    await household.goto(cardUrl);
    await expect.poll(() => household.locator("main").textContent()).toContain("现在能用的积分：3 分");
    expect(await household.locator("main").textContent()).toContain("参加村里的义务清扫");
    expect(await household.locator("main").textContent()).toContain("在积分超市兑换：洗衣粉");
    expect(await fitsWidth(household)).toBe(true);
    const serious = (await axeViolations(household)).filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious).toEqual([]);
    await household.getByLabel("您的疑问").fill("那天我家两个人都去了，是不是应该记两次？");
    await household.getByRole("button", { name: "提交疑问（码上问）" }).click();
    await household.waitForURL(/\/r\/\d{16}$/);
    expect(await household.locator("main").textContent()).toContain("是不是应该记两次");
  });
});
