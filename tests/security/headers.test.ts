/**
 * Item 9: every answer the worker gives — JSON, filled pages, forms, CSV, SVG, errors, the 404 page and the
 * static assets it passes through — carries a CSP that forbids framing and inline script, nosniff and no
 * referrer (receipts are in URLs); HSTS over https only.
 */
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createApp } from "../../worker/src/app.ts";
import { reportBody } from "../fixtures/reports.ts";
import { filedOf, loginAs, staffHeaders, TEST_ORIGIN } from "../fixtures/staff.ts";

const VILLAGE = "371603104201";
const TOWN = "371603104";
let ip = 0;

function expectSecure(res: Response, where: string, https = true) {
  const csp = res.headers.get("Content-Security-Policy") ?? "";
  expect(csp, `${where}: CSP`).toContain("frame-ancestors 'none'");
  // no inline script: script-src names only the site itself (no 'unsafe-inline', no wildcard)
  expect(csp, `${where}: script-src`).toMatch(/(^|; )script-src 'self'(;|$)/);
  expect(csp, `${where}: default-src`).toMatch(/(^|; )default-src 'self'(;|$)/);
  expect(res.headers.get("X-Content-Type-Options"), `${where}: nosniff`).toBe("nosniff");
  expect(res.headers.get("Referrer-Policy"), `${where}: referrer`).toBe("no-referrer");
  expect(res.headers.get("X-Frame-Options"), `${where}: X-Frame-Options`).toBe("DENY");
  const hsts = res.headers.get("Strict-Transport-Security");
  if (https) expect(hsts, `${where}: HSTS`).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
  else expect(hsts, `${where}: no HSTS over http`).toBeNull();
}

async function intake(body: unknown) {
  return SELF.fetch(`${TEST_ORIGIN}/api/villages/${VILLAGE}/reports`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "CF-Connecting-IP": `203.0.113.${++ip}` },
    body: JSON.stringify(body),
    redirect: "manual",
  });
}

describe("security headers on every route family", () => {
  it("JSON: catalogue, chain, figures, receipts, and the JSON 404", async () => {
    for (const path of [
      "/api/catalogue",
      `/api/villages/${VILLAGE}/chain`,
      "/api/figures/disclosures",
      "/api/reports/1234",
      "/api/no-such-route",
    ]) {
      const res = await SELF.fetch(`${TEST_ORIGIN}${path}`);
      await res.arrayBuffer();
      expectSecure(res, path);
    }
  });

  it("intake: created, refused (422) and the form's 303 to the receipt", async () => {
    const created = await intake(reportBody());
    expect(created.status).toBe(201);
    expectSecure(created, "201");
    const receipt = (await filedOf(created)).receipt;
    const refused = await intake(reportBody({ content: "" }));
    expect(refused.status).toBe(422);
    expectSecure(refused, "422");
    const receiptPage = await SELF.fetch(`${TEST_ORIGIN}/r/${receipt}`);
    expect(receiptPage.status).toBe(200);
    await receiptPage.arrayBuffer();
    expectSecure(receiptPage, "/r/<receipt>");
  });

  it("filled pages: village, town, receipt lookup, forms, the 404 page and the QR SVG", async () => {
    for (const [path, status] of [
      [`/v/${VILLAGE}/`, 200],
      [`/z/${TOWN}/`, 200],
      ["/r/", 200],
      [`/v/${VILLAGE}/ask/`, 200],
      [`/v/${VILLAGE}/report/`, 200],
      [`/v/${VILLAGE}/qr.svg`, 200],
      ["/v/999999999999/", 404],
      ["/r/12", 400],
    ] as const) {
      const res = await SELF.fetch(`${TEST_ORIGIN}${path}`);
      await res.arrayBuffer();
      expect(res.status, path).toBe(status);
      expectSecure(res, path);
    }
  });

  it("staff: login refusal, JSON lists and the CSV export", async () => {
    const bad = await SELF.fetch(`${TEST_ORIGIN}/api/staff/login`, {
      method: "POST",
      headers: staffHeaders(undefined, { "CF-Connecting-IP": "192.0.2.77" }),
      body: JSON.stringify({ username: "nobody", password: "wrong-password" }),
    });
    await bad.arrayBuffer();
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expectSecure(bad, "bad login");
    const { cookie } = await loginAs(env.DB, { role: "town_inspector", scope: TOWN });
    for (const path of ["/api/staff/reports", "/api/staff/reports.csv", "/api/staff/figures.csv"]) {
      const res = await SELF.fetch(`${TEST_ORIGIN}${path}`, { headers: staffHeaders(cookie) });
      await res.arrayBuffer();
      expect(res.status, path).toBe(200);
      expectSecure(res, path);
    }
  });

  it("static pages the worker passes through from the assets binding", async () => {
    const app = createApp();
    for (const path of ["/", "/staff/login/", "/staff/cases/", "/power/", "/no-such-page/"]) {
      const res = await app.request(`${TEST_ORIGIN}${path}`, {}, env);
      await res.arrayBuffer();
      expectSecure(res, path);
    }
  });

  it("over plain http: the same headers without HSTS", async () => {
    const app = createApp();
    for (const path of ["/api/catalogue", `/v/${VILLAGE}/`, "/staff/login/"]) {
      const res = await app.request(`http://cunma.test${path}`, {}, env);
      await res.arrayBuffer();
      expectSecure(res, `http ${path}`, false);
    }
  });
});
