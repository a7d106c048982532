/** The staff login's contract: its body, and how a bad one is refused. */
import { z } from "@hono/zod-openapi";
import { t } from "#core/i18n/index.ts";
import { safeText } from "#core/text.ts";
import type { BodyRules } from "../contract/body.ts";
import type { Refusal } from "../contract/refusal.ts";

/** `{username, password}`, both filled in; the username compared in lower case. */
export const loginInput = z.object({
  username: safeText(64).transform((s) => s.toLowerCase()),
  password: z.string().min(1).max(256),
});

/** A JSON body of at most 16 KB. */
export const loginBodyRules: BodyRules = {
  formats: ["json"],
  maxBytes: 16 * 1024,
  tooLarge: "security.error.tooLarge",
  badJson: "reports.error.badJson",
};

/** A missing field is a 400 naming it (a username with hidden characters, a 422). */
export const loginRefusal: Refusal = {
  status: 400,
  code: "invalid",
  message: () => t("staff.error.invalid"),
  fields: { username: () => t("staff.error.username"), password: () => t("staff.error.password") },
};
