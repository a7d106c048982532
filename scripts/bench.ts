/**
 * `npm run bench [-- NAME…]`: runs every entry in scripts/bench/ (or those named), prints a table and writes
 * bench/results.json. An entry is a file there whose default export is a `BenchEntry`; adding a file adds it.
 * This machine's speed varies with whatever else runs on it, so entries compare against a baseline measured
 * in the same run and the ratio is the figure to read.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { stopSharedServer } from "./lib/bench-server.ts";

/** One measured figure, optionally against a baseline measured in the same run. */
export interface BenchRow {
  /** What this row measured, e.g. "POST report, 8 connections". */
  measured: string;
  value: number;
  /** The unit of `value`, e.g. "req/s", "bytes gzip", "ms/page". */
  unit: string;
  /** The same thing done the cheapest way in the same run (or a budget): the table shows value ÷ baseline. */
  baseline?: { measured: string; value: number };
  /** Further figures, shown in the last column and kept in results.json (e.g. p50/p99 latency). */
  figures?: Record<string, number | string>;
}

export interface BenchEntry {
  /** What is measured, e.g. "posters, whole district". */
  name: string;
  /** The unit of `count`, e.g. "posters": the table shows `count / seconds` as "<unit>/s". */
  unit: string;
  /** Does the work once and says how much it did and how long it took, or returns its own rows. */
  run: () => Promise<{ count: number; seconds: number } | BenchRow[]>;
}

const folder = new URL("./bench/", import.meta.url);
const only = process.argv.slice(2);
const files = readdirSync(folder)
  .filter((file) => file.endsWith(".ts") && (only.length === 0 || only.includes(file.slice(0, -3))))
  .sort();

const rowsOf = (entry: BenchEntry, result: Awaited<ReturnType<BenchEntry["run"]>>): BenchRow[] =>
  Array.isArray(result)
    ? result
    : [
        {
          measured: entry.name,
          value: result.count / result.seconds,
          unit: `${entry.unit}/s`,
          figures: { count: result.count, seconds: Number(result.seconds.toFixed(2)) },
        },
      ];

const results: (BenchRow & { entry: string; ratio?: number })[] = [];
try {
  for (const file of files) {
    const entry: BenchEntry = (await import(new URL(file, folder).href)).default;
    console.log(`▶ ${file.slice(0, -3)}: ${entry.name}`);
    for (const row of rowsOf(entry, await entry.run())) {
      results.push({
        entry: file.slice(0, -3),
        ...row,
        ratio: row.baseline ? row.value / row.baseline.value : undefined,
      });
    }
  }
} finally {
  await stopSharedServer();
}

const fixed = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(2));
console.table(
  results.map((r) => ({
    entry: r.entry,
    measured: r.measured,
    value: `${fixed(r.value)} ${r.unit}`,
    baseline: r.baseline ? `${fixed(r.baseline.value)} ${r.baseline.measured}` : "",
    ratio: r.ratio === undefined ? "" : r.ratio.toFixed(3),
    figures: Object.entries(r.figures ?? {})
      .map(([k, v]) => `${k} ${v}`)
      .join(", "),
  })),
);
// Entries not run this time keep their last figures (each row says when it ran).
const ranAt = new Date().toISOString();
const machine = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? "unknown" };
const earlier: { entry: string }[] = existsSync("bench/results.json")
  ? (JSON.parse(readFileSync("bench/results.json", "utf8")).results ?? [])
  : [];
const ran = new Set(results.map((r) => r.entry));
const kept = earlier.filter((r) => !ran.has(r.entry) && "measured" in r);
mkdirSync("bench", { recursive: true });
writeFileSync(
  "bench/results.json",
  `${JSON.stringify({ ranAt, machine, results: [...kept, ...results.map((r) => ({ ...r, ranAt }))] }, null, 2)}\n`,
);
