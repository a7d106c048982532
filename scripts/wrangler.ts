/**
 * The D1 the scripts work on: {@link withD1} opens the `DB` binding through wrangler's getPlatformProxy()
 * (the same local state as `wrangler dev`, or the deployed database with `remote`), so the seed, staff and
 * verify scripts run the worker's own query functions on a real binding. Migrations, and the raw SQL
 * helpers the tests use to tamper with a database, run the project's own wrangler (node_modules/.bin).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getPlatformProxy, unstable_readConfig as readConfig } from "wrangler";

import { root, wranglerBin } from "./lib/paths.ts";

export { root, wranglerBin };

export interface D1Target {
  /** Directory of the local state (`--persist-to`); default `.wrangler/state`. */
  persistTo?: string;
  /** Use the deployed database instead of the local one. */
  remote?: boolean;
}

/**
 * Runs `start` with wrangler's own notes (such as which .dev.vars it read) kept off stdout, where the
 * scripts print their results; the setting is put back after, so wrangler commands spawned later (whose
 * --json output is such a note) still print.
 */
async function quietly<T>(start: () => Promise<T>): Promise<T> {
  const before = process.env.WRANGLER_LOG;
  process.env.WRANGLER_LOG = "warn";
  try {
    return await start();
  } finally {
    if (before === undefined) delete process.env.WRANGLER_LOG;
    else process.env.WRANGLER_LOG = before;
  }
}

/** Whether `d1` is already a binding (a caller passed its own) rather than where to find one. */
const isBinding = (d1: D1Target | D1Database): d1 is D1Database => typeof (d1 as D1Database).prepare === "function";

/**
 * A configuration naming only the deployed `DB` as a remote binding (wrangler's remote bindings), so a
 * platform proxy reaches the deployed database; written to `dir`, with wrangler.toml's database id.
 */
function remoteConfig(dir: string): string {
  const config = readConfig({ config: join(root, "wrangler.toml") });
  const file = join(dir, "wrangler.json");
  const [db] = config.d1_databases;
  writeFileSync(
    file,
    JSON.stringify({
      name: config.name,
      compatibility_date: config.compatibility_date,
      d1_databases: [{ binding: "DB", database_name: db?.database_name, database_id: db?.database_id, remote: true }],
    }),
  );
  return file;
}

/**
 * Runs `work` with the target's `DB` binding (or with `d1` itself when it already is one), then closes it.
 * @example const n = await withD1({ persistTo: "/tmp/state" }, (db) => disclosureCount(db));
 */
export async function withD1<T>(d1: D1Target | D1Database, work: (db: D1Database) => Promise<T>): Promise<T> {
  if (isBinding(d1)) return work(d1);
  const dir = d1.remote ? mkdtempSync(join(tmpdir(), "cunma-remote-")) : null;
  const proxy = await quietly(() =>
    getPlatformProxy<{ DB: D1Database }>(
      dir
        ? { configPath: remoteConfig(dir), persist: false }
        : {
            configPath: join(root, "wrangler.toml"),
            persist: { path: join(d1.persistTo ?? join(root, ".wrangler", "state"), "v3") },
            envFiles: [],
          },
    ),
  );
  try {
    return await work(proxy.env.DB);
  } finally {
    await proxy.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

const targetArgs = (target: D1Target) =>
  target.remote ? ["--remote"] : ["--local", ...(target.persistTo ? ["--persist-to", target.persistTo] : [])];

/**
 * Runs wrangler with `args`, returning stdout; throws with stderr when it fails.
 * @example wrangler(["d1", "migrations", "apply", "DB", "--local"])
 */
export function wrangler(args: string[]): string {
  const run = spawnSync(wranglerBin, args, {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false" },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`wrangler ${args.slice(0, 3).join(" ")} failed:\n${run.stderr}\n${run.stdout}`);
  return run.stdout;
}

/** Applies every migration in schema/migrations that the database has not seen. */
export function migrate(target: D1Target = {}): void {
  wrangler(["d1", "migrations", "apply", "DB", ...targetArgs(target)]);
}

/**
 * Runs one SQL statement and returns its rows.
 * @example query<{ n: number }>("SELECT COUNT(*) AS n FROM disclosures")[0].n
 */
export function query<Row>(sql: string, target: D1Target = {}): Row[] {
  const out = wrangler(["d1", "execute", "DB", ...targetArgs(target), "--json", "--command", sql]);
  const parsed = JSON.parse(out) as { results: Row[] }[];
  return parsed.flatMap((p) => p.results);
}

/** Runs a file's worth of SQL statements (written to a temporary file). */
export function executeSql(sql: string, target: D1Target = {}): void {
  const dir = mkdtempSync(join(tmpdir(), "cunma-sql-"));
  try {
    const file = join(dir, "batch.sql");
    writeFileSync(file, sql);
    wrangler(["d1", "execute", "DB", ...targetArgs(target), "--file", file, "--yes"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Applies the migrations of schema/migrations a database has not seen, through its binding (no wrangler
 * process to start): each in one batch with its row in `d1_migrations`, the table `wrangler d1 migrations
 * apply` keeps, so either may run next. Returns the names applied.
 * @example await withD1({}, (db) => migrateThrough(db)) // ["0010_create_village_versions.sql"]
 */
export async function migrateThrough(db: D1Database): Promise<string[]> {
  // the statement splitter wrangler itself uses, as the worker tests read the migrations
  const { readD1Migrations } = await import("@cloudflare/vitest-plugin");
  await db
    .prepare(
      `CREATE TABLE IF NOT EXISTS d1_migrations (
         id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE, applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL)`,
    )
    .run();
  const { results } = await db.prepare("SELECT name FROM d1_migrations").all<{ name: string }>();
  const seen = new Set(results.map((r) => r.name));
  const pending = (await readD1Migrations(join(root, "schema", "migrations"))).filter((m) => !seen.has(m.name));
  for (const m of pending) {
    await db.batch([
      ...m.queries.map((q) => db.prepare(q)),
      db.prepare("INSERT INTO d1_migrations (name) VALUES (?1)").bind(m.name),
    ]);
  }
  return pending.map((m) => m.name);
}
