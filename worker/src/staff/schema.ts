/** Validation of the staff login body (zod, read through `c.req.valid`). */
import { validator } from "hono/validator";
import { z } from "zod";
import { t } from "../../../site/src/i18n/index.ts";
import { ApiError } from "../errors.ts";

const loginBody = z.object({
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(256),
});

/** `{username, password}`, both filled in; a missing one is a 400 naming the field. */
export const loginJson = validator("json", (value) => {
  const parsed = loginBody.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field === "username") fields.username = t("staff.error.username");
    if (field === "password") fields.password = t("staff.error.password");
  }
  throw new ApiError(400, "invalid", t("staff.error.invalid"), fields);
});
