/**
 * 积分制 on 360 px phones (issue 16): the points administrator publishes the rules, registers a household
 * and records an entry, the points supervisor (another person) confirms it, the administrator sets the
 * quarter's 积分超市 through its form (a goods line without a price is refused before anything is sent), the
 * household takes goods at the shop, and then opens its card's address, sees the entry and the goods in its balance, and questions
 * the entry: a 码上问 case with a receipt.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { addDays, chinaDate } from "#core/period.ts";
import { currentPeriod, periodBounds } from "#core/publish-periods.ts";
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
  // loaded: the recording form shown (an administrator), or the ledger listed (a supervisor)
  await page.locator("[data-entry]:visible, [data-ledger] li").first().waitFor();
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
    // two people, always: the administrator is offered no way to confirm what they recorded
    expect(await admin.getByRole("button", { name: "核实无误，确认" }).count()).toBe(0);
    expect(await fitsWidth(admin)).toBe(true);

    const supervisor = await login(await phone(), SUPERVISOR);
    await supervisor.getByRole("button", { name: "核实无误，确认" }).first().waitFor();
    // the supervisor checks and is offered none of the recording forms the API would refuse them
    for (const form of ["entry", "household", "rules", "shop", "redeem"])
      expect(await supervisor.locator(`[data-${form}]`).isVisible(), form).toBe(false);
    await supervisor.getByRole("button", { name: "核实无误，确认" }).first().click();
    await expect.poll(() => supervisor.locator("[data-done]").textContent()).toContain("已确认");
    await expect.poll(() => supervisor.locator("[data-ledger]").textContent()).toContain(`已由 ${SUPERVISOR} 确认`);

    // the quarter's 积分超市, set through its form: a goods line without a price is refused before sending
    const shopPosts: string[] = [];
    admin.on("request", (request) => {
      if (request.url().endsWith("/api/staff/points/shops")) shopPosts.push(request.method());
    });
    const shopForm = admin.locator("[data-shop]");
    const today = chinaDate();
    const quarter = currentPeriod("quarterly", today);
    const quarterEnd = periodBounds(quarter).end;
    expect(await shopForm.getByLabel("哪个季度").inputValue()).toBe(quarter);
    expect(await shopForm.getByLabel("哪个季度").locator("option").count()).toBe(2);
    expect(await shopForm.getByLabel("哪天开门").inputValue()).toBe(addDays(quarterEnd, -9));
    expect(await shopForm.getByLabel(/开到哪天/).inputValue()).toBe(quarterEnd);
    await shopForm.getByLabel("哪天开门").fill(today);
    const goods = shopForm.getByLabel(/能换的物品/);
    await goods.fill("洗衣粉 2\n香皂\n毛巾，3");
    await shopForm.getByRole("button", { name: "设好积分超市" }).click();
    const error = admin.locator("[data-error]");
    await expect.poll(() => error.textContent()).toContain("第 2 行");
    expect(await error.textContent()).toContain("香皂");
    expect(shopPosts).toEqual([]);

    await goods.fill("洗衣粉 2\n\n毛巾，3 分");
    await shopForm.getByRole("button", { name: "设好积分超市" }).click();
    await expect.poll(() => admin.locator("[data-done]").textContent()).toContain("积分超市设好了");
    expect(shopPosts).toEqual(["POST"]);
    expect(await fitsWidth(admin)).toBe(true);
    // the page reloaded its data: the shop shows and the redeem form is there
    await admin.locator("[data-redeem]").waitFor({ state: "visible" });
    expect(await admin.locator("[data-redeem]").textContent()).toContain(`${Number(today.slice(5, 7))}月`);
    // the quarter has its shop now: a second one is refused with the server's message
    await shopForm.getByRole("button", { name: "设好积分超市" }).click();
    await expect.poll(() => error.textContent()).toContain("积分超市已经设好了");
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
