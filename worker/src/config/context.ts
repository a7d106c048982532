/**
 * Once per request: the parsed configuration and the clock. Rules never read the wall clock themselves;
 * they take `now` from here (or as an argument), so a test sets the date and hour instead of racing it.
 * On a development server (CUNMA_DEV=1) a request may set its own time with the `X-Cunma-Now` header.
 */
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { t } from "#core/i18n/index.ts";
import { ApiError } from "../errors.ts";
import { type Config, ConfigError, config } from "./env.ts";

/** The variables {@link requestContext} puts on every request's context. */
export interface RequestVars {
  /** The request's time: the wall clock, or the `X-Cunma-Now` header on a development server. */
  now: Date;
  config: Config;
}

/** Sets a request's time on a development server only (an ISO instant); ignored on a deployment. */
export const NOW_HEADER = "X-Cunma-Now";

/**
 * The request's time: `header` when this is a development server and it is a valid instant, else `wall`.
 * @example requestTime("2026-11-29T02:00:00Z", true) // 2026-11-29T02:00:00.000Z
 * @example requestTime("2026-11-29T02:00:00Z", false) // the wall clock: a deployment ignores the header
 */
export function requestTime(header: string | undefined, dev: boolean, wall: Date = new Date()): Date {
  if (!dev || !header) return wall;
  const set = new Date(header);
  if (Number.isNaN(set.getTime())) throw new ApiError(400, "bad_request", `${NOW_HEADER} 不是有效的时间：${header}`);
  return set;
}

/**
 * Middleware: parses the configuration (a bad one answers 503 and logs which variable is wrong) and fixes
 * the request's time.
 * @example app.use(requestContext);
 */
export const requestContext = createMiddleware<{ Bindings: Env; Variables: RequestVars }>(async (c, next) => {
  let settings: Config;
  try {
    settings = config(c.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    throw new ApiError(503, "not_configured", t("security.error.notConfigured"));
  }
  c.set("config", settings);
  c.set("now", requestTime(c.req.header(NOW_HEADER), settings.dev));
  return next();
});

/**
 * The request's time as {@link requestContext} fixed it (the wall clock where it is not mounted).
 * @example const today = chinaDate(nowOf(c));
 */
export function nowOf(c: Context): Date {
  return (c.get("now") as Date | undefined) ?? new Date();
}
