/**
 * A newcomer's first `npm start`: a fresh clone of this repository's last commit in a temporary directory
 * (node_modules linked, as `npm ci` would leave it; its own .wrangler state and site/dist), started on a
 * free port; seconds until the village page answers 200. Then stopped and started again: the second start
 * skips the build and the seeding. Issue 14's targets: 30 s and 10 s on this machine when idle.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BenchEntry, BenchRow } from "../bench.ts";
import { stopSharedServer } from "../lib/bench-server.ts";
import { freePort } from "../lib/dev-server.ts";
import { root } from "../wrangler.ts";

/** Starts `npm start` in `dir` on `port`; seconds until /v/<code>/ answers 200, and how to stop it. */
async function start(dir: string, port: number): Promise<{ seconds: number; stop: () => Promise<void> }> {
  const began = performance.now();
  // its own process group, so stopping it stops wrangler dev and workerd under it
  const child: ChildProcess = spawn("npm", ["start"], {
    cwd: dir,
    detached: true,
    stdio: "ignore",
    env: { ...process.env, PORT: String(port), WRANGLER_SEND_METRICS: "false" },
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      process.kill(-(child.pid as number), "SIGTERM");
    });
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/v/371603104201/`, { signal: AbortSignal.timeout(5000) }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return { seconds: (performance.now() - began) / 1000, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error("npm start did not answer within 120 s");
}

export default {
  name: "first and second npm start of a fresh clone",
  unit: "s",
  async run() {
    // measured without the other entries' servers running (the next entry that needs one starts it again)
    await stopSharedServer();
    const dir = mkdtempSync(join(tmpdir(), "cunma-first-start-"));
    try {
      const clone = spawnSync("git", ["clone", "--quiet", root, join(dir, "cunma")], { stdio: "inherit" });
      if (clone.status !== 0) throw new Error("git clone failed");
      const repo = join(dir, "cunma");
      symlinkSync(join(root, "node_modules"), join(repo, "node_modules"));
      const port = await freePort();
      const first = await start(repo, port);
      await first.stop();
      const second = await start(repo, port);
      await second.stop();
      const rows: BenchRow[] = [
        {
          measured: "first npm start of a fresh clone, until the village page answers",
          value: Number(first.seconds.toFixed(1)),
          unit: "s",
          baseline: { measured: "s target", value: 30 },
        },
        {
          measured: "second npm start, until the village page answers",
          value: Number(second.seconds.toFixed(1)),
          unit: "s",
          baseline: { measured: "s target", value: 10 },
        },
      ];
      return rows;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
} satisfies BenchEntry;
