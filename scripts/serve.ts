/**
 * `npm run serve`: the self-hosted production server. The same worker (worker/src) on Node with
 * @hono/node-server, its data in one SQLite file under DATA_DIR, migrations applied and reference data
 * loaded at start, the site from site/dist (run `npm run build` first), the crons on a timer.
 *
 * Settings come from the environment or an env file: PORT (8787), HOST (127.0.0.1), DATA_DIR (./data),
 * PUBLIC_BASE_URL, CHECKPOINT_KEY, RATE_LIMIT_SALT, TRUST_PROXY=1 behind a reverse proxy that sets
 * X-Forwarded-For (docs/deploy-self-hosted.md), SITE_DIR (site/dist) for a site built elsewhere, and
 * CUNMA_DATA_DIR for another district's files (schema/reference.ts). It refuses to start with a missing
 * or development secret unless `--dev` is given, which uses (and creates) the development secrets of
 * `.dev.vars`, builds the site if it is missing, loads the demo data into an empty database and creates
 * the demo staff accounts.
 *
 * @example
 *   npm run serve -- --dev                          # this computer, demo data, dev secrets
 *   npm run serve -- --env-file /etc/cunma/cunma.env  # production
 */
// first: the --env-file settings are in process.env before any module below reads one (CUNMA_DATA_DIR)
import "./lib/env-file.ts";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs, parseEnv } from "node:util";
import { holdDatabase, serverOf } from "../worker/node/backup.ts";
import { databaseFile, dataDir } from "../worker/node/data.ts";
import { applyMigrations, readMigrations } from "../worker/node/migrations.ts";
import { nodeEnv, root } from "../worker/node/runtime.ts";
import { startServer } from "../worker/node/serve.ts";
import { secretProblem } from "../worker/src/scripting.ts";
import { ensureDevVars } from "./lib/dev-vars.ts";
import { seed } from "./seed.ts";
import { ensureDemoStaff } from "./staff.ts";

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { dev: { type: "boolean" }, "env-file": { type: "string" } } });
  const vars: Record<string, string | undefined> = { ...process.env };
  if (values.dev) {
    await ensureDevVars();
    Object.assign(vars, parseEnv(readFileSync(join(root, ".dev.vars"), "utf8")), process.env);
  } else delete vars.CUNMA_DEV; // the development flag is honoured only with --dev

  const problem = secretProblem(vars);
  if (problem) {
    console.error(`refusing to start: ${problem}. Set it in the environment or the env file, or pass --dev.`);
    process.exit(1);
  }
  const assets = vars.SITE_DIR ? resolve(vars.SITE_DIR) : join(root, "site", "dist");
  if (values.dev && !existsSync(join(assets, "index.html"))) {
    // like `npm start`, a development server builds the site it needs
    const build = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  if (!existsSync(join(assets, "index.html"))) {
    console.error(`${assets} has no site: run \`npm run build\` first.`);
    process.exit(1);
  }

  const dir = dataDir(vars);
  mkdirSync(dir, { recursive: true });
  const database = databaseFile(dir);
  const running = serverOf(database);
  if (running !== null) {
    console.error(`refusing to start: a server (process ${running}) already serves ${database}.`);
    process.exit(1);
  }
  const release = holdDatabase(database);
  const env = nodeEnv({ database, assets, vars });
  const applied = applyMigrations(env.DB.sqlite, readMigrations(join(root, "schema", "migrations")));
  if (applied.length > 0) console.log(`applied migrations: ${applied.join(", ")}`);
  // the reference data always; demo disclosures and cases only for --dev, and only into an empty database
  const written = await seed(env.DB, { demo: values.dev === true });
  if (values.dev) {
    if (written > 0) console.log(`wrote ${written} demo disclosures`);
    await ensureDemoStaff(env.DB);
  }

  const server = await startServer({
    env,
    port: Number(vars.PORT ?? 8787),
    host: vars.HOST ?? "127.0.0.1",
    trustProxy: vars.TRUST_PROXY === "1",
  });
  console.log(`cunma serving on http://${server.address.address}:${server.address.port} (data: ${dir})`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.log(`${signal}: finishing open requests`);
      void server.stop().then(() => {
        release();
        process.exit(0);
      });
    });
  }
}

if (import.meta.main) await main();
