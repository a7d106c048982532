/** Validation of the audit log's paging query (zod, read through `c.req.valid`). */
import { validator } from "hono/validator";
import { z } from "zod";
import { t } from "../../../site/src/i18n/index.ts";
import { ApiError } from "../errors.ts";

const pageQuery = z.object({
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** `?before=<seq>&limit=<1..200>`: rows older than `before`, newest first. */
export const auditPageQuery = validator("query", (value) => {
  const parsed = pageQuery.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), t("staff.error.auditPage")]));
  throw new ApiError(400, "invalid", t("staff.error.auditPage"), fields);
});
