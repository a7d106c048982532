/**
 * Issue 10 item 4: one client must not be able to shut intake for everyone. Clients differ by their
 * `CF-Connecting-IP`; only accepted reports count toward the district-wide ceiling.
 */
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { villages as allVillages } from "#core/reference.ts";
import { countReports, reportBody } from "../fixtures/reports.ts";
import { errorOf, filedOf } from "../fixtures/staff.ts";

const BASE = "https://cunma.test";

function post(village: string, ip: string, key: string = crypto.randomUUID(), body = reportBody()) {
  return SELF.fetch(`${BASE}/api/villages/${village}/reports`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "CF-Connecting-IP": ip, "Idempotency-Key": key },
    body: JSON.stringify(body),
  });
}

const statuses = async (responses: Promise<Response>[]) =>
  (await Promise.all(responses)).map((r) => {
    void r.body?.cancel();
    return r.status;
  });

describe("a flood from one client", () => {
  it("leaves another client's report accepted", async () => {
    const attacker = "203.0.113.66";
    const refused: number[] = [];
    // well beyond the district-wide ceiling of 120 a minute, in waves of 25 concurrent requests
    for (let wave = 0; wave < 7; wave++) {
      refused.push(...(await statuses(Array.from({ length: 25 }, () => post("371603104220", attacker)))));
    }
    expect(refused.filter((s) => s === 201)).toHaveLength(5);
    expect(refused.filter((s) => s === 429)).toHaveLength(170);
    const victim = await post("371603104221", "198.51.100.200");
    expect(victim.status).toBe(201);
    expect(await countReports(env.DB, "371603104221")).toBe(1);
  }, 60_000);

  it("is refused with 429 and Retry-After, exactly at its own limit even when concurrent", async () => {
    const results = await Promise.all(Array.from({ length: 30 }, () => post("371603104222", "203.0.113.67")));
    const codes = results.map((r) => r.status);
    expect(codes.filter((s) => s === 201)).toHaveLength(5);
    const refusal = results.find((r) => r.status === 429) as Response;
    expect(Number(refusal.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = await errorOf(refusal);
    expect(body.error.code).toBe("rate_limited");
    expect(await countReports(env.DB, "371603104222")).toBe(5);
  });
});

describe("the per-client limit", () => {
  it("spans all villages: one client cannot file the limit in every village", async () => {
    const ip = "203.0.113.68";
    const villages = allVillages.slice(0, 30).map((v) => v.code);
    const codes: number[] = [];
    for (const village of villages) codes.push((await post(village, ip)).status);
    const accepted = codes.filter((s) => s === 201).length;
    expect(accepted).toBeGreaterThanOrEqual(5);
    expect(accepted).toBeLessThanOrEqual(10);
    expect(codes.slice(accepted).every((s) => s === 429)).toBe(true);
  });

  it("keys IPv6 clients on their /64", async () => {
    const village = "371603104223";
    for (let i = 1; i <= 5; i++) expect((await post(village, `2001:db8:aa:bb::${i}`)).status).toBe(201);
    expect((await post(village, "2001:0db8:00aa:00bb:ffff:1:2:3")).status).toBe(429);
    expect((await post(village, "2001:db8:aa:bc::1")).status).toBe(201);
  });

  it("gives an accepted submission's retries their receipt back, and does not count them", async () => {
    const ip = "203.0.113.69";
    const village = "371603104224";
    const key = crypto.randomUUID();
    const first = await post(village, ip, key);
    const receipt = (await filedOf(first)).receipt;
    for (let i = 0; i < 8; i++) {
      const retry = await post(village, ip, key);
      expect(retry.status).toBe(201);
      expect((await filedOf(retry)).receipt).toBe(receipt);
    }
    // retries did not use up the limit: four more new reports still go in, then the sixth is refused
    expect(await statuses(Array.from({ length: 4 }, () => post(village, ip)))).toEqual([201, 201, 201, 201]);
    expect((await post(village, ip)).status).toBe(429);
    // and once over the limit, a retry of an accepted submission still gets its receipt
    const late = await post(village, ip, key);
    expect(late.status).toBe(201);
    expect((await filedOf(late)).receipt).toBe(receipt);
    expect(await countReports(env.DB, village)).toBe(5);
  });
});
