/**
 * The one place a failed zod validation becomes an answer. Each route says, per part of the request it
 * validates (param, query, json, form), how that part is refused: status, code, the Chinese summary and a
 * message per field. The app's `defaultHook` reads that from the route and turns the zod issues into the
 * shared `{"error": {code, message, fields}}` shape, or the friendly 404 page for a page's bad path.
 */
import type { Context, MiddlewareHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";
import { t } from "#core/i18n/index.ts";
import { HIDDEN_TEXT } from "#core/text.ts";
import { ApiError } from "../errors.ts";
import { notFoundPage } from "../pages/serve.ts";

/** One zod issue's message for the field it names; `n` is the 1-based row when the path holds an index. */
export type FieldMessage = (issue: z.core.$ZodIssue, n: number) => string;

/** How one part of a request is refused. */
export interface Refusal {
  status: ContentfulStatusCode;
  code: string;
  /** The summary (given the fields' messages); also the message of a field the route gives none for. */
  message: (fields?: Record<string, string>) => string;
  /** Messages by the field's reported name, else by its top-level key. */
  fields?: Record<string, FieldMessage>;
  /** Answer without `fields` (a bad id is simply "not found"). */
  bare?: boolean;
  /** A page's path: answer with the friendly 404 page instead of JSON. */
  page?: boolean;
  /** A path that is not this route's after all: let the static site answer it, as for any other. */
  assets?: boolean;
  /** Name every issue as this one field (a path's `code` answered as `village`). */
  field?: string;
  /** Lists whose every issue names a row, the first when the issue names none (`tables` → `tables.1`). */
  rows?: readonly string[];
  /** Report a nested object's fields by their own names (`contact.phone` → `phone`). */
  flatten?: readonly string[];
}

/** The validated parts of a request, as @hono/zod-openapi names them. */
export type Target = "param" | "query" | "json" | "form" | "header" | "cookie";

/** Per target, how a route refuses it. */
export type Refusals = Partial<Record<Target, Refusal>>;

declare module "hono" {
  interface ContextVariableMap {
    refusals: Refusals;
  }
}

/**
 * The friendly 404 page for a page whose path names nothing (an unknown village, a malformed id).
 * @example request: { params: villagePathParams }, refusals: { param: PAGE_NOT_FOUND }
 */
export const PAGE_NOT_FOUND: Refusal = { status: 404, code: "not_found", message: () => "", page: true };

/**
 * The static site's answer for a path whose param is not this route's (`/v/ask` is a page, not a village).
 * @example request: { params: villageParams }, refusals: { param: STATIC_SITE }
 */
export const STATIC_SITE: Refusal = { status: 404, code: "not_found", message: () => "", assets: true };

/**
 * The field an issue names: its top-level key, `key.N` (1-based) when the path passes through a list
 * (`tables.rows[2]` → `tables.3`, `questions[0]` → `questions.1`), a flattened object's own key, or
 * `body` for the whole body.
 */
function fieldOf(path: readonly PropertyKey[], refusal: Refusal): { name: string; top: string; n: number } {
  if (refusal.field) return { name: refusal.field, top: refusal.field, n: 0 };
  const top = path[0] === undefined ? "body" : String(path[0]);
  if (refusal.flatten?.includes(top) && path[1] !== undefined) return { name: String(path[1]), top, n: 0 };
  const index = path.findIndex((p) => typeof p === "number");
  if (index < 0) return refusal.rows?.includes(top) ? { name: `${top}.1`, top, n: 1 } : { name: top, top, n: 0 };
  const n = (path[index] as number) + 1;
  return { name: `${top}.${n}`, top, n };
}

/**
 * The ApiError a zod failure of one request part gets: a message per named field (a hidden character is
 * always called so, and always a 422).
 * @example throw refusalError(parsed.error, { status: 422, code: "invalid", message: () => "…" })
 */
export function refusalError(error: z.ZodError, refusal: Refusal): ApiError {
  if (refusal.bare) return new ApiError(refusal.status, refusal.code, refusal.message());
  const fields: Record<string, string> = {};
  let hidden = false;
  for (const issue of error.issues) {
    const { name, top, n } = fieldOf(issue.path, refusal);
    if (issue.message === HIDDEN_TEXT) hidden = true;
    const message =
      issue.message === HIDDEN_TEXT ? () => t("text.hidden") : (refusal.fields?.[name] ?? refusal.fields?.[top]);
    fields[name] ??= message ? message(issue, n) : refusal.message();
  }
  return new ApiError(hidden ? 422 : refusal.status, refusal.code, refusal.message(fields), fields);
}

/** Whatever a route does not say: a bad path is not found, a bad query a 400, a bad body a 422. */
const fallback: Record<Target, Refusal> = {
  param: { status: 404, code: "not_found", message: () => t("notFound.title"), bare: true },
  query: { status: 400, code: "invalid", message: () => t("reports.error.invalid") },
  json: { status: 422, code: "invalid", message: () => t("reports.error.invalid") },
  form: { status: 422, code: "invalid", message: () => t("reports.error.invalid") },
  header: { status: 400, code: "invalid", message: () => t("reports.error.invalid") },
  cookie: { status: 400, code: "invalid", message: () => t("reports.error.invalid") },
};

/**
 * Route middleware naming how each part of its request is refused (read by {@link refuseInvalid}).
 * @example createRoute({ ..., middleware: [refusing({ param: caseNotFound })] })
 */
export const refusing =
  (refusals: Refusals): MiddlewareHandler =>
  async (c, next) => {
    c.set("refusals", refusals);
    await next();
  };

/**
 * The app's one validation hook (`new OpenAPIHono({ defaultHook: refuseInvalid })`).
 * @example new OpenAPIHono({ defaultHook: refuseInvalid })
 */
export async function refuseInvalid(
  result: { success: true } | { success: false; error: z.ZodError; target: Target },
  c: Context,
): Promise<Response | undefined> {
  if (result.success) return undefined;
  const refusal = c.get("refusals")?.[result.target] ?? fallback[result.target];
  if (refusal.page) return notFoundPage(c.env as Env, c.req.url);
  if (refusal.assets) return (c.env as Env).ASSETS.fetch(c.req.raw);
  throw refusalError(result.error, refusal);
}
