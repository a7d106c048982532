/**
 * Serving a static page built by Astro, filled with its live parts: one ending for every page the worker
 * answers (village, town, forms, receipt, disclosure, meeting, 小微权力, 404). Public live pages
 * ({@link serveLivePage}) are filled once per version of their data and reused from the page cache, with a
 * strong ETag naming that version.
 */
import type { Context } from "hono";
import { chinaDate } from "#core/period.ts";
import { nowOf } from "../config/context.ts";
import { type Html, setHtml } from "../html.ts";
import { type CachedPage, keptOrFilled, pageCacheOf } from "./cache.ts";
import { type Background, leasedRead } from "./flights.ts";
import { readsLarge, withTextSize } from "./size-cookie.ts";
import { townVersion, villageVersion } from "./versions.ts";

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

/** What a live page's content depends on: a filled copy is reused until that data changes. */
export type PageData =
  /** one village's rows */
  | { village: string }
  /** the rows of all the villages of a town */
  | { town: string }
  /** reference data built into the worker only: reused until the site is rebuilt */
  | "reference";

/** What fills a live page on a cache miss: its rewriter and status; null when the page does not exist. */
export type PageFill = () => Promise<{ rewriter: HTMLRewriter; status?: number } | null>;

/** A live page: the static page it fills, what its content depends on, how to fill it, its Cache-Control. */
export interface LivePage {
  asset: string;
  data: PageData;
  fill: PageFill;
  cacheControl: string;
}

/** How long a filled copy is kept at most (its key holds the date, so a day is all it can be used). */
const DAY_SECONDS = 86_400;
/** How long an asset's identity (its ETag) is trusted before the assets binding is asked again. */
const ASSET_CHECK_MS = 5_000;
const assetIds = new Map<string, { id: string; at: number }>();

/** The identity of a static page (its ETag, reduced to ETag-safe characters). */
const identityOf = (asset: Response) => (asset.headers.get("ETag") ?? "none").replace(/[^A-Za-z0-9-]/g, "");

/** The asset's identity, asked of the assets binding at most every few seconds per page. */
async function assetIdentity(env: Env, url: URL): Promise<string> {
  const known = assetIds.get(url.href);
  if (known && Math.abs(Date.now() - known.at) < ASSET_CHECK_MS) return known.id;
  const head = await env.ASSETS.fetch(url, { method: "HEAD" });
  const id = identityOf(head);
  assetIds.set(url.href, { id, at: Date.now() });
  return id;
}

/**
 * The version of a page's data: the village's, the town's, a constant for reference data. Views within
 * 50 ms of each other share one read, and every write waits that out before it answers (flights.ts), so a
 * write is seen by the next view while a whole meeting's views cost one read every 50 ms.
 */
function dataVersion(c: Context, data: PageData): Promise<string> {
  if (data === "reference") return Promise.resolve("r");
  const db = c.env.DB;
  if ("town" in data) return leasedRead(`town:${data.town}`, () => townVersion(db, data.town), inBackground(c));
  return leasedRead(`village:${data.village}`, () => villageVersion(db, data.village), inBackground(c));
}

/**
 * Whether an If-None-Match header names `tag` (weak comparison, as RFC 9110 asks for it).
 * @example matches('W/"1a-2b", "3c"', '"1a-2b"') // true
 */
export function matches(ifNoneMatch: string | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((t) => t.trim() === "*" || bare(t) === tag);
}

/** Fills a live page from its asset, in the reader's text size; null when the page or its asset does not exist. */
async function fillPage(c: Context, url: URL, fill: PageFill): Promise<CachedPage | null> {
  const filled = await fill();
  if (!filled) return null;
  const asset = await c.env.ASSETS.fetch(url);
  if (!asset.ok) return null;
  assetIds.set(url.href, { id: identityOf(asset), at: Date.now() });
  const rewriter = withTextSize(filled.rewriter, readsLarge(c), new URL(c.req.url));
  return { status: filled.status ?? 200, body: await rewriter.transform(asset).text() };
}

/** Work handed to the request's `waitUntil`; awaited where there is no execution context (app.request in a test). */
function inBackground(c: Context): Background {
  return (work) => {
    try {
      c.executionCtx.waitUntil(work);
      return Promise.resolve();
    } catch {
      return work;
    }
  };
}

/**
 * A public live page, reused while its data is unchanged: keyed by its address, its data version, its
 * asset's identity, the China date and the reader's text size, kept in the page cache and answered with a
 * strong ETag naming the same; a matching If-None-Match gets 304 with no body. On a miss `fill` runs (one
 * batch of reads) and the filled page is kept for the next view.
 * @example return serveLivePage(c, { asset: `/v/${code}/`, data: { village: code }, fill, cacheControl: "public, no-cache" });
 */
export async function serveLivePage(c: Context, page: LivePage): Promise<Response> {
  const url = new URL(page.asset, c.req.url);
  const [version, id] = await Promise.all([dataVersion(c, page.data), assetIdentity(c.env, url)]);
  const date = chinaDate(nowOf(c)).replaceAll("-", "");
  const size = readsLarge(c) ? ".large" : "";
  const tag = `"${version}.${id}.${date}${size}"`;
  const headers = { "Cache-Control": page.cacheControl, ETag: tag, Vary: "Cookie" };
  if (matches(c.req.header("If-None-Match"), tag)) return new Response(null, { status: 304, headers });

  const cache = pageCacheOf(c.env);
  const { origin, pathname, search } = new URL(c.req.url);
  const key = `${origin}/_page-cache${pathname}?q=${encodeURIComponent(search)}&t=${encodeURIComponent(tag)}`;
  const fill = () => fillPage(c, url, page.fill);
  const filled = cache ? await keptOrFilled(cache, key, fill, DAY_SECONDS, inBackground(c)) : await fill();
  if (!filled) return notFoundPage(c.env, c.req.url);
  return new Response(bytesOf(key, filled.body), {
    status: filled.status,
    headers: { "Content-Type": "text/html; charset=utf-8", ...headers },
  });
}

/** How many pages' UTF-8 bytes are kept beside the page cache (the pages being viewed right now). */
const ENCODED_PAGES = 64;
const encoded = new Map<string, { body: string; bytes: Uint8Array<ArrayBuffer> }>();
const encoder = new TextEncoder();

/**
 * `text` in UTF-8, as a view of a plain ArrayBuffer (what a Response body takes under the DOM's types as
 * well as the Workers'); the encoder's own buffer is one, so nothing is copied.
 */
function encode(text: string): Uint8Array<ArrayBuffer> {
  const bytes = encoder.encode(text);
  const { buffer } = bytes;
  return buffer instanceof ArrayBuffer ? new Uint8Array(buffer, bytes.byteOffset, bytes.length) : bytes.slice();
}

/**
 * The UTF-8 bytes of the page kept under `key`, encoded once for all its views: a page answered as a string
 * is encoded again on every view, which costs a busy page more than everything else its view does.
 */
function bytesOf(key: string, body: string): Uint8Array<ArrayBuffer> {
  const known = encoded.get(key);
  if (known?.body === body) return known.bytes;
  const bytes = encode(body);
  if (encoded.size >= ENCODED_PAGES) encoded.delete(encoded.keys().next().value as string);
  encoded.set(key, { body, bytes });
  return bytes;
}
