/**
 * `npm run deploy:check [-- --config FILE] [-- --secrets-file FILE]`: the preflight before a Cloudflare
 * deploy. It checks that `wrangler deploy --dry-run` builds the worker (with CUNMA_DATA_DIR's district
 * when set), that wrangler.toml names a real D1 database and a real PUBLIC_BASE_URL that fits the QR
 * budget, that no development flag is configured, and that CHECKPOINT_KEY and RATE_LIMIT_SALT are set
 * (`wrangler secret list`, with an account) and not development values (from `--secrets-file`, the
 * environment, or by asking the deployed worker, which refuses intake with 503 while they are). It names
 * every failure in Chinese and English and exits 1 if there is one. What needs an account says it could
 * not be checked without one, so CI runs the rest.
 *
 * @example
 *   npm run deploy:check
 *   CLOUDFLARE_API_TOKEN=… npm run deploy:check -- --secrets-file secrets.json
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs, parseEnv, stripVTControlCharacters } from "node:util";
import { unstable_readConfig as readConfig } from "wrangler";
import { qrBudgetProblem } from "#core/qr.ts";
import { DEV_FLAG, secretProblem } from "../worker/src/scripting.ts";
import { districtAliases } from "./lib/district-dir.ts";
import { placeholderWarning } from "./qr/config.ts";
import { root, wranglerBin } from "./wrangler.ts";

/** One check's outcome: passed, failed, or not checkable here (no account, site unreachable). */
export interface Finding {
  outcome: "pass" | "fail" | "unchecked";
  /** Plain Chinese, then the same in English. */
  zh: string;
  en: string;
}

/** The secrets a deployment must hold (worker/src/security/secrets.ts). */
export const REQUIRED_SECRETS = ["CHECKPOINT_KEY", "RATE_LIMIT_SALT"] as const;
/** The id wrangler.toml ships with, until `wrangler d1 create` gives a real one. */
export const PLACEHOLDER_DATABASE_ID = "00000000-0000-0000-0000-000000000000";

const pass = (zh: string, en: string): Finding => ({ outcome: "pass", zh, en });
const fail = (zh: string, en: string): Finding => ({ outcome: "fail", zh, en });
const unchecked = (zh: string, en: string): Finding => ({ outcome: "unchecked", zh, en });

/** What of wrangler.toml the checks read. */
export interface DeployConfig {
  databaseIds: (string | undefined)[];
  vars: Record<string, unknown>;
}

/**
 * wrangler.toml's D1 database ids and vars, as wrangler reads them.
 * @example deployConfig("wrangler.toml").vars.PUBLIC_BASE_URL // "https://cunma.example.cn"
 */
export function deployConfig(configPath: string): DeployConfig {
  const config = readConfig({ config: configPath });
  return { databaseIds: config.d1_databases.map((db: { database_id?: string }) => db.database_id), vars: config.vars };
}

/**
 * The checks that need neither an account nor a build: the database id, the base URL, no dev flag.
 * @example configFindings({ databaseIds: [PLACEHOLDER_DATABASE_ID], vars: {} })[0].outcome // "fail"
 */
export function configFindings(config: DeployConfig): Finding[] {
  const findings: Finding[] = [];
  const ids = config.databaseIds;
  if (ids.length === 0 || ids.some((id) => !id || id === PLACEHOLDER_DATABASE_ID)) {
    findings.push(
      fail(
        `wrangler.toml 里 D1 数据库的 database_id 还是占位符（${PLACEHOLDER_DATABASE_ID}）或没有填：先运行 npx wrangler d1 create cunma，把它打印的 id 填进去。`,
        "The D1 database_id in wrangler.toml is the placeholder or empty: run `npx wrangler d1 create cunma` and put the id it prints there.",
      ),
    );
  } else findings.push(pass(`D1 数据库 id：${ids.join("、")}`, `D1 database id: ${ids.join(", ")}`));

  const base = typeof config.vars.PUBLIC_BASE_URL === "string" ? config.vars.PUBLIC_BASE_URL : "";
  const budget = qrBudgetProblem(base);
  if (!base) {
    findings.push(fail("wrangler.toml 里没有 PUBLIC_BASE_URL。", "PUBLIC_BASE_URL is missing from wrangler.toml."));
  } else if (placeholderWarning(base)) {
    findings.push(
      fail(
        `PUBLIC_BASE_URL 还是示例地址 ${base}：请改成部署后的网址，否则印出的二维码扫了打不开。`,
        `PUBLIC_BASE_URL is still the placeholder ${base}: set the deployed address, or printed codes open nothing.`,
      ),
    );
  } else if (budget) {
    findings.push(
      fail(
        `PUBLIC_BASE_URL 放不进二维码：${budget}`,
        `PUBLIC_BASE_URL does not fit the QR budget (version ≤ 4): ${base}`,
      ),
    );
  } else if (!base.startsWith("https://")) {
    findings.push(
      fail(`PUBLIC_BASE_URL 必须以 https:// 开头：${base}`, `PUBLIC_BASE_URL must start with https://: ${base}`),
    );
  } else findings.push(pass(`PUBLIC_BASE_URL：${base}，放得进二维码`, `PUBLIC_BASE_URL ${base} fits the QR budget`));

  if (DEV_FLAG in config.vars) {
    findings.push(
      fail(
        `wrangler.toml 的 [vars] 里有开发开关 ${DEV_FLAG}：部署时必须删掉。`,
        `wrangler.toml [vars] sets the development flag ${DEV_FLAG}: remove it before deploying.`,
      ),
    );
  }
  return findings;
}

/**
 * wrangler's error as one line: its [ERROR] line's first sentence, and the line after it (often a path).
 * @example wranglerError("✘ [ERROR] The directory … does not exist:\n\n  /x/site/dist\n") // "The directory … does not exist: /x/site/dist"
 */
function wranglerError(output: string): string {
  const lines = stripVTControlCharacters(output).split("\n");
  const at = lines.findIndex((line) => line.includes("[ERROR]"));
  if (at < 0) return "";
  const message = (lines[at] as string).replace(/^.*\[ERROR\]\s*/, "").replace(/(?<=[.:])\s.*$/, "");
  const next = lines.slice(at + 1).find((line) => line.trim() !== "");
  return message.endsWith(":") && next ? `${message} ${next.trim()}` : message;
}

/**
 * Whether the worker builds: `wrangler deploy --dry-run`, with CUNMA_DATA_DIR's district when set.
 * @example dryRunFinding("wrangler.toml").outcome // "pass"
 */
export function dryRunFinding(configPath: string): Finding {
  const out = mkdtempSync(join(tmpdir(), "cunma-dry-run-"));
  try {
    const args = ["deploy", "--dry-run", "--config", configPath, "--outdir", out, ...districtAliases()];
    const run = spawnSync(wranglerBin, args, {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false" },
    });
    if (run.status === 0) return pass("wrangler deploy --dry-run 通过", "wrangler deploy --dry-run passed");
    const errors = wranglerError(`${run.stderr}\n${run.stdout}`);
    const build = /assets/.test(errors);
    return fail(
      `wrangler deploy --dry-run 没有通过${build ? "（先运行 npm run build）" : ""}：${errors || `退出码 ${run.status}`}`,
      `wrangler deploy --dry-run failed${build ? " (run npm run build first)" : ""}: ${errors || `exit ${run.status}`}`,
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * The secrets' names as `wrangler secret list` gives them, or null with wrangler's reason when it cannot
 * (no account).
 */
function listedSecrets(configPath: string): { names: string[] } | { reason: string } {
  const run = spawnSync(wranglerBin, ["secret", "list", "--format", "json", "--config", configPath], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false" },
  });
  if (run.status !== 0) {
    return { reason: wranglerError(run.stderr) || `exit ${run.status}` };
  }
  try {
    return { names: (JSON.parse(run.stdout) as { name: string }[]).map((s) => s.name) };
  } catch {
    return { reason: "wrangler secret list did not answer JSON" };
  }
}

/**
 * The secrets' names set on the deployed worker: each required one present, no development flag.
 * @example secretNameFindings(["CHECKPOINT_KEY"]) // [fail RATE_LIMIT_SALT is not set, …]
 */
export function secretNameFindings(names: readonly string[]): Finding[] {
  const findings = REQUIRED_SECRETS.map((name) =>
    names.includes(name)
      ? pass(`密钥 ${name} 已设置`, `secret ${name} is set`)
      : fail(
          `密钥 ${name} 没有设置：运行 npx wrangler secret put ${name}。`,
          `secret ${name} is not set: run \`npx wrangler secret put ${name}\`.`,
        ),
  );
  if (names.includes(DEV_FLAG)) {
    findings.push(
      fail(
        `部署的 worker 设置了开发开关 ${DEV_FLAG}：运行 npx wrangler secret delete ${DEV_FLAG}。`,
        `the deployed worker has the development flag ${DEV_FLAG}: run \`npx wrangler secret delete ${DEV_FLAG}\`.`,
      ),
    );
  }
  return findings;
}

/**
 * The secrets' values, where this computer has them (a secrets file or the environment): not missing,
 * not malformed, not development values.
 * @example secretValueFindings({ CHECKPOINT_KEY: "{…dev key…}", RATE_LIMIT_SALT: "dev-x" })[0].outcome // "fail"
 */
export function secretValueFindings(values: Record<string, string | undefined>): Finding[] {
  const problem = secretProblem({ CHECKPOINT_KEY: values.CHECKPOINT_KEY, RATE_LIMIT_SALT: values.RATE_LIMIT_SALT });
  if (problem === null) return [pass("密钥的值不是开发用的值", "the secrets' values are not development values")];
  const name = problem.split(" ")[0];
  return [
    fail(
      `密钥 ${name} 不能用于部署（${problem}）：运行 npm run checkpoint-key 生成新的签名密钥，或换一个随机的盐。`,
      `secret ${problem}: make a new one (npm run checkpoint-key for the signing key, a random value for the salt).`,
    ),
  ];
}

/** Asks the deployed worker: intake answers 503 "not_configured" while a secret is missing or a dev value. */
async function deployedSecretsFinding(base: string): Promise<Finding> {
  try {
    const response = await fetch(`${base}/api/villages/000000000000/reports`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await response.json().catch(() => null)) as { error?: { code?: string } } | null;
    if (response.status === 503 && body?.error?.code === "not_configured") {
      return fail(
        "部署中的 worker 拒收反映：有密钥没设置或是开发用的值（见 npx wrangler tail 的日志）。",
        "the deployed worker refuses intake: a secret is missing or a development value (see `npx wrangler tail`).",
      );
    }
    if (typeof body?.error?.code === "string") {
      return pass("部署中的 worker 认可它的密钥", "the deployed worker accepts its secrets");
    }
    return unchecked(
      `${base} 的回答不像本门户，没能确认密钥的值。`,
      `${base} did not answer like the portal (HTTP ${response.status}); the secrets' values are not confirmed.`,
    );
  } catch (error) {
    return unchecked(
      `连不上 ${base}，没能确认密钥的值不是开发用的值。`,
      `cannot reach ${base} to confirm the secrets are not development values: ${(error as Error).message}`,
    );
  }
}

/** Every secret check: names with an account; values from the file or environment, else from the worker. */
async function secretFindings(configPath: string, config: DeployConfig, secretsFile?: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  const listed = listedSecrets(configPath);
  if ("names" in listed) findings.push(...secretNameFindings(listed.names));
  else {
    findings.push(
      unchecked(
        "没有登录 Cloudflare 账号，无法检查密钥是否已设置（设置 CLOUDFLARE_API_TOKEN 或运行 npx wrangler login）。",
        `cannot check the secrets without an account (set CLOUDFLARE_API_TOKEN or run npx wrangler login): ${listed.reason}`,
      ),
    );
  }
  const fromFile = secretsFile ? readSecretsFile(secretsFile) : {};
  const values = { ...fromFile, ...pick(process.env, REQUIRED_SECRETS) };
  if (REQUIRED_SECRETS.some((name) => values[name] !== undefined)) findings.push(...secretValueFindings(values));
  else if ("names" in listed && configFindings(config).every((f) => f.outcome === "pass")) {
    findings.push(await deployedSecretsFinding(String(config.vars.PUBLIC_BASE_URL)));
  } else {
    findings.push(
      unchecked(
        "密钥的值从 Cloudflare 读不回来：用 --secrets-file 给出要上传的密钥文件，才能检查它们不是开发用的值。",
        "secret values cannot be read back from Cloudflare: pass --secrets-file to check they are not development values.",
      ),
    );
  }
  return findings;
}

const pick = (env: NodeJS.ProcessEnv, names: readonly string[]) =>
  Object.fromEntries(names.flatMap((name) => (env[name] === undefined ? [] : [[name, env[name]]])));

/** A secrets file as `wrangler deploy --secrets-file` takes it: JSON or .env. */
function readSecretsFile(file: string): Record<string, string | undefined> {
  const text = readFileSync(file, "utf8");
  try {
    return JSON.parse(text) as Record<string, string>;
  } catch {
    return parseEnv(text);
  }
}

/**
 * Every check, in order; the worker build last but one, the account last.
 * @example (await deployFindings("wrangler.toml")).filter((f) => f.outcome === "fail")
 */
export async function deployFindings(configPath: string, secretsFile?: string): Promise<Finding[]> {
  const config = deployConfig(configPath);
  return [
    ...configFindings(config),
    dryRunFinding(configPath),
    ...(await secretFindings(configPath, config, secretsFile)),
  ];
}

const MARKS = { pass: "✓", fail: "✗", unchecked: "?" } as const;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { config: { type: "string" }, "secrets-file": { type: "string" } } });
  const configPath = resolve(values.config ?? join(root, "wrangler.toml"));
  const findings = await deployFindings(configPath, values["secrets-file"]);
  for (const f of findings) console.log(`${MARKS[f.outcome]} ${f.zh}\n  ${f.en}`);
  const failed = findings.filter((f) => f.outcome === "fail").length;
  const open = findings.filter((f) => f.outcome === "unchecked").length;
  if (failed > 0) {
    console.error(`\n${failed} 项没有通过，先别部署。 / ${failed} check(s) failed: do not deploy yet.`);
    process.exit(1);
  }
  console.log(
    open > 0
      ? `\n能检查的都通过了，${open} 项没法在这里检查。 / Every check that could run passed; ${open} could not run here.`
      : "\n全部通过，可以部署。 / Every check passed: ready to deploy.",
  );
}

if (import.meta.main) await main();
