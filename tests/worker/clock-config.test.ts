/**
 * Issue 11: rules read the request's time (X-Cunma-Now on a development server, else the wall clock) and
 * the configuration parsed once with zod, so tests set the date and hour instead of racing the clock, and
 * a bad variable is named instead of silently replaced.
 */
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { receiptHash } from "#core/report.ts";
import { createApp } from "../../worker/src/app.ts";
import { requestTime } from "../../worker/src/config/context.ts";
import { ConfigError, config } from "../../worker/src/config/env.ts";
import { reportBody } from "../fixtures/reports.ts";
import { errorOf, filedOf } from "../fixtures/staff.ts";

const BASE = "https://cunma.test";

describe("config(env)", () => {
  it("parses wrangler.toml's vars once per env object, with the defaults where a var is not set", () => {
    const parsed = config(env);
    expect(parsed).toMatchObject({ autoCloseDays: 7, intakePerMinute: 120, dev: true, secretProblem: null });
    expect(config(env)).toBe(parsed);
    expect(config({})).toMatchObject({ publicBaseUrl: null, autoCloseDays: 7, intakePerMinute: 120, dev: false });
    expect(config({ AUTO_CLOSE_DAYS: "14", INTAKE_PER_MINUTE: " 30 " })).toMatchObject({
      autoCloseDays: 14,
      intakePerMinute: 30,
    });
  });

  it("refuses a bad value with an error naming the variable, where a fallback once hid it", () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ AUTO_CLOSE_DAYS: "soon" }, /AUTO_CLOSE_DAYS must be a positive whole number/],
      [{ AUTO_CLOSE_DAYS: "0" }, /AUTO_CLOSE_DAYS must be a positive whole number/],
      [{ INTAKE_PER_MINUTE: "1.5" }, /INTAKE_PER_MINUTE must be a positive whole number/],
      [{ PUBLIC_BASE_URL: "https://cunma.example.cn/x" }, /PUBLIC_BASE_URL 只能是网站根地址/],
      [{ CUNMA_DEV: "yes" }, /CUNMA_DEV is "1"/],
    ];
    for (const [vars, message] of cases) {
      expect(() => config(vars), JSON.stringify(vars)).toThrow(ConfigError);
      expect(() => config(vars)).toThrow(message);
    }
    expect(() => config({ AUTO_CLOSE_DAYS: "x", INTAKE_PER_MINUTE: "y" })).toThrow(
      /AUTO_CLOSE_DAYS .*; INTAKE_PER_MINUTE /,
    );
  });

  it("answers 503 not_configured (never a 500) while a variable is bad", async () => {
    const response = await createApp().request(`${BASE}/api/health`, {}, { ...env, AUTO_CLOSE_DAYS: "soon" });
    expect(response.status).toBe(503);
    expect((await errorOf(response)).error.code).toBe("not_configured");
  });
});

describe("the request's time", () => {
  it("is the X-Cunma-Now header on a development server only", () => {
    const wall = new Date("2026-12-02T00:00:00Z");
    expect(requestTime("2026-11-29T02:00:00Z", true, wall).toISOString()).toBe("2026-11-29T02:00:00.000Z");
    expect(requestTime("2026-11-29T02:00:00Z", false, wall)).toBe(wall);
    expect(requestTime(undefined, true, wall)).toBe(wall);
    expect(() => requestTime("yesterday", true, wall)).toThrow("X-Cunma-Now 不是有效的时间");
  });

  it("dates a report received at 23:30 on New Year's Eve in China, whatever the wall clock says", async () => {
    const response = await SELF.fetch(`${BASE}/api/villages/371603104220/reports`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "CF-Connecting-IP": "203.0.113.77",
        "X-Cunma-Now": "2026-12-31T15:30:00Z",
      },
      body: JSON.stringify(reportBody()),
    });
    expect(response.status).toBe(201);
    const { receipt } = await filedOf(response);
    const stored = await env.DB.prepare("SELECT received_on FROM reports WHERE receipt_hash = ?1")
      .bind(await receiptHash(receipt))
      .first<{ received_on: string }>();
    expect(stored?.received_on).toBe("2026-12-31");
  });

  it("on a deployment, the header is ignored: the wall clock decides", async () => {
    const deployed = { ...env, CUNMA_DEV: undefined };
    const response = await createApp().request(
      `${BASE}/api/health`,
      { headers: { "X-Cunma-Now": "not a time" } },
      deployed,
    );
    expect(response.status).not.toBe(400);
  });
});

describe("session expiry on a set clock", () => {
  it("keeps a session 7h59m idle and ends it at 8h01m, by the request's time alone", async () => {
    const { loginAs, staffClient } = await import("../fixtures/staff.ts");
    const { cookie } = await loginAs(env.DB, { role: "village_secretary", scope: "371603104201" });
    const at = (ms: number) => new Date(Date.now() + ms).toISOString();
    const me = (time: string) => staffClient(cookie).api.staff.me.$get(undefined, { headers: { "X-Cunma-Now": time } });
    expect((await me(at(8 * 3600_000 - 60_000))).status).toBe(200);
    // that request touched the session at its own time: 8 hours after it, the session is idle too long
    expect((await me(at(2 * 8 * 3600_000))).status).toBe(401);
  });
});

describe("publishing on a set clock", () => {
  it("stamps a version with the request's time, and refuses a quarter that has not begun on that date", async () => {
    const { answered, createStaff, errorOf, staffClient, staffHeaders, TEST_ORIGIN } = await import(
      "../fixtures/staff.ts"
    );
    const staff = await createStaff(env.DB, { role: "village_secretary", scope: "371603104221" });
    const at = (time: string, extra: Record<string, string> = {}) =>
      staffHeaders(undefined, { "CF-Connecting-IP": "203.0.113.90", "X-Cunma-Now": time, ...extra });
    const newYear = "2027-01-03T01:00:00.000Z";
    const login = await SELF.fetch(`${TEST_ORIGIN}/api/staff/login`, {
      method: "POST",
      headers: at(newYear),
      body: JSON.stringify({ username: staff.username, password: staff.password }),
    });
    expect(login.status).toBe(200);
    const cookie = /cunma_staff=[^;]+/.exec(login.headers.get("Set-Cookie") ?? "")?.[0] as string;
    const publish = (time: string) =>
      staffClient(cookie).api.staff.disclosures.$post(
        {
          json: {
            village: "371603104221",
            item: "village-dibao",
            period: "2027-Q1",
            title: "低保名单",
            content: "本季度低保名单无变动。",
          },
        },
        { headers: { "CF-Connecting-IP": "203.0.113.90", "X-Cunma-Now": time } },
      );
    const early = await publish("2026-12-20T01:00:00.000Z");
    expect(early.status).toBe(422);
    expect((await errorOf(early)).error.fields?.period).toBeTruthy();
    const { id } = await answered(publish(newYear), 201);
    const row = await env.DB.prepare("SELECT published_at FROM disclosures WHERE id = ?1")
      .bind(id)
      .first<{ published_at: string }>();
    expect(row?.published_at).toBe(newYear);
  });
});
