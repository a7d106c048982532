/** The points routes' contract: how a bad body or id is refused, and how much a body may hold. */
import { z } from "@hono/zod-openapi";
import { t } from "#core/i18n/index.ts";
import { POINTS_MAX, REASON_MAX } from "#core/points.ts";
import { CONTENT_MAX, CONTENT_MIN, normalizeReceipt } from "#core/report.ts";
import { safeText } from "#core/text.ts";
import type { BodyRules } from "../contract/body.ts";
import { notFound } from "../contract/params.ts";
import type { FieldMessage, Refusal } from "../contract/refusal.ts";

const messages: Record<string, FieldMessage> = {
  village: () => t("points.error.village"),
  rules: () => t("points.error.rules", { max: POINTS_MAX }),
  reason: () => t("points.error.reason", { max: REASON_MAX }),
  number: () => t("points.error.number"),
  name: () => t("points.error.name"),
  household: () => t("points.error.household"),
  rule: () => t("points.error.rule", { rule: "" }),
  date: () => t("points.error.date"),
  quarter: () => t("points.error.quarter"),
  opensOn: () => t("points.error.window"),
  closesOn: () => t("points.error.window"),
  goods: () => t("points.error.goods", { max: POINTS_MAX }),
  quantity: () => t("points.error.quantity"),
  entry: () => t("points.error.entry"),
  content: () => t("points.error.content", { min: CONTENT_MIN, max: CONTENT_MAX }),
};

/** A bad points body: a 422 naming each field. */
export const pointsRefusal: Refusal = {
  status: 422,
  code: "invalid",
  message: () => t("points.error.invalid"),
  fields: messages,
};

/** An entry id that is not one: the same 404 as an entry that does not exist. */
export const entryNotFound = notFound("points.error.notFound");

/** A card code that is not one: the same 404 as a card that does not exist. */
export const cardNotFound = notFound("points.error.card");

/** Points bodies are small JSON (rules and goods lists at most). */
export const pointsBodyRules: BodyRules = {
  formats: ["json"],
  maxBytes: 64 * 1024,
  tooLarge: "points.error.tooLarge",
  badJson: "points.error.badJson",
};

/** `/h/{code}`: a household card's code as printed (spaces allowed), normalized; the handler checks it. */
export const cardParams = z.object({
  code: z
    .string()
    .transform((value) => normalizeReceipt(value))
    .openapi({ param: { name: "code", in: "path" }, example: "1234567890123452" }),
});

/** A household's question about one of its entries (JSON, or the card page's plain form). */
export const questionInput = z.object({
  entry: z.coerce.number().int().positive(),
  content: safeText(CONTENT_MAX - 100, { min: CONTENT_MIN, multiline: true }),
  key: z.string().optional(),
});

/** The question form and its JSON twin: small. */
export const questionBodyRules: BodyRules = {
  formats: ["json", "form"],
  maxBytes: 16 * 1024,
  tooLarge: "points.error.tooLarge",
  badJson: "points.error.badJson",
};
