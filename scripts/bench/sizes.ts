/**
 * Sizes as served by `wrangler dev`: every page type's HTML with its CSS, gzip, against the one-round-trip
 * budget (14,600 bytes), and the JS each page loads (inline and /_astro/ files), gzip, against 10 KB.
 * A last row totals every built /_astro/*.js file.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { BenchEntry, BenchRow } from "../bench.ts";
import { BENCH_VILLAGE, sharedServer } from "../lib/bench-server.ts";

const PAGE_BUDGET = 14_600;
const JS_BUDGET = 10 * 1024;

const gzip = (text: string | Buffer) => gzipSync(text).byteLength;

async function get(baseURL: string, path: string, expect: number): Promise<string> {
  const response = await fetch(new URL(path, baseURL), { redirect: "manual" });
  if (response.status !== expect) throw new Error(`${path} answered ${response.status}, expected ${expect}`);
  return response.text();
}

/** The page's JS: inline scripts' text plus every /_astro/ script it loads. */
async function pageScripts(baseURL: string, html: string): Promise<string> {
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .filter((m) => !/type="application\/(ld\+)?json"/.test(m[0]))
    .map((m) => m[1]);
  const external = await Promise.all(
    [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => get(baseURL, m[1] as string, 200)),
  );
  return [...inline, ...external].join("\n");
}

/** A receipt to show: one real submission through the API. */
async function newReceipt(baseURL: string): Promise<string> {
  const response = await fetch(new URL(`/api/villages/${BENCH_VILLAGE}/reports`, baseURL), {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": "10.250.0.1" },
    body: JSON.stringify({ kind: "question", topic: "policy", content: "今年的种粮补贴什么时候发？" }),
  });
  if (response.status !== 201) throw new Error(`intake answered ${response.status}`);
  return ((await response.json()) as { receipt: string }).receipt;
}

export default {
  name: "gzip bytes of every page type as served, and its JS",
  unit: "bytes",
  async run() {
    const { baseURL, assets } = await sharedServer();
    const village = await get(baseURL, `/v/${BENCH_VILLAGE}/`, 200);
    const disclosure = village.match(new RegExp(`/v/${BENCH_VILLAGE}/d/[0-9]+/`))?.[0];
    // the power list links its items relatively ("n01/")
    const powerId = (await get(baseURL, `/v/${BENCH_VILLAGE}/power/`, 200)).match(/href="([a-z][a-z0-9-]*)\/"/)?.[1];
    const powerItem = powerId ? `/v/${BENCH_VILLAGE}/power/${powerId}/` : undefined;
    const pages: [string, string, number][] = [
      ["district", "/", 200],
      ["town", `/z/${BENCH_VILLAGE.slice(0, 9)}/`, 200],
      ["village (live)", `/v/${BENCH_VILLAGE}/`, 200],
      ["form 码上问", `/v/${BENCH_VILLAGE}/ask/`, 200],
      ["form 码上办", `/v/${BENCH_VILLAGE}/help/`, 200],
      ["form 我要监督", `/v/${BENCH_VILLAGE}/report/`, 200],
      ["receipt", `/r/${await newReceipt(baseURL)}`, 200],
      ["receipt lookup", "/r/", 200],
      ["power list", `/v/${BENCH_VILLAGE}/power/`, 200],
      ["district power", "/power/", 200],
      ...(powerItem ? [["power item", powerItem, 200] as [string, string, number]] : []),
      ...(disclosure ? [["disclosure", disclosure, 200] as [string, string, number]] : []),
      ["staff login", "/staff/login/", 200],
      ["staff cases", "/staff/cases/", 200],
      ["404", "/v/000000000000/", 404],
    ];
    const rows: BenchRow[] = [];
    for (const [type, path, status] of pages) {
      const html = await get(baseURL, path, status);
      const js = await pageScripts(baseURL, html);
      rows.push({
        measured: `${type} ${path}`,
        value: gzip(html),
        unit: "B gzip",
        baseline: { measured: "budget", value: PAGE_BUDGET },
        figures: { js: js ? `${gzip(js)} B gzip of ${JS_BUDGET}` : "none" },
      });
    }
    const folder = join(assets, "_astro");
    const files = readdirSync(folder).filter((f) => f.endsWith(".js"));
    const each = files.map((f) => gzip(readFileSync(join(folder, f))));
    rows.push({
      measured: `all /_astro/*.js together (${files.length} files; no page loads them all)`,
      value: each.reduce((a, b) => a + b, 0),
      unit: "B gzip",
      baseline: { measured: "per-page JS budget", value: JS_BUDGET },
      figures: { largest: `${Math.max(0, ...each)} B gzip` },
    });
    return rows;
  },
} satisfies BenchEntry;
