/**
 * The security headers every response carries: a Content-Security-Policy that forbids framing and any
 * inline script (the built site has none; tests/site/headers.test.ts keeps it so), nosniff, no referrer
 * (receipts are in URLs), and HSTS over https. Worker responses get them from `securityHeaders`; the
 * static assets the worker never sees get the same values from site/dist/_headers, which the site build
 * writes from this module (scripts/lib/static-headers.ts).
 */
import type { MiddlewareHandler } from "hono";
import { createMiddleware } from "hono/factory";
import { type SecureHeadersVariables, secureHeaders } from "hono/secure-headers";

/** One policy for pages, JSON, CSV and SVG alike. Styles stay inline (Astro inlines each page's CSS). */
export const contentSecurityPolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  // data: for the page's empty favicon (<link rel="icon" href="data:,">)
  imgSrc: ["'self'", "data:"],
  // blob: to listen to a voice message recorded in the page before it is sent (site/src/scripts/voice.ts)
  mediaSrc: ["'self'", "blob:"],
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  objectSrc: ["'none'"],
};

/** Two years, subdomains included: the site is only ever meant to be reached over https. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

const secure = secureHeaders({
  contentSecurityPolicy,
  xFrameOptions: "DENY",
  referrerPolicy: "no-referrer",
  strictTransportSecurity: false,
});

/** Whether `res`'s headers may be set (not those of a response passed through from a fetch). */
function mutableHeaders(res: Response): boolean {
  try {
    res.headers.set("X-Content-Type-Options", "nosniff");
    return true;
  } catch {
    return false;
  }
}

/**
 * Sets the security headers on whatever the app answers (pages, JSON, errors, assets passed through).
 * @example app.use(securityHeaders);
 */
export const securityHeaders: MiddlewareHandler<{ Variables: SecureHeadersVariables }> = createMiddleware(
  async (c, next) => {
    await secure(c, async () => {
      await next();
      // a response fetched from the assets binding has immutable headers: copy it before setting any (only
      // then: a copy turns a page the worker made whole into a stream, and costs every view of it)
      if (!mutableHeaders(c.res)) c.res = new Response(c.res.body, c.res);
    });
    // HSTS only where it means something; an asset passed through may bring one from _headers
    if (new URL(c.req.url).protocol === "https:")
      c.res.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
    else c.res.headers.delete("Strict-Transport-Security");
  },
);
