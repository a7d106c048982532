/**
 * A village secretary on a 360 px phone logs in with a demo account, publishes a quarter's statement
 * from a GBK CSV file saved by WPS/Excel, and the villager sees it on the village page with JS off.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../../scripts/staff.ts";
import { axeViolations } from "../fixtures/browser.ts";
import { logIn, useChromium } from "../fixtures/e2e.ts";

const baseURL = inject("baseURL");
const VILLAGE = "371603104201"; // 徐万粮村, demo-xuwanliang's village
const CSV = fileURLToPath(new URL("../fixtures/csv/ledger-gbk.csv", import.meta.url));
const TITLE = "2026年第四季度收支汇总（截至10月）";
const browser = useChromium({ demoStaff: true });

describe("a secretary publishes from a phone", () => {
  it("logs in, uploads the quarter's CSV, previews, publishes, and the village page shows it with JS off", async () => {
    const context = await browser().newContext({
      viewport: { width: 360, height: 640 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto(`${baseURL}/staff/publish/`);
    await page.waitForURL(/\/staff\/login\/\?next=%2Fstaff%2Fpublish%2F/);
    await page.getByLabel("用户名").fill("demo-xuwanliang");
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL(`${baseURL}/staff/publish/`);

    const form = page.locator("[data-form]");
    await form.waitFor({ state: "visible" });
    await expect(page.getByLabel("公开的村").inputValue()).resolves.toBe(VILLAGE);
    await expect(page.locator("[data-village-name]").textContent()).resolves.toContain("徐万粮村");

    await page.getByLabel("公开什么事项").selectOption("finance-quarterly");
    const periods = await page.getByLabel("哪一期").locator("option").allTextContents();
    expect(periods[0]).toContain("第四季度");
    expect(periods.some((p) => p.includes("应在每季度首月20日前公开"))).toBe(true);
    await page.getByLabel("哪一期").selectOption("2026-Q4");
    await page.getByLabel("标题").fill(TITLE);
    await page.getByLabel("公开内容").fill("十月份上级拨付运转经费，修了东西大街，买了办公用品。");
    await expect(page.getByRole("link", { name: /下载空白表格模板（收支明细）/ }).getAttribute("href")).resolves.toBe(
      "/staff/publish/template-ledger.csv",
    );
    await page.getByLabel("上传表格文件（CSV）").setInputFiles(CSV);

    await page.getByRole("button", { name: "先看看村民会看到什么" }).click();
    await expect(
      page.locator("[data-preview-out]").filter({ hasText: "收入 1.50万元" }).textContent(),
    ).resolves.toContain("共 3 行");

    const serious = (await axeViolations(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${JSON.stringify(v.nodes.slice(0, 2).map((n) => n.target))}`)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const submitBox = await page.getByRole("button", { name: "公开", exact: true }).boundingBox();
    expect(submitBox?.height ?? 0).toBeGreaterThanOrEqual(44);

    await page.getByRole("button", { name: "公开", exact: true }).click();
    await page.locator("[data-done]").filter({ hasText: "已公开" }).waitFor();
    await page.locator("[data-recent] li").first().filter({ hasText: TITLE }).waitFor();
    await context.close();

    const villager = await browser().newContext({ viewport: { width: 360, height: 640 }, javaScriptEnabled: false });
    const view = await villager.newPage();
    await view.goto(`${baseURL}/v/${VILLAGE}/`);
    const item = view.locator("#i-finance-quarterly");
    await expect(item.locator("b").first().textContent()).resolves.toBe(TITLE);
    const html = (await item.innerHTML()) ?? "";
    // issue 12: one unit per sentence, two decimals, each amount kept on one line
    expect(html.indexOf('收入 <span class="n">1.50万元</span>')).toBeGreaterThan(-1);
    expect(html.indexOf('收入 <span class="n">1.50万元</span>')).toBeLessThan(html.indexOf("<table"));
    await item.getByRole("link", { name: "看全部明细和历次版本" }).click();
    await view.waitForURL(/\/v\/371603104201\/d\/\d+\/$/);
    await expect(view.locator("table").textContent()).resolves.toContain("村内道路维修（东西大街, 含材料）");
    await expect(view.locator("main").textContent()).resolves.toContain("第 1 版");
    await villager.close();
  });
});

describe("the quarterly meeting and the overdue list in the browser", () => {
  it("a secretary records a meeting with a question; the public page shows it; the inspector sees overdue items", async () => {
    const context = await browser().newContext({ viewport: { width: 360, height: 640 } });
    const page = await context.newPage();
    await logIn(page, "demo-botoucun", "/staff/meetings/");
    await page.locator("[data-form]").waitFor({ state: "visible" });
    await page.getByLabel("开会地点").fill("泊头村党群服务中心");
    await page.getByLabel("到会总人数").fill("38");
    await page.getByLabel("其中党员人数").fill("12");
    await page.getByLabel("问题内容").fill("村西排水沟一下雨就堵，什么时候清？");
    await page.getByLabel("满意", { exact: true }).fill("30");
    await page.getByRole("button", { name: "保存报告会记录" }).click();
    await page.locator("[data-done]").filter({ hasText: "回执号" }).waitFor();
    expect(await page.locator("[data-done] li").first().textContent()).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
    await page.getByRole("link", { name: "看本村这次报告会的公开页面" }).click();
    await page.waitForURL(/\/v\/371603104202\/meetings\/\d{4}-Q[1-4]\/$/);
    await expect(page.locator("main").textContent()).resolves.toContain("村西排水沟一下雨就堵");
    await expect(page.locator("main").textContent()).resolves.toContain("已收到");
    await context.close();

    const office = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const desk = await office.newPage();
    await logIn(desk, "demo-botou", "/staff/overdue/");
    await desk.getByRole("heading", { name: "泊头镇" }).waitFor();
    await expect(desk.locator("[data-towns] p").first().textContent()).resolves.toMatch(/\d+ 个村中有 \d+ 个村逾期/);
    await expect(desk.locator("[data-figures]").textContent()).resolves.toMatch(/召开阳光报告会 \d+ 次/);
    await expect(desk.getByRole("link", { name: "导出表格（CSV）" }).getAttribute("href")).resolves.toBe(
      "/api/staff/disclosures/overdue.csv",
    );
    const serious = (await axeViolations(desk)).filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => v.id)).toEqual([]);
    await office.close();
  });
});
