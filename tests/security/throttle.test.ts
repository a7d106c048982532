/**
 * Issue 10, item 7: strangers guessing a staff password, from any number of addresses, are slowed and
 * then locked out, but the real user, from the client they log in from, is not locked out by them.
 */
import { createScheduledController, env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../worker/src/index.ts";
import { createStaff, postLogin } from "../fixtures/staff.ts";

/** Moves the account-wide failures into the past, as if the guesser had waited out each delay. */
const waitOut = (username: string) =>
  env.DB.prepare("UPDATE staff_login_failures SET last_failed_at = ?1 WHERE key = ?2 AND locked_until IS NULL")
    .bind(new Date(Date.now() - 61_000).toISOString(), `user:${username}`)
    .run();

/** Ten wrong passwords at the account, each from a different stranger's address, waiting out each delay. */
async function strangersGuess(username: string, prefix: string): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < 10; i++) {
    await waitOut(username);
    statuses.push((await postLogin(username, "wrong-password", `${prefix}.${i + 1}`)).status);
  }
  return statuses;
}

describe("strangers guessing a staff password", () => {
  it("cannot lock the real user out of the client they log in from", async () => {
    const account = await createStaff(env.DB, { role: "town_inspector" });
    expect((await postLogin(account.username, account.password, "10.70.0.1")).status).toBe(200);

    expect(await strangersGuess(account.username, "10.71.0")).toEqual(Array(10).fill(401));
    // the account is now locked for every client it has never logged in from…
    const stranger = await postLogin(account.username, account.password, "10.72.0.1");
    expect(stranger.status).toBe(423);
    // …but not for the real user's own client
    expect((await postLogin(account.username, account.password, "10.70.0.1")).status).toBe(200);
  });

  it("stay slow from every address: after the lock no guess is even checked", async () => {
    const account = await createStaff(env.DB, { role: "town_inspector" });
    await strangersGuess(account.username, "10.73.0");
    for (let i = 0; i < 20; i++) {
      const res = await postLogin(account.username, "wrong-password", `10.74.0.${i + 1}`);
      expect(res.status).toBe(423);
    }
  });

  it("still slow the real user's own client down on its own wrong passwords", async () => {
    const account = await createStaff(env.DB, { role: "town_inspector" });
    expect((await postLogin(account.username, account.password, "10.75.0.1")).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await postLogin(account.username, "typo", "10.75.0.1")).status).toBe(401);
    const slowed = await postLogin(account.username, account.password, "10.75.0.1");
    expect(slowed.status).toBe(429);
    expect(slowed.headers.get("Retry-After")).toBe("5");
    const { results } = await env.DB.prepare("SELECT key FROM staff_login_failures").all<{ key: string }>();
    expect(results.some((r) => r.key.includes("10.75.0.1"))).toBe(false);
    const known = await env.DB.prepare("SELECT key FROM staff_login_clients").all<{ key: string }>();
    expect(known.results.every((r) => /^[0-9a-f]{64}$/.test(r.key))).toBe(true);
  });

  it("a client unused for 90 days is forgotten by the cron, and shares the account's lock again", async () => {
    const account = await createStaff(env.DB, { role: "town_inspector" });
    expect((await postLogin(account.username, account.password, "10.76.0.1")).status).toBe(200);
    const old = new Date(Date.now() - 91 * 24 * 3600_000).toISOString();
    await env.DB.prepare("UPDATE staff_login_clients SET last_login_at = ?1").bind(old).run();
    await worker.scheduled(createScheduledController({ cron: "0 17 * * *" }), env);
    const left = await env.DB.prepare("SELECT COUNT(*) AS n FROM staff_login_clients").first<{ n: number }>();
    expect(left?.n).toBe(0);
    await strangersGuess(account.username, "10.77.0");
    expect((await postLogin(account.username, account.password, "10.76.0.1")).status).toBe(423);
  });
});
