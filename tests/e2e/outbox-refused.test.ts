/**
 * Issue 10 item 5, JS on: a submission refused with 429 stays in the outbox, the villager is told it was
 * not sent yet, and the outbox sends it by itself once `Retry-After` has passed. Runs its own
 * `wrangler dev` with a district-wide ceiling of one report a minute, so one report fills the minute.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DevServer, startDevServer } from "../../scripts/lib/dev-server.ts";
import { query } from "../../scripts/wrangler.ts";
import { launchChromium } from "../fixtures/browser.ts";

const village = "371603104201";
let browser: Browser;
let server: DevServer;

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startDevServer({ demo: false, snapshot: true, vars: { INTAKE_PER_MINUTE: "1" } }),
    launchChromium(),
  ]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const rowsWith = (marker: string) =>
  query<{ n: number }>(`SELECT COUNT(*) AS n FROM reports WHERE content LIKE '%${marker}%'`, {
    persistTo: server.persistTo,
  })[0]?.n;

/** Fills this minute's district-wide ceiling (one report) from another client. */
async function fillTheMinute(): Promise<void> {
  const response = await fetch(`${server.baseURL}/api/villages/${village}/reports`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "CF-Connecting-IP": "198.51.100.250" },
    body: JSON.stringify({ kind: "question", topic: "affairs", content: "村里的路什么时候修？先占满这一分钟。" }),
  });
  expect(response.status).toBe(201);
}

describe("a submission refused with 429, JS on", () => {
  it("stays in the outbox, says it was not sent yet, and is sent after Retry-After", async () => {
    // start early in a minute, so filling it and the villager's submission fall in the same minute
    while (new Date().getSeconds() > 30) await new Promise((r) => setTimeout(r, 1000));
    const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
    const page = await context.newPage();
    await page.goto(`${server.baseURL}/v/${village}/ask/`);
    await page.getByLabel("上级政策").check();
    const marker = `E2E限流${Date.now()}`;
    await page.locator("#content").fill(`今年的种粮补贴什么时候发？${marker}`);
    await fillTheMinute();
    await page.getByRole("button", { name: "提交" }).click();

    await expect.poll(() => page.locator("[data-outbox-status]").textContent()).toContain("还没有发出去");
    await expect(page.locator("[data-error]").textContent()).resolves.toContain("还没有提交上");
    await expect(page.locator("[data-error]").isVisible()).resolves.toBe(true);
    const saved = JSON.parse(await page.evaluate(() => localStorage.getItem("cunma.outbox") ?? "[]")) as {
      body: string;
      notBefore?: number;
    }[];
    expect(saved).toHaveLength(1);
    expect(new URLSearchParams(saved[0]?.body).get("content")).toContain(marker);
    expect(saved[0]?.notBefore).toBeGreaterThan(Date.now());
    expect(await page.locator("#content").inputValue()).toContain(marker);
    expect(rowsWith(marker)).toBe(0);

    await page.waitForURL(/\/r\/\d{16}$/, { timeout: 100_000 });
    await expect(page.locator("[data-timeline]").textContent()).resolves.toContain("收到您的");
    expect(rowsWith(marker)).toBe(1);
    expect(await page.evaluate(() => localStorage.getItem("cunma.outbox"))).toBe("[]");
    await context.close();
  }, 180_000);
});
