import { describe, expect, inject, it } from "vitest";
import { axeViolations } from "../fixtures/browser.ts";
import { useChromium } from "../fixtures/e2e.ts";

const baseURL = inject("baseURL");
const browser = useChromium();

describe("a villager opens their village page on a 360 px phone with JS off", () => {
  it("shows the village, a disclosure, fits the width and has no serious a11y violations", async () => {
    const context = await browser().newContext({ viewport: { width: 360, height: 640 }, javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto(`${baseURL}/v/371603104201/`);
    expect(response?.status()).toBe(200);
    await expect(page.locator("h1").textContent()).resolves.toBe("徐万粮村");
    const firstDisclosure = page.locator("[data-item] .m").filter({ hasText: "公开" }).first();
    await expect(firstDisclosure.textContent()).resolves.toMatch(/\d{4}年.*公开/);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    const fontSize = await page.evaluate(() => getComputedStyle(document.body).fontSize);
    expect(Number.parseFloat(fontSize)).toBeGreaterThanOrEqual(18);

    // axe runs injected into the page; JS off only stops the page's own scripts, so enable for the audit
    const audit = await browser().newContext({ viewport: { width: 360, height: 640 } });
    const auditPage = await audit.newPage();
    await auditPage.goto(`${baseURL}/v/371603104201/`);
    const serious = (await axeViolations(auditPage)).filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(
      serious.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.slice(0, 2).map((n) => n.target))}`),
    ).toEqual([]);
    await context.close();
    await audit.close();
  });
});
