/**
 * The self-hosted server around the worker: where the client address comes from (the rate limiter keys
 * on it), what the assets router answers without the worker, and the refusal to start without secrets.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "../../worker/node/runtime.ts";
import { dueCrons } from "../../worker/node/serve.ts";
import { reportBody } from "../fixtures/reports.ts";
import { startTestServer } from "./server.ts";

type Server = Awaited<ReturnType<typeof startTestServer>>;

const submit = (server: Server, village: string, headers: Record<string, string>) =>
  fetch(`${server.base}/api/villages/${village}/reports`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID(), ...headers },
    body: JSON.stringify(reportBody()),
  });

describe("the client address, served directly", () => {
  let server: Server;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it("is the socket's: a CF-Connecting-IP or X-Forwarded-For the client made up changes nothing", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const forged = { "CF-Connecting-IP": `198.51.100.${i}`, "X-Forwarded-For": `203.0.113.${i}` };
      statuses.push((await submit(server, "371603104201", forged)).status);
    }
    // five a day from one client to one village, whatever it claims to be
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429]);
  });

  it("answers static pages from site/dist, the village page through the worker, and 404/405 like Cloudflare", async () => {
    const login = await fetch(`${server.base}/staff/login/`);
    expect(login.status).toBe(200);
    expect(login.headers.get("Content-Security-Policy")).toContain("frame-ancestors 'none'");
    const village = await fetch(`${server.base}/v/371603104201/`);
    expect(village.status).toBe(200);
    expect(await village.text()).toContain("<h1>");
    const missing = await fetch(`${server.base}/no/such/page/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("没有找到这个页面");
    expect((await fetch(`${server.base}/staff/login/`, { method: "POST" })).status).toBe(405);
    expect((await fetch(`${server.base}/_headers`)).status).toBe(404);
  });
});

describe("the client address behind a trusted proxy (TRUST_PROXY=1)", () => {
  let server: Server;
  beforeAll(async () => {
    server = await startTestServer({ trustProxy: true });
  });
  afterAll(() => server.stop());

  it("is the last X-Forwarded-For entry, the one the proxy added", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      // the client's own claim comes first; nginx appends the address it saw
      const headers = { "X-Forwarded-For": `203.0.113.9, 192.0.2.${i}`, "CF-Connecting-IP": "203.0.113.9" };
      statuses.push((await submit(server, "371603104202", headers)).status);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 201, 201]);
    const same = [];
    for (let i = 0; i < 6; i++)
      same.push((await submit(server, "371603104203", { "X-Forwarded-For": "192.0.2.200" })).status);
    expect(same).toEqual([201, 201, 201, 201, 201, 429]);
  });

  it("is https when the proxy says so, with HSTS", async () => {
    const res = await fetch(`${server.base}/api/health`, { headers: { "X-Forwarded-Proto": "https" } });
    expect(res.headers.get("Strict-Transport-Security")).toContain("max-age=");
    const plain = await fetch(`${server.base}/api/health`);
    expect(plain.headers.get("Strict-Transport-Security")).toBeNull();
  });
});

describe("the crons on a timer", () => {
  it("fire as wrangler.toml says: every minute, and the daily one at 17:00 UTC (01:00 China time)", () => {
    expect(dueCrons(new Date("2026-12-02T17:00:00Z"))).toEqual(["0 17 * * *", "* * * * *"]);
    expect(dueCrons(new Date("2026-12-02T17:01:00Z"))).toEqual(["* * * * *"]);
    expect(dueCrons(new Date("2026-12-02T05:00:00Z"))).toEqual(["* * * * *"]);
  });
});

describe("npm run serve", () => {
  it("refuses to start without the secrets, naming the missing one", () => {
    const run = spawnSync(
      join(root, "node_modules", ".bin", "node"),
      ["--disable-warning=ExperimentalWarning", "scripts/serve.ts"],
      {
        cwd: root,
        encoding: "utf8",
        // the development flag without --dev does not count
        env: {
          PATH: process.env.PATH,
          CUNMA_DEV: "1",
          RATE_LIMIT_SALT: "dev-x",
          DATA_DIR: "/nonexistent",
        } as unknown as NodeJS.ProcessEnv,
        timeout: 60_000,
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("CHECKPOINT_KEY is missing");
  });
});
