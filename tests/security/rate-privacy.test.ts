/**
 * Issue 10 item 8: the rate-limit rows cannot be turned back into addresses. They keep no time of day,
 * they are keyed on a per-day random secret that is destroyed when the day ends, and the cron deletes
 * rows older than a day. Time rules take `now` as an argument, so these tests set the time.
 */
import { createScheduledController, env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../worker/src/index.ts";
import { admitReport, intakeLimits, pruneRateLimits } from "../../worker/src/reports/rate-limit.ts";
import { reportBody } from "../fixtures/reports.ts";

const BASE = "https://cunma.test";
const limits = intakeLimits(env);
/** China time 2020-03-01 10:20 */
const day1 = new Date("2020-03-01T02:20:00Z");
const day2 = new Date("2020-03-02T02:20:00Z");
const day3 = new Date("2020-03-03T02:20:00Z");

const secretDays = async () =>
  (await env.DB.prepare("SELECT day FROM daily_secrets ORDER BY day").all<{ day: string }>()).results.map((r) => r.day);

/**
 * Every value in every table the application owns, as one string. Signed checkpoints are left out: their
 * time is when the chains were read, and a report grows no chain, so it says nothing of any submission.
 */
async function dumpAll(): Promise<string> {
  const tables = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT LIKE 'd1_%' AND name <> 'checkpoints'",
  ).all<{ name: string }>();
  const rows = await Promise.all(
    tables.results.map(async ({ name }) => (await env.DB.prepare(`SELECT * FROM "${name}"`).all()).results),
  );
  return JSON.stringify(rows);
}

describe("stored rate-limit rows", () => {
  it("hold no address and no hour or minute, for IPv4 and IPv6 clients alike", async () => {
    for (const ip of ["203.0.113.91", "2001:db8:77:1::5"]) {
      const response = await SELF.fetch(`${BASE}/api/villages/371603104230/reports`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "CF-Connecting-IP": ip },
        body: JSON.stringify(reportBody()),
      });
      expect(response.status).toBe(201);
    }
    await SELF.fetch(`${BASE}/api/reports/0000000000000000`, { headers: { "CF-Connecting-IP": "203.0.113.91" } });
    const dump = await dumpAll();
    for (const trace of ["203.0.113.91", "2001:db8:77", "203.0.113", "2001:db8"]) expect(dump).not.toContain(trace);
    expect(dump).not.toMatch(/\d{4}-\d{2}-\d{2}[T ]\d{2}/);
    expect(dump).not.toMatch(/\b\d{2}:\d{2}\b/);
  });
});

describe("the per-day secret", () => {
  it("is made on first use of the day and the past day's secret is destroyed when a new one is made", async () => {
    await admitReport(env.DB, "192.0.2.50", "371603104241", limits, day1);
    expect(await secretDays()).toContain("2020-03-01");
    const [{ secret } = { secret: "" }] = (
      await env.DB.prepare("SELECT secret FROM daily_secrets WHERE day = '2020-03-01'").all<{ secret: string }>()
    ).results;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    await admitReport(env.DB, "192.0.2.50", "371603104241", limits, day2);
    expect(await secretDays()).not.toContain("2020-03-01");
    expect(await secretDays()).toContain("2020-03-02");
  });

  it("keys the same client differently on different days", async () => {
    // five reports on day 1 use up the client's limit for that village; the next day starts afresh
    for (let i = 0; i < 5; i++) await admitReport(env.DB, "192.0.2.51", "371603104242", limits, day1);
    await expect(admitReport(env.DB, "192.0.2.51", "371603104242", limits, day1)).rejects.toMatchObject({
      status: 429,
    });
    await expect(admitReport(env.DB, "192.0.2.51", "371603104242", limits, day2)).resolves.toBeDefined();
  });
});

describe("the cron", () => {
  it("destroys the past day's secret and deletes rows older than a day", async () => {
    await admitReport(env.DB, "192.0.2.52", "371603104243", limits, day2);
    const before = await env.DB.prepare("SELECT COUNT(*) AS n FROM intake_counts WHERE day = '2020-03-02'").first<{
      n: number;
    }>();
    expect(before?.n).toBeGreaterThan(0);
    await pruneRateLimits(env.DB, day3);
    expect(await secretDays()).not.toContain("2020-03-02");
    const after = await env.DB.prepare("SELECT COUNT(*) AS n FROM intake_counts WHERE day <= '2020-03-02'").first<{
      n: number;
    }>();
    expect(after?.n).toBe(0);
  });

  it("is wired into the daily scheduled handler", async () => {
    await admitReport(env.DB, "192.0.2.53", "371603104244", limits, day1);
    await worker.scheduled(createScheduledController({ cron: "0 17 * * *" }), env);
    expect(await secretDays()).not.toContain("2020-03-01");
    const old = await env.DB.prepare("SELECT COUNT(*) AS n FROM intake_counts WHERE day < '2021-01-01'").first<{
      n: number;
    }>();
    expect(old?.n).toBe(0);
  });
});

describe("the district-wide ceiling, with the time set", () => {
  const limits = { ...intakeLimits(env), perMinute: 12 };
  const at = new Date("2020-03-05T02:20:10Z");
  const clients = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}.${i + 1}`);

  it("counts only accepted reports, refuses beyond it until the minute turns", async () => {
    // a client over its own limit hammers first: none of its refused attempts count
    for (let i = 0; i < 5; i++) await admitReport(env.DB, "198.18.0.1", "371603104245", limits, at);
    for (let i = 0; i < 3 * limits.perMinute; i++) {
      await expect(admitReport(env.DB, "198.18.0.1", "371603104245", limits, at)).rejects.toMatchObject({
        status: 429,
      });
    }
    const others = clients(limits.perMinute - 5, "198.18.1");
    for (const client of others) await admitReport(env.DB, client, "371603104246", limits, at);
    const refused = admitReport(env.DB, "198.18.2.1", "371603104246", limits, at);
    await expect(refused).rejects.toMatchObject({ status: 429, retryAfter: 50 });
    await expect(
      admitReport(env.DB, "198.18.2.1", "371603104246", limits, new Date(at.getTime() + 50_000)),
    ).resolves.toBeDefined();
  });

  it("gives the slot back when the report was not stored after all", async () => {
    const minute = new Date("2020-03-06T02:20:00Z");
    for (let i = 0; i < 5; i++) {
      const admission = await admitReport(env.DB, "198.18.3.1", "371603104247", limits, minute);
      await admission.release();
    }
    await expect(admitReport(env.DB, "198.18.3.1", "371603104247", limits, minute)).resolves.toBeDefined();
  });
});
