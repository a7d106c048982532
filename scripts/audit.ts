/**
 * `npm run audit`: audits in Debian's Chromium (/usr/bin/chromium, or CHROME_PATH; never a downloaded
 * browser) against `wrangler dev` on a temporary migrated and seeded D1.
 * - Lighthouse, mobile: performance, accessibility and best practices of a village page, a form and a
 *   receipt page. Accessibility must be 100.
 * - axe-core on every page type (district, town, village, forms, receipt, power, disclosure, staff login,
 *   404): no violations of any impact.
 * Prints the figures and every finding, writes bench/audit.json, exits 1 when a check fails.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { axeViolations, launchChromium } from "../tests/fixtures/browser.ts";
import { type DevServer, startDevServer } from "./lib/dev-server.ts";

const CHROME = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const VILLAGE = "371603104201";

async function newReceipt(baseURL: string): Promise<string> {
  const response = await fetch(`${baseURL}/api/villages/${VILLAGE}/reports`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "CF-Connecting-IP": "10.251.0.1" },
    body: JSON.stringify({ kind: "question", topic: "policy", content: "今年的种粮补贴什么时候发？" }),
  });
  if (response.status !== 201) throw new Error(`intake answered ${response.status}`);
  return ((await response.json()) as { receipt: string }).receipt;
}

/** One link on a page matching `pattern` (e.g. a disclosure or a power item), if the page has one. */
async function linkOn(baseURL: string, path: string, pattern: RegExp): Promise<string | undefined> {
  return (await (await fetch(`${baseURL}${path}`)).text()).match(pattern)?.[0];
}

interface LighthouseScores {
  path: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  failedAccessibility: string[];
  failedBestPractices: string[];
}

async function runLighthouse(baseURL: string, paths: string[]): Promise<LighthouseScores[]> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROME,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"],
  });
  try {
    const scores: LighthouseScores[] = [];
    for (const path of paths) {
      const result = await lighthouse(`${baseURL}${path}`, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility", "best-practices"],
      });
      if (!result) throw new Error(`lighthouse gave no result for ${path}`);
      const { categories, audits } = result.lhr;
      const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
      const failed = (category: string) =>
        (categories[category]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && audits[ref.id]?.score !== null && (audits[ref.id]?.score ?? 1) < 1)
          .map((ref) => `${ref.id}: ${audits[ref.id]?.title}`);
      scores.push({
        path,
        performance: score("performance"),
        accessibility: score("accessibility"),
        bestPractices: score("best-practices"),
        failedAccessibility: failed("accessibility"),
        failedBestPractices: failed("best-practices"),
      });
    }
    return scores;
  } finally {
    chrome.kill();
  }
}

interface AxeResult {
  type: string;
  path: string;
  status: number;
  violations: { id: string; impact: string | null; help: string; targets: string[] }[];
}

async function runAxe(baseURL: string, pages: [string, string][]): Promise<AxeResult[]> {
  const browser = await launchChromium();
  try {
    const results: AxeResult[] = [];
    for (const [type, path] of pages) {
      const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
      const response = await page.goto(`${baseURL}${path}`);
      const violations = (await axeViolations(page)).map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(" ")),
      }));
      results.push({ type, path, status: response?.status() ?? 0, violations });
      await page.close();
    }
    return results;
  } finally {
    await browser.close();
  }
}

let server: DevServer | undefined;
let failed = false;
try {
  console.log("▶ starting wrangler dev on a fresh seeded D1");
  server = await startDevServer({ snapshot: true });
  const { baseURL } = server;
  const receipt = await newReceipt(baseURL);
  const disclosure = await linkOn(baseURL, `/v/${VILLAGE}/`, new RegExp(`/v/${VILLAGE}/d/[0-9]+/`));
  // the power list links its items relatively ("n01/")
  const powerId = (await linkOn(baseURL, `/v/${VILLAGE}/power/`, /href="[a-z][a-z0-9-]*\/"/))?.slice(6, -2);
  const powerItem = powerId ? `/v/${VILLAGE}/power/${powerId}/` : undefined;

  console.log("▶ Lighthouse (mobile)");
  const lighthouseScores = await runLighthouse(baseURL, [`/v/${VILLAGE}/`, `/v/${VILLAGE}/ask/`, `/r/${receipt}`]);
  console.table(
    lighthouseScores.map(({ failedAccessibility, failedBestPractices, ...s }) => ({
      ...s,
      "a11y findings": failedAccessibility.length,
    })),
  );
  for (const s of lighthouseScores) {
    for (const finding of s.failedAccessibility) console.log(`  ${s.path}  accessibility: ${finding}`);
    for (const finding of s.failedBestPractices) console.log(`  ${s.path}  best practices: ${finding}`);
    if (s.accessibility < 100) failed = true;
  }

  console.log("▶ axe-core on every page type (360 px wide)");
  const pages: [string, string][] = [
    ["district", "/"],
    ["town", `/z/${VILLAGE.slice(0, 9)}/`],
    ["village", `/v/${VILLAGE}/`],
    ["form 码上问", `/v/${VILLAGE}/ask/`],
    ["form 码上办", `/v/${VILLAGE}/help/`],
    ["form 我要监督", `/v/${VILLAGE}/report/`],
    ["receipt", `/r/${receipt}`],
    ["receipt lookup", "/r/"],
    ["power list", `/v/${VILLAGE}/power/`],
    ...(powerItem ? [["power item", powerItem] as [string, string]] : []),
    ["district power", "/power/"],
    ...(disclosure ? [["disclosure", disclosure] as [string, string]] : []),
    ["staff login", "/staff/login/"],
    ["404", "/v/000000000000/"],
  ];
  const axe = await runAxe(baseURL, pages);
  console.table(axe.map((r) => ({ type: r.type, path: r.path, status: r.status, violations: r.violations.length })));
  for (const r of axe) {
    for (const v of r.violations) console.log(`  ${r.path}  [${v.impact}] ${v.id}: ${v.help}  ${v.targets.join(", ")}`);
    if (r.violations.length > 0) failed = true;
  }

  mkdirSync("bench", { recursive: true });
  writeFileSync(
    "bench/audit.json",
    `${JSON.stringify({ ranAt: new Date().toISOString(), command: "npm run audit", lighthouse: lighthouseScores, axe }, null, 2)}\n`,
  );
  console.log(
    failed
      ? "✗ audit found problems (listed above)"
      : "✓ accessibility 100 on every Lighthouse page; no axe violations",
  );
} finally {
  await server?.stop();
}
if (failed) process.exit(1);
