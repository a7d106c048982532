/**
 * `npm run serve -- --env-file FILE`, as the systemd unit of docs/deploy-self-hosted.md starts it: every
 * setting comes from the file and none from the environment, CUNMA_DATA_DIR included (read when the
 * reference data is first evaluated, so the file must be loaded before any module reads it).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newCheckpointKey } from "#core/checkpoint.ts";
import { root } from "../../worker/node/runtime.ts";
import { reportBody } from "../fixtures/reports.ts";

const node = join(root, "node_modules", ".bin", "node");
const work = mkdtempSync(join(tmpdir(), "cunma-env-file-"));
const district = join(work, "district");
const site = join(work, "site");
const envFile = join(work, "cunma.env");
/** Only PATH from the test's environment: what the unit's process has before it reads the file. */
const bare = { PATH: process.env.PATH } as unknown as NodeJS.ProcessEnv;

/** Starts `scripts/serve.ts --env-file envFile`; resolves with its address once it listens. */
function serveWithEnvFile(): Promise<{ base: string; server: ChildProcess }> {
  const server = spawn(node, ["--disable-warning=ExperimentalWarning", "scripts/serve.ts", "--env-file", envFile], {
    cwd: root,
    env: bare,
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    const listen = (chunk: Buffer) => {
      output += chunk;
      const match = /serving on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (match?.[1]) resolve({ base: match[1], server });
    };
    server.stdout?.on("data", listen);
    server.stderr?.on("data", listen);
    server.on("exit", (code) => reject(new Error(`serve exited ${code}:\n${output}`)));
  });
}

describe("npm run serve -- --env-file, with another district's CUNMA_DATA_DIR in the file", () => {
  let running: { base: string; server: ChildProcess } | undefined;

  beforeAll(async () => {
    mkdirSync(district);
    const imported = spawnSync(
      node,
      [
        "scripts/district.ts",
        "import",
        "tests/fixtures/district/villages.csv",
        "--out",
        district,
        "--contact",
        "0000-1234567",
      ],
      { cwd: root, env: bare, encoding: "utf8" },
    );
    expect(imported.status, imported.stderr).toBe(0);
    mkdirSync(site);
    writeFileSync(join(site, "index.html"), "<!doctype html><title>村码</title>");
    const settings = {
      PORT: "0",
      HOST: "127.0.0.1",
      DATA_DIR: join(work, "data"),
      SITE_DIR: site,
      CUNMA_DATA_DIR: district,
      CHECKPOINT_KEY: `'${await newCheckpointKey()}'`,
      RATE_LIMIT_SALT: randomBytes(32).toString("hex"),
    };
    writeFileSync(
      envFile,
      Object.entries(settings)
        .map(([name, value]) => `${name}=${value}\n`)
        .join(""),
      { mode: 0o600 },
    );
    running = await serveWithEnvFile();
  }, 120_000);

  afterAll(async () => {
    if (running?.server.exitCode === null) {
      const stopped = new Promise((resolve) => running?.server.once("exit", resolve));
      running.server.kill("SIGTERM");
      await stopped;
    }
    rmSync(work, { recursive: true, force: true });
  });

  const report = (village: string) =>
    fetch(`${running?.base}/api/villages/${village}/reports`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() },
      body: JSON.stringify(reportBody()),
    });

  it("takes a report for a village of the file's district and refuses one of 沾化区", async () => {
    expect((await report("379901101203")).status).toBe(201);
    expect((await report("371603104201")).status).toBe(404);
  });
});
