/**
 * A deployed worker must hold its own secrets. Without the development flag (set only in `.dev.vars`),
 * intake is refused with a 503 and a log line naming the secret while a required secret is missing or is
 * a known development value, so a deployment never signs with a key from someone's laptop or keys rate
 * limits on a salt printed in the repository.
 */
import { createMiddleware } from "hono/factory";
import { t } from "#core/i18n/index.ts";
import { ApiError } from "../errors.ts";
import { DEV_FLAG, DEV_VALUE_PREFIX } from "./dev-markers.ts";

type SecretEnv = { CUNMA_DEV?: string; CHECKPOINT_KEY?: string; RATE_LIMIT_SALT?: string };

/** Why CHECKPOINT_KEY cannot sign for a deployment, or null when it can. */
function checkpointKeyProblem(value: string | undefined): string | null {
  if (!value) return "is missing";
  let jwk: { kty?: unknown; crv?: unknown; d?: unknown; kid?: unknown };
  try {
    jwk = JSON.parse(value);
  } catch {
    return "is not a JWK JSON string";
  }
  if (jwk?.kty !== "OKP" || jwk.crv !== "Ed25519" || typeof jwk.d !== "string") {
    return "is not an Ed25519 private key";
  }
  if (typeof jwk.kid === "string" && jwk.kid.startsWith(DEV_VALUE_PREFIX)) return "is a development key";
  return null;
}

/**
 * The first required secret a deployment lacks, as "NAME reason", or null when all are in place (or this
 * is a development server).
 * @example secretProblem({ CHECKPOINT_KEY: undefined }) // "CHECKPOINT_KEY is missing"
 */
export function secretProblem(env: SecretEnv): string | null {
  if (env[DEV_FLAG] === "1") return null;
  const key = checkpointKeyProblem(env.CHECKPOINT_KEY);
  if (key) return `CHECKPOINT_KEY ${key}`;
  if (!env.RATE_LIMIT_SALT) return "RATE_LIMIT_SALT is missing";
  // `.dev.vars` salts start with dev-, and so does the one wrangler.toml once shipped (dev-only-rate-limit-salt)
  if (env.RATE_LIMIT_SALT.startsWith(DEV_VALUE_PREFIX)) return "RATE_LIMIT_SALT is a development value";
  return null;
}

/**
 * Refuses intake (503, the honest "not configured" answer) while a secret is missing or a dev value.
 * @example app.use("/api/villages/:code/reports", requireDeployedSecrets);
 */
export const requireDeployedSecrets = createMiddleware<{ Bindings: SecretEnv }>(async (c, next) => {
  if (c.req.method !== "POST") return next();
  const problem = secretProblem(c.env);
  if (!problem) return next();
  const name = problem.split(" ")[0];
  console.error(`intake refused: secret ${problem}; set it with \`npx wrangler secret put ${name}\``);
  throw new ApiError(503, "not_configured", t("security.error.notConfigured"));
});
