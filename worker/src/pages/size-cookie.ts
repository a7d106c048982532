/**
 * The 大字 (large text) choice: the cookie text-size.ts sets, and what applying it to a page does (class="large"
 * on <html>, the switch's links pointed back at the page being read). Every HTML page gets it from the
 * textSizePages middleware, a live page (serve.ts) while it is filled.
 */
import type { Context } from "hono";
import { getCookie } from "hono/cookie";

export const TEXT_SIZE_COOKIE = "size";

/**
 * Whether the reader chose large text.
 * @example if (readsLarge(c)) tag += ".large";
 */
export function readsLarge(c: Context): boolean {
  return getCookie(c, TEXT_SIZE_COOKIE) === "large";
}

/**
 * `rewriter` also putting the page in the reader's text size, its 大字 switch pointed back at `page`.
 * @example withTextSize(new HTMLRewriter(), true, new URL(c.req.url)).transform(response)
 */
export function withTextSize(rewriter: HTMLRewriter, large: boolean, page: URL): HTMLRewriter {
  const back = encodeURIComponent(`${page.pathname}${page.search}`);
  return rewriter
    .on("html", {
      element(el) {
        if (large) el.setAttribute("class", "large");
      },
    })
    .on("a[data-size]", {
      element(el) {
        el.setAttribute(
          "href",
          `/settings/size?large=${el.getAttribute("data-size") === "large" ? 1 : 0}&amp;back=${back}`,
        );
      },
    });
}
