/**
 * Item 9 under a real `wrangler dev`: the static assets the assets layer serves without the worker
 * (site/dist/_headers) and the worker's answers carry the same security headers; and in Chromium the
 * pages still work under the CSP — the forms' outbox script and the staff pages' scripts run, and no
 * page logs a CSP violation.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, describe, expect, inject, it } from "vitest";
import { logIn, useChromium } from "../fixtures/e2e.ts";

const baseURL = inject("baseURL");
const village = "371603104201";
const browser = useChromium({ demoStaff: true });

async function expectSecureHeaders(path: string, status = 200) {
  const res = await fetch(`${baseURL}${path}`, { redirect: "manual" });
  await res.arrayBuffer();
  expect(res.status, path).toBe(status);
  const csp = res.headers.get("content-security-policy") ?? "";
  expect(csp, `${path}: CSP`).toContain("frame-ancestors 'none'");
  expect(csp, `${path}: script-src`).toMatch(/(^|; )script-src 'self'(;|$)/);
  expect(res.headers.get("x-content-type-options"), `${path}: nosniff`).toBe("nosniff");
  expect(res.headers.get("referrer-policy"), `${path}: referrer`).toBe("no-referrer");
  expect(res.headers.get("x-frame-options"), `${path}: framing`).toBe("DENY");
  return res;
}

/** The first /_astro/ script a built page loads. */
async function firstScript(path: string): Promise<string> {
  const html = await (await fetch(`${baseURL}${path}`)).text();
  const src = /<script[^>]+src="(\/_astro\/[^"]+\.js)"/.exec(html)?.[1];
  expect(src, `${path} loads a script file`).toBeDefined();
  return src as string;
}

describe("headers from wrangler dev", () => {
  it("static assets served without the worker: pages, scripts, CSV templates and the 404 page", async () => {
    for (const path of ["/", "/power/", "/staff/login/", "/staff/", "/staff/cases/", "/staff/publish/"]) {
      await expectSecureHeaders(path);
    }
    await expectSecureHeaders(await firstScript(`/v/${village}/ask/`));
    await expectSecureHeaders(await firstScript("/staff/login/"));
    await expectSecureHeaders("/staff/publish/template-ledger.csv");
    await expectSecureHeaders("/no-such-page/", 404);
  });

  it("the worker's answers: filled pages, forms, JSON, SVG and errors", async () => {
    for (const path of [`/v/${village}/`, "/z/371603104/", `/v/${village}/ask/`, "/r/", "/api/catalogue"]) {
      await expectSecureHeaders(path);
    }
    await expectSecureHeaders(`/v/${village}/qr.svg`);
    await expectSecureHeaders("/api/no-such-route", 404);
    await expectSecureHeaders("/v/999999999999/", 404);
    // over plain http the worker sends no HSTS (the static _headers file cannot tell; browsers ignore it)
    expect((await fetch(`${baseURL}/api/catalogue`)).headers.get("strict-transport-security")).toBeNull();
  });
});

/** Every CSP violation or script error the page reports, as text. */
function watchViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content[ -]Security[ -]Policy/i.test(message.text())) seen.push(message.text());
  });
  page.on("pageerror", (error) => seen.push(`pageerror: ${error.message}`));
  return seen;
}

describe("pages under the CSP in Chromium", () => {
  let context: BrowserContext;
  afterAll(async () => {
    await context?.close();
  });

  it("a form's outbox script keeps a submission made offline and sends it when back online", async () => {
    context = await browser().newContext({ viewport: { width: 360, height: 640 } });
    const page = await context.newPage();
    const violations = watchViolations(page);
    await page.goto(`${baseURL}/v/${village}/ask/`);
    await page.getByLabel("三务三资").check();
    await page.locator("#content").fill(`CSP 下的离线提交，请问修路的钱花在哪里了？${Date.now()}`);
    await context.setOffline(true);
    await page.getByRole("button", { name: "提交" }).click();
    // only the outbox script can say this: with it blocked, the browser would just fail to post
    await expect.poll(() => page.locator("[data-outbox-status]").textContent()).toContain("已保存");
    await context.setOffline(false);
    await page.waitForURL(/\/r\/\d{16}$/, { timeout: 40_000 });
    await page.waitForLoadState("load");
    expect(violations).toEqual([]);
    await context.close();
  });

  it("the staff pages' scripts log in, load every console page and report no violation", async () => {
    context = await browser().newContext();
    const page = await context.newPage();
    const violations = watchViolations(page);
    await logIn(page, "demo-botou", "/staff/");
    await expect.poll(() => page.locator("#staff-hello").textContent()).toBe("您好，demo-botou");
    for (const path of ["/staff/cases/", "/staff/figures/", "/staff/overdue/", "/staff/meetings/", "/staff/publish/"]) {
      await page.goto(`${baseURL}${path}`);
      await page.waitForLoadState("networkidle");
      expect(page.url(), `${path} kept the session (its script ran)`).toBe(`${baseURL}${path}`);
    }
    expect(violations).toEqual([]);
  });
});
