/** Validation of the staff login body (zod, read through `c.req.valid`). */
import { validator } from "hono/validator";
import { z } from "zod";
import { HIDDEN_TEXT, hasLoneSurrogate, safeText } from "../../../schema/text.ts";
import { t } from "../../../site/src/i18n/index.ts";
import { ApiError } from "../errors.ts";

const loginBody = z.object({
  username: safeText(64).transform((s) => s.toLowerCase()),
  password: z.string().min(1).max(256),
});

/**
 * `{username, password}`, both filled in; a missing one is a 400 naming the field, a username with
 * hidden characters a 422 naming it, half a surrogate pair anywhere a 400.
 */
export const loginJson = validator("json", (value) => {
  if (hasLoneSurrogate(value)) throw new ApiError(400, "bad_encoding", t("text.badEncoding"));
  const parsed = loginBody.safeParse(value);
  if (parsed.success) return parsed.data;
  const hidden = parsed.error.issues.find((i) => i.path[0] === "username" && i.message === HIDDEN_TEXT);
  if (hidden) throw new ApiError(422, "invalid", t("staff.error.invalid"), { username: t("text.hidden") });
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field === "username") fields.username = t("staff.error.username");
    if (field === "password") fields.password = t("staff.error.password");
  }
  throw new ApiError(400, "invalid", t("staff.error.invalid"), fields);
});
