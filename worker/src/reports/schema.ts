/**
 * Validation of everything a client sends to the report routes: path params, the capped body (JSON or
 * an HTML form), the Idempotency-Key. Every failure becomes an ApiError naming the field in Chinese.
 */
import { createMiddleware } from "hono/factory";
import { validator } from "hono/validator";
import type { z } from "zod";
import { villageByCode } from "../../../schema/reference.ts";
import {
  BODY_MAX_BYTES,
  CONTENT_MAX,
  CONTENT_MIN,
  idempotencyKey,
  normalizeReceipt,
  type RatingInput,
  type ReportInput,
  ratingInput,
  reportInput,
} from "../../../schema/report.ts";
import { HIDDEN_TEXT, hasLoneSurrogate } from "../../../schema/text.ts";
import { t } from "../../../site/src/i18n/index.ts";
import { ApiError } from "../errors.ts";
import { notFoundPage } from "../pages/serve.ts";

/** `:code` of an existing village, else 404. */
export const villageParam = validator("param", (params: Record<string, string>) => {
  const code = params.code ?? "";
  if (!villageByCode(code))
    throw new ApiError(404, "not_found", t("reports.error.village"), { village: t("reports.error.village") });
  return { code };
});

/** `:code` of an existing village for a page, else the friendly 404 page. */
export const villagePageParam = validator("param", async (params: Record<string, string>, c) => {
  const code = params.code ?? "";
  if (!villageByCode(code)) return notFoundPage(c.env as Env, c.req.url);
  return { code };
});

/** Percent-decoded, or as sent when the escapes are malformed (then it fails the receipt check: a 400). */
const decoded = (text: string): string => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/** `:receipt` normalized (spaces, dashes removed); its check digit is checked by the handler. */
export const receiptParam = validator("param", (params: Record<string, string>) => ({
  receipt: normalizeReceipt(decoded(params.receipt ?? "")),
}));

const fieldMessage = (field: string, issue: z.core.$ZodIssue): string => {
  if (field === "content") {
    if (issue.code === "too_small") return t("reports.error.field.contentShort", { min: CONTENT_MIN });
    if (issue.code === "too_big") return t("reports.error.field.contentLong", { max: CONTENT_MAX });
    return t("reports.error.field.content");
  }
  const key = `reports.error.field.${field}` as Parameters<typeof t>[0];
  return field === "contact" ? t("reports.error.field.phone") : t(key);
};

const knownFields = new Set(["kind", "topic", "content", "contact", "disclosure", "power", "rating", "comment"]);

/** A zod failure as a 422 naming each offending field (contact.name → name, contact.phone → phone). */
function invalid(error: z.ZodError): ApiError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const top = String(issue.path[0] ?? "body");
    const field = top === "contact" && issue.path[1] ? String(issue.path[1]) : top;
    const name = knownFields.has(top) ? field : "body";
    fields[name] ??=
      name === "body"
        ? t("reports.error.invalid")
        : issue.message === HIDDEN_TEXT
          ? t("text.hidden")
          : fieldMessage(field === top ? top : field, issue);
  }
  return new ApiError(422, "invalid", t("reports.error.invalid"), fields);
}

export type BodyFormat = "json" | "form";

/** Reads at most BODY_MAX_BYTES (413 beyond, whatever Content-Length claims) as strict UTF-8. */
async function readCapped(request: Request): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > BODY_MAX_BYTES) throw new ApiError(413, "too_large", t("reports.error.tooLarge"));
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > BODY_MAX_BYTES) {
        await reader.cancel();
        throw new ApiError(413, "too_large", t("reports.error.tooLarge"));
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ApiError(400, "bad_encoding", t("reports.error.badEncoding"));
  }
}

/** The body's format from its Content-Type; anything else is a 415. */
function bodyFormat(contentType: string | undefined): BodyFormat {
  const media = (contentType ?? "").split(";")[0]?.trim().toLowerCase();
  if (media === "application/json") return "json";
  if (media === "application/x-www-form-urlencoded") return "form";
  throw new ApiError(415, "unsupported_media_type", t("reports.error.contentType"));
}

/** Parses the body as a plain object: JSON as sent; a form's fields as strings (first value wins). */
async function readFields(request: Request, format: BodyFormat): Promise<Record<string, unknown>> {
  const text = await readCapped(request);
  if (format === "form") return Object.fromEntries(new URLSearchParams(text));
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ApiError(400, "bad_json", t("reports.error.badJson"));
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new ApiError(400, "bad_json", t("reports.error.badJson"));
  }
  if (hasLoneSurrogate(parsed)) throw new ApiError(400, "bad_encoding", t("reports.error.badEncoding"));
  return parsed as Record<string, unknown>;
}

const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);

/** A form's flat fields in the JSON shape: contact_name/contact_phone → contact, disclosure → number. */
function formToReport(form: Record<string, unknown>): Record<string, unknown> {
  const name = blankToUndefined(form.contact_name);
  const phone = blankToUndefined(form.contact_phone);
  const disclosure = blankToUndefined(form.disclosure);
  return {
    kind: form.kind,
    topic: form.topic,
    content: form.content,
    contact: name === undefined && phone === undefined ? undefined : { name, phone },
    disclosure:
      disclosure === undefined ? undefined : /^[0-9]{1,15}$/.test(String(disclosure)) ? Number(disclosure) : disclosure,
    power: blankToUndefined(form.power),
  };
}

export interface ReportSubmission {
  format: BodyFormat;
  /** The form page should get HTML back (303, or the form again with the error), not JSON. */
  wantsHtml: boolean;
  /** From the Idempotency-Key header, else the form's hidden `key` field; absent for some API clients. */
  key: string | undefined;
  /** What the client sent, for refilling the form after an error. */
  raw: Record<string, unknown>;
  /** Set when the body is valid; `error` otherwise (so a form can be shown again with its values). */
  input?: ReportInput;
  error?: ApiError;
}

function submissionKey(c: { req: { header: (name: string) => string | undefined } }, raw: Record<string, unknown>) {
  const value = c.req.header("idempotency-key") ?? blankToUndefined(raw.key);
  if (value === undefined) return undefined;
  const parsed = idempotencyKey.safeParse(value);
  if (!parsed.success) {
    throw new ApiError(400, "invalid", t("reports.error.field.idempotencyKey"), {
      idempotencyKey: t("reports.error.field.idempotencyKey"),
    });
  }
  return parsed.data;
}

/** The intake body, read with `c.req.valid("json")`. */
export const reportBody = createMiddleware<
  { Bindings: Env },
  string,
  { in: { json: unknown }; out: { json: ReportSubmission } }
>(async (c, next) => {
  const format = bodyFormat(c.req.header("content-type"));
  const wantsHtml = format === "form" && !(c.req.header("accept") ?? "").includes("application/json");
  const raw = await readFields(c.req.raw, format);
  const key = submissionKey(c, raw);
  const parsed = reportInput.safeParse(format === "form" ? formToReport(raw) : raw);
  const submission: ReportSubmission = parsed.success
    ? { format, wantsHtml, key, raw, input: parsed.data }
    : { format, wantsHtml, key, raw, error: invalid(parsed.error) };
  c.req.addValidatedData("json", submission);
  await next();
});

/** The rating body (JSON or form), read with `c.req.valid("json")`. */
export const ratingBody = createMiddleware<
  { Bindings: Env },
  string,
  { in: { json: unknown }; out: { json: RatingInput & { format: BodyFormat } } }
>(async (c, next) => {
  const format = bodyFormat(c.req.header("content-type"));
  const raw = await readFields(c.req.raw, format);
  const parsed = ratingInput.safeParse(format === "form" ? { ...raw, comment: blankToUndefined(raw.comment) } : raw);
  if (!parsed.success) throw invalid(parsed.error);
  c.req.addValidatedData("json", { ...parsed.data, format });
  await next();
});

/** `?topic=&power=&disclosure=` on a form page: kept when well formed, dropped otherwise (never an error). */
export const formQuery = validator("query", (query: Record<string, string | string[]>) => {
  const one = (name: string) => {
    const value = query[name];
    return typeof value === "string" ? value : undefined;
  };
  const topic = reportInput.shape.topic.safeParse(one("topic"));
  const power = reportInput.shape.power.safeParse(one("power"));
  const disclosure = one("disclosure");
  return {
    topic: topic.success ? topic.data : undefined,
    power: power.success ? power.data : undefined,
    disclosure: disclosure && /^[0-9]{1,15}$/.test(disclosure) ? disclosure : undefined,
  };
});
