/** The audit log's paging query, and how a bad one is refused. */
import { z } from "@hono/zod-openapi";
import { t } from "#core/i18n/index.ts";
import type { Refusal } from "../contract/refusal.ts";

/** `?before=<seq>&limit=<1..200>`: rows older than `before`, newest first. */
export const auditPageQuery = z.object({
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Any bad paging parameter: a 400 naming it. */
export const auditPageRefusal: Refusal = { status: 400, code: "invalid", message: () => t("staff.error.auditPage") };
