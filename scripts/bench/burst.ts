/**
 * A 阳光报告会 burst: within 10 seconds, 300 views of one village's page and 50 reports to that village,
 * sent on a fixed schedule whatever the answers (open loop, as phones arrive), on both runtimes. The same
 * burst against the page's static copy is the baseline. Every report must be accepted (201) or told to
 * retry (429 with Retry-After: the form's outbox keeps the words and sends them again); nothing else.
 * Issue 14's target: the views' p99 under 2 × the static p99.
 */
import type { BenchEntry, BenchRow } from "../bench.ts";
import { BENCH_VILLAGE, STATIC_VILLAGE_PATH, sharedSelfHosted, sharedServer } from "../lib/bench-server.ts";

const VILLAGE = BENCH_VILLAGE;
const VIEWS = 300;
const REPORTS = 50;
const WINDOW_MS = 10_000;

interface BurstResult {
  p50: number;
  p99: number;
  /** Report answers by status; a 429 without Retry-After is counted as "429 no Retry-After". */
  reports: Record<string, number>;
  viewErrors: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0;

/** Fires the burst at `baseURL`, the views at `viewPath`; each report from its own client address. */
async function burst(baseURL: string, viewPath: string, clientHeader: string, run: string): Promise<BurstResult> {
  const total = VIEWS + REPORTS;
  const every = Math.round(total / REPORTS);
  const views: number[] = [];
  const reports: Record<string, number> = {};
  let viewErrors = 0;
  const started = performance.now();
  const job = async (i: number) => {
    await new Promise((r) => setTimeout(r, Math.max(0, (i * WINDOW_MS) / total - (performance.now() - started))));
    if (i % every === every - 1) {
      const res = await fetch(`${baseURL}/api/villages/${VILLAGE}/reports`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          [clientHeader]: `10.77.${i >> 8}.${i & 255}`,
          "idempotency-key": `burst-${run}-${i}`,
        },
        body: JSON.stringify({
          kind: "question",
          topic: "affairs",
          content: `报告会上想问：坑塘承包费收了多少？（第${i}位）`,
        }),
      });
      await res.arrayBuffer();
      const key = res.status === 429 && !res.headers.get("Retry-After") ? "429 no Retry-After" : String(res.status);
      reports[key] = (reports[key] ?? 0) + 1;
      return;
    }
    const sent = performance.now();
    const res = await fetch(`${baseURL}${viewPath}`);
    await res.arrayBuffer();
    if (res.status !== 200) viewErrors++;
    views.push(performance.now() - sent);
  };
  await Promise.all(Array.from({ length: total }, (_, i) => job(i)));
  views.sort((a, b) => a - b);
  return { p50: percentile(views, 0.5), p99: percentile(views, 0.99), reports, viewErrors };
}

const ms = (n: number) => Math.round(n * 10) / 10;

export default {
  name: "meeting burst: 300 views and 50 reports to one village within 10 s",
  unit: "req",
  async run() {
    const servers = [
      { runtime: "wrangler dev", baseURL: (await sharedServer()).baseURL, header: "cf-connecting-ip" },
      { runtime: "self-hosted", baseURL: (await sharedSelfHosted()).baseURL, header: "x-forwarded-for" },
    ];
    const rows: BenchRow[] = [];
    for (const { runtime, baseURL, header } of servers) {
      const run = `${Date.now().toString(36)}-${runtime.length}`;
      await fetch(`${baseURL}/v/${VILLAGE}/`).then((r) => r.arrayBuffer());
      const still = await burst(baseURL, STATIC_VILLAGE_PATH, header, `${run}-s`);
      const live = await burst(baseURL, `/v/${VILLAGE}/`, header, `${run}-l`);
      rows.push({
        measured: `burst view p99, ${runtime}`,
        value: ms(live.p99),
        unit: "ms",
        baseline: { measured: "ms static p99 in the same burst", value: ms(still.p99) },
        figures: {
          p50: `${ms(live.p50)} ms (static ${ms(still.p50)})`,
          "reports 201": live.reports["201"] ?? 0,
          "reports 429 (Retry-After)": live.reports["429"] ?? 0,
          "reports otherwise": Object.entries(live.reports)
            .filter(([status]) => status !== "201" && status !== "429")
            .map(([status, n]) => `${status}: ${n}`)
            .join(", "),
          "views not 200": live.viewErrors,
        },
      });
    }
    return rows;
  },
} satisfies BenchEntry;
