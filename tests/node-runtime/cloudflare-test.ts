/**
 * `cloudflare:test` for the `worker-node` vitest project: the worker test files run unchanged against the
 * self-hosted runtime (worker/node). Each test file gets a fresh SQLite file as DB (and an empty one as
 * MIGRATION_DB), site/dist as ASSETS, fresh development secrets, and SELF fetching through the same
 * worker `npm run serve` runs.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { devVars } from "../../scripts/lib/dev-vars.ts";
import { openD1 } from "../../worker/node/d1.ts";
import { applyMigrations, type Migration, readMigrations } from "../../worker/node/migrations.ts";
import { ExecutionContextNode, nodeEnv, nodeWorker, root } from "../../worker/node/runtime.ts";

export type D1Migration = Migration;

const dir = mkdtempSync(join(tmpdir(), "cunma-node-test-"));

/** The bindings a worker test sees. */
export const env = Object.assign(
  nodeEnv({ database: join(dir, "db.sqlite"), assets: join(root, "site", "dist"), vars: await devVars() }),
  {
    MIGRATION_DB: openD1(join(dir, "migration.sqlite")),
    TEST_MIGRATIONS: readMigrations(join(root, "schema", "migrations")),
  },
);

const worker = nodeWorker(env);

/**
 * The worker's fetch handler itself, as `SELF` reaches it in workerd (no assets router in front), and
 * like any `fetch` following redirects unless told `redirect: "manual"`.
 */
export const SELF = {
  async fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    let request = new Request(input instanceof URL ? input.href : input, init);
    for (let hops = 0; ; hops++) {
      const response = await worker.fetchWorker(request);
      const location = response.headers.get("Location");
      if (request.redirect !== "follow" || !location || response.status < 300 || response.status > 399) return response;
      if (hops === 20) throw new TypeError("too many redirects");
      const keepsMethod = response.status === 307 || response.status === 308;
      request = new Request(new URL(location, request.url), {
        method: keepsMethod ? request.method : "GET",
        headers: request.headers,
        body: keepsMethod ? request.body : null,
      });
    }
  },
};

/** Applies the migrations a database lacks, recording them in `d1_migrations` as wrangler does. */
export async function applyD1Migrations(db: D1Database, migrations: D1Migration[]): Promise<void> {
  applyMigrations((db as unknown as { sqlite: import("node:sqlite").DatabaseSync }).sqlite, migrations);
}

export const createExecutionContext = () => new ExecutionContextNode() as unknown as ExecutionContext;

export const waitOnExecutionContext = (ctx: ExecutionContext) => (ctx as unknown as ExecutionContextNode).settled();

export function createScheduledController(options: { cron?: string; scheduledTime?: number } = {}) {
  return {
    cron: options.cron ?? "",
    scheduledTime: options.scheduledTime ?? Date.now(),
    type: "scheduled",
    noRetry() {},
  } as ScheduledController;
}
