/**
 * Item 12: a deployed worker (no CUNMA_DEV flag) refuses intake with a 503 and a log line naming the secret
 * while CHECKPOINT_KEY is missing, not an Ed25519 private key, or a development key, or while
 * RATE_LIMIT_SALT is missing or a development value. Reading pages and everything else keeps working; with real secrets intake
 * works without the flag.
 */
import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createApp } from "../../worker/src/app.ts";
import { reportBody } from "../fixtures/reports.ts";
import { errorOf } from "../fixtures/staff.ts";

const VILLAGE = "371603104201";
const ORIGIN = "https://cunma.test";
let ip = 0;

async function ed25519Jwk(kid: string): Promise<string> {
  const pair = (await crypto.subtle.generateKey({ name: "Ed25519" }, true, ["sign", "verify"])) as CryptoKeyPair;
  return JSON.stringify({ ...(await crypto.subtle.exportKey("jwk", pair.privateKey)), kid });
}

/** The test bindings as a deployment would have them: no dev flag, and these secrets. */
function deployed(secrets: { CHECKPOINT_KEY?: string | undefined; RATE_LIMIT_SALT?: string }): Env {
  const { CUNMA_DEV: _flag, CHECKPOINT_KEY: _key, RATE_LIMIT_SALT: _salt, ...rest } = env;
  return { ...rest, ...secrets } as Env;
}

function intake(bindings: Env) {
  return createApp().request(
    `${ORIGIN}/api/villages/${VILLAGE}/reports`,
    {
      method: "POST",
      headers: { "Content-Type": "application/json", "CF-Connecting-IP": `203.0.113.${++ip}` },
      body: JSON.stringify(reportBody({ content: `部署检查的问题，第 ${ip} 条，请问修路花了多少？` })),
    },
    bindings,
  );
}

afterEach(() => vi.restoreAllMocks());

describe("a deployed worker with its secrets missing or left at dev values", () => {
  it("the test bindings are a development server's: dev flag and a dev- key", () => {
    expect(env.CUNMA_DEV).toBe("1");
    expect(JSON.parse(env.CHECKPOINT_KEY ?? "{}").kid).toMatch(/^dev-/);
  });

  const cases: [string, () => Promise<{ CHECKPOINT_KEY?: string; RATE_LIMIT_SALT?: string }>, string][] = [
    ["no CHECKPOINT_KEY", async () => ({}), "CHECKPOINT_KEY is missing"],
    ["a CHECKPOINT_KEY that is not JSON", async () => ({ CHECKPOINT_KEY: "secret" }), "CHECKPOINT_KEY is not"],
    [
      "a CHECKPOINT_KEY that is a public key only",
      async () => {
        const { d: _d, ...pub } = JSON.parse(await ed25519Jwk("prod-1"));
        return { CHECKPOINT_KEY: JSON.stringify(pub) };
      },
      "CHECKPOINT_KEY is not an Ed25519 private key",
    ],
    ["a dev- CHECKPOINT_KEY", async () => ({ CHECKPOINT_KEY: await ed25519Jwk("dev-laptop") }), "development key"],
    [
      "the salt wrangler.toml once shipped",
      async () => ({ CHECKPOINT_KEY: await ed25519Jwk("prod-1"), RATE_LIMIT_SALT: "dev-only-rate-limit-salt" }),
      "RATE_LIMIT_SALT is a development value",
    ],
    [
      "a .dev.vars salt",
      async () => ({ CHECKPOINT_KEY: await ed25519Jwk("prod-1"), RATE_LIMIT_SALT: "dev-0a1b2c3d" }),
      "RATE_LIMIT_SALT is a development value",
    ],
    ["no salt", async () => ({ CHECKPOINT_KEY: await ed25519Jwk("prod-1") }), "RATE_LIMIT_SALT is missing"],
  ];

  for (const [name, secrets, logged] of cases) {
    it(`refuses intake with a 503 and a log line: ${name}`, async () => {
      const errors = vi.spyOn(console, "error").mockImplementation(() => {});
      const res = await intake(deployed(await secrets()));
      expect(res.status).toBe(503);
      const body = await errorOf(res);
      expect(body.error.code).toBe("not_configured");
      expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
      const lines = errors.mock.calls.map((call) => call.join(" "));
      expect(lines.some((line) => line.includes(logged))).toBe(true);
      // the log names the secret, never the client
      expect(lines.join("\n")).not.toMatch(/203\.0\.113|部署检查/);
    });
  }

  it("keeps serving pages and receipts while intake is refused", async () => {
    const bindings = deployed({});
    const app = createApp();
    expect((await app.request(`${ORIGIN}/v/${VILLAGE}/`, {}, bindings)).status).toBe(200);
    expect((await app.request(`${ORIGIN}/api/catalogue`, {}, bindings)).status).toBe(200);
  });

  it("accepts intake with a real key and salt and no dev flag", async () => {
    const res = await intake(
      deployed({ CHECKPOINT_KEY: await ed25519Jwk("cunma-2026"), RATE_LIMIT_SALT: "a-real-salt" }),
    );
    expect(res.status).toBe(201);
  });

  it("accepts intake on a development server (the dev flag), dev key and all", async () => {
    expect((await intake(env)).status).toBe(201);
  });
});
