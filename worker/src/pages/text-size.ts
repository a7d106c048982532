/**
 * 大字 (适老化): the text-size switch that works with JS off and is remembered. The switch is a plain link
 * to GET /settings/size?large=1&back=<page>, which sets a cookie and sends the villager back (303). Every
 * HTML page the worker answers then gets class="large" on <html> from HTMLRewriter, and the layout's CSS
 * keyed on that class enlarges everything; the switch's links are pointed back at the page being read.
 */
import { z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { setCookie } from "hono/cookie";
import { t } from "#core/i18n/index.ts";
import type { Refusal } from "../contract/refusal.ts";
import { createRouter, route } from "../contract/router.ts";
import { readsLarge, TEXT_SIZE_COOKIE, withTextSize } from "./size-cookie.ts";

const YEAR_SECONDS = 365 * 86_400;

/**
 * A same-site path to return to, or null: must start with one "/" (never "//" or "/\", which browsers
 * treat as another site) and hold only the characters of this site's own paths and queries.
 * @example returnPath("/v/371603104201/") // "/v/371603104201/"
 * @example returnPath("//evil.example/") // null
 */
export function returnPath(back: string | undefined): string | null {
  if (back === undefined || back === "") return "/";
  return /^\/(?![/\\])[A-Za-z0-9\-._~/?=&%]*$/.test(back) && back.length <= 300 ? back : null;
}

const sizeQuery = z.object({
  large: z.enum(["0", "1"]).transform((large) => large === "1"),
  back: z
    .string()
    .optional()
    .transform(returnPath)
    .refine((back) => back !== null)
    .transform((back) => back as string),
});

/** A 400 naming what is wrong, the first of them as the message. */
const sizeRefusal: Refusal = {
  status: 400,
  code: "invalid",
  message: (fields) => Object.values(fields ?? {})[0] ?? t("site.size.errorLarge"),
  fields: { large: () => t("site.size.errorLarge"), back: () => t("site.size.errorBack") },
};

export const textSize = createRouter<{ Bindings: Env }>();

const sizeRoute = route(
  {
    method: "get",
    path: "/settings/size",
    summary: "大字开关：记住字号，回到原来的页面",
    request: { query: sizeQuery },
    responses: { 303: { description: "回到 back 指的页面" } },
  },
  { refusals: { query: sizeRefusal } },
);

textSize.openapi(sizeRoute, (c) => {
  const { large, back } = c.req.valid("query");
  setCookie(c, TEXT_SIZE_COOKIE, large ? "large" : "normal", {
    path: "/",
    sameSite: "Lax",
    secure: new URL(c.req.url).protocol === "https:",
    maxAge: YEAR_SECONDS,
  });
  c.header("Cache-Control", "no-store");
  return c.redirect(back, 303);
});

/**
 * Middleware for every response: an HTML page gets the reader's text size on <html> and its 大字 switch
 * pointed back at itself; pages vary by the cookie, so caches keep the two sizes apart. A page that already
 * varies by the cookie (a live page, serve.ts) was filled in the reader's size and is left as it is.
 * @example app.use(textSizePages);
 */
export const textSizePages: MiddlewareHandler<{ Bindings: Env }> = async (c, next) => {
  await next();
  if (!(c.res.headers.get("content-type") ?? "").startsWith("text/html")) return;
  // a live page (serve.ts) was filled in the reader's size, and its ETag names the size
  if (/\bCookie\b/i.test(c.res.headers.get("Vary") ?? "")) return;
  const rewritten = withTextSize(new HTMLRewriter(), readsLarge(c), new URL(c.req.url)).transform(c.res);
  const response = new Response(rewritten.body, rewritten);
  response.headers.append("Vary", "Cookie");
  // an asset's validators are the same for both sizes: a revalidated page would keep the old size
  response.headers.delete("ETag");
  response.headers.delete("Last-Modified");
  c.res = undefined;
  c.res = response;
};
