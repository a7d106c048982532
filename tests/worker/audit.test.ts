import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { recordAudit, runAudited, sealAudit } from "../../worker/src/audit/queries.ts";
import { loginAs, postLogin, staffHeaders, TEST_ORIGIN } from "../fixtures/staff.ts";

interface Verify {
  valid: boolean;
  length: number;
  head: string;
  brokenAt?: { seq: number; reason: string };
}
interface Page {
  total: number;
  entries: { seq: number; actor: string; action: string; target: string | null; hash: string }[];
  nextBefore: number | null;
}

const get = (cookie: string, path: string) => SELF.fetch(`${TEST_ORIGIN}${path}`, { headers: staffHeaders(cookie) });
const verify = async (cookie: string) => (await (await get(cookie, "/api/staff/audit/verify")).json()) as Verify;

describe("the audit log", () => {
  it("records logins, failed logins and logouts, newest first, for the district admin only", async () => {
    const inspector = await loginAs(env.DB, { role: "town_inspector" });
    await postLogin(inspector.staff.username, "wrong-password", "10.9.0.1");
    await SELF.fetch(`${TEST_ORIGIN}/api/staff/logout`, { method: "POST", headers: staffHeaders(inspector.cookie) });
    const admin = await loginAs(env.DB, { role: "district_admin" });

    const res = await get(admin.cookie, "/api/staff/audit?limit=4");
    expect(res.status).toBe(200);
    const page = (await res.json()) as Page;
    expect(page.entries.map((e) => [e.action, e.actor, e.target])).toEqual([
      ["login", admin.staff.username, `staff:${admin.staff.username}`],
      ["logout", inspector.staff.username, null],
      ["login_failed", "anonymous", `staff:${inspector.staff.username}`],
      ["login", inspector.staff.username, `staff:${inspector.staff.username}`],
    ]);
    expect(page.total).toBeGreaterThanOrEqual(4);
    const older = (await (
      await get(admin.cookie, `/api/staff/audit?before=${page.nextBefore}&limit=4`)
    ).json()) as Page;
    expect(older.entries.every((e) => e.seq < (page.nextBefore as number))).toBe(true);

    expect((await get(admin.cookie, "/api/staff/audit?limit=0")).status).toBe(400);
    for (const role of ["town_inspector", "village_secretary"] as const) {
      const other = await loginAs(env.DB, { role });
      for (const path of ["/api/staff/audit", "/api/staff/audit/verify"]) {
        const refused = await get(other.cookie, path);
        expect(refused.status, `${role} ${path}`).toBe(403);
        expect(await refused.json()).toEqual({ error: { code: "forbidden", message: "您的账号没有这项权限。" } });
      }
    }
  });

  it("refuses UPDATE and DELETE at the database", async () => {
    await loginAs(env.DB, { role: "town_inspector" });
    await expect(env.DB.prepare("UPDATE audit_log SET actor = 'x' WHERE seq = 1").run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare("DELETE FROM audit_log WHERE seq = 1").run()).rejects.toThrow(/append-only/);
  });

  it("lands with its action or not at all, and concurrent writers each get their own link, never a conflict", async () => {
    const before = await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_log").first<{ n: number }>();
    const entry = { action: "test_action", actorId: null, actor: "cli" };
    await expect(
      env.DB.batch([
        env.DB.prepare("INSERT INTO towns (code, name) VALUES ('x', 'bad')"),
        await recordAudit(env.DB, entry),
      ]),
    ).rejects.toThrow();
    // an entry prepared before five others landed still lands: its place is taken when it is written
    const early = await recordAudit(env.DB, entry);
    await Promise.all(Array.from({ length: 5 }, () => runAudited(env.DB, entry, [])));
    await env.DB.batch([early]);
    await sealAudit(env.DB);
    const after = await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_log").first<{ n: number }>();
    expect((after?.n ?? 0) - (before?.n ?? 0)).toBe(6);
  });

  it("verifies, and names the row an attacker with database access changed", async () => {
    const admin = await loginAs(env.DB, { role: "district_admin" });
    const intact = await verify(admin.cookie);
    const { n, head } = (await env.DB.prepare(
      "SELECT COUNT(*) AS n, (SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1) AS head FROM audit_log",
    ).first<{ n: number; head: string }>()) as { n: number; head: string };
    expect(intact).toEqual({ valid: true, length: n, head });

    const victim = await env.DB.prepare(
      "SELECT seq, actor FROM audit_log WHERE action = 'login' ORDER BY seq LIMIT 1",
    ).first<{ seq: number; actor: string }>();
    const seq = victim?.seq as number;
    await env.DB.exec("DROP TRIGGER audit_log_append_only_update");
    await env.DB.prepare("UPDATE audit_log SET actor = 'someone-else' WHERE seq = ?1").bind(seq).run();
    const tampered = await verify(admin.cookie);
    expect(tampered.valid).toBe(false);
    expect(tampered.brokenAt).toEqual({ seq, reason: "hash_mismatch" });
    expect(tampered.length).toBe(n);

    // an attacker who also recomputes that row's hash is caught by the next link
    await env.DB.prepare("UPDATE audit_log SET hash = ?1 WHERE seq = ?2").bind("f".repeat(64), seq).run();
    const relinked = await verify(admin.cookie);
    expect(relinked.brokenAt?.seq).toBe(seq);

    // put it back and restore the trigger: the chain verifies again
    await env.DB.prepare(
      "UPDATE audit_log SET actor = ?1, hash = (SELECT prev_hash FROM audit_log WHERE seq = ?2 + 1) WHERE seq = ?2",
    )
      .bind(victim?.actor, seq)
      .run();
    await env.DB.exec(
      "CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;",
    );
    expect((await verify(admin.cookie)).valid).toBe(true);
  });
});
