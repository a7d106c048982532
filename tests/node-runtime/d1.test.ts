/**
 * The D1 behaviour the worker relies on, run against both runtimes (the `worker` project's D1 in workerd
 * and the `worker-node` project's node:sqlite binding): result shapes, batches all or nothing, foreign
 * keys on, and error messages the worker matches with regexes.
 */
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";

const db = env.DB;

beforeAll(async () => {
  await db.batch([
    db.prepare("CREATE TABLE IF NOT EXISTS contract_parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)"),
    db.prepare(
      `CREATE TABLE IF NOT EXISTS contract_child (
         id INTEGER PRIMARY KEY,
         parent_id INTEGER NOT NULL REFERENCES contract_parent (id),
         state TEXT NOT NULL CHECK (state IN ('open', 'closed')),
         data BLOB
       )`,
    ),
  ]);
});

describe("D1 results", () => {
  it("run gives changes and last_row_id; all gives rows; first gives a row, a column or null", async () => {
    const inserted = await db.prepare("INSERT INTO contract_parent (name) VALUES (?1)").bind("甲").run();
    expect(inserted).toMatchObject({ success: true, meta: { changes: 1, last_row_id: expect.any(Number) } });
    const id = inserted.meta.last_row_id;
    const all = await db.prepare("SELECT id, name FROM contract_parent WHERE id = ?1").bind(id).all();
    expect(all).toMatchObject({ success: true, results: [{ id, name: "甲" }] });
    expect(await db.prepare("SELECT name FROM contract_parent WHERE id = ?").bind(id).first()).toEqual({ name: "甲" });
    expect(await db.prepare("SELECT name FROM contract_parent WHERE id = ?1").bind(id).first("name")).toBe("甲");
    expect(await db.prepare("SELECT name FROM contract_parent WHERE id = -1").first()).toBeNull();
    const read = await db.prepare("SELECT * FROM contract_parent").run();
    expect(read.meta.changes).toBe(0);
  });

  it("raw gives arrays, with the column names first when asked", async () => {
    const raw = await db.prepare("SELECT 1 AS one, 'x' AS two").raw({ columnNames: true });
    expect(raw).toEqual([
      ["one", "two"],
      [1, "x"],
    ]);
    expect(await db.prepare("SELECT 1 AS one").raw()).toEqual([[1]]);
  });

  it("RETURNING rows come back from run and first, booleans bind as 0/1, and null stays null", async () => {
    const row = await db
      .prepare("INSERT INTO contract_parent (name) VALUES (?1) RETURNING id, ?2 AS flag, ?3 AS empty")
      .bind("乙", true, null)
      .first<{ id: number; flag: number; empty: null }>();
    expect(row).toEqual({ id: expect.any(Number), flag: 1, empty: null });
  });

  it("refuses an undefined binding at bind()", () => {
    expect(() => db.prepare("SELECT ?1 AS v").bind(undefined)).toThrow(/D1_TYPE_ERROR/);
  });
});

describe("D1 batches and constraints", () => {
  it("a batch is all or nothing", async () => {
    const before = await db.prepare("SELECT COUNT(*) AS n FROM contract_parent").first<number>("n");
    await expect(
      db.batch([
        db.prepare("INSERT INTO contract_parent (name) VALUES ('丙')"),
        db.prepare("INSERT INTO contract_parent (name) VALUES ('丙')"),
      ]),
    ).rejects.toThrow(/UNIQUE constraint failed: contract_parent\.name/);
    expect(await db.prepare("SELECT COUNT(*) AS n FROM contract_parent").first<number>("n")).toBe(before);
    const results = await db.batch([
      db.prepare("INSERT INTO contract_parent (name) VALUES ('丁') RETURNING id"),
      db.prepare("SELECT name FROM contract_parent WHERE name = '丁'"),
    ]);
    expect(results.map((r) => r.results)).toEqual([[{ id: expect.any(Number) }], [{ name: "丁" }]]);
    expect(results[0]?.meta.changes).toBe(1);
  });

  it("words CHECK and FOREIGN KEY failures as SQLite does, with foreign keys enforced", async () => {
    const parent = await db
      .prepare("INSERT INTO contract_parent (name) VALUES ('戊') RETURNING id")
      .first<number>("id");
    await expect(
      db.prepare("INSERT INTO contract_child (parent_id, state) VALUES (?1, 'lost')").bind(parent).run(),
    ).rejects.toThrow(/CHECK constraint failed/);
    await expect(
      db.prepare("INSERT INTO contract_child (parent_id, state) VALUES (999999, 'open')").run(),
    ).rejects.toThrow(/FOREIGN KEY constraint failed/);
  });

  it("a trigger's RAISE message reaches the caller", async () => {
    await db
      .prepare(
        "CREATE TRIGGER IF NOT EXISTS contract_guard BEFORE DELETE ON contract_parent BEGIN SELECT RAISE(ABORT, 'contract_parent is append-only'); END",
      )
      .run();
    await expect(db.prepare("DELETE FROM contract_parent").run()).rejects.toThrow(/contract_parent is append-only/);
  });

  it("defers foreign keys inside a batch when asked, as migrations do", async () => {
    await db.batch([
      db.prepare("PRAGMA defer_foreign_keys = on"),
      db.prepare("INSERT INTO contract_child (id, parent_id, state) VALUES (900001, 900001, 'open')"),
      db.prepare("INSERT INTO contract_parent (id, name) VALUES (900001, '己')"),
    ]);
    expect(await db.prepare("SELECT parent_id FROM contract_child WHERE id = 900001").first("parent_id")).toBe(900001);
  });
});
