/**
 * Issue 10, item 3, for a database that already holds cases: migration 0006 rebuilds `reports` without
 * losing a row or a link, keeping the plain receipt and key only in legacy columns, and the worker's first
 * receipt lookup hashes them and clears those columns. The villager's old receipt keeps working, and a
 * retry of an old submission still gets its receipt back.
 */
import { applyD1Migrations, env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { dammDigit, intakeKey, receiptHash } from "#core/report.ts";
import { publicReport, reportByKey, upgradeLegacyRows } from "../../worker/src/reports/queries.ts";
import { seedReference } from "../fixtures/d1.ts";

declare global {
  namespace Cloudflare {
    interface Env {
      MIGRATION_DB: D1Database;
    }
  }
}

const VILLAGE = "371603104201";
const receipt = (digits: string) => digits + String(dammDigit(digits));
const OLD = {
  question: receipt("111111111111111"),
  duplicate: receipt("222222222222222"),
  asked: receipt("333333333333333"),
};

describe("migration 0006 over live rows", () => {
  it("keeps every case and link, then the first lookup hashes the receipts and clears them", async () => {
    const db = env.MIGRATION_DB;
    await applyD1Migrations(
      db,
      env.TEST_MIGRATIONS.filter((m) => m.name < "0006"),
    );
    await seedReference(db);
    const insert = (id: number, r: string, key: string, source: string, mergedInto: number | null) =>
      db
        .prepare(
          `INSERT INTO reports (id, receipt, village_code, kind, topic, content, source, idempotency_key, body_hash,
                                state, queue, merged_into, received_on)
           VALUES (?1, ?2, ?3, 'question', 'affairs', '村里的账什么时候公开？', ?4, ?5, 'h', 'received', 'village', ?6, '2026-11-02')`,
        )
        .bind(id, r, VILLAGE, source, key, mergedInto);
    await db.batch([
      insert(1, OLD.question, "old-key-question", "web", null),
      insert(2, OLD.duplicate, "old-key-duplicate", "web", 1),
      insert(3, OLD.asked, "old-key-meeting", "meeting", null),
      db.prepare(
        `INSERT INTO report_events (report_id, kind, public, body, actor, on_date)
         VALUES (1, 'received', 1, NULL, 'villager', '2026-11-02'), (2, 'merged', 1, NULL, 'qu', '2026-11-03')`,
      ),
      db
        .prepare(
          `INSERT INTO meetings (id, village_code, quarter, held_on, place, attendees, recorded_by, recorded_at)
         VALUES (7, ?1, '2026-Q4', '2026-11-02', '村委会', 20, 'demo-xuwanliang', '2026-11-02T08:00:00Z')`,
        )
        .bind(VILLAGE),
      db.prepare("INSERT INTO meeting_questions (meeting_id, report_id) VALUES (7, 3)"),
    ]);

    await applyD1Migrations(db, env.TEST_MIGRATIONS);

    const copied = await db
      .prepare(
        "SELECT id, receipt_hash, legacy_receipt, legacy_idempotency_key, merged_into, filed_by FROM reports ORDER BY id",
      )
      .all();
    expect(copied.results).toEqual([
      {
        id: 1,
        receipt_hash: null,
        legacy_receipt: OLD.question,
        legacy_idempotency_key: "old-key-question",
        merged_into: null,
        filed_by: null,
      },
      {
        id: 2,
        receipt_hash: null,
        legacy_receipt: OLD.duplicate,
        legacy_idempotency_key: "old-key-duplicate",
        merged_into: 1,
        filed_by: null,
      },
      {
        id: 3,
        receipt_hash: null,
        legacy_receipt: OLD.asked,
        legacy_idempotency_key: "old-key-meeting",
        merged_into: null,
        filed_by: "demo-xuwanliang",
      },
    ]);
    expect((await db.prepare("SELECT COUNT(*) AS n FROM report_events").first<{ n: number }>())?.n).toBe(2);
    expect((await db.prepare("PRAGMA foreign_key_check").all()).results).toEqual([]);

    expect(await upgradeLegacyRows(db)).toBe(3);
    const dump = JSON.stringify((await db.prepare("SELECT * FROM reports").all()).results);
    for (const r of Object.values(OLD)) {
      expect(dump).not.toContain(r);
      const seen = await publicReport(db, { receipt: r, hash: await receiptHash(r) });
      expect(seen?.village).toBe(VILLAGE);
    }
    expect(dump).not.toContain("old-key-question");
    // a retry of the old submission still gets the villager's receipt back
    const key = await intakeKey("old-key-question");
    const earlier = await reportByKey(db, key.hash);
    expect(key.unseal(earlier?.receiptSealed as string)).toBe(OLD.question);
    // nothing is left to hash
    expect(await upgradeLegacyRows(db)).toBe(0);
  });
});
