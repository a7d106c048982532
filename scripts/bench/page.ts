/**
 * The village page with its live parts against the same page served as a plain static asset by the same
 * server, at 1, 8 and 32 connections, on `wrangler dev` (workerd, D1) and on the self-hosted runtime (Node,
 * SQLite). The ratio is live ÷ static throughput; p50 and p99 are given with their own ratios. Issue 14's
 * targets: ≥ 0.8 of the static throughput at 8 and 32 connections, p50 within 1.25 ×. Beside them, the
 * cheapest route the worker answers (GET /api/health: no read, a few bytes) against the same static page:
 * what running the worker at all costs on that runtime, the ceiling for any page the worker fills.
 */
import type { BenchEntry, BenchRow } from "../bench.ts";
import { BENCH_VILLAGE, STATIC_VILLAGE_PATH, sharedSelfHosted, sharedServer } from "../lib/bench-server.ts";
import { load } from "../lib/load.ts";

const SECONDS = 6;
const CONNECTIONS = [1, 8, 32];

const ratio = (a: number, b: number) => (b === 0 ? "n/a" : (a / b).toFixed(2));

export default {
  name: "village page with live parts vs the same page as a static asset",
  unit: "req",
  async run() {
    const servers = [
      { runtime: "wrangler dev", baseURL: (await sharedServer()).baseURL },
      { runtime: "self-hosted", baseURL: (await sharedSelfHosted()).baseURL },
    ];
    const live = { method: "GET" as const, path: `/v/${BENCH_VILLAGE}/` };
    const still = { method: "GET" as const, path: STATIC_VILLAGE_PATH };
    const floor = { method: "GET" as const, path: "/api/health" };
    const rows: BenchRow[] = [];
    for (const { runtime, baseURL } of servers) {
      await load(baseURL, live, 4, 2, 200);
      await load(baseURL, still, 4, 2, 200);
      for (const connections of CONNECTIONS) {
        const base = await load(baseURL, still, connections, SECONDS, 200);
        const mine = await load(baseURL, live, connections, SECONDS, 200);
        const worker = await load(baseURL, floor, connections, SECONDS, 200);
        rows.push({
          measured: `GET /v/<code>/ live, ${runtime}, ${connections} conn.`,
          value: mine.rate,
          unit: "200/s",
          baseline: { measured: "static/s", value: base.rate },
          figures: {
            p50: `${mine.p50} ms (static ${base.p50}, × ${ratio(mine.p50, base.p50)})`,
            p99: `${mine.p99} ms (static ${base.p99}, × ${ratio(mine.p99, base.p99)})`,
            "200s": `${mine.ok}/${mine.total} (static ${base.ok}/${base.total})`,
            "any worker route": `GET /api/health ${worker.rate.toFixed(0)}/s, × ${ratio(worker.rate, base.rate)} of static`,
          },
        });
      }
    }
    return rows;
  },
} satisfies BenchEntry;
