/**
 * Issue 13, deploy preflight: `npm run deploy:check` names every reason not to deploy, in Chinese and
 * English, and exits 1. Here the parts that need no Cloudflare account run on temporary copies of
 * wrangler.toml: the placeholder database id and address, a base URL too long for the QR budget, the
 * development flag, development secrets in the file to upload, and `wrangler deploy --dry-run` itself.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { newCheckpointKey } from "#core/checkpoint.ts";
import {
  configFindings,
  deployConfig,
  PLACEHOLDER_DATABASE_ID,
  secretValueFindings,
} from "../../scripts/deploy-check.ts";
import { devVars } from "../../scripts/lib/dev-vars.ts";
import { root } from "../../scripts/wrangler.ts";

const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), "cunma-deploy-check-"));
const assets = join(work, "dist");
mkdirSync(assets);
writeFileSync(join(assets, "index.html"), "<!doctype html><title>村码</title>");
afterAll(() => rmSync(work, { recursive: true, force: true }));

const REAL_ID = "3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b";
let copies = 0;

/** A copy of wrangler.toml with paths made absolute, the given database id and base URL, and extra vars. */
function wranglerToml(databaseId: string, baseUrl: string, extraVars = ""): string {
  const toml = readFileSync(join(root, "wrangler.toml"), "utf8")
    .replace('main = "worker/src/index.ts"', `main = "${join(root, "worker/src/index.ts")}"`)
    .replace('directory = "site/dist"', `directory = "${assets}"`)
    .replace('migrations_dir = "schema/migrations"', `migrations_dir = "${join(root, "schema/migrations")}"`)
    .replace(`database_id = "${PLACEHOLDER_DATABASE_ID}"`, `database_id = "${databaseId}"`)
    .replace(/^PUBLIC_BASE_URL = ".*"$/m, `PUBLIC_BASE_URL = "${baseUrl}"${extraVars}`);
  const file = join(work, `wrangler-${++copies}.toml`);
  writeFileSync(file, toml);
  return file;
}

/** `npm run deploy:check` as a deployer runs it, without a Cloudflare account. */
function deployCheck(...args: string[]) {
  const env = { ...process.env };
  delete env.CLOUDFLARE_API_TOKEN;
  return run(process.execPath, [join(root, "scripts/deploy-check.ts"), ...args], { cwd: root, env }).then(
    (done) => ({ code: 0, ...done }),
    (failed: { code: number; stdout: string; stderr: string }) => failed,
  );
}

const failures = (file: string) =>
  configFindings(deployConfig(file))
    .filter((f) => f.outcome === "fail")
    .map((f) => f.en);

describe("deploy:check on wrangler.toml", () => {
  it("refuses the placeholder database id and address, as wrangler.toml ships", () => {
    expect(failures(join(root, "wrangler.toml"))).toEqual([
      expect.stringContaining("D1 database_id in wrangler.toml is the placeholder"),
      expect.stringContaining("PUBLIC_BASE_URL is still the placeholder https://cunma.example.cn"),
    ]);
  });

  it("refuses an address too long for a version-4 code, a plain http one, and the development flag", () => {
    const long = wranglerToml(
      REAL_ID,
      "https://village-supervision-portal.some-long-county-name.gov.cn",
      '\nCUNMA_DEV = "1"',
    );
    expect(failures(long)).toEqual([
      expect.stringContaining("does not fit the QR budget"),
      expect.stringContaining("development flag CUNMA_DEV"),
    ]);
    expect(failures(wranglerToml(REAL_ID, "http://cunma.gov.cn"))).toEqual([
      expect.stringContaining("must start with https://"),
    ]);
  });

  it("passes a real database id and a short https address", () => {
    expect(failures(wranglerToml(REAL_ID, "https://cunma.zhanhua.gov.cn"))).toEqual([]);
  });
});

describe("deploy:check on the secrets to upload", () => {
  it("refuses development values and missing ones, naming the secret", async () => {
    const dev = await devVars();
    expect(secretValueFindings(dev).map((f) => [f.outcome, f.en])).toEqual([
      ["fail", expect.stringContaining("CHECKPOINT_KEY is a development key")],
    ]);
    const key = await newCheckpointKey();
    expect(secretValueFindings({ CHECKPOINT_KEY: key, RATE_LIMIT_SALT: "dev-abc" })[0]?.en).toContain(
      "RATE_LIMIT_SALT is a development value",
    );
    expect(secretValueFindings({ CHECKPOINT_KEY: key })[0]?.en).toContain("RATE_LIMIT_SALT is missing");
    expect(secretValueFindings({ CHECKPOINT_KEY: key, RATE_LIMIT_SALT: "k3Jq9w…" })[0]?.outcome).toBe("pass");
  });
});

describe("npm run deploy:check", () => {
  it("names every failure, in Chinese and English, builds the worker, and exits 1", async () => {
    const secrets = join(work, "dev-secrets.json");
    writeFileSync(secrets, JSON.stringify(await devVars()));
    const result = await deployCheck(
      "--config",
      wranglerToml(PLACEHOLDER_DATABASE_ID, "https://cunma.example.cn"),
      "--secrets-file",
      secrets,
    );
    expect(result.code).toBe(1);
    const out = result.stdout;
    expect(out).toContain("✗ wrangler.toml 里 D1 数据库的 database_id 还是占位符");
    expect(out).toContain("✗ PUBLIC_BASE_URL 还是示例地址 https://cunma.example.cn");
    expect(out).toContain("✓ wrangler deploy --dry-run 通过");
    expect(out).toContain("? 没有登录 Cloudflare 账号，无法检查密钥是否已设置");
    expect(out).toContain("cannot check the secrets without an account");
    expect(out).toContain("✗ 密钥 CHECKPOINT_KEY 不能用于部署（CHECKPOINT_KEY is a development key）");
    expect(result.stderr).toContain("3 项没有通过，先别部署。 / 3 check(s) failed: do not deploy yet.");
  }, 120_000);

  it("passes what it can check here when the configuration and the secrets are real", async () => {
    const secrets = join(work, "secrets.env");
    writeFileSync(secrets, `CHECKPOINT_KEY='${await newCheckpointKey()}'\nRATE_LIMIT_SALT=k3Jq9wZr7Tx2\n`);
    const result = await deployCheck(
      "--config",
      wranglerToml(REAL_ID, "https://cunma.zhanhua.gov.cn"),
      "--secrets-file",
      secrets,
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain("✗");
    expect(result.stdout).toContain("✓ 密钥的值不是开发用的值");
    expect(result.stdout).toContain("能检查的都通过了，1 项没法在这里检查。");
  }, 120_000);
});
