/**
 * `npm start`: builds the site, applies migrations to the local D1 (.wrangler/state), seeds reference
 * data and — if the database is empty — demo data, writes development secrets to `.dev.vars` if they are
 * missing, then serves everything with `wrangler dev` on http://127.0.0.1:8787 (PORT overrides). Data
 * persists across restarts.
 *
 * Work already done is skipped: the build when its inputs hash as they did at the last build, the
 * database when it holds every migration and the demo data (a stamp in the state directory says so),
 * `.dev.vars` when it is as the last start left it; wrangler and the worker's modules are loaded only for
 * work to do. The build, the database (migrations and seed through one platform proxy) and the secrets
 * run side by side; each line says how long the start has taken. The addresses and the demo accounts are
 * printed once wrangler dev answers.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { districtArea, districtDir } from "#core/reference.ts";
import { districtAliases } from "./lib/district-dir.ts";
import { root, wranglerBin } from "./lib/paths.ts";

const port = process.env.PORT ?? "8787";
const began = performance.now();
const say = (what: string) => console.log(`  ${what}  (${((performance.now() - began) / 1000).toFixed(1)} s)`);
// another district's files (CUNMA_DATA_DIR) are inputs of the build and the seed like schema/data
const district = districtDir === undefined ? [] : [districtDir];
const step = (what: string) => console.log(`\n▶ ${what}`);

/** Every file under `paths` (skipping node_modules, build output and caches), in a stable order. */
function filesUnder(paths: string[]): string[] {
  const skip = new Set(["node_modules", "dist", ".astro"]);
  const walk = (path: string): string[] => {
    if (!existsSync(path)) return [];
    if (!statSync(path).isDirectory()) return [path];
    return readdirSync(path)
      .filter((name) => !skip.has(name))
      .sort()
      .flatMap((name) => walk(join(path, name)));
  };
  return paths.flatMap((p) => walk(resolve(root, p)));
}

/**
 * A SHA-256 over the names and contents of the files under `paths`: equal hashes, nothing to redo.
 * @example inputsHash(["schema/migrations"])
 */
export function inputsHash(paths: string[]): string {
  const hash = createHash("sha256");
  for (const file of filesUnder(paths)) hash.update(relative(root, file)).update("\0").update(readFileSync(file));
  return hash.digest("hex");
}

/**
 * A remembered inputs hash in `file`: the build's beside the clone (.wrangler/), the database's inside its
 * state directory, so deleting .wrangler/state forgets it with the data.
 */
const stamp = (file: string) => ({
  matches: (hash: string) => existsSync(file) && readFileSync(file, "utf8") === hash,
  write: (hash: string) => {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, hash);
  },
});

/** `npm run build` in the background, its output shown only if it fails. */
function build(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "build"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const keep = (chunk: Buffer) => {
      output += chunk;
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("exit", (code) => {
      if (code === 0) return resolve();
      process.stderr.write(output);
      reject(new Error(`npm run build failed (${code})`));
    });
  });
}

/** The site in site/dist, built unless its inputs are as they were at the last build. */
async function siteReady(): Promise<void> {
  const built = stamp(join(root, ".wrangler", "cunma-build-inputs"));
  const hash = inputsHash(["site", "schema", "package-lock.json", "scripts/check-reference.ts", ...district]);
  if (built.matches(hash) && existsSync(join(root, "site", "dist", "index.html"))) {
    return say("site: unchanged since the last build, kept");
  }
  say("site: building (Astro) …");
  await build();
  built.write(hash);
  say("site: built");
}

/** The local D1 migrated and seeded, unless the last start left it so with the same migrations and data. */
async function databaseReady(): Promise<void> {
  const done = stamp(join(root, ".wrangler", "state", "cunma-seeded-inputs"));
  const hash = inputsHash(["schema/migrations", "schema/data", "scripts/seed.ts", "scripts/demo-data.ts", ...district]);
  if (done.matches(hash)) return say("database: migrated and seeded at the last start, kept");
  // loaded only when there is work: wrangler and the worker's modules take seconds to load
  const [{ migrateThrough, withD1 }, { seed }, { ensureDemoStaff }] = await Promise.all([
    import("./wrangler.ts"),
    import("./seed.ts"),
    import("./staff.ts"),
  ]);
  // one binding for every step: the platform proxy starts once
  await withD1({}, async (db) => {
    const applied = await migrateThrough(db);
    say(applied.length > 0 ? `database: applied ${applied.length} migrations` : "database: migrations up to date");
    const written = await seed(db, { progress: (what) => say(`database: ${what} …`) });
    say(written > 0 ? `database: wrote ${written} demo disclosures` : "database: demo data already present, kept");
    await ensureDemoStaff(db, () => {});
  });
  done.write(hash);
}

/** `.dev.vars` with every development secret, unless it is as the last start left it. */
async function devVarsReady(): Promise<void> {
  const file = join(root, ".dev.vars");
  const done = stamp(join(root, ".wrangler", "cunma-dev-vars"));
  const hash = () => inputsHash([".dev.vars", "scripts/lib/dev-vars.ts"]);
  if (existsSync(file) && done.matches(hash())) return say("development secrets (.dev.vars): present, kept");
  const { ensureDevVars } = await import("./lib/dev-vars.ts");
  const added = await ensureDevVars(file);
  done.write(hash());
  say(
    `development secrets (.dev.vars, this computer only): ${added.length > 0 ? `wrote ${added.join(", ")}` : "present, kept"}`,
  );
}

step("the site, the local database and the development secrets, side by side");
await Promise.all([siteReady(), databaseReady(), devVarsReady()]);

step(`serving on http://127.0.0.1:${port}`);
say("starting wrangler dev …");
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

// once it answers: the addresses and the demo accounts (loading them while wrangler dev starts would slow it)
const base = `http://127.0.0.1:${port}`;
for (let i = 0; i < 1200 && dev.exitCode === null; i++) {
  if (
    await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    )
  )
    break;
  await new Promise((r) => setTimeout(r, 100));
}
say("ready");
const { demoAccounts, printDemoStaff } = await import("./staff.ts");
// the demo accounts' own town and village
const scopeOf = (role: string) => demoAccounts.find((a) => a.role === role)?.scope;
console.log(`
  全${districtArea}首页   ${base}/
  一个镇街   ${base}/z/${scopeOf("town_inspector")}/
  一个村     ${base}/v/${scopeOf("village_secretary")}/
  工作人员   ${base}/staff/login/
`);
printDemoStaff();
