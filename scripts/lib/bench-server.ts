/**
 * One `wrangler dev` (temporary migrated and seeded D1, demo data) shared by the benchmark entries that
 * need a server, started on first use and stopped by scripts/bench.ts at the end.
 */
import { type DevServer, startDevServer } from "./dev-server.ts";

let shared: Promise<DevServer> | undefined;

/**
 * The shared server; the district-wide intake ceiling is lifted so the intake benchmark measures intake.
 * @example const { baseURL } = await sharedServer();
 */
export function sharedServer(): Promise<DevServer> {
  shared ??= startDevServer({ vars: { INTAKE_PER_MINUTE: "1000000000" } });
  return shared;
}

/** Stops the shared server if one was started. */
export async function stopSharedServer(): Promise<void> {
  if (shared) await (await shared).stop();
  shared = undefined;
}
