/**
 * `npm start`: builds the site, applies migrations to the local D1 (.wrangler/state), seeds reference
 * data and — if the database is empty — demo data, writes development secrets to `.dev.vars` if they are
 * missing, then serves everything with `wrangler dev` on http://127.0.0.1:8787 (PORT overrides). Data
 * persists across restarts.
 */
import { spawn, spawnSync } from "node:child_process";
import { ensureDevVars } from "./lib/dev-vars.ts";
import { districtAliases } from "./lib/district-dir.ts";
import { seed } from "./seed.ts";
import { demoAccounts, ensureDemoStaff } from "./staff.ts";
import { migrate, root, withD1, wranglerBin } from "./wrangler.ts";

const port = process.env.PORT ?? "8787";
const step = (what: string) => console.log(`\n▶ ${what}`);

step("building the site (Astro)");
const build = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);

step("applying D1 migrations to the local database");
migrate();

step("seeding reference data (and demo data if the database is empty)");
// one binding for both steps: the platform proxy starts once
await withD1({}, async (db) => {
  const written = await seed(db);
  console.log(written > 0 ? `  wrote ${written} demo disclosures` : "  demo data already present, kept as it is");
  step("demo staff accounts (this computer only)");
  await ensureDemoStaff(db);
});

step("development secrets (.dev.vars, this computer only)");
const added = await ensureDevVars();
console.log(added.length > 0 ? `  wrote ${added.join(", ")}` : "  already present, kept as they are");

step(`serving on http://127.0.0.1:${port}`);
const base = `http://127.0.0.1:${port}`;
// the demo accounts' own town and village
const scopeOf = (role: string) => demoAccounts.find((a) => a.role === role)?.scope;
console.log(`
  全区首页   ${base}/
  一个镇街   ${base}/z/${scopeOf("town_inspector")}/
  一个村     ${base}/v/${scopeOf("village_secretary")}/
  工作人员   ${base}/staff/login/
`);
const devArgs = [
  "dev",
  "--ip",
  "127.0.0.1",
  "--port",
  port,
  "--show-interactive-dev-session=false",
  ...districtAliases(),
];
const dev = spawn(wranglerBin, devArgs, {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => dev.kill(signal));
dev.on("exit", (code) => process.exit(code ?? 0));
