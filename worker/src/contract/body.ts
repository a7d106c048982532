/**
 * The one reader of request bodies, run before a route's zod validator: it refuses a wrong Content-Type
 * (415), reads at most the route's cap whatever Content-Length claims (413), decodes strict UTF-8 and
 * refuses half a surrogate pair (400 bad_encoding), and parses JSON to an object (400 bad_json) or a
 * form to its fields, or a multipart form to its fields and files (each file capped as it streams). What it parsed is left where Hono's validators read bodies from, so the route's zod
 * schema sees exactly what was checked here.
 */
import type { HonoRequest, MiddlewareHandler } from "hono";
import { type StringKey, t } from "#core/i18n/index.ts";
import { hasLoneSurrogate } from "#core/text.ts";
import { ApiError } from "../errors.ts";
import { MultipartRefusal, readMultipart, type SentFile } from "./multipart.ts";

export type BodyFormat = "json" | "form" | "multipart";

/** A route that takes files (`multipart/form-data`): its fields, caps and words for each refusal. */
export interface FileRules {
  /** Bytes of the whole request. */
  maxBytes: number;
  /** Per file field: how many files it takes and how many bytes each. */
  fields: Record<string, { count: number; maxBytes: number }>;
  /** A file over its field's cap (`field`), or the whole request over its cap (null). */
  tooLarge(field: string | null): string;
  /** More files than the field takes. */
  tooMany(field: string): string;
  /** A file in a field that takes none. */
  unknownField(field: string): string;
}

/** A route's body: what it accepts, how much, and its words for each refusal. */
export interface BodyRules {
  formats: readonly BodyFormat[];
  maxBytes: number;
  tooLarge: StringKey;
  badJson: StringKey;
  /** Bad UTF-8 or a lone surrogate; `text.badEncoding` unless the route says otherwise. */
  badEncoding?: StringKey;
  /** A Content-Type the route does not take; the bad-JSON words unless the route says otherwise. */
  contentType?: StringKey;
  /** With `multipart` among the formats: the files the route takes. */
  files?: FileRules;
}

/** The body's format from its Content-Type, or null for one the route does not take. */
function formatOf(contentType: string | undefined, formats: readonly BodyFormat[]): BodyFormat | null {
  const media = (contentType ?? "").split(";")[0]?.trim().toLowerCase();
  const format: BodyFormat | null =
    media === "application/json"
      ? "json"
      : media === "application/x-www-form-urlencoded"
        ? "form"
        : media === "multipart/form-data"
          ? "multipart"
          : null;
  return format && formats.includes(format) ? format : null;
}

/** At most `max` bytes of the body (413 beyond), decoded as strict UTF-8. */
async function readCapped(request: Request, rules: BodyRules): Promise<string> {
  const tooLarge = () => new ApiError(413, "too_large", t(rules.tooLarge));
  if (Number(request.headers.get("content-length") ?? "0") > rules.maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > rules.maxBytes) {
        await reader.cancel();
        throw tooLarge();
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
  return decodeStrict(bytes, rules);
}

/** A JSON object, or the route's 400. */
function jsonObject(text: string, rules: BodyRules): Record<string, unknown> {
  const badJson = () => new ApiError(400, "bad_json", t(rules.badJson));
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw badJson();
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw badJson();
  if (hasLoneSurrogate(parsed)) throw new ApiError(400, "bad_encoding", t(rules.badEncoding ?? "text.badEncoding"));
  return parsed as Record<string, unknown>;
}

/** Strict UTF-8, or the route's 400. */
function decodeStrict(bytes: Uint8Array, rules: BodyRules): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ApiError(400, "bad_encoding", t(rules.badEncoding ?? "text.badEncoding"));
  }
}

/** The boundary of a multipart Content-Type, or the route's 400. */
function boundaryOf(contentType: string, rules: BodyRules): string {
  const boundary = /;\s*boundary=(?:"([^"]{1,70})"|([^;\s]{1,70}))/i.exec(contentType);
  const value = boundary?.[1] ?? boundary?.[2];
  if (!value) throw new ApiError(400, "bad_json", t(rules.badJson));
  return value;
}

/**
 * A multipart body as a FormData: its text fields (strict UTF-8, the last value of each, as a plain form
 * gives) and its files, each capped while the upload streams (413 naming the field), counted per field
 * (422), and refused in a field that takes none (422).
 */
async function multipartForm(request: Request, rules: BodyRules & { files: FileRules }): Promise<FormData> {
  const { files: fileRules } = rules;
  if (Number(request.headers.get("content-length") ?? "0") > fileRules.maxBytes) {
    throw new ApiError(413, "too_large", fileRules.tooLarge(null));
  }
  let parts: { fields: [string, Uint8Array][]; files: SentFile[] };
  try {
    parts = await readMultipart(request.body, boundaryOf(request.headers.get("content-type") ?? "", rules), {
      totalBytes: fileRules.maxBytes,
      textBytes: rules.maxBytes,
      fileBytes: (field) => fileRules.fields[field]?.maxBytes,
    });
  } catch (error) {
    if (!(error instanceof MultipartRefusal)) throw error;
    const field = error.field;
    if (error.reason === "malformed") throw new ApiError(400, "bad_json", t(rules.badJson));
    if (error.reason === "unknown_file" && field) {
      throw new ApiError(422, "invalid", fileRules.unknownField(field), { [field]: fileRules.unknownField(field) });
    }
    const file = field !== null && field in fileRules.fields;
    const message = file ? fileRules.tooLarge(field) : field === null ? fileRules.tooLarge(null) : t(rules.tooLarge);
    throw new ApiError(413, "too_large", message, file ? { [field]: message } : undefined);
  }
  const form = new FormData();
  for (const [name, bytes] of parts.fields) {
    if (!(name in fileRules.fields)) form.set(name, decodeStrict(bytes, rules));
  }
  for (const [field, { count }] of Object.entries(fileRules.fields)) {
    const sent = parts.files.filter((f) => f.field === field);
    if (sent.length > count) {
      throw new ApiError(422, "invalid", fileRules.tooMany(field), { [field]: fileRules.tooMany(field) });
    }
    for (const file of sent) form.append(field, new File([file.bytes], field, { type: file.declaredType }));
  }
  return form;
}

/** Where Hono's request keeps the body it read (as promises), for its validators to find. */
const cache = (req: HonoRequest) => req.bodyCache as { text?: Promise<string>; formData?: Promise<FormData> };

/**
 * Route middleware reading the body by `rules`; the route's `json`/`form` validator then parses it.
 * @example createRoute({ ..., middleware: [readBody({ formats: ["json"], maxBytes: 16384, tooLarge: "cases.error.tooLarge", badJson: "cases.error.badJson" })] })
 */
export const readBody =
  (rules: BodyRules): MiddlewareHandler =>
  async (c, next) => {
    const format = formatOf(c.req.header("content-type"), rules.formats);
    if (!format) throw new ApiError(415, "unsupported_media_type", t(rules.contentType ?? rules.badJson));
    if (format === "multipart" && rules.files) {
      cache(c.req).formData = Promise.resolve(await multipartForm(c.req.raw, { ...rules, files: rules.files }));
      return next();
    }
    const text = await readCapped(c.req.raw, rules);
    if (format === "json") {
      jsonObject(text, rules);
      cache(c.req).text = Promise.resolve(text);
    } else {
      // one value per field, the last one sent (as URLSearchParams into an object has always given)
      const form = new FormData();
      for (const [name, value] of Object.entries(Object.fromEntries(new URLSearchParams(text)))) form.set(name, value);
      cache(c.req).formData = Promise.resolve(form);
    }
    await next();
  };
