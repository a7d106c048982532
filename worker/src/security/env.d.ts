// Secrets and flags the deployment sets outside wrangler.toml (see secrets.ts), merged into the generated Env.
declare namespace Cloudflare {
  interface Env {
    /** "1" only in `.dev.vars`: this is a development server. A deployed worker never has it. */
    CUNMA_DEV?: string;
    /** The Ed25519 private key (JWK JSON) that signs checkpoints: `npx wrangler secret put CHECKPOINT_KEY`. */
    CHECKPOINT_KEY?: string;
  }
}
