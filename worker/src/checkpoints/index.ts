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
import type { Checkpoint, PublicJwk } from "#core/checkpoint.ts";
import { checkpointKey, checkpointSignatureValid, fingerprint } from "#core/checkpoint.ts";
import { sha256Hex } from "#core/hash.ts";
import { t } from "#core/i18n/index.ts";
import { body, createRouter, json, route } from "../contract/router.ts";
import { ApiError } from "../errors.ts";
import { checkpointBreaks } from "./make.ts";
import { checkpointsBefore, latestCheckpoint } from "./queries.ts";
import { checkpointBodyRules, checkpointPageQuery, pageRefusal, savedCheckpoint } from "./schema.ts";

export const checkpointRoutes = createRouter<{ Bindings: Env }>();

/** The deployment's public key, or null when no valid CHECKPOINT_KEY is set. */
async function publishedKey(env: Env): Promise<PublicJwk | null> {
  if (!env.CHECKPOINT_KEY) return null;
  try {
    return (await checkpointKey(env.CHECKPOINT_KEY)).publicKey;
  } catch {
    return null;
  }
}

const latestRoute = route(
  {
    method: "get",
    path: "/api/checkpoints/latest",
    summary: "最新的签名检查点",
    responses: json<Checkpoint>("检查点"),
  },
  { errors: { 404: "还没有检查点" } },
);

const latest = checkpointRoutes.openapi(latestRoute, async (c) => {
  const checkpoint = await latestCheckpoint(c.env.DB);
  if (!checkpoint) throw new ApiError(404, "not_found", t("checkpoints.error.none"));
  c.header("Cache-Control", "no-store");
  return c.json(checkpoint, 200);
});

const pageRoute = route(
  {
    method: "get",
    path: "/api/checkpoints",
    summary: "检查点，从新到旧一页一页",
    request: { query: checkpointPageQuery },
    responses: json<{ checkpoints: Awaited<ReturnType<typeof checkpointsBefore>>; next: string | null }>(
      "{checkpoints, next}",
    ),
  },
  { refusals: { query: pageRefusal } },
);

const page = checkpointRoutes.openapi(pageRoute, async (c) => {
  const { before, limit } = c.req.valid("query");
  const checkpoints = await checkpointsBefore(c.env.DB, before ?? null, limit);
  const last = checkpoints.at(-1);
  const next =
    checkpoints.length === limit && last
      ? `/api/checkpoints?before=${encodeURIComponent(last.time)}&limit=${limit}`
      : null;
  c.header("Cache-Control", "no-store");
  return c.json({ checkpoints, next }, 200);
});

const keyRoute = route(
  {
    method: "get",
    path: "/api/checkpoints/key",
    summary: "签检查点的 Ed25519 公钥",
    responses: json<{ publicKey: PublicJwk; keyId: ReturnType<typeof fingerprint> }>("{publicKey, keyId}"),
  },
  { errors: { 404: "没有配置签名密钥" } },
);

const key = checkpointRoutes.openapi(keyRoute, async (c) => {
  const publicKey = await publishedKey(c.env);
  if (!publicKey) throw new ApiError(404, "not_found", t("checkpoints.error.noKey"));
  const keyId = fingerprint(await sha256Hex(publicKey.x));
  c.header("Cache-Control", "public, max-age=300");
  return c.json({ publicKey, keyId }, 200);
});

const verifyRoute = route(
  {
    method: "post",
    path: "/api/checkpoints/verify",
    summary: "核对保存的检查点：每条链是否仍然接着它",
    request: { body: body(savedCheckpoint) },
    responses: json<{
      time: Checkpoint["time"];
      extends: boolean;
      breaks: Awaited<ReturnType<typeof checkpointBreaks>>;
    }>("{time, extends, breaks}"),
  },
  { body: checkpointBodyRules, errors: { 422: "签名核对不上" } },
);

const verify = checkpointRoutes.openapi(verifyRoute, async (c) => {
  const saved = c.req.valid("json");
  const trusted = (await publishedKey(c.env)) ?? undefined;
  if (!(await checkpointSignatureValid(saved, trusted))) {
    throw new ApiError(422, "bad_signature", t("checkpoints.error.signature"), {
      signature: t("checkpoints.error.signature"),
    });
  }
  const breaks = await checkpointBreaks(c.env.DB, saved as unknown as Checkpoint);
  c.header("Cache-Control", "no-store");
  return c.json({ time: (saved as unknown as Checkpoint).time, extends: breaks.length === 0, breaks }, 200);
});

/** The typed routes of this sub-app, for the typed client (client.ts). */
export type CheckpointApi = typeof latest | typeof page | typeof key | typeof verify;
