import { beforeAll, describe, expect, inject, it } from "vitest";
import { filedOf } from "../fixtures/answers.ts";
import { axeViolations } from "../fixtures/browser.ts";
import { useChromium } from "../fixtures/e2e.ts";
import { crampedParagraphs, setTextSize, tightLines } from "../fixtures/reading.ts";

const baseURL = inject("baseURL");
const village = "371603104201";
const browser = useChromium();
let pages: string[];

beforeAll(async () => {
  const response = await fetch(`${baseURL}/api/villages/${village}/reports`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "CF-Connecting-IP": "192.0.2.30" },
    body: JSON.stringify({ kind: "request", topic: "livelihood", content: "家门口的路灯坏了，晚上看不见路。" }),
  });
  expect(response.status).toBe(201);
  const { receipt } = await filedOf(response);
  const villagePage = await (await fetch(`${baseURL}/v/${village}/`)).text();
  const disclosure = /href="(\/v\/\d{12}\/d\/\d+\/)"/.exec(villagePage)?.[1] as string;
  pages = [
    "/",
    "/z/371603104/",
    `/v/${village}/`,
    `/v/${village}/ask/`,
    `/v/${village}/help/`,
    `/v/${village}/report/`,
    "/r/",
    `/r/${receipt}`,
    disclosure,
    `/v/${village}/power/`,
    "/power/",
    "/power/p09/",
    "/v/371603104999/", // the friendly 404 a mistyped or damaged code lands on
  ];
});

describe("大字 with JS off", () => {
  it("changes the text size and is remembered on the next page, then switches back", async () => {
    const context = await browser().newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    const page = await context.newPage();
    const bodySize = async () => Number.parseFloat(await page.evaluate(() => getComputedStyle(document.body).fontSize));
    /** Follows a switch link with JS off and waits for the page it sends the villager back to. */
    const follow = async (name: string, back: string) => {
      await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === back && r.request().isNavigationRequest()),
        page.getByRole("link", { name }).click(),
      ]);
      await page.waitForLoadState("load");
    };
    await page.goto(`${baseURL}/v/${village}/`);
    expect(await bodySize()).toBe(18);
    await follow("大字", `/v/${village}/`);
    expect(await bodySize()).toBeGreaterThanOrEqual(24);
    expect(await page.getByRole("link", { name: "大字" }).count()).toBe(0);

    // remembered: the next pages, static or filled by the worker, open in large text too
    for (const path of ["/", "/r/", "/power/", `/v/${village}/ask/`]) {
      await page.goto(`${baseURL}${path}`);
      expect(await bodySize(), path).toBeGreaterThanOrEqual(24);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
    }
    await follow("标准字", `/v/${village}/ask/`);
    expect(await bodySize()).toBe(18);
    await page.goto(`${baseURL}/`);
    expect(await bodySize()).toBe(18);
    await context.close();
  });
});

describe.each([
  ["standard text", false],
  ["大字", true],
])("every public page in %s", (_, large) => {
  it("has line height ≥ 1.3 and paragraph spacing ≥ 1.3 × line spacing, and fits 360 px", async () => {
    const context = await browser().newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    await setTextSize(context, baseURL, large);
    const page = await context.newPage();
    for (const path of pages) {
      await page.goto(`${baseURL}${path}`);
      expect(await page.evaluate(() => document.documentElement.classList.contains("large")), path).toBe(large);
      for (const summary of await page.locator("details > summary").all()) await summary.click();
      expect(await tightLines(page), path).toEqual([]);
      expect(await crampedParagraphs(page), path).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
    }
    await context.close();
  });

  it("has no axe violations of any impact", async () => {
    const context = await browser().newContext({ viewport: { width: 360, height: 740 } });
    await setTextSize(context, baseURL, large);
    const page = await context.newPage();
    const found: string[] = [];
    for (const path of pages) {
      await page.goto(`${baseURL}${path}`);
      for (const v of await axeViolations(page)) {
        found.push(
          `${path} ${v.id} (${v.impact}): ${v.help} ${JSON.stringify(v.nodes.slice(0, 2).map((n) => n.target))}`,
        );
      }
    }
    expect(found).toEqual([]);
    await context.close();
  });
});

describe("读给我听", () => {
  it("reads the page's main content aloud where the browser can speak", async () => {
    const context = await browser().newContext({ viewport: { width: 360, height: 740 } });
    await context.addInitScript(() => {
      const spoken: string[] = [];
      (window as unknown as { spoken: string[] }).spoken = spoken;
      window.speechSynthesis.speak = (utterance) => void spoken.push(utterance.text);
    });
    const page = await context.newPage();
    await page.goto(`${baseURL}/v/${village}/`);
    const button = page.getByRole("button", { name: "读给我听" });
    await button.waitFor({ state: "visible" });
    await button.click();
    const spoken = await page.evaluate(() => (window as unknown as { spoken: string[] }).spoken);
    expect(spoken).toContain("徐万粮村");
    expect(spoken.join("")).not.toContain("一村一码 · 码上监督"); // the header is not main content
    expect(await page.getByRole("button", { name: "停止朗读" }).getAttribute("aria-pressed")).toBe("true");
    await context.close();
  });

  it("is hidden where the browser cannot speak, and with JS off", async () => {
    const noSpeech = await browser().newContext({ viewport: { width: 360, height: 740 } });
    await noSpeech.addInitScript(() => {
      Object.defineProperty(window, "speechSynthesis", { value: undefined, configurable: true });
    });
    const page = await noSpeech.newPage();
    await page.goto(`${baseURL}/v/${village}/`);
    await page.waitForLoadState("load");
    expect(await page.locator("button[data-read]").isHidden()).toBe(true);
    await noSpeech.close();

    const jsOff = await browser().newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    const off = await jsOff.newPage();
    await off.goto(`${baseURL}/v/${village}/`);
    expect(await off.locator("button[data-read]").isHidden()).toBe(true);
    await jsOff.close();
  });
});
