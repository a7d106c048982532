/**
 * Global setup for end-to-end tests: a fresh local D1 in a temporary directory, migrated and seeded
 * exactly as `npm start` does, served by `wrangler dev` on a free loopback port. Tests read the address
 * with `inject("baseURL")` and the state directory with `inject("persistTo")`.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { seed } from "../../scripts/seed.ts";
import { migrate, root, wranglerBin } from "../../scripts/wrangler.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    persistTo: string;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitUntilUp(url: string, dev: ChildProcess): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if (dev.exitCode !== null) throw new Error(`wrangler dev exited with ${dev.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`wrangler dev did not answer at ${url}`);
}

export default async function setup(project: TestProject) {
  const persistTo = mkdtempSync(join(tmpdir(), "cunma-e2e-"));
  migrate({ persistTo });
  await seed({ persistTo });
  const port = await freePort();
  const dev = spawn(
    wranglerBin,
    ["dev", "--ip", "127.0.0.1", "--port", String(port), "--persist-to", persistTo, "--show-interactive-dev-session=false"],
    { cwd: root, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, WRANGLER_SEND_METRICS: "false" } },
  );
  const baseURL = `http://127.0.0.1:${port}`;
  await waitUntilUp(`${baseURL}/`, dev);
  project.provide("baseURL", baseURL);
  project.provide("persistTo", persistTo);
  return async () => {
    dev.kill("SIGTERM");
    await new Promise((r) => dev.once("exit", r));
    rmSync(persistTo, { recursive: true, force: true });
  };
}
