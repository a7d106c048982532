/**
 * Report intake under load: POST /api/villages/<code>/reports through `wrangler dev` on loopback, against
 * GET /api/health in the same worker, at several concurrency levels. Each request comes from its own
 * client address (CF-Connecting-IP, which wrangler dev passes through) with its own idempotency key, so
 * the per-client limit never applies; only 201s count.
 */
import type { BenchEntry, BenchRow } from "../bench.ts";
import { sharedServer } from "../lib/bench-server.ts";
import { intakeLoad } from "../lib/intake-load.ts";
import { load } from "../lib/load.ts";

const LEVELS = [1, 8, 32];
const SECONDS = 8;
const VILLAGE = "371603101201";

export default {
  name: "report intake under load vs GET /api/health",
  unit: "req",
  async run() {
    const { baseURL } = await sharedServer();
    const run = Date.now().toString(36);
    const intake = intakeLoad(VILLAGE, "cf-connecting-ip", run);
    const health = { method: "GET" as const, path: "/api/health" };
    await load(baseURL, health, 4, 2, 200); // warm up the isolate and the connection pool
    await load(baseURL, intake, 4, 2, 201);
    const rows: BenchRow[] = [];
    for (const connections of LEVELS) {
      const base = await load(baseURL, health, connections, SECONDS, 200);
      const mine = await load(baseURL, intake, connections, SECONDS, 201);
      if (mine.ok === 0)
        throw new Error(`no report accepted at ${connections} connections: ${JSON.stringify(mine.statuses)}`);
      const others = (r: typeof mine, status: number) => r.total - (r.statuses[status] ?? 0);
      rows.push({
        measured: `POST report, ${connections} conn.`,
        value: mine.rate,
        unit: "201/s",
        baseline: { measured: "health/s", value: base.rate },
        figures: {
          p50: `${mine.p50} ms (health ${base.p50})`,
          p99: `${mine.p99} ms (health ${base.p99})`,
          "p99 ratio": (mine.p99 / Math.max(base.p99, 1)).toFixed(1),
          "201s": `${mine.ok}/${mine.total}`,
          "not 2xx": others(mine, 201) + others(base, 200),
        },
      });
    }
    return rows;
  },
} satisfies BenchEntry;
