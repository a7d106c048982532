/**
 * Issue 10, item 3, on a real local D1 through wrangler, as a deployment upgrades: a database at migration
 * 0005 with cases in it takes migration 0006 (`wrangler d1 migrations apply`) without losing a row, and
 * `npm run seed` then hashes the plain receipts and keys it left in the legacy columns.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { towns, villages } from "#core/reference.ts";
import { dammDigit, intakeKey, receiptHash } from "#core/report.ts";
import { executeSql, migrate, query, root, withD1 } from "../../scripts/wrangler.ts";
import { referenceStatements, upgradeLegacyRows } from "../../worker/src/scripting.ts";

let persistTo: string;
const receipt = (digits: string) => digits + String(dammDigit(digits));
const OLD = [receipt("444444444444444"), receipt("555555555555555")];

beforeAll(async () => {
  persistTo = mkdtempSync(join(tmpdir(), "cunma-receipts-"));
  const dir = join(root, "schema", "migrations");
  const before = readdirSync(dir).filter((f) => f.endsWith(".sql") && f < "0006");
  const sql = before.map((f) => readFileSync(join(dir, f), "utf8")).join("\n");
  executeSql(
    `${sql}
CREATE TABLE d1_migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE, applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL);
INSERT INTO d1_migrations (name) VALUES ${before.map((f) => `('${f}')`).join(", ")};`,
    { persistTo },
  );
  await withD1({ persistTo }, async (db) => void (await db.batch(referenceStatements(db, towns, villages))));
  executeSql(
    `INSERT INTO reports (id, receipt, village_code, kind, topic, content, idempotency_key, body_hash, state, queue, received_on)
VALUES (1, '${OLD[0]}', '371603104201', 'question', 'affairs', '村里的账什么时候公开？', 'old-key-1', 'h', 'received', 'village', '2026-11-02'),
       (2, '${OLD[1]}', '371603104201', 'request', 'livelihood', '路灯坏了，请修一下。', 'old-key-2', 'h', 'received', 'village', '2026-11-03');
INSERT INTO report_events (report_id, kind, public, body, actor, on_date) VALUES (1, 'received', 1, NULL, 'villager', '2026-11-02');`,
    { persistTo },
  );
});
afterAll(() => rmSync(persistTo, { recursive: true, force: true }));

describe("upgrading a database that holds cases", { timeout: 300_000 }, () => {
  it("migration 0006 keeps every row, and seeding hashes the legacy receipts and keys", async () => {
    migrate({ persistTo });
    const copied = query<{ id: number; legacy_receipt: string; receipt_hash: string | null }>(
      "SELECT id, legacy_receipt, receipt_hash FROM reports ORDER BY id",
      { persistTo },
    );
    expect(copied).toEqual([
      { id: 1, legacy_receipt: OLD[0], receipt_hash: null },
      { id: 2, legacy_receipt: OLD[1], receipt_hash: null },
    ]);
    expect(query<{ n: number }>("SELECT COUNT(*) AS n FROM report_events", { persistTo })[0]?.n).toBe(1);

    expect(await withD1({ persistTo }, upgradeLegacyRows)).toBe(2);
    const rows = query<{ receipt_hash: string; idempotency_hash: string; legacy_receipt: string | null }>(
      "SELECT receipt_hash, idempotency_hash, legacy_receipt FROM reports ORDER BY id",
      { persistTo },
    );
    expect(rows).toEqual([
      {
        receipt_hash: await receiptHash(OLD[0] as string),
        idempotency_hash: (await intakeKey("old-key-1")).hash,
        legacy_receipt: null,
      },
      {
        receipt_hash: await receiptHash(OLD[1] as string),
        idempotency_hash: (await intakeKey("old-key-2")).hash,
        legacy_receipt: null,
      },
    ]);
    expect(await withD1({ persistTo }, upgradeLegacyRows)).toBe(0);
  });
});
