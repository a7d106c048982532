import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { ApiErrorBody } from "../../worker/src/errors.ts";
import { createStaff, loginAs, postLogin, staffClient, staffHeaders, TEST_ORIGIN } from "../fixtures/staff.ts";

const me = (cookie?: string) => staffClient(cookie).api.staff.me.$get();

describe("POST /api/staff/login", () => {
  it("sets an HttpOnly, SameSite=Strict, Secure session cookie on HTTPS and stores only its hash", async () => {
    const account = await createStaff(env.DB, { role: "town_inspector", scope: "371603104" });
    const res = await postLogin(account.username, account.password);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      staff: {
        id: account.id,
        username: account.username,
        role: "town_inspector",
        scope: "371603104",
        scopeName: "泊头镇",
      },
    });
    const cookie = res.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/^cunma_staff=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Strict");
    expect(cookie).toContain("Secure");
    expect(cookie).toContain("Path=/api/staff/");
    const token = (/cunma_staff=([^;]+)/.exec(cookie) as RegExpExecArray)[1] as string;
    const stored = await env.DB.prepare("SELECT token_hash FROM staff_sessions WHERE staff_id = ?1")
      .bind(account.id)
      .all<{ token_hash: string }>();
    expect(stored.results).toHaveLength(1);
    expect(stored.results[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.results[0]?.token_hash).not.toContain(token);
  });

  it("leaves Secure off on plain HTTP (a local wrangler dev)", async () => {
    const account = await createStaff(env.DB, { role: "district_admin" });
    const res = await SELF.fetch("http://127.0.0.1:8787/api/staff/login", {
      method: "POST",
      headers: { Origin: "http://127.0.0.1:8787", "Content-Type": "application/json" },
      body: JSON.stringify({ username: account.username, password: account.password }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get("Set-Cookie") ?? "";
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Strict");
    expect(cookie).not.toContain("Secure");
  });

  it("refuses a wrong password and an unknown username with the same 401 and message", async () => {
    const account = await createStaff(env.DB, { role: "village_secretary" });
    const wrong = await postLogin(account.username, "not-the-password", "203.0.113.1");
    const unknown = await postLogin("nobody-here", "whatever-pw", "203.0.113.2");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const body = await wrong.json();
    expect(body).toEqual({ error: { code: "bad_credentials", message: "用户名或密码不对，请再试一次。" } });
    expect(await unknown.json()).toEqual(body);
    expect(wrong.headers.get("Set-Cookie")).toBeNull();
  });

  it("names the missing field in Chinese", async () => {
    const res = await SELF.fetch(`${TEST_ORIGIN}/api/staff/login`, {
      method: "POST",
      headers: staffHeaders(),
      body: JSON.stringify({ username: "someone" }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: { code: "invalid", message: "请把用户名和密码填完整。", fields: { password: "请填写密码。" } },
    });
  });

  it("refuses a disabled account even with the right password", async () => {
    const account = await createStaff(env.DB, { role: "town_inspector", disabled: true });
    const res = await postLogin(account.username, account.password, "203.0.113.3");
    expect(res.status).toBe(403);
    expect(((await res.json()) as ApiErrorBody).error.message).toBe("这个账号已停用。如有疑问，请联系区里管理员。");
    expect(res.headers.get("Set-Cookie")).toBeNull();
  });
});

describe("a staff session", () => {
  it("answers /me, then logout ends it for good", async () => {
    const { staff, cookie } = await loginAs(env.DB, { role: "village_secretary", scope: "371603104201" });
    const res = await me(cookie);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      staff: { ...staff, scopeName: "泊头镇徐万粮村" },
    });

    const out = await staffClient(cookie).api.staff.logout.$post();
    expect(out.status).toBe(200);
    expect(out.headers.get("Set-Cookie")).toMatch(/cunma_staff=;.*Max-Age=0/);
    expect((await me(cookie)).status).toBe(401);
  });

  it("is refused after 8 idle hours, and after 7 days however active", async () => {
    const idle = await loginAs(env.DB, { role: "town_inspector" });
    const active = await loginAs(env.DB, { role: "town_inspector" });
    expect((await me(idle.cookie)).status).toBe(200);
    const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
    await env.DB.batch([
      env.DB.prepare("UPDATE staff_sessions SET last_seen_at = ?1 WHERE staff_id = ?2").bind(
        ago(8 * 3600_000 + 60_000),
        idle.staff.id,
      ),
      env.DB.prepare("UPDATE staff_sessions SET last_seen_at = ?1, expires_at = ?2 WHERE staff_id = ?3").bind(
        ago(60_000),
        ago(1000),
        active.staff.id,
      ),
    ]);
    const idleRes = await me(idle.cookie);
    expect(idleRes.status).toBe(401);
    expect(await idleRes.json()).toEqual({
      error: { code: "not_logged_in", message: "请先登录。很久没有操作也需要重新登录。" },
    });
    expect((await me(active.cookie)).status).toBe(401);
    const left = await env.DB.prepare("SELECT COUNT(*) AS n FROM staff_sessions WHERE staff_id IN (?1, ?2)")
      .bind(idle.staff.id, active.staff.id)
      .first<{ n: number }>();
    expect(left?.n).toBe(0);
  });

  it("keeps an active session alive by moving its idle clock", async () => {
    const { staff, cookie } = await loginAs(env.DB, { role: "town_inspector" });
    const sevenHoursAgo = new Date(Date.now() - 7 * 3600_000).toISOString();
    await env.DB.prepare("UPDATE staff_sessions SET last_seen_at = ?1 WHERE staff_id = ?2")
      .bind(sevenHoursAgo, staff.id)
      .run();
    expect((await me(cookie)).status).toBe(200);
    const row = await env.DB.prepare("SELECT last_seen_at FROM staff_sessions WHERE staff_id = ?1")
      .bind(staff.id)
      .first<{ last_seen_at: string }>();
    expect(Date.now() - Date.parse(row?.last_seen_at ?? "")).toBeLessThan(60_000);
  });

  it("stops working once its account is disabled", async () => {
    const { staff, cookie } = await loginAs(env.DB, { role: "district_admin" });
    expect((await me(cookie)).status).toBe(200);
    await env.DB.prepare("UPDATE staff SET disabled_at = ?1 WHERE id = ?2")
      .bind(new Date().toISOString(), staff.id)
      .run();
    expect((await me(cookie)).status).toBe(401);
  });

  it("is refused with a made-up token", async () => {
    expect((await me("cunma_staff=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).status).toBe(401);
  });
});

describe("without a valid session every /api/staff/* route is 401", () => {
  const routes: [string, string][] = [
    ["GET", "/api/staff/me"],
    ["POST", "/api/staff/logout"],
    ["GET", "/api/staff/audit"],
    ["GET", "/api/staff/audit/verify"],
    ["GET", "/api/staff/not-a-route"],
    ["POST", "/api/staff/not-a-route"],
  ];
  for (const [method, path] of routes) {
    it(`${method} ${path}`, async () => {
      const res = await SELF.fetch(`${TEST_ORIGIN}${path}`, { method, headers: staffHeaders() });
      expect(res.status).toBe(401);
      expect(((await res.json()) as ApiErrorBody).error.code).toBe("not_logged_in");
    });
  }
});

describe("cross-site requests", () => {
  it("refuse a cross-origin POST with 403 and the shared error shape, even with a valid cookie", async () => {
    const { cookie } = await loginAs(env.DB, { role: "town_inspector" });
    const attempts: Record<string, string>[] = [
      { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
      { Origin: "https://evil.example" },
      { "Sec-Fetch-Site": "same-site" },
      {},
    ];
    for (const headers of attempts) {
      const res = await SELF.fetch(`${TEST_ORIGIN}/api/staff/logout`, {
        method: "POST",
        headers: { Cookie: cookie, "Content-Type": "application/json", ...headers },
      });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(await res.json()).toEqual({
        error: { code: "cross_site", message: "这个操作不是从本网站发出的，已拒绝。请回到本网站重新操作。" },
      });
    }
    // the session survived every refused logout
    expect((await me(cookie)).status).toBe(200);
  });

  it("refuse a cross-origin login", async () => {
    const account = await createStaff(env.DB, { role: "town_inspector" });
    const res = await SELF.fetch(`${TEST_ORIGIN}/api/staff/login`, {
      method: "POST",
      headers: { Origin: "https://evil.example", "Content-Type": "application/json" },
      body: JSON.stringify({ username: account.username, password: account.password }),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get("Set-Cookie")).toBeNull();
  });
});
