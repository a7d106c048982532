/**
 * Site build time per village at 438 (the district as it is), 5,000 and 20,000 villages. Each size builds
 * in a temporary copy of site/ and schema/ whose villages.json (and towns.json, since a town code leaves
 * three digits for its villages) is extended with generated demo villages. The ratio compares ms per
 * village with the 438 build, whose fixed start-up (types, Vite bundling) weighs most; whether the build
 * grows linearly shows in "ms per village added since" the previous size, flat if it does.
 */
import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import townsData from "#core/data/towns.json" with { type: "json" };
import { type Town, towns, type Village, villages } from "#core/reference.ts";
import type { BenchEntry, BenchRow } from "../bench.ts";
import { root } from "../wrangler.ts";

const SIZES = [438, 5_000, 20_000];
const GNU_TIME = "/usr/bin/time";

/** The real district plus generated towns of up to 999 villages until there are `total` villages. */
function generated(total: number): { towns: Town[]; villages: Village[] } {
  const extraTowns: Town[] = [];
  const extraVillages: Village[] = [];
  for (let k = 0; villages.length + extraVillages.length < total; k++) {
    const code = `371603${500 + k}`;
    const count = Math.min(999, total - villages.length - extraVillages.length);
    extraTowns.push({ code, name: `演示${k + 1}镇`, villages: count });
    for (let i = 1; i <= count; i++) {
      extraVillages.push({
        code: `${code}${String(i).padStart(3, "0")}`,
        town: code,
        name: `演示${k + 1}镇${i}村`,
        demo: true,
      });
    }
  }
  return { towns: [...towns, ...extraTowns], villages: [...villages, ...extraVillages] };
}

/**
 * Builds the site for `total` villages in a temporary copy; returns the whole build's seconds, the seconds
 * Astro reports for rendering the pages (the rest is start-up and bundling) and the pages written.
 */
function buildFor(total: number): {
  seconds: number;
  renderSeconds: number;
  pages: number;
  peakMB: number | null;
  districtGzip: number;
} {
  const dir = mkdtempSync(join(tmpdir(), "cunma-bench-build-"));
  try {
    // everything the site build reads: the core (through package.json imports) and the worker module the
    // static headers come from
    const parts = [
      "site/src",
      "site/astro.config.mjs",
      "site/tsconfig.json",
      "schema",
      "tsconfig.json",
      "package.json",
    ];
    for (const part of [...parts, "scripts/lib", "worker/src"]) {
      cpSync(join(root, part), join(dir, part), { recursive: true });
    }
    symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
    const data = generated(total);
    writeFileSync(join(dir, "schema/data/villages.json"), JSON.stringify(data.villages));
    writeFileSync(join(dir, "schema/data/towns.json"), JSON.stringify({ ...townsData, towns: data.towns }));
    const started = performance.now();
    const astro = [join(root, "node_modules/.bin/astro"), "build", "--root", "site"];
    // GNU time, where installed, reports the build's peak memory
    const [command, ...args] = existsSync(GNU_TIME) ? [GNU_TIME, "-v", ...astro] : astro;
    const build = spawnSync(command as string, args, {
      cwd: dir,
      encoding: "utf8",
      maxBuffer: 1024 * 1024 * 1024,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" },
    });
    const seconds = (performance.now() - started) / 1000;
    if (build.status !== 0) throw new Error(`astro build for ${total} villages failed:\n${build.stderr.slice(-2000)}`);
    const pages = readdirSync(join(dir, "site/dist"), { recursive: true }).filter((f) => String(f).endsWith(".html"));
    const villagePages = readdirSync(join(dir, "site/dist/v")).length;
    if (villagePages !== total) throw new Error(`built ${villagePages} village pages, expected ${total}`);
    // Astro prints "1858 page(s) built in 11.62s" or "… built in 1m 37s"
    const render = /page\(s\) built in (?:([0-9]+)m\s*)?([0-9.]+)s/.exec(build.stdout);
    const renderSeconds = render ? Number(render[1] ?? 0) * 60 + Number(render[2]) : Number.NaN;
    const rss = /Maximum resident set size \(kbytes\): ([0-9]+)/.exec(build.stderr);
    // the district page lists every village, so it is the one page that grows with the district
    const districtGzip = gzipSync(readFileSync(join(dir, "site/dist/index.html"))).byteLength;
    return {
      seconds,
      renderSeconds,
      pages: pages.length,
      peakMB: rss ? Math.round(Number(rss[1]) / 1024) : null,
      districtGzip,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export default {
  name: "site build time per village, 438 → 20,000 villages",
  unit: "ms/village",
  async run() {
    const rows: BenchRow[] = [];
    let first: { perVillage: number } | undefined;
    let previous: { total: number; seconds: number } | undefined;
    for (const total of SIZES) {
      const { seconds, renderSeconds, pages, peakMB, districtGzip } = buildFor(total);
      const perVillage = (seconds * 1000) / total;
      first ??= { perVillage };
      // the cost of each village added since the previous size: flat if the build grows linearly
      const marginal = previous ? ((seconds - previous.seconds) * 1000) / (total - previous.total) : Number.NaN;
      rows.push({
        measured: `${total} villages`,
        value: perVillage,
        unit: "ms/village",
        baseline: { measured: `ms/village at ${SIZES[0]}`, value: first.perVillage },
        figures: {
          seconds: seconds.toFixed(1),
          "astro render s": renderSeconds.toFixed(1),
          "html pages": pages,
          "render ms/page": ((renderSeconds * 1000) / pages).toFixed(2),
          ...(peakMB === null ? {} : { "peak MB": peakMB }),
          "district page B gzip": districtGzip,
          ...(previous ? { [`ms per village added since ${previous.total}`]: marginal.toFixed(1) } : {}),
        },
      });
      console.log(
        `  ${total} villages: ${seconds.toFixed(1)} s (pages rendered in ${renderSeconds} s), ${pages} pages`,
      );
      previous = { total, seconds };
    }
    return rows;
  },
} satisfies BenchEntry;
