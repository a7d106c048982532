/**
 * The checkpoint signing secret, declared here (not in the generated worker-configuration.d.ts) because it
 * is a secret, never a [vars] value: an Ed25519 private key as a JWK JSON string. `npm start` writes a
 * development key into .dev.vars; a deployment sets its own with `wrangler secret put CHECKPOINT_KEY`.
 */
declare namespace Cloudflare {
  interface Env {
    CHECKPOINT_KEY?: string;
  }
}
interface Env {
  CHECKPOINT_KEY?: string;
}
