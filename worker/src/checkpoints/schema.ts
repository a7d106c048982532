/** Validation of the checkpoint routes' query and body (read through `c.req.valid`). */
import { bodyLimit } from "hono/body-limit";
import { validator } from "hono/validator";
import { z } from "zod";
import { t } from "../../../site/src/i18n/index.ts";
import { ApiError } from "../errors.ts";

const pageQuery = z.object({
  before: z.iso.datetime().optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

/** `?before=<ISO time>&limit=<1..50>`: checkpoints made before that time, newest first. */
export const checkpointPageQuery = validator("query", (value) => {
  const parsed = pageQuery.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = Object.fromEntries(
    parsed.error.issues.map((i) => [
      String(i.path[0]),
      t(`checkpoints.error.${i.path[0] === "limit" ? "limit" : "before"}`),
    ]),
  );
  throw new ApiError(400, "invalid", t("checkpoints.error.page"), fields);
});

/** A saved checkpoint lists every village: well under 256 KB, chunked or not. */
export const CHECKPOINT_BODY_MAX = 256 * 1024;

/** The body of POST /api/checkpoints/verify: a saved checkpoint, as JSON, read at most to its cap. */
export const savedCheckpointBody = [
  bodyLimit({
    maxSize: CHECKPOINT_BODY_MAX,
    onError: () => {
      throw new ApiError(413, "too_large", t("checkpoints.error.tooLarge"));
    },
  }),
  validator("json", (value) => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      throw new ApiError(400, "bad_json", t("checkpoints.error.badJson"));
    }
    return value as Record<string, unknown>;
  }),
] as const;
