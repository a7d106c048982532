/**
 * One `wrangler dev` (temporary migrated and seeded D1 with demo data) shared by the benchmark entries that
 * need a server, started on first use and stopped by scripts/bench.ts at the end. It serves a snapshot of
 * site/dist holding a copy of one village page at STATIC_VILLAGE_PATH: the same page as a plain static asset.
 */
import { cpSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { type DevServer, startDevServer } from "./dev-server.ts";

/** The village whose page the page and size benchmarks read (not the one intake floods). */
export const BENCH_VILLAGE = "371603104201";
/** Outside run_worker_first, so the assets layer answers it without running the worker. */
export const STATIC_VILLAGE_PATH = `/bench-static/v/${BENCH_VILLAGE}/`;

let shared: Promise<DevServer> | undefined;

/**
 * The shared server; the district-wide intake ceiling is lifted so the intake benchmark measures intake,
 * not the flood guard.
 * @example const { baseURL } = await sharedServer();
 */
export function sharedServer(): Promise<DevServer> {
  shared ??= startDevServer({
    vars: { INTAKE_PER_MINUTE: "1000000000" },
    snapshot: (assets) => {
      mkdirSync(join(assets, STATIC_VILLAGE_PATH), { recursive: true });
      cpSync(join(assets, "v", BENCH_VILLAGE, "index.html"), join(assets, STATIC_VILLAGE_PATH, "index.html"));
    },
  });
  return shared;
}

/** Stops the shared server if one was started. */
export async function stopSharedServer(): Promise<void> {
  if (!shared) return;
  const server = await shared;
  shared = undefined;
  await server.stop();
}
