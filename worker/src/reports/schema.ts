/**
 * The report routes' contract: the intake and rating bodies (JSON, or the plain HTML form), how each
 * refusal reads in Chinese, and the form pages' lenient query.
 */
import { z } from "@hono/zod-openapi";
import { t } from "#core/i18n/index.ts";
import { fieldRowId } from "#core/ids.ts";
import { BODY_MAX_BYTES, CONTENT_MAX, CONTENT_MIN, idempotencyKey, ratingInput, reportInput } from "#core/report.ts";
import type { BodyRules } from "../contract/body.ts";
import type { FieldMessage, Refusal } from "../contract/refusal.ts";
import { ApiError } from "../errors.ts";

/** Intake and rating bodies: JSON or the form, at most 16 KB, strict UTF-8. */
export const reportBodyRules: BodyRules = {
  formats: ["json", "form"],
  maxBytes: BODY_MAX_BYTES,
  tooLarge: "reports.error.tooLarge",
  badJson: "reports.error.badJson",
  badEncoding: "reports.error.badEncoding",
  contentType: "reports.error.contentType",
};

const field =
  (name: "kind" | "topic" | "name" | "phone" | "disclosure" | "power" | "rating" | "comment"): FieldMessage =>
  () =>
    t(`reports.error.field.${name}`);

/** A bad intake or rating body: a 422 naming each field (`contact.phone` as `phone`). */
export const reportRefusal: Refusal = {
  status: 422,
  code: "invalid",
  message: () => t("reports.error.invalid"),
  flatten: ["contact"],
  fields: {
    kind: field("kind"),
    topic: field("topic"),
    content: (issue) =>
      issue.code === "too_small"
        ? t("reports.error.field.contentShort", { min: CONTENT_MIN })
        : issue.code === "too_big"
          ? t("reports.error.field.contentLong", { max: CONTENT_MAX })
          : t("reports.error.field.content"),
    contact: field("phone"),
    name: field("name"),
    phone: field("phone"),
    disclosure: field("disclosure"),
    power: field("power"),
    rating: field("rating"),
    comment: field("comment"),
  },
};

/** An intake naming a village that does not exist. */
export const unknownVillage: Refusal = {
  status: 404,
  code: "not_found",
  message: () => t("reports.error.village"),
  field: "village",
};

const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);

/** Whether a form carries a voice message (a file, never a text field of that name). */
const hasVoice = (fields: Record<string, unknown>) => fields.voice !== undefined && typeof fields.voice !== "string";

/**
 * A form's flat fields in the JSON shape: contact_name/contact_phone → contact, disclosure → number. With a
 * voice message the text may be left blank; the case then reads "（语音留言，请听录音）".
 */
function formToReport(form: unknown): unknown {
  if (typeof form !== "object" || form === null) return form;
  const fields = form as Record<string, unknown>;
  const name = blankToUndefined(fields.contact_name);
  const phone = blankToUndefined(fields.contact_phone);
  const disclosure = blankToUndefined(fields.disclosure);
  const blank = typeof fields.content !== "string" || fields.content.trim() === "";
  return {
    kind: fields.kind,
    topic: fields.topic,
    content: blank && hasVoice(fields) ? t("media.voiceOnly") : fields.content,
    contact: name === undefined && phone === undefined ? undefined : { name, phone },
    disclosure:
      disclosure === undefined ? undefined : fieldRowId.safeParse(disclosure).success ? Number(disclosure) : disclosure,
    power: blankToUndefined(fields.power),
  };
}

/** The intake form (`application/x-www-form-urlencoded`), read as the JSON body would be. */
export const reportForm = z.preprocess(formToReport, reportInput);

/** The rating form: a blank comment is no comment. */
export const ratingForm = z.preprocess(
  (form) =>
    typeof form === "object" && form !== null
      ? { ...form, comment: blankToUndefined((form as Record<string, unknown>).comment) }
      : form,
  ratingInput,
);

/**
 * The Idempotency-Key header, else the form's hidden `key` field; a malformed one is a 400.
 * @example submissionKey(c.req.header("idempotency-key"), raw.key)
 */
export function submissionKey(header: string | undefined, formKey: unknown): string | undefined {
  const value = header ?? blankToUndefined(formKey);
  if (value === undefined) return undefined;
  const parsed = idempotencyKey.safeParse(value);
  if (!parsed.success) {
    throw new ApiError(400, "invalid", t("reports.error.field.idempotencyKey"), {
      idempotencyKey: t("reports.error.field.idempotencyKey"),
    });
  }
  return parsed.data;
}

/** A query value kept when `schema` accepts it, dropped otherwise. */
const lenient = <S extends z.ZodType>(schema: S) =>
  z.preprocess((value) => (schema.safeParse(value).success ? value : undefined), schema.optional());

/** `?topic=&power=&disclosure=` on a form page: kept when well formed, dropped otherwise (never an error). */
export const formQuery = z.object({
  topic: lenient(reportInput.shape.topic),
  power: lenient(reportInput.shape.power),
  disclosure: lenient(fieldRowId),
});
