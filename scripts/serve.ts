/**
 * `npm run serve`: the self-hosted production server. The same worker (worker/src) on Node with
 * @hono/node-server, its data in one SQLite file under DATA_DIR, migrations applied and reference data
 * loaded at start, the site from site/dist (run `npm run build` first), the crons on a timer.
 *
 * Settings come from the environment or an env file: PORT (8787), HOST (127.0.0.1), DATA_DIR (./data),
 * PUBLIC_BASE_URL, CHECKPOINT_KEY, RATE_LIMIT_SALT, TRUST_PROXY=1 behind a reverse proxy that sets
 * X-Forwarded-For (docs/deploy-self-hosted.md). It refuses to start with a missing or development secret
 * unless `--dev` is given, which uses (and creates) the development secrets of `.dev.vars`, builds the site
 * if it is missing, loads the demo data into an empty database and creates the demo staff accounts.
 *
 * @example
 *   npm run serve -- --dev                          # this computer, demo data, dev secrets
 *   npm run serve -- --env-file /etc/cunma/cunma.env  # production
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { DatabaseSync } from "node:sqlite";
import { parseArgs, parseEnv } from "node:util";
import { chinaDate } from "../schema/period.ts";
import { villages } from "../schema/reference.ts";
import { holdDatabase, serverOf } from "../worker/node/backup.ts";
import { databaseFile, dataDir } from "../worker/node/data.ts";
import { applyMigrations, readMigrations } from "../worker/node/migrations.ts";
import { nodeEnv, root } from "../worker/node/runtime.ts";
import { startServer } from "../worker/node/serve.ts";
import { runAudited } from "../worker/src/audit/queries.ts";
import { secretProblem } from "../worker/src/security/secrets.ts";
import { hashPassword } from "../worker/src/staff/password.ts";
import { demoCases } from "./demo-cases.ts";
import { demoDisclosures } from "./demo-data.ts";
import { ensureDevVars } from "./lib/dev-vars.ts";
import { demoCaseSql, disclosureSql, referenceSql } from "./seed.ts";
import { DEMO_PASSWORD, demoAccounts } from "./staff.ts";

/** Loads the demo disclosures and cases when the database has no disclosure yet (development only). */
async function seedDemo(db: DatabaseSync): Promise<number> {
  const { n } = db.prepare("SELECT COUNT(*) AS n FROM disclosures").get() as { n: number };
  if (n > 0) return 0;
  const today = chinaDate();
  const chains = await Promise.all(villages.map((v) => demoDisclosures(v, today)));
  db.exec("BEGIN");
  db.exec(chains.map(disclosureSql).join("\n"));
  db.exec(await demoCaseSql(villages.flatMap((v) => demoCases(v, today))));
  db.exec("COMMIT");
  return chains.flat().length;
}

/**
 * Creates the demo staff accounts `npm start` has (development only), each audited like the staff CLI's
 * `add` (worker/src/audit runAudited). Returns the usernames it created.
 */
async function ensureDemoStaff(db: D1Database): Promise<string[]> {
  const created: string[] = [];
  for (const account of demoAccounts) {
    const found = await db.prepare("SELECT 1 FROM staff WHERE username = ?1").bind(account.username).first();
    if (found) continue;
    const now = new Date().toISOString();
    const insert = db
      .prepare(
        "INSERT INTO staff (username, role, scope, password_hash, created_at, password_changed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
      )
      .bind(account.username, account.role, account.scope, await hashPassword(DEMO_PASSWORD), now);
    const entry = { action: "staff_add", actorId: null, actor: "cli", target: `staff:${account.username}` };
    await runAudited(db, { ...entry, detail: { role: account.role, scope: account.scope } }, [insert]);
    created.push(account.username);
  }
  return created;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { dev: { type: "boolean" }, "env-file": { type: "string" } } });
  if (values["env-file"]) process.loadEnvFile(values["env-file"]);
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
  const assets = join(root, "site", "dist");
  if (values.dev && !existsSync(join(assets, "index.html"))) {
    // like `npm start`, a development server builds the site it needs
    const build = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  if (!existsSync(join(assets, "index.html"))) {
    console.error("site/dist is missing: run `npm run build` first.");
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
  env.DB.sqlite.exec(referenceSql());
  if (values.dev) {
    const written = await seedDemo(env.DB.sqlite);
    if (written > 0) console.log(`wrote ${written} demo disclosures`);
    const staff = await ensureDemoStaff(env.DB);
    if (staff.length > 0) console.log(`demo staff accounts (password ${DEMO_PASSWORD}): ${staff.join(", ")}`);
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
