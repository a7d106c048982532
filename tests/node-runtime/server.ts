/**
 * A real self-hosted server for the runtime tests: `startServer` on a free port over a fresh data
 * directory, migrated and loaded with the reference data as `npm run serve` does at start.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { devVars } from "../../scripts/lib/dev-vars.ts";
import { seed } from "../../scripts/seed.ts";
import { databaseFile } from "../../worker/node/data.ts";
import { applyMigrations, readMigrations } from "../../worker/node/migrations.ts";
import { nodeEnv, root } from "../../worker/node/runtime.ts";
import { startServer } from "../../worker/node/serve.ts";

/**
 * Starts a server; `vars` adds to the development secrets.
 * @example const server = await startTestServer({ trustProxy: true }); await fetch(`${server.base}/api/health`);
 */
export async function startTestServer(options: { trustProxy?: boolean; vars?: Record<string, string> } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "cunma-serve-"));
  const database = databaseFile(dir);
  const env = nodeEnv({
    database,
    assets: join(root, "site", "dist"),
    vars: { ...(await devVars()), ...options.vars },
  });
  applyMigrations(env.DB.sqlite, readMigrations(join(root, "schema", "migrations")));
  await seed(env.DB, { demo: false });
  const server = await startServer({
    env,
    port: 0,
    host: "127.0.0.1",
    trustProxy: options.trustProxy ?? false,
    crons: false,
  });
  return { base: `http://127.0.0.1:${server.address.port}`, env, dir, database, stop: server.stop };
}
