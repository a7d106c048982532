/**
 * Cross-site request refusal for every state-changing staff request. SameSite=Strict already keeps the
 * cookie off cross-site requests; this also refuses any POST that a browser says came from elsewhere,
 * and any that carries neither Sec-Fetch-Site nor Origin (every browser we support sends one).
 */
import type { MiddlewareHandler } from "hono";
import { t } from "#core/i18n/index.ts";
import { ApiError } from "../errors.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Middleware: 403 for an unsafe method unless Sec-Fetch-Site is "same-origin" and Origin (when sent)
 * is this site's origin.
 * @example staffRoutes.use("/api/staff/*", sameOriginOnly());
 */
export function sameOriginOnly(): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const fetchSite = c.req.header("Sec-Fetch-Site");
    const origin = c.req.header("Origin");
    const own = new URL(c.req.url).origin;
    const originOk = origin === undefined ? fetchSite !== undefined : origin === own;
    const siteOk = fetchSite === undefined ? origin !== undefined : fetchSite === "same-origin";
    if (!originOk || !siteOk) throw new ApiError(403, "cross_site", t("staff.error.crossSite"));
    return next();
  };
}
