/**
 * The first view after a publish: the demo secretary of the bench village publishes a new item through
 * the real route, and the very next view of the village page (viewed just before, so a filled copy was
 * kept) must show it. On both runtimes; the figure is that view's latency, with whether it showed.
 */
import type { BenchEntry, BenchRow } from "../bench.ts";
import { BENCH_VILLAGE, sharedSelfHosted, sharedServer } from "../lib/bench-server.ts";

/** Items published once whenever something happens, so a new one can always be published. */
const ITEMS = ["village-tendering", "finance-disposal", "village-works-progress", "finance-transfers"];

/** The current month and the seven before it (the periods the publish form offers). */
function recentMonths(today = new Date()): string[] {
  return Array.from({ length: 8 }, (_, i) => {
    const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - i, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
  });
}

/** Logs in as the demo secretary of the bench village; the session cookie. */
async function login(baseURL: string, client: Record<string, string>): Promise<string> {
  const res = await fetch(`${baseURL}/api/staff/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseURL, "sec-fetch-site": "same-origin", ...client },
    body: JSON.stringify({ username: "demo-xuwanliang", password: "cunma-demo" }),
  });
  const cookie = res.headers.get("set-cookie")?.split(";")[0];
  if (!res.ok || !cookie) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return cookie;
}

/** Publishes a new item titled `title` for the bench village (the first free item and month). */
async function publish(baseURL: string, cookie: string, title: string): Promise<void> {
  for (const item of ITEMS) {
    for (const period of recentMonths()) {
      const res = await fetch(`${baseURL}/api/staff/disclosures`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: baseURL, "sec-fetch-site": "same-origin", cookie },
        body: JSON.stringify({ village: BENCH_VILLAGE, item, period, title, content: "压测：发布后第一次查看。" }),
      });
      await res.arrayBuffer();
      if (res.status === 201) return;
    }
  }
  throw new Error("no free item and period to publish");
}

export default {
  name: "first view after a publish shows the new disclosure",
  unit: "req",
  async run() {
    const servers: { runtime: string; baseURL: string; client: Record<string, string> }[] = [
      { runtime: "wrangler dev", baseURL: (await sharedServer()).baseURL, client: { "cf-connecting-ip": "10.9.0.1" } },
      {
        runtime: "self-hosted",
        baseURL: (await sharedSelfHosted()).baseURL,
        client: { "x-forwarded-for": "10.9.0.1" },
      },
    ];
    const rows: BenchRow[] = [];
    for (const { runtime, baseURL, client } of servers) {
      const cookie = await login(baseURL, client);
      const page = `${baseURL}/v/${BENCH_VILLAGE}/`;
      await fetch(page).then((r) => r.arrayBuffer());
      const title = `压测新公开 ${Date.now().toString(36)}`;
      await publish(baseURL, cookie, title);
      const sent = performance.now();
      const html = await (await fetch(page)).text();
      const latency = performance.now() - sent;
      const again = performance.now();
      await (await fetch(page)).arrayBuffer();
      rows.push({
        measured: `first view after a publish, ${runtime}`,
        value: Math.round(latency * 10) / 10,
        unit: "ms",
        figures: {
          "shows the new disclosure": html.includes(title) ? "yes" : "NO",
          "next view ms": Math.round((performance.now() - again) * 10) / 10,
        },
      });
    }
    return rows;
  },
} satisfies BenchEntry;
