import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { query } from "../../scripts/wrangler.ts";
import { answered } from "../fixtures/answers.ts";
import { axeViolations } from "../fixtures/browser.ts";
import { publicClient, useChromium } from "../fixtures/e2e.ts";

const baseURL = inject("baseURL");
const persistTo = inject("persistTo");
const village = "371603104201";
const browser = useChromium();

/** Rows in the served D1 holding this exact content (a marker unique to the test). */
const rowsWith = (marker: string) =>
  query<{ n: number }>(`SELECT COUNT(*) AS n FROM reports WHERE content LIKE '%${marker}%'`, { persistTo })[0]?.n;

async function expectReceiptPage(page: Page): Promise<string> {
  await page.waitForURL(/\/r\/\d{16}$/, { timeout: 40_000 });
  const receipt = page.url().slice(-16);
  await expect(page.locator("[data-receipt]").textContent()).resolves.toBe(receipt.replace(/(\d{4})(?=\d)/g, "$1 "));
  await expect(page.locator("[data-timeline]").textContent()).resolves.toMatch(/收到您(的提问|要办的事|反映的问题)/);
  return receipt;
}

async function seriousViolations(path: string): Promise<string[]> {
  const context = await browser().newContext({ viewport: { width: 360, height: 640 } });
  const page = await context.newPage();
  await page.goto(`${baseURL}${path}`);
  const serious = (await axeViolations(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
  await context.close();
  return serious.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.slice(0, 2).map((n) => n.target))}`);
}

describe("a villager with JS off", () => {
  it("scans, asks a question and gets a receipt with its timeline", async () => {
    const context = await browser().newContext({ viewport: { width: 360, height: 640 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseURL}/v/${village}/`);
    await expect(page.locator("[data-cases]").textContent()).resolves.toMatch(/收到 \d+ 件/);
    await page.getByRole("link", { name: /码上问/ }).click();
    await page.waitForURL(`**/v/${village}/ask/`);
    await page.getByLabel("三务三资").check();
    const marker = `E2E无脚本${Date.now()}`;
    await page.locator("#content").fill(`十月份修路花了多少钱？${marker}`);
    await page.getByRole("button", { name: "提交" }).click();
    const receipt = await expectReceiptPage(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(rowsWith(marker)).toBe(1);
    const view = await answered(publicClient().api.reports[":receipt"].$get({ param: { receipt } }), 200);
    expect(view).toMatchObject({ state: "received", kind: "question", topic: "affairs" });
    await context.close();
  });

  it("sees its mistakes explained on the form page itself", async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseURL}/v/${village}/report/?topic=conduct`);
    await expect(page.locator("input[value=conduct]").isChecked()).resolves.toBe(true);
    // bypass the browser's own minlength check, as an old browser would
    await page.locator("#content").evaluate((el) => el.removeAttribute("minlength"));
    await page.locator("#content").fill("短");
    await page.getByRole("button", { name: "提交" }).click();
    await expect(page.locator("[data-error]").textContent()).resolves.toContain("至少写 5 个字");
    await expect(page.locator("#content").inputValue()).resolves.toBe("短");
    await context.close();
  });
});

describe("a villager with JS on and a weak signal", () => {
  it("submits offline, sees it saved, and gets exactly one report when back online", async () => {
    const context = await browser().newContext({ viewport: { width: 360, height: 640 } });
    const page = await context.newPage();
    await page.goto(`${baseURL}/v/${village}/help/`);
    await page.getByLabel("民生事项").check();
    const marker = `E2E离线${Date.now()}`;
    await page.locator("#content").fill(`想申请临时救助，需要带什么材料？${marker}`);
    await context.setOffline(true);
    await page.getByRole("button", { name: "提交" }).click();
    await expect.poll(() => page.locator("[data-outbox-status]").textContent()).toContain("已保存，联网后自动提交");
    const saved = JSON.parse(await page.evaluate(() => localStorage.getItem("cunma.outbox") ?? "[]")) as {
      body: string;
    }[];
    expect(saved).toHaveLength(1);
    expect(new URLSearchParams(saved[0]?.body).get("content")).toContain(marker);
    expect(rowsWith(marker)).toBe(0);
    await context.setOffline(false);
    const receipt = await expectReceiptPage(page);
    expect(rowsWith(marker)).toBe(1);
    expect((await fetch(`${baseURL}/api/reports/${receipt}`)).status).toBe(200);
    expect(await page.evaluate(() => localStorage.getItem("cunma.outbox"))).toBe("[]");
    await context.close();
  });

  it("resends a submission whose answer was lost in transit and still makes one report", async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    let lost = false;
    await page.route("**/api/villages/*/reports", async (route) => {
      if (lost) return route.continue();
      lost = true;
      await route.fetch(); // the server stores it…
      await route.abort("connectionreset"); // …but the phone never hears back
    });
    await page.goto(`${baseURL}/v/${village}/ask/`);
    await page.getByLabel("上级政策").check();
    const marker = `E2E丢包${Date.now()}`;
    await page.locator("#content").fill(`耕地地力补贴今年什么时候发？${marker}`);
    await page.getByRole("button", { name: "提交" }).click();
    await expect.poll(() => page.locator("[data-outbox-status]").textContent()).toContain("已保存");
    expect(rowsWith(marker)).toBe(1);
    await expectReceiptPage(page);
    expect(rowsWith(marker)).toBe(1);
    await context.close();
  });

  it("has no serious accessibility violations on the form and receipt pages", async () => {
    expect(await seriousViolations(`/v/${village}/report/`)).toEqual([]);
    expect(await seriousViolations("/r/")).toEqual([]);
  });
});
