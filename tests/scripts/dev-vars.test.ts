/**
 * `.dev.vars` as `npm start` and the test dev server write it: wrangler reads back the dev flag, a dev-
 * marked Ed25519 key that signs, and a dev- salt; an existing file keeps its values and gains what it lacks.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getPlatformProxy } from "wrangler";
import { ensureDevVars } from "../../scripts/lib/dev-vars.ts";

const dir = mkdtempSync(join(tmpdir(), "cunma-dev-vars-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe(".dev.vars", () => {
  it("is written so that wrangler reads a dev flag, a dev- Ed25519 key that signs, and a dev- salt", async () => {
    writeFileSync(join(dir, "wrangler.toml"), 'name = "dev-vars-check"\ncompatibility_date = "2026-11-01"\n');
    expect(await ensureDevVars(join(dir, ".dev.vars"))).toEqual(["CUNMA_DEV", "CHECKPOINT_KEY", "RATE_LIMIT_SALT"]);
    const proxy = await getPlatformProxy<Record<string, string>>({
      configPath: join(dir, "wrangler.toml"),
      persist: false,
    });
    try {
      expect(proxy.env.CUNMA_DEV).toBe("1");
      expect(proxy.env.RATE_LIMIT_SALT).toMatch(/^dev-[0-9a-f]{32}$/);
      const jwk = JSON.parse(proxy.env.CHECKPOINT_KEY as string);
      expect(jwk).toMatchObject({ kty: "OKP", crv: "Ed25519", kid: expect.stringMatching(/^dev-/) });
      const key = await crypto.subtle.importKey("jwk", jwk, { name: "Ed25519" }, false, ["sign"]);
      const signature = await crypto.subtle.sign({ name: "Ed25519" }, key, new TextEncoder().encode("checkpoint"));
      expect(signature.byteLength).toBe(64);
    } finally {
      await proxy.dispose();
    }
  });

  it("keeps what an existing file holds and adds only what it lacks", async () => {
    const file = join(dir, "older.dev.vars");
    writeFileSync(file, "RATE_LIMIT_SALT='my-own-salt'\nEXTRA=1");
    expect(await ensureDevVars(file)).toEqual(["CUNMA_DEV", "CHECKPOINT_KEY"]);
    const text = readFileSync(file, "utf8");
    expect(text.startsWith("RATE_LIMIT_SALT='my-own-salt'\nEXTRA=1\n")).toBe(true);
    expect(await ensureDevVars(file)).toEqual([]);
    expect(readFileSync(file, "utf8")).toBe(text);
  });
});
