/**
 * `npm run checkpoint-key`: prints a fresh Ed25519 private key as JWK JSON, the value a deployment stores
 * with `npx wrangler secret put CHECKPOINT_KEY` (or in the self-hosted env file). It is printed once and
 * kept nowhere else; whoever holds it can sign checkpoints for the district.
 */
import { newCheckpointKey } from "#core/checkpoint.ts";

process.stdout.write(`${await newCheckpointKey()}\n`);
