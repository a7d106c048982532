/**
 * Money readable on a 360 px phone (issue 12), in Chromium with JS off, in both text sizes: every amount,
 * date and period on the village page (its ledgers opened) and on every disclosure page it links to is
 * rendered on one line, also after a meeting and a disclosure titled with dates as a secretary writes them;
 * tables are cards; a receipt fits one line; a mistyped receipt stays in its box.
 */
import type { BrowserContext } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { chinaDate } from "#core/period.ts";
import { filedOf } from "../fixtures/answers.ts";
import { recordMeeting, staffClientAs, useChromium } from "../fixtures/e2e.ts";
import { figureLines, setTextSize } from "../fixtures/reading.ts";

const baseURL = inject("baseURL");
const village = "371603104201";

/**
 * What a secretary's quarter puts on the page, written the way secretaries write: this quarter's meeting
 * (its link names the quarter) and a disclosure whose title is full of dates and periods.
 */
async function secretarysQuarter(): Promise<void> {
  await recordMeeting(village, "demo-xuwanliang");
  const published = await (await staffClientAs("demo-xuwanliang")).api.staff.disclosures.$post({
    json: {
      village,
      item: "party-organisation",
      period: chinaDate().slice(0, 7),
      title: "2026年第四季度起调整组织设置及分工（2026年11月20日支部大会通过，2026年第三季度分工同时停用）",
      content: "支部委员分工调整，详见公开栏。",
    },
  });
  // 409: this server has it already
  expect([201, 409], "publishing the title").toContain(published.status);
}

const browser = useChromium({ demoStaff: true, prepare: secretarysQuarter });

async function phone(large: boolean): Promise<BrowserContext> {
  const context = await browser().newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
  await setTextSize(context, baseURL, large);
  return context;
}

describe.each([
  ["standard text", false],
  ["大字", true],
])("a villager reads the money at 360 px (%s, JS off)", (_, large) => {
  it("no amount or date on the village page or its disclosure pages is broken across lines", async () => {
    const context = await phone(large);
    const page = await context.newPage();
    await page.goto(`${baseURL}/v/${village}/`);
    expect(await page.evaluate(() => document.documentElement.classList.contains("large"))).toBe(large);
    for (const summary of await page.locator("details > summary").all()) await summary.click();
    const figures = await figureLines(page);
    expect(figures.length).toBeGreaterThan(50);
    expect(figures.filter((f) => f.lines !== 1)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    const links = [
      ...new Set(await page.locator('a[href*="/d/"]').evaluateAll((as) => as.map((a) => a.getAttribute("href")))),
    ];
    expect(links.length).toBeGreaterThan(3);
    let cells = 0;
    for (const link of links) {
      await page.goto(`${baseURL}${link}`);
      const onPage = await figureLines(page);
      cells += await page.locator("td.n").count();
      expect(
        onPage.filter((f) => f.lines !== 1),
        link ?? "",
      ).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), link ?? "").toBeLessThanOrEqual(360);
    }
    expect(cells).toBeGreaterThan(50);
    await context.close();
  });

  it("shows a table as one card per row, each value named by its column", async () => {
    const context = await phone(large);
    const page = await context.newPage();
    await page.goto(`${baseURL}/v/${village}/`);
    const link = await page.locator('#i-finance-ledger a[href*="/d/"]').first().getAttribute("href");
    await page.goto(`${baseURL}${link}`);
    const cell = page.locator('td[data-label="金额（元）"]').first();
    expect(await cell.evaluate((td) => getComputedStyle(td).display)).toBe("flex");
    expect(await cell.evaluate((td) => getComputedStyle(td, "::before").content)).toBe('"金额（元）"');
    expect(await cell.textContent()).toMatch(/^\d+\.\d{2}$/);
    await context.close();
  });

  it("shows the receipt on one line in four groups of four", async () => {
    const response = await fetch(`${baseURL}/api/villages/${village}/reports`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "CF-Connecting-IP": `192.0.2.${large ? 2 : 1}` },
      body: JSON.stringify({ kind: "question", topic: "affairs", content: "回执号能不能一行看清楚？" }),
    });
    expect(response.status).toBe(201);
    const { receipt } = await filedOf(response);
    const context = await phone(large);
    const page = await context.newPage();
    await page.goto(`${baseURL}/r/${receipt}`);
    const shown = page.locator("[data-receipt]");
    expect(await shown.textContent()).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
    const lines = await shown.evaluate((p) => {
      const range = document.createRange();
      range.selectNodeContents(p);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(lines).toBe(1);
    expect(await shown.evaluate((p) => p.scrollWidth <= p.clientWidth)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await context.close();
  });

  it("keeps a mistyped receipt in the box with the message", async () => {
    const context = await phone(large);
    const page = await context.newPage();
    await page.goto(`${baseURL}/r/`);
    await page.locator("#receipt").fill("1234 5678 9012 3457");
    await page.getByRole("button", { name: "查询" }).click();
    await page.waitForURL(/\/r\/\d+$/);
    await expect(page.getByRole("alert").textContent()).resolves.toContain("回执号好像抄错了");
    expect(await page.locator("#receipt").inputValue()).toBe("1234567890123457");
    await context.close();
  });
});
