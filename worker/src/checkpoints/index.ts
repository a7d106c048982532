/**
 * Signed checkpoints of every chain (RFC 9162 signed-tree-head style), public so that anyone can keep one:
 * - GET /api/checkpoints/latest → the newest checkpoint (404 before the first).
 * - GET /api/checkpoints?before=<ISO time>&limit=<1..50> → `{checkpoints, next}`, newest first; `next` is
 *   the URL of the page before, null at the first checkpoint.
 * - GET /api/checkpoints/key → `{publicKey, keyId}`: the Ed25519 key that signs them.
 * - POST /api/checkpoints/verify with a saved checkpoint → `{extends, breaks}`: whether every chain still
 *   extends it, else the chains truncated or forked; a checkpoint whose signature does not verify under the
 *   published key is a 422.
 */
import { Hono } from "hono";
import type { Checkpoint, PublicJwk } from "../../../schema/checkpoint.ts";
import { checkpointKey, checkpointSignatureValid, fingerprint } from "../../../schema/checkpoint.ts";
import { t } from "../../../site/src/i18n/index.ts";
import { sha256Hex } from "../audit/chain.ts";
import { ApiError } from "../errors.ts";
import { checkpointBreaks } from "./make.ts";
import { checkpointsBefore, latestCheckpoint } from "./queries.ts";
import { checkpointPageQuery, savedCheckpointBody } from "./schema.ts";

export const checkpointRoutes = new Hono<{ Bindings: Env }>();

/** The deployment's public key, or null when no valid CHECKPOINT_KEY is set. */
async function publishedKey(env: Env): Promise<PublicJwk | null> {
  if (!env.CHECKPOINT_KEY) return null;
  try {
    return (await checkpointKey(env.CHECKPOINT_KEY)).publicKey;
  } catch {
    return null;
  }
}

checkpointRoutes.get("/api/checkpoints/latest", async (c) => {
  const latest = await latestCheckpoint(c.env.DB);
  if (!latest) throw new ApiError(404, "not_found", t("checkpoints.error.none"));
  c.header("Cache-Control", "no-store");
  return c.json(latest);
});

checkpointRoutes.get("/api/checkpoints", checkpointPageQuery, async (c) => {
  const { before, limit } = c.req.valid("query");
  const checkpoints = await checkpointsBefore(c.env.DB, before ?? null, limit);
  const last = checkpoints.at(-1);
  const next =
    checkpoints.length === limit && last
      ? `/api/checkpoints?before=${encodeURIComponent(last.time)}&limit=${limit}`
      : null;
  c.header("Cache-Control", "no-store");
  return c.json({ checkpoints, next });
});

checkpointRoutes.get("/api/checkpoints/key", async (c) => {
  const publicKey = await publishedKey(c.env);
  if (!publicKey) throw new ApiError(404, "not_found", t("checkpoints.error.noKey"));
  const keyId = fingerprint(await sha256Hex(publicKey.x));
  c.header("Cache-Control", "public, max-age=300");
  return c.json({ publicKey, keyId });
});

checkpointRoutes.post("/api/checkpoints/verify", ...savedCheckpointBody, async (c) => {
  const saved = c.req.valid("json");
  const trusted = (await publishedKey(c.env)) ?? undefined;
  if (!(await checkpointSignatureValid(saved, trusted))) {
    throw new ApiError(422, "bad_signature", t("checkpoints.error.signature"), {
      signature: t("checkpoints.error.signature"),
    });
  }
  const breaks = await checkpointBreaks(c.env.DB, saved as unknown as Checkpoint);
  c.header("Cache-Control", "no-store");
  return c.json({ time: (saved as unknown as Checkpoint).time, extends: breaks.length === 0, breaks });
});
