/**
 * Serving a static page built by Astro, filled with its live parts: one ending for every page the worker
 * answers (village, town, forms, receipt, disclosure, meeting, 小微权力, 404).
 */
import { type Html, setHtml } from "../html.ts";

/** What a filled page is answered with: its status and its caching and other headers. */
export interface PageInit {
  status?: number;
  headers?: Record<string, string>;
}

/** What serving a page reads from the request's context (a Hono `Context` has both). */
export interface PageContext {
  env: Env;
  req: { url: string };
}

const NOT_FOUND = "/404.html";

/**
 * The static page at `path` from the assets binding, filled by `rewriter`, answered with `init`'s status
 * and headers; the 404 page when there is no such asset. The asset's own validators (ETag) are dropped:
 * the filled page is not the file they describe.
 * @example return servePage(c, `/z/${code}/`, new HTMLRewriter().on(…), { headers: { "Cache-Control": "public, max-age=30" } });
 */
export async function servePage(
  c: PageContext,
  path: string,
  rewriter: HTMLRewriter | null,
  init: PageInit = {},
): Promise<Response> {
  const asset = await c.env.ASSETS.fetch(new URL(path, c.req.url));
  if (!asset.ok && path !== NOT_FOUND) return notFoundPage(c.env, c.req.url);
  const page = rewriter ? rewriter.transform(asset) : asset;
  return new Response(page.body, {
    status: init.status ?? 200,
    headers: { "Content-Type": "text/html; charset=utf-8", ...init.headers },
  });
}

/**
 * The friendly 404 page (built by Astro as /404.html), served with status 404.
 * @example return notFoundPage(c.env, c.req.url);
 */
export function notFoundPage(env: Env, url: string): Promise<Response> {
  return servePage({ env, req: { url } }, NOT_FOUND, null, { status: 404, headers: { "Cache-Control": "no-store" } });
}

/**
 * What fills a page built on one of the site's shells (/shell/…/): its title and its main part.
 * @example return servePage(c, "/shell/meeting/", shellRewriter(title, html));
 */
export function shellRewriter(title: string, main: Html): HTMLRewriter {
  return new HTMLRewriter()
    .on("title", { element: (el) => void el.setInnerContent(title) })
    .on("[data-page]", { element: (el) => setHtml(el, main) });
}
