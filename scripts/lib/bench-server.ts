/**
 * One `wrangler dev` (temporary migrated and seeded D1 with demo data) shared by the benchmark entries that
 * need a server, started on first use and stopped by scripts/bench.ts at the end. It serves a snapshot of
 * site/dist holding a copy of one village page at STATIC_VILLAGE_PATH: the same page as a plain static asset.
 * Beside it, one self-hosted server (`npm run serve -- --dev`) on the same snapshot, for the entries that
 * measure both runtimes.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { root } from "../wrangler.ts";
import { type DevServer, freePort, startDevServer } from "./dev-server.ts";

/** The village whose page the page and size benchmarks read (not the one intake floods). */
export const BENCH_VILLAGE = "371603104201";
/** Outside run_worker_first, so the assets layer answers it without running the worker. */
export const STATIC_VILLAGE_PATH = `/bench-static/v/${BENCH_VILLAGE}/`;

let shared: Promise<DevServer> | undefined;

/**
 * Waits until the server at `baseURL` has made the first checkpoint of its fresh database (any request
 * under /api/staff/ asks for one). That first one verifies every chain of the district, which a running
 * site did once long ago; left to the cron, it would land in the middle of whatever is measured then.
 * @example await firstCheckpoint(baseURL);
 */
async function firstCheckpoint(baseURL: string): Promise<void> {
  await fetch(`${baseURL}/api/staff/session`).then((r) => r.arrayBuffer());
  for (let i = 0; i < 480; i++) {
    const res = await fetch(`${baseURL}/api/checkpoints/latest`);
    await res.arrayBuffer();
    if (res.ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no first checkpoint at ${baseURL}`);
}

/**
 * The shared server; the district-wide intake ceiling is lifted so the intake benchmark measures intake,
 * not the flood guard.
 * @example const { baseURL } = await sharedServer();
 */
export function sharedServer(): Promise<DevServer> {
  shared ??= startDevServer({
    vars: { INTAKE_PER_MINUTE: "1000000000" },
    staff: true,
    snapshot: (assets) => {
      mkdirSync(join(assets, STATIC_VILLAGE_PATH), { recursive: true });
      cpSync(join(assets, "v", BENCH_VILLAGE, "index.html"), join(assets, STATIC_VILLAGE_PATH, "index.html"));
    },
  }).then(async (server) => {
    await firstCheckpoint(server.baseURL);
    return server;
  });
  return shared;
}

/** A running self-hosted server. */
export interface SelfHosted {
  baseURL: string;
  stop: () => void;
}

let selfHosted: Promise<SelfHosted> | undefined;

/**
 * `npm run serve -- --dev` on a fresh data directory, serving the shared server's asset snapshot; resolves
 * once it answers.
 * @example const { baseURL } = await sharedSelfHosted();
 */
export function sharedSelfHosted(): Promise<SelfHosted> {
  selfHosted ??= (async () => {
    const { assets } = await sharedServer();
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), "cunma-bench-"));
    const server: ChildProcess = spawn(
      join(root, "node_modules", ".bin", "node"),
      ["--disable-warning=ExperimentalWarning", "scripts/serve.ts", "--dev"],
      {
        cwd: root,
        stdio: "ignore",
        env: {
          ...process.env,
          PORT: String(port),
          DATA_DIR: dataDir,
          SITE_DIR: assets,
          TRUST_PROXY: "1",
          INTAKE_PER_MINUTE: "1000000000",
        },
      },
    );
    const baseURL = `http://127.0.0.1:${port}`;
    const stop = () => {
      server.kill("SIGTERM");
      rmSync(dataDir, { recursive: true, force: true });
    };
    for (let i = 0; i < 240; i++) {
      if (server.exitCode !== null) throw new Error(`npm run serve exited with ${server.exitCode}`);
      if (
        await fetch(`${baseURL}/api/health`).then(
          (r) => r.ok,
          () => false,
        )
      ) {
        await firstCheckpoint(baseURL);
        return { baseURL, stop };
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    stop();
    throw new Error(`npm run serve did not answer at ${baseURL}`);
  })();
  return selfHosted;
}

/** Stops the shared servers that were started. */
export async function stopSharedServer(): Promise<void> {
  if (selfHosted) {
    (await selfHosted).stop();
    selfHosted = undefined;
  }
  if (!shared) return;
  const server = await shared;
  shared = undefined;
  await server.stop();
}
