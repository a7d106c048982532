/**
 * Migrations for the self-hosted database: the files of schema/migrations applied in name order, each in
 * one transaction with its row in `d1_migrations`, the table `wrangler d1 migrations apply` keeps, so a
 * database moved between D1 and SQLite knows which migrations it has.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { DatabaseSync } from "node:sqlite";

/** One migration: its file name and its SQL (as `readD1Migrations` gives them to the tests). */
export interface Migration {
  name: string;
  queries: string[];
}

/**
 * Every `.sql` file of a migrations folder, in order.
 * @example readMigrations("schema/migrations")[0].name // "0001_create_villages_disclosures.sql"
 */
export function readMigrations(dir: string): Migration[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".sql"))
    .sort()
    .map((name) => ({ name, queries: [readFileSync(join(dir, name), "utf8")] }));
}

/**
 * Applies the migrations the database has not seen; returns their names. A failing migration leaves
 * nothing of itself behind.
 * @example applyMigrations(db, readMigrations("schema/migrations")) // ["0001_…", …] the first time, [] after
 */
export function applyMigrations(db: DatabaseSync, migrations: readonly Migration[]): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS d1_migrations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT UNIQUE,
    applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
  )`);
  const seen = new Set((db.prepare("SELECT name FROM d1_migrations").all() as { name: string }[]).map((r) => r.name));
  const applied: string[] = [];
  for (const migration of migrations) {
    if (seen.has(migration.name)) continue;
    db.exec("BEGIN IMMEDIATE");
    try {
      for (const query of migration.queries) db.exec(query);
      db.prepare("INSERT INTO d1_migrations (name) VALUES (?)").run(migration.name);
      db.exec("COMMIT");
    } catch (err) {
      if (db.isTransaction) db.exec("ROLLBACK");
      throw new Error(`migration ${migration.name} failed: ${(err as Error).message}`, { cause: err });
    }
    applied.push(migration.name);
  }
  return applied;
}
