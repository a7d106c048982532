/**
 * Issue 16, for a database that already has staff: migration 0012 rebuilds `staff` to admit the two
 * points roles without losing an account, a session or an audit entry that names one, and the table
 * still refuses a role at the wrong level.
 */
import { applyD1Migrations, env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { seedReference } from "../fixtures/d1.ts";

declare global {
  namespace Cloudflare {
    interface Env {
      MIGRATION_DB: D1Database;
    }
  }
}

describe("migration 0012 over live staff rows", () => {
  it("keeps every account, session and audit entry, and admits the points roles at village level only", async () => {
    const db = env.MIGRATION_DB;
    await applyD1Migrations(
      db,
      env.TEST_MIGRATIONS.filter((m) => m.name < "0012"),
    );
    await seedReference(db);
    await db.batch([
      db.prepare(
        `INSERT INTO staff (id, username, role, scope, password_hash, created_at, password_changed_at, disabled_at)
         VALUES (4, 'demo-qu', 'district_admin', '371603', 'h1', '2026-11-01', '2026-11-01', NULL),
                (9, 'demo-xuwanliang', 'village_secretary', '371603104201', 'h2', '2026-11-01', '2026-11-02', '2026-11-20')`,
      ),
      db.prepare(
        `INSERT INTO staff_sessions (token_hash, staff_id, created_at, last_seen_at, expires_at)
         VALUES ('t', 9, '2026-11-02', '2026-11-02', '2026-11-09')`,
      ),
      db.prepare(
        "INSERT INTO audit_entries (at, actor_id, actor, action) VALUES ('2026-11-02T00:00:00Z', 9, 'demo-xuwanliang', 'login')",
      ),
    ]);
    const before = await db.prepare("SELECT * FROM staff ORDER BY id").all();

    await applyD1Migrations(db, env.TEST_MIGRATIONS);

    expect((await db.prepare("SELECT * FROM staff ORDER BY id").all()).results).toEqual(before.results);
    expect((await db.prepare("SELECT staff_id FROM staff_sessions").first())?.staff_id).toBe(9);
    expect((await db.prepare("SELECT actor_id FROM audit_entries").first())?.actor_id).toBe(9);
    expect((await db.prepare("PRAGMA foreign_key_check").all()).results).toEqual([]);

    const add = (id: number, role: string, scope: string) =>
      db
        .prepare(
          `INSERT INTO staff (id, username, role, scope, password_hash, created_at, password_changed_at)
           VALUES (?1, ?2, ?3, ?4, 'h', '2026-12-01', '2026-12-01')`,
        )
        .bind(id, `u-${id}`, role, scope)
        .run();
    await add(20, "points_admin", "371603104201");
    await add(21, "points_supervisor", "371603104201");
    await expect(add(22, "points_admin", "371603104")).rejects.toThrow(/CHECK constraint failed/);
    await expect(add(23, "points_auditor", "371603104201")).rejects.toThrow(/CHECK constraint failed/);
    // a session of a dropped-and-rebuilt table still cannot point at no account
    await expect(
      db
        .prepare(
          "INSERT INTO staff_sessions (token_hash, staff_id, created_at, last_seen_at, expires_at) VALUES ('u', 99, 'a', 'a', 'a')",
        )
        .run(),
    ).rejects.toThrow(/FOREIGN KEY/);
  });
});
