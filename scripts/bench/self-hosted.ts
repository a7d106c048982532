/**
 * The self-hosted runtime (`npm run serve`: Node, node:sqlite) beside `wrangler dev` (workerd, D1) on the
 * same work in one run: the village page with its live parts, and report intake, at 8 connections. The
 * ratio is self-hosted ÷ wrangler dev. Both hold the demo data; each intake request is its own client
 * (CF-Connecting-IP for wrangler dev, X-Forwarded-For for the self-hosted server behind TRUST_PROXY=1).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BenchEntry, BenchRow } from "../bench.ts";
import { BENCH_VILLAGE, sharedServer } from "../lib/bench-server.ts";
import { freePort } from "../lib/dev-server.ts";
import { intakeLoad } from "../lib/intake-load.ts";
import { type LoadRequest, load } from "../lib/load.ts";
import { root } from "../wrangler.ts";

const CONNECTIONS = 8;
const SECONDS = 8;
const VILLAGE = "371603101202";

/** `npm run serve -- --dev` on a fresh data directory; resolves once it answers. */
async function startSelfHosted(): Promise<{ baseURL: string; stop: () => void }> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "cunma-bench-"));
  const server: ChildProcess = spawn(
    join(root, "node_modules", ".bin", "node"),
    ["--disable-warning=ExperimentalWarning", "scripts/serve.ts", "--dev"],
    {
      cwd: root,
      stdio: "ignore",
      env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, TRUST_PROXY: "1", INTAKE_PER_MINUTE: "1000000000" },
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
    )
      return { baseURL, stop };
    await new Promise((r) => setTimeout(r, 250));
  }
  stop();
  throw new Error(`npm run serve did not answer at ${baseURL}`);
}

export default {
  name: "self-hosted (Node + SQLite) vs wrangler dev: village page and intake",
  unit: "req",
  async run() {
    const workerd = await sharedServer();
    const node = await startSelfHosted();
    try {
      const run = Date.now().toString(36);
      const page: LoadRequest = { method: "GET", path: `/v/${BENCH_VILLAGE}/` };
      // intake first, as in the intake entry: run after the page load, wrangler dev once answered no intake
      // request at all within the 8 seconds (not understood yet)
      const work = [
        {
          measured: "POST report",
          unit: "201/s",
          status: 201,
          cf: intakeLoad(VILLAGE, "cf-connecting-ip", `${run}-cf`),
          self: intakeLoad(VILLAGE, "x-forwarded-for", `${run}-node`),
        },
        { measured: "GET /v/<code>/", unit: "200/s", status: 200, cf: page, self: page },
      ];
      const rows: BenchRow[] = [];
      for (const w of work) {
        await load(workerd.baseURL, w.cf, 4, 2, w.status); // warm up both
        await load(node.baseURL, w.self, 4, 2, w.status);
        const base = await load(workerd.baseURL, w.cf, CONNECTIONS, SECONDS, w.status);
        const mine = await load(node.baseURL, w.self, CONNECTIONS, SECONDS, w.status);
        if (mine.ok === 0)
          throw new Error(`self-hosted: no ${w.status} for ${w.measured}: ${JSON.stringify(mine.statuses)}`);
        rows.push({
          measured: `${w.measured} self-hosted, ${CONNECTIONS} conn.`,
          value: mine.rate,
          unit: w.unit,
          baseline: { measured: "wrangler dev/s", value: base.rate },
          figures: {
            p50: `${mine.p50} ms (wrangler dev ${base.p50})`,
            p99: `${mine.p99} ms (wrangler dev ${base.p99})`,
            ok: `${mine.ok}/${mine.total} (wrangler dev ${base.ok}/${base.total})`,
          },
        });
      }
      return rows;
    } finally {
      node.stop();
    }
  },
} satisfies BenchEntry;
