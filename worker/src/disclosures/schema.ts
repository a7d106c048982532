/** Validation of the disclosure routes' params, queries and bodies (zod, read through `c.req.valid`). */
import { createMiddleware } from "hono/factory";
import { validator } from "hono/validator";
import { type ZodType, z } from "zod";
import {
  CONTENT_MAX,
  CSV_MAX_BYTES,
  correctionInput,
  previewInput,
  publishInput,
  REASON_MAX,
  REASON_MIN,
  TITLE_MAX,
} from "../../../schema/publish.ts";
import { townByCode, villageByCode } from "../../../schema/reference.ts";
import { HIDDEN_TEXT, hasLoneSurrogate } from "../../../schema/text.ts";
import { t } from "../../../site/src/i18n/index.ts";
import { ApiError } from "../errors.ts";

/** A known village's 12-digit code; anything else is the same 404 as an unknown village. */
export const villageCodeParam = validator("param", (value) => {
  const parsed = z.object({ code: z.string().regex(/^\d{12}$/) }).safeParse(value);
  if (!parsed.success || !villageByCode(parsed.data.code)) throw new ApiError(404, "not_found", "没有找到这个村。");
  return parsed.data;
});

/** `:id` of a disclosure version; anything that is not one is the same 404 as a missing one. */
export const disclosureIdParam = validator("param", (params: Record<string, string>) => {
  const id = params.id ?? "";
  if (!/^[1-9][0-9]{0,14}$/.test(id)) throw new ApiError(404, "not_found", t("publish.error.notFound"));
  return { id: Number(id), code: params.code ?? "" };
});

/** `?town=<9-digit code>` (optional) of the overdue list and its CSV. */
export const overdueQuery = validator("query", (query: Record<string, string | string[]>) => {
  const town = typeof query.town === "string" && query.town !== "" ? query.town : undefined;
  if (town !== undefined && !townByCode(town)) {
    throw new ApiError(404, "not_found", t("publish.error.town"), { town: t("publish.error.town") });
  }
  return { town };
});

/** A CSV's base64 is a third larger than the file; the rest of a version is small. */
const BODY_MAX_BYTES = Math.ceil(CSV_MAX_BYTES / 3) * 4 + 64 * 1024;

const fieldMessages: Record<string, () => string> = {
  village: () => t("publish.error.village"),
  item: () => t("publish.error.item"),
  period: () => t("publish.error.periodFormat"),
  title: () => t("publish.error.title", { max: TITLE_MAX }),
  content: () => t("publish.error.content", { max: CONTENT_MAX }),
  reason: () => t("publish.error.reason", { min: REASON_MIN, max: REASON_MAX }),
  csv: () => t("publish.error.csvFile"),
};

/** A zod failure as a 422 naming each field; a table row is named by its number. */
function invalid(error: z.ZodError): ApiError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const [top, , row] = issue.path;
    if (top === "tables") {
      const at = typeof row === "number" ? row + 1 : 1;
      fields[`tables.${at}`] ??= t("publish.error.tables", { row: at });
    } else {
      const name = String(top ?? "body");
      const message = issue.message === HIDDEN_TEXT ? () => t("text.hidden") : fieldMessages[name];
      fields[name] ??= (message ?? (() => t("publish.error.invalid")))();
    }
  }
  return new ApiError(422, "invalid", t("publish.error.invalid"), fields);
}

/**
 * A capped JSON object body parsed by `schema`, read with `c.req.valid("json")`; a zod failure becomes
 * the ApiError `toError` makes of it.
 * @example export const meetingBody = jsonBody(meetingInput, invalidMeeting);
 */
export function jsonBody<T>(schema: ZodType<T>, toError: (error: z.ZodError) => ApiError) {
  return createMiddleware<{ Bindings: Env }, string, { in: { json: unknown }; out: { json: T } }>(async (c, next) => {
    if (Number(c.req.header("content-length") ?? "0") > BODY_MAX_BYTES) {
      throw new ApiError(413, "too_large", t("publish.error.csvFile"));
    }
    let value: unknown;
    try {
      value = JSON.parse(await c.req.text());
    } catch {
      throw new ApiError(400, "bad_json", t("publish.error.badJson"));
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      throw new ApiError(400, "bad_json", t("publish.error.badJson"));
    }
    if (hasLoneSurrogate(value)) throw new ApiError(400, "bad_encoding", t("text.badEncoding"));
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw toError(parsed.error);
    c.req.addValidatedData("json", parsed.data as object);
    await next();
  });
}

export const publishBody = jsonBody(publishInput, invalid);
export const correctionBody = jsonBody(correctionInput, invalid);
export const previewBody = jsonBody(previewInput, invalid);
/** A correction before it is published: its content without the reason. */
export const correctionPreviewBody = jsonBody(correctionInput.omit({ reason: true }), invalid);

/** `?village=<12-digit code>` (optional: the member's own village). */
export const villageQuery = validator("query", (query: Record<string, string | string[]>) => {
  const village = typeof query.village === "string" && query.village !== "" ? query.village : undefined;
  if (village !== undefined && !villageByCode(village)) {
    throw new ApiError(404, "not_found", t("publish.error.village"), { village: t("publish.error.village") });
  }
  return { village };
});
