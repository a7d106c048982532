/**
 * What a secretary sends to publish a disclosure or correct one (zod). The period arithmetic the form
 * and the worker share is in publish-periods.ts, which the form's script imports without zod.
 */
import { z } from "zod";
import { disclosureTables } from "./disclosure.ts";
import { villageCode } from "./ids.ts";
import { safeText } from "./text.ts";

export const TITLE_MAX = 60;
export const CONTENT_MAX = 5000;
export const REASON_MIN = 4;
export const REASON_MAX = 500;
/** A CSV file of at most 256 KB, sent as base64 in the JSON body. */
export const CSV_MAX_BYTES = 256 * 1024;

const csvBase64 = z
  .string()
  .max(Math.ceil(CSV_MAX_BYTES / 3) * 4)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/);

/** The parts of a version a correction may change. */
const versionFields = {
  title: safeText(TITLE_MAX),
  content: safeText(CONTENT_MAX, { multiline: true }),
  /** Rows typed in the form; in a correction, absent keeps the corrected version's table, null drops it. */
  tables: disclosureTables.nullish(),
  /** The table as a CSV file (UTF-8, GBK or UTF-16, as WPS and Excel save it), base64. */
  csv: csvBase64.optional(),
};

/** POST /api/staff/disclosures */
export const publishInput = z.object({
  village: villageCode,
  item: z.string().min(1).max(40),
  period: z.string().min(4).max(7),
  ...versionFields,
});
export type PublishInput = z.infer<typeof publishInput>;

/** POST /api/staff/disclosures/<id>/corrections: the new version's content and why it changed. */
export const correctionInput = z.object({
  ...versionFields,
  reason: safeText(REASON_MAX, { min: REASON_MIN, multiline: true }),
});
export type CorrectionInput = z.infer<typeof correctionInput>;

/** POST /api/staff/disclosures/preview: what a table will say in plain words, before publishing. */
export const previewInput = z.object({
  village: villageCode,
  item: z.string().min(1).max(40),
  period: z.string().min(4).max(7),
  tables: disclosureTables.nullish(),
  csv: csvBase64.optional(),
});
