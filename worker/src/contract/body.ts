/**
 * The one reader of request bodies, run before a route's zod validator: it refuses a wrong Content-Type
 * (415), reads at most the route's cap whatever Content-Length claims (413), decodes strict UTF-8 and
 * refuses half a surrogate pair (400 bad_encoding), and parses JSON to an object (400 bad_json) or a
 * form to its fields. What it parsed is left where Hono's validators read bodies from, so the route's zod
 * schema sees exactly what was checked here.
 */
import type { HonoRequest, MiddlewareHandler } from "hono";
import { type StringKey, t } from "#core/i18n/index.ts";
import { hasLoneSurrogate } from "#core/text.ts";
import { ApiError } from "../errors.ts";

export type BodyFormat = "json" | "form";

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
}

/** The body's format from its Content-Type, or null for one the route does not take. */
function formatOf(contentType: string | undefined, formats: readonly BodyFormat[]): BodyFormat | null {
  const media = (contentType ?? "").split(";")[0]?.trim().toLowerCase();
  const format = media === "application/json" ? "json" : media === "application/x-www-form-urlencoded" ? "form" : null;
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
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ApiError(400, "bad_encoding", t(rules.badEncoding ?? "text.badEncoding"));
  }
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
