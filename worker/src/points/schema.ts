/** The points routes' contract: how a bad body or id is refused, and how much a body may hold. */
import { t } from "#core/i18n/index.ts";
import { POINTS_MAX, REASON_MAX } from "#core/points.ts";
import { CONTENT_MAX, CONTENT_MIN } from "#core/report.ts";
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
