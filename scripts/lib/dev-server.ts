/**
 * A real `wrangler dev` on loopback over a fresh local D1 in a temporary directory, migrated and seeded
 * exactly as `npm start` does. Used by the end-to-end test setup, the benchmarks, the soak and the audit.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seed } from "../seed.ts";
import { ensureDemoStaff } from "../staff.ts";
import { migrateThrough, root, withD1, wranglerBin } from "../wrangler.ts";
import { ensureDevVars } from "./dev-vars.ts";

/**
 * A free TCP port on 127.0.0.1.
 * @example const port = await freePort();
 */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

async function waitUntilUp(url: string, dev: ChildProcess): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if (dev.exitCode !== null) throw new Error(`wrangler dev exited with ${dev.exitCode}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(5000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`wrangler dev did not answer at ${url}`);
}

export interface DevServerOptions {
  /** Extra `--var NAME:VALUE` overrides of wrangler.toml [vars]. */
  vars?: Record<string, string>;
  /** Seed demo disclosures as `npm start` does (default true). */
  demo?: boolean;
  /** Also create the demo staff accounts (password cunma-demo), as `npm start` does. */
  staff?: boolean;
  /**
   * Serve a private copy of site/dist, so a build someone starts meanwhile cannot pull pages from under
   * wrangler dev (its asset watcher crashes when dist is emptied). A function may add files to the copy.
   */
  snapshot?: boolean | ((assets: string) => void);
}

export interface DevServer {
  readonly baseURL: string;
  /** The directory of static assets served (the snapshot, or site/dist). */
  assets: string;
  /** The temporary D1 state directory (`--persist-to`). */
  persistTo: string;
  /** Stops wrangler dev (SIGTERM) and starts it again on the same state (same port if free). */
  restart: () => Promise<void>;
  /** Stops wrangler dev and deletes the state directory. */
  stop: () => Promise<void>;
}

const stopped = (dev: ChildProcess, signal: NodeJS.Signals) =>
  new Promise<void>((resolve) => {
    if (dev.exitCode !== null || dev.signalCode !== null) return resolve();
    dev.once("exit", () => resolve());
    dev.kill(signal);
  });

/**
 * Migrates and seeds a temporary D1, writes the development secrets to `.dev.vars` if they are missing, then
 * serves the built site and the worker with `wrangler dev`.
 * With other engineers' servers starting on this machine, a port can be taken between choosing and
 * binding it, so a failed launch tries fresh ports (the address may change; read `baseURL` again).
 * @example const server = await startDevServer(); await fetch(`${server.baseURL}/`); await server.stop();
 */
export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  await ensureDevVars();
  const persistTo = mkdtempSync(join(tmpdir(), "cunma-dev-"));
  await withD1({ persistTo }, async (db) => {
    await migrateThrough(db);
    await seed(db, options.demo === false ? { demo: false } : { cases: false });
    if (options.staff) await ensureDemoStaff(db, () => {});
  });
  let assets = join(root, "site", "dist");
  if (!existsSync(join(assets, "index.html"))) {
    // a fresh clone: build the site once
    const build = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
    if (build.status !== 0) throw new Error("npm run build failed");
  }
  if (options.snapshot) {
    const copy = mkdtempSync(join(tmpdir(), "cunma-dev-assets-"));
    cpSync(assets, copy, { recursive: true });
    if (typeof options.snapshot === "function") options.snapshot(copy);
    assets = copy;
  }
  const vars = Object.entries(options.vars ?? {}).flatMap(([name, value]) => ["--var", `${name}:${value}`]);
  let baseURL = "";
  const launchOnce = async (port: number) => {
    const child = spawn(
      wranglerBin,
      [
        "dev",
        "--ip",
        "127.0.0.1",
        "--port",
        String(port),
        "--inspector-port",
        String(await freePort()),
        "--persist-to",
        persistTo,
        "--show-interactive-dev-session=false",
        ...(options.snapshot ? ["--assets", assets] : []),
        ...vars,
      ],
      { cwd: root, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, WRANGLER_SEND_METRICS: "false" } },
    );
    try {
      await waitUntilUp(`http://127.0.0.1:${port}/`, child);
    } catch (error) {
      await stopped(child, "SIGTERM");
      throw error;
    }
    baseURL = `http://127.0.0.1:${port}`;
    return child;
  };
  const launch = async (port?: number): Promise<ChildProcess> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await launchOnce(attempt === 0 && port ? port : await freePort());
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
  };
  let dev: ChildProcess;
  try {
    dev = await launch();
  } catch (error) {
    rmSync(persistTo, { recursive: true, force: true });
    if (options.snapshot) rmSync(assets, { recursive: true, force: true });
    throw error;
  }
  return {
    get baseURL() {
      return baseURL;
    },
    persistTo,
    assets,
    async restart() {
      await stopped(dev, "SIGTERM");
      dev = await launch(Number(new URL(baseURL).port));
    },
    async stop() {
      await stopped(dev, "SIGTERM");
      rmSync(persistTo, { recursive: true, force: true });
      if (options.snapshot) rmSync(assets, { recursive: true, force: true });
    },
  };
}
