/**
 * Runs the project's own wrangler (node_modules/.bin) against the local D1 (or the deployed one with
 * `remote`), for the start, seed, staff and verify scripts and the end-to-end test setup.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const root = new URL("..", import.meta.url).pathname;
export const wranglerBin = join(root, "node_modules", ".bin", "wrangler");

export interface D1Target {
  /** Directory of the local state (`--persist-to`); default `.wrangler/state`. */
  persistTo?: string;
  /** Use the deployed database instead of the local one. */
  remote?: boolean;
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
