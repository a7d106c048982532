import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { ApiErrorBody } from "../../worker/src/errors.ts";
import { createStaff, postLogin } from "../fixtures/staff.ts";

/** Moves a key's last failure into the past, as if the person had waited. */
async function waitOut(keyLike: string, ms: number) {
  await env.DB.prepare("UPDATE staff_login_failures SET last_failed_at = ?1 WHERE key LIKE ?2 AND locked_until IS NULL")
    .bind(new Date(Date.now() - ms).toISOString(), keyLike)
    .run();
}

const errorOf = async (res: Response) => ((await res.json()) as ApiErrorBody).error;

describe("wrong passwords", () => {
  it("get three free tries, then must wait — even the right password — then lock the account", async () => {
    const account = await createStaff(env.DB, { role: "town_inspector" });
    for (let i = 0; i < 3; i++)
      expect((await postLogin(account.username, "wrong-password", "10.1.0.1")).status).toBe(401);

    const slowed = await postLogin(account.username, account.password, "10.1.0.1");
    expect(slowed.status).toBe(429);
    expect(slowed.headers.get("Retry-After")).toBe("5");
    expect(await errorOf(slowed)).toEqual({
      code: "too_many_attempts",
      message: "密码输错的次数多了，请等 5 秒再试。",
    });
    // waiting is per username: another address does not get around it
    expect((await postLogin(account.username, account.password, "10.1.0.2")).status).toBe(429);

    for (let failures = 3; failures < 10; failures++) {
      await waitOut(`user:${account.username}`, 61_000);
      expect((await postLogin(account.username, "wrong-password", "10.1.0.1")).status).toBe(401);
    }
    const locked = await postLogin(account.username, account.password, "10.1.0.3");
    expect(locked.status).toBe(423);
    expect(Number(locked.headers.get("Retry-After"))).toBeGreaterThan(14 * 60);
    expect(await errorOf(locked)).toEqual({
      code: "locked",
      message: "这个账号密码输错太多次，已暂时锁定。请 15 分钟后再试，或请区里管理员重设密码。",
    });
    await waitOut(`user:${account.username}`, 61_000);
    expect((await postLogin(account.username, account.password, "10.1.0.3")).status).toBe(423);
  });

  it("waits grow with each failure and a success clears them", async () => {
    const account = await createStaff(env.DB, { role: "town_inspector" });
    for (let i = 0; i < 3; i++) await postLogin(account.username, "wrong-password", "10.2.0.1");
    await waitOut(`user:${account.username}`, 6_000);
    expect((await postLogin(account.username, "wrong-password", "10.2.0.1")).status).toBe(401);
    const second = await postLogin(account.username, "wrong-password", "10.2.0.1");
    expect(second.status).toBe(429);
    expect(second.headers.get("Retry-After")).toBe("10");
    await waitOut(`user:${account.username}`, 11_000);
    expect((await postLogin(account.username, account.password, "10.2.0.1")).status).toBe(200);
    const left = await env.DB.prepare("SELECT COUNT(*) AS n FROM staff_login_failures WHERE key = ?1")
      .bind(`user:${account.username}`)
      .first<{ n: number }>();
    expect(left?.n).toBe(0);
  });

  it("from one address across many usernames slow that address down, without touching others", async () => {
    for (let i = 0; i < 10; i++) expect((await postLogin(`guess-${i}`, "wrong-password", "10.3.0.1")).status).toBe(401);
    const account = await createStaff(env.DB, { role: "district_admin" });
    const slowed = await postLogin(account.username, account.password, "10.3.0.1");
    expect(slowed.status).toBe(429);
    expect(await errorOf(slowed)).toMatchObject({ code: "too_many_attempts" });
    expect((await postLogin(account.username, account.password, "10.3.0.2")).status).toBe(200);
  });

  it("keep no address in the clear", async () => {
    await postLogin("someone-else", "wrong-password", "10.4.0.77");
    const { results } = await env.DB.prepare("SELECT key FROM staff_login_failures").all<{ key: string }>();
    expect(results.some((r) => r.key.includes("10.4.0.77"))).toBe(false);
    expect(results.some((r) => /^client:[0-9a-f]{64}$/.test(r.key))).toBe(true);
  });

  it("a shared office address is not slowed down by its people logging in", async () => {
    for (let i = 0; i < 12; i++) {
      const account = await createStaff(env.DB, { role: "village_secretary" });
      expect((await postLogin(account.username, account.password, "10.5.0.1")).status).toBe(200);
    }
  });
});
