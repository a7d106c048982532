/**
 * Issue 10, item 6: staff working at the same time, under a flood of bad logins, never get a 5xx, and
 * every write they make is in the audit log exactly once, in a chain that verifies.
 */
import { createScheduledController, env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { recordAudit } from "../../worker/src/audit/queries.ts";
import worker from "../../worker/src/index.ts";
import { fileReport, staffPost } from "../fixtures/cases.ts";
import { answered, createStaff, loginAs, postLogin, staffClient } from "../fixtures/staff.ts";

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
      const notes = await env.DB.prepare(
        "SELECT COUNT(*) AS n FROM report_events WHERE report_id = ?1 AND kind = 'note'",
      )
        .bind(id)
        .first<{ n: number }>();
      expect(notes?.n).toBe(15);
    }

    const admin = await loginAs(env.DB, { role: "district_admin" });
    const verify = await answered(staffClient(admin.cookie).api.staff.audit.verify.$get());
    const total = await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_log").first<{ n: number }>();
    expect(verify).toMatchObject({ valid: true, length: total?.n });
  }, 120_000);

  it("eight notes at once on one case all land, each audited once", async () => {
    const { cookie } = await loginAs(env.DB, { role: "town_inspector", scope: town });
    const { id } = await fileReport(villages[0] as string);
    const statuses = await Promise.all(
      Array.from(
        { length: 8 },
        async (_, i) => (await staffPost(cookie, `/api/staff/reports/${id}/notes`, { note: `第${i}条` })).status,
      ),
    );
    expect(statuses).toEqual(Array(8).fill(200));
    expect((await auditCounts()).get(`report_note report:${id}`)).toBe(8);
  });

  it("keeps entries append-only, refuses links that do not seal the next entry, and verify names a changed entry", async () => {
    const admin = await loginAs(env.DB, { role: "district_admin" });
    await expect(env.DB.prepare("DELETE FROM audit_entries").run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare("UPDATE audit_entries SET actor = 'x'").run()).rejects.toThrow(/append-only/);
    const head = await env.DB.prepare("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").first<{
      seq: number;
      hash: string;
    }>();
    const forged = env.DB.prepare(
      `INSERT INTO audit_log (seq, at, actor_id, actor, action, target, detail, entry_id, prev_hash, hash)
       VALUES (?1, '2026-01-01T00:00:00.000Z', NULL, 'cli', 'forged', NULL, NULL, ?2, ?3, ?4)`,
    );
    await expect(forged.bind((head?.seq ?? 0) + 1, null, head?.hash, "f".repeat(64)).run()).rejects.toThrow(/seal/);
    await expect(forged.bind((head?.seq ?? 0) + 1, 1, head?.hash, "f".repeat(64)).run()).rejects.toThrow(/seal/);

    const victim = await env.DB.prepare(
      "SELECT seq, entry_id, actor FROM audit_log WHERE action = 'login' AND entry_id IS NOT NULL ORDER BY seq LIMIT 1",
    ).first<{ seq: number; entry_id: number; actor: string }>();
    await env.DB.exec("DROP TRIGGER audit_entries_append_only_update");
    await env.DB.prepare("UPDATE audit_entries SET actor = 'someone-else' WHERE id = ?1").bind(victim?.entry_id).run();
    const verify = () => answered(staffClient(admin.cookie).api.staff.audit.verify.$get());
    expect(await verify()).toMatchObject({ valid: false, brokenAt: { seq: victim?.seq, reason: "entry_mismatch" } });
    await env.DB.prepare("UPDATE audit_entries SET actor = ?2 WHERE id = ?1")
      .bind(victim?.entry_id, victim?.actor)
      .run();
    await env.DB.exec(
      "CREATE TRIGGER audit_entries_append_only_update BEFORE UPDATE ON audit_entries BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END;",
    );
    expect(await verify()).toMatchObject({ valid: true });
  });

  it("seals an entry nobody sealed yet when the cron runs", async () => {
    await env.DB.batch([await recordAudit(env.DB, { action: "cron_test", actorId: null, actor: "cli" })]);
    const sealed = () =>
      env.DB.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'cron_test'").first<{ n: number }>();
    expect((await sealed())?.n).toBe(0);
    await worker.scheduled(createScheduledController({ cron: "0 17 * * *" }), env);
    expect((await sealed())?.n).toBe(1);
  });
});
