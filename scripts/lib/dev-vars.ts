/**
 * Development secrets in `.dev.vars` (ignored by git; wrangler dev reads it): a dev-only flag, an
 * Ed25519 checkpoint key marked as a dev key, and a random rate-limit salt. `npm start` and the dev
 * server of the tests and benchmarks create the file, or add what an older one lacks; a deployed
 * worker never has the flag and refuses intake with a dev key (worker/src/security/secrets.ts).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { newCheckpointKey } from "#core/checkpoint.ts";
import { DEV_FLAG, DEV_VALUE_PREFIX } from "../../worker/src/scripting.ts";
import { root } from "../wrangler.ts";

/**
 * A fresh Ed25519 private key as a JWK JSON string, its `kid` marked `dev-…`.
 * @example JSON.parse(await devCheckpointKey()).kid // "dev-3f9ac21b…"
 */
export async function devCheckpointKey(): Promise<string> {
  const jwk = JSON.parse(await newCheckpointKey()) as JsonWebKey;
  return JSON.stringify({ ...jwk, kid: `${DEV_VALUE_PREFIX}${crypto.randomUUID()}` });
}

/**
 * Every development secret, freshly made.
 * @example const vars = await devVars(); vars.CUNMA_DEV // "1"
 */
export async function devVars(): Promise<Record<string, string>> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return {
    [DEV_FLAG]: "1",
    CHECKPOINT_KEY: await devCheckpointKey(),
    RATE_LIMIT_SALT: `${DEV_VALUE_PREFIX}${Buffer.from(salt).toString("hex")}`,
  };
}

const definedNames = (text: string) => new Set([...text.matchAll(/^\s*([A-Z0-9_]+)\s*=/gm)].map((m) => m[1]));

/**
 * Creates `.dev.vars`, or adds the development secrets an existing one lacks (keeping every value it has).
 * Returns the names it added.
 * @example await ensureDevVars() // ["CUNMA_DEV", "CHECKPOINT_KEY", "RATE_LIMIT_SALT"] the first time, [] after
 */
export async function ensureDevVars(file = join(root, ".dev.vars")): Promise<string[]> {
  const existing = existsSync(file) ? readFileSync(file, "utf8") : "";
  const present = definedNames(existing);
  const missing = Object.entries(await devVars()).filter(([name]) => !present.has(name));
  if (missing.length === 0) return [];
  const header = existing === "" ? "# Development secrets for wrangler dev only. Never deploy these.\n" : "";
  const separator = existing === "" || existing.endsWith("\n") ? "" : "\n";
  // single quotes: dotenv keeps the JWK's double quotes as they are
  const lines = missing.map(([name, value]) => `${name}='${value}'\n`).join("");
  // write beside and rename, so a dev server starting at the same moment never reads half a file
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, `${existing}${separator}${header}${lines}`, { mode: 0o600 });
  renameSync(partial, file);
  return missing.map(([name]) => name);
}
