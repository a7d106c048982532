/**
 * The village page with its live parts filled from D1 by the worker (HTMLRewriter), against the same page
 * served as a plain static asset by the same `wrangler dev`, at 8 connections.
 */
import type { BenchEntry } from "../bench.ts";
import { BENCH_VILLAGE, STATIC_VILLAGE_PATH, sharedServer } from "../lib/bench-server.ts";
import { load } from "../lib/load.ts";

const CONNECTIONS = 8;
const SECONDS = 8;

export default {
  name: "village page with live parts vs the same page as a static asset",
  unit: "req",
  async run() {
    const { baseURL } = await sharedServer();
    const live = { method: "GET" as const, path: `/v/${BENCH_VILLAGE}/` };
    const still = { method: "GET" as const, path: STATIC_VILLAGE_PATH };
    await load(baseURL, live, 4, 2, 200);
    await load(baseURL, still, 4, 2, 200);
    const base = await load(baseURL, still, CONNECTIONS, SECONDS, 200);
    const mine = await load(baseURL, live, CONNECTIONS, SECONDS, 200);
    return [
      {
        measured: `GET /v/<code>/ live, ${CONNECTIONS} conn.`,
        value: mine.rate,
        unit: "200/s",
        baseline: { measured: "static/s", value: base.rate },
        figures: {
          p50: `${mine.p50} ms (static ${base.p50})`,
          p99: `${mine.p99} ms (static ${base.p99})`,
          "200s": `${mine.ok}/${mine.total} (static ${base.ok}/${base.total})`,
        },
      },
    ];
  },
} satisfies BenchEntry;
