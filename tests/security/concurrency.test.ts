/**
 * Issue 10, item 6: staff working at the same time, under a flood of bad logins, never get a 5xx, and
 * every write they make is in the audit log exactly once, in a chain that verifies.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { fileReport, staffGet, staffPost } from "../fixtures/cases.ts";
import { createStaff, loginAs, postLogin } from "../fixtures/staff.ts";

const town = "371603104";
const villages = ["371603104201", "371603104202"];

/** How many audit rows each `action target` pair has. */
async function auditCounts(): Promise<Map<string, number>> {
  const { results } = await env.DB.prepare(
    "SELECT action || ' ' || target AS key, COUNT(*) AS n FROM audit_log WHERE target LIKE 'report:%' GROUP BY key",
  ).all<{ key: string; n: number }>();
  return new Map(results.map((r) => [r.key, r.n]));
}

describe("concurrent staff work", () => {
  it("gets no 5xx under a flood of bad logins, and every write is audited exactly once", async () => {
    const inspectors = [
      await loginAs(env.DB, { role: "town_inspector", scope: town }),
      await loginAs(env.DB, { role: "town_inspector", scope: town }),
    ];
    const victim = await createStaff(env.DB, { role: "town_inspector", scope: town });
    const cases = await Promise.all([0, 1, 2, 3].map((i) => fileReport(villages[i % 2] as string)));

    // 4 cases × (1 triage + 15 notes) = 64 writes by two inspectors, all at once
    const writes = cases.flatMap(({ id }, c) => [
      { key: `report_triage report:${id}`, path: `/api/staff/reports/${id}/triage`, body: { route: "village" } },
      ...Array.from({ length: 15 }, (_, n) => ({
        key: `report_note report:${id}`,
        path: `/api/staff/reports/${id}/notes`,
        body: { note: `并发备注 ${c}-${n}` },
      })),
    ]);
    expect(writes).toHaveLength(64);
    const logins = Array.from({ length: 200 }, (_, i) =>
      postLogin(i % 2 ? victim.username : `nobody-${i}`, "wrong-password", `10.66.${i % 7}.${i % 250}`),
    );
    const [staffResults, loginResults] = await Promise.all([
      Promise.all(
        writes.map(async (w, i) => {
          const res = await staffPost(inspectors[i % 2]?.cookie, w.path, w.body);
          return { ...w, status: res.status, text: await res.text() };
        }),
      ),
      Promise.all(logins.map(async (p) => (await p).status)),
    ]);

    const failed = staffResults.filter((r) => r.status >= 500).map((r) => `${r.status} ${r.path} ${r.text}`);
    expect(failed).toEqual([]);
    expect(loginResults.filter((s) => s >= 500)).toEqual([]);
    expect(new Set(loginResults)).toEqual(new Set([401, 429, 423].filter((s) => loginResults.includes(s))));
    // notes never conflict with each other; a triage may only be refused as a state change (409)
    expect(staffResults.filter((r) => r.path.endsWith("/notes") && r.status !== 200)).toEqual([]);
    expect(staffResults.every((r) => r.status === 200 || r.status === 409)).toBe(true);

    const done = new Map<string, number>();
    for (const r of staffResults) if (r.status === 200) done.set(r.key, (done.get(r.key) ?? 0) + 1);
    expect(await auditCounts()).toEqual(done);

    for (const { id } of cases) {
      const notes = await env.DB.prepare("SELECT COUNT(*) AS n FROM report_events WHERE report_id = ?1 AND kind = 'note'")
        .bind(id)
        .first<{ n: number }>();
      expect(notes?.n).toBe(15);
    }

    const admin = await loginAs(env.DB, { role: "district_admin" });
    const verify = (await (await staffGet(admin.cookie, "/api/staff/audit/verify")).json()) as {
      valid: boolean;
      length: number;
    };
    const total = await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_log").first<{ n: number }>();
    expect(verify).toMatchObject({ valid: true, length: total?.n });
  });

  it("eight notes at once on one case all land, each audited once", async () => {
    const { cookie } = await loginAs(env.DB, { role: "town_inspector", scope: town });
    const { id } = await fileReport(villages[0] as string);
    const statuses = await Promise.all(
      Array.from({ length: 8 }, async (_, i) => (await staffPost(cookie, `/api/staff/reports/${id}/notes`, { note: `第${i}条` })).status),
    );
    expect(statuses).toEqual(Array(8).fill(200));
    expect((await auditCounts()).get(`report_note report:${id}`)).toBe(8);
  });
});
