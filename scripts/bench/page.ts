/**
 * The village page with its live parts against the same page served as a plain static asset by the same
 * server, at 1, 8 and 32 connections, on `wrangler dev` (workerd, D1) and on the self-hosted runtime (Node,
 * SQLite). The ratio is live ÷ static throughput; p50 and p99 are given with their own ratios. Issue 14's
 * targets: ≥ 0.8 of the static throughput at 8 and 32 connections, p50 within 1.25 ×. Beside them, the
 * cheapest route the worker answers (GET /api/health: no read, a few bytes) against the same static page:
 * what running the worker at all costs on that runtime, the ceiling for any page the worker fills.
 * The three are measured in interleaved rounds and pooled, so the machine's noise falls on all of them.
 */
import type { BenchEntry, BenchRow } from "../bench.ts";
import { BENCH_VILLAGE, STATIC_VILLAGE_PATH, sharedSelfHosted, sharedServer } from "../lib/bench-server.ts";
import { type LoadResult, load } from "../lib/load.ts";

/** Each connection count is measured in rounds, each round running the three kinds back to back. */
const ROUNDS = 3;
const SECONDS = 2;
const CONNECTIONS = [1, 8, 32];

const ratio = (a: number, b: number) => (b === 0 ? "n/a" : (a / b).toFixed(2));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** Several short loads of one request, as one: rate over all of them, the median of their percentiles. */
function pooled(runs: LoadResult[]) {
  const ok = runs.reduce((sum, r) => sum + r.ok, 0);
  const total = runs.reduce((sum, r) => sum + r.total, 0);
  return {
    rate: ok / (runs.length * SECONDS),
    ok,
    total,
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
  };
}

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
        // interleaved, in a different order each round, so that a busy moment on this shared machine
        // falls on all three kinds rather than on one of them
        const runs = { still: [] as LoadResult[], live: [] as LoadResult[], floor: [] as LoadResult[] };
        const order = [
          ["still", "live", "floor"],
          ["live", "floor", "still"],
          ["floor", "still", "live"],
        ] as const;
        for (let round = 0; round < ROUNDS; round++) {
          for (const kind of order[round % order.length] as readonly (keyof typeof runs)[]) {
            const request = kind === "still" ? still : kind === "live" ? live : floor;
            runs[kind].push(await load(baseURL, request, connections, SECONDS, 200));
          }
        }
        const base = pooled(runs.still);
        const mine = pooled(runs.live);
        const worker = pooled(runs.floor);
        const perRound = runs.live.map((r, i) => ratio(r.rate, (runs.still[i] as LoadResult).rate)).join(", ");
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
            "ratio by round": `${perRound} (${ROUNDS} rounds of ${SECONDS} s each, interleaved)`,
          },
        });
      }
    }
    return rows;
  },
} satisfies BenchEntry;
