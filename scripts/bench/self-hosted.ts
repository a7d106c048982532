/**
 * The self-hosted runtime (`npm run serve`: Node, node:sqlite) beside `wrangler dev` (workerd, D1) on the
 * same work in one run: the village page with its live parts, and report intake, at 8 connections. The
 * ratio is self-hosted ÷ wrangler dev. Both hold the demo data; each intake request is its own client
 * (CF-Connecting-IP for wrangler dev, X-Forwarded-For for the self-hosted server behind TRUST_PROXY=1).
 */
import type { BenchEntry, BenchRow } from "../bench.ts";
import { BENCH_VILLAGE, sharedSelfHosted, sharedServer } from "../lib/bench-server.ts";
import { intakeLoad } from "../lib/intake-load.ts";
import { type LoadRequest, load } from "../lib/load.ts";

const CONNECTIONS = 8;
const SECONDS = 8;
const VILLAGE = "371603101202";

export default {
  name: "self-hosted (Node + SQLite) vs wrangler dev: village page and intake",
  unit: "req",
  async run() {
    const workerd = await sharedServer();
    const node = await sharedSelfHosted();
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
  },
} satisfies BenchEntry;
