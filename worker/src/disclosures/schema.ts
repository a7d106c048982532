/** The disclosure routes' contract: the publishing bodies, and how a bad one is refused. */

import { t } from "#core/i18n/index.ts";
import { CONTENT_MAX, CSV_MAX_BYTES, REASON_MAX, REASON_MIN, TITLE_MAX } from "#core/publish.ts";
import type { BodyRules } from "../contract/body.ts";
import { notFound, unknownPlace } from "../contract/params.ts";
import type { Refusal } from "../contract/refusal.ts";

/**
 * A publishing body (a disclosure, a correction, a meeting): JSON, at most a CSV's base64 (a third larger
 * than the file) and the rest of a version.
 */
export const publishBodyRules: BodyRules = {
  formats: ["json"],
  maxBytes: Math.ceil(CSV_MAX_BYTES / 3) * 4 + 64 * 1024,
  tooLarge: "publish.error.csvFile",
  badJson: "publish.error.badJson",
};

/** A bad version: a 422 naming each field; a table row by its number (`tables.3`). */
export const versionRefusal: Refusal = {
  status: 422,
  code: "invalid",
  message: () => t("publish.error.invalid"),
  rows: ["tables"],
  fields: {
    village: () => t("publish.error.village"),
    item: () => t("publish.error.item"),
    period: () => t("publish.error.periodFormat"),
    title: () => t("publish.error.title", { max: TITLE_MAX }),
    content: () => t("publish.error.content", { max: CONTENT_MAX }),
    reason: () => t("publish.error.reason", { min: REASON_MIN, max: REASON_MAX }),
    csv: () => t("publish.error.csvFile"),
    tables: (_issue, n) => t("publish.error.tables", { row: n }),
  },
};

/** A disclosure id that is not one: the same 404 as a version that does not exist. */
export const versionNotFound = notFound("publish.error.notFound");

/** `?village=` naming no village. */
export const unknownVillage = unknownPlace("village", "publish.error.village");

/** `?town=` naming no town. */
export const unknownTown = unknownPlace("town", "publish.error.town");
