/**
 * The path and query validators every route shares, one per entity (village, town, case, disclosure
 * version, meeting, receipt), built from the zod schemas in schema/ids.ts, and how a bad one is refused.
 */
import { z } from "@hono/zod-openapi";
import { t } from "#core/i18n/index.ts";
import { quarter, receipt, rowId, townCode, villageCode } from "#core/ids.ts";
import { villages } from "#core/reference.ts";
import { isValidReceipt, normalizeReceipt } from "#core/report.ts";
import { ApiError } from "../errors.ts";
import type { Refusal } from "./refusal.ts";

const inPath = (name: string, example: string) => ({ param: { name, in: "path" as const }, example });
/**
 * A query parameter's OpenAPI description with its example (the district's own codes, never 沾化's).
 * @example townCode.openapi(inQuery("town", exampleTown))
 */
export const inQuery = (name: string, example: string) => ({ param: { name, in: "query" as const }, example });

// the district's first village and its town, as examples in the OpenAPI document
export const exampleVillage = villages[0]?.code ?? "";
export const exampleTown = villages[0]?.town ?? "";
const villageInPath = villageCode.openapi(inPath("code", exampleVillage));

/** `/v/{code}/…`, `/api/villages/{code}/…`: a known village. */
export const villageParams = z.object({ code: villageInPath });

/** `/z/{code}/`: a known town. */
export const townParams = z.object({ code: townCode.openapi(inPath("code", exampleTown)) });

/** `…/{id}`: a case, a disclosure version or a meeting, by its row id. */
export const idParams = z.object({ id: rowId.openapi(inPath("id", "42")) });

/** `/v/{code}/d/{id}/`: a village's disclosure version (the handler checks it is that village's). */
export const villageIdParams = z.object({ code: villageInPath, id: rowId.openapi(inPath("id", "42")) });

/** `/v/{code}/meetings/{quarter}/`. */
export const meetingPageParams = z.object({
  code: villageInPath,
  quarter: quarter.openapi(inPath("quarter", "2026-Q3")),
});

/** Percent-decoded, or as sent when the escapes are malformed (then it fails the check digit). */
const decoded = (text: string): string => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/** `/api/reports/{receipt}`: a receipt as read aloud, normalized, its check digit right. */
export const receiptParams = z.object({
  receipt: z.preprocess(
    (value) => (typeof value === "string" ? decoded(value) : value),
    receipt.openapi(inPath("receipt", "1234567890123452")),
  ),
});

/**
 * `/r/{receipt}`, `/api/reports/{receipt}/rating`: the receipt as sent, normalized; the handler judges its
 * check digit (the page shows it, the rating first reads its body).
 */
export const receiptPageParams = z.object({
  receipt: z
    .string()
    .transform((value) => normalizeReceipt(decoded(value)))
    .openapi(inPath("receipt", "1234567890123452")),
});

/** `?village=` (optional, blank as absent): a known village. */
export const villageQuery = z.object({
  village: z
    .preprocess((v) => (v === "" ? undefined : v), villageCode.optional())
    .openapi(inQuery("village", exampleVillage)),
});

/** `?town=` (optional, blank as absent): a known town. */
export const townQuery = z.object({
  town: z.preprocess((v) => (v === "" ? undefined : v), townCode.optional()).openapi(inQuery("town", exampleTown)),
});

/** A receipt that fails its check digit: the same 400 wherever one is sent. */
export const badReceipt: Refusal = {
  status: 400,
  code: "bad_receipt",
  message: () => t("reports.error.receiptFormat"),
  fields: { receipt: () => t("reports.error.receiptFormat") },
};

/**
 * Throws {@link badReceipt} unless `value` (normalized) passes its check digit: for a route that must
 * read its body before it judges the receipt.
 * @example requireValidReceipt(c.req.valid("param").receipt)
 */
export function requireValidReceipt(value: string): void {
  if (!isValidReceipt(value)) {
    throw new ApiError(badReceipt.status, badReceipt.code, badReceipt.message(), {
      receipt: t("reports.error.receiptFormat"),
    });
  }
}

/**
 * A path naming nothing: the same 404 as a row that does not exist.
 * @example refusals: { param: notFound("cases.error.notFound") }
 */
export const notFound = (key: Parameters<typeof t>[0]): Refusal => ({
  status: 404,
  code: "not_found",
  message: () => t(key),
  bare: true,
});

/**
 * An unknown village or town in a query: a 404 naming the field.
 * @example refusals: { query: unknownPlace("village", "publish.error.village") }
 */
export const unknownPlace = (field: "village" | "town", key: Parameters<typeof t>[0]): Refusal => ({
  status: 404,
  code: "not_found",
  message: () => t(key),
  fields: { [field]: () => t(key) },
});
