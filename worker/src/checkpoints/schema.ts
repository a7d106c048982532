/** The checkpoint routes' contract: the paging query, a saved checkpoint's body, and their refusals. */
import { z } from "@hono/zod-openapi";
import { t } from "#core/i18n/index.ts";
import type { BodyRules } from "../contract/body.ts";
import type { Refusal } from "../contract/refusal.ts";

/** `?before=<ISO time>&limit=<1..50>`: checkpoints made before that time, newest first. */
export const checkpointPageQuery = z.object({
  before: z.iso.datetime().optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

/** A bad paging parameter: a 400 naming it. */
export const pageRefusal: Refusal = {
  status: 400,
  code: "invalid",
  message: () => t("checkpoints.error.page"),
  fields: { before: () => t("checkpoints.error.before"), limit: () => t("checkpoints.error.limit") },
};

/** A saved checkpoint lists every village: well under 256 KB, chunked or not. */
export const CHECKPOINT_BODY_MAX = 256 * 1024;

/** The body of POST /api/checkpoints/verify: a saved checkpoint, as JSON; its signature says the rest. */
export const savedCheckpoint = z.record(z.string(), z.unknown());

/** A saved checkpoint is JSON, read at most to its cap. */
export const checkpointBodyRules: BodyRules = {
  formats: ["json"],
  maxBytes: CHECKPOINT_BODY_MAX,
  tooLarge: "checkpoints.error.tooLarge",
  badJson: "checkpoints.error.badJson",
};
