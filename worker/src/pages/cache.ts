/**
 * Where filled pages are kept between views: the Workers Cache API (`caches.default`) on Cloudflare, an
 * in-memory LRU on the self-hosted runtime (worker/node injects one as `env.PAGE_CACHE`). Keys name the
 * data a page was filled from (see serve.ts), so an entry is never stale; it only stops being asked for.
 */

import { type Background, SHARED_WAIT_MS, sharedOr } from "./flights.ts";

/** A filled page as kept: its status and its HTML, before the reader's text size is applied. */
export interface CachedPage {
  status: number;
  body: string;
}

/** A store of filled pages by key (an absolute URL naming the page and its data). */
export interface PageCache {
  match(key: string): Promise<CachedPage | undefined>;
  /** Keeps `page` under `key` for at most `seconds`. */
  put(key: string, page: CachedPage, seconds: number): Promise<void>;
}

/** What fills a page on a miss: the page, or null when there is none (nothing is kept then). */
export type Fill = () => Promise<CachedPage | null>;

/** The fills running in this process or isolate, by key. */
const filling = new Map<string, Promise<CachedPage | null>>();

/**
 * The page kept under `key`, else what `fill` makes, kept for `seconds`. Views missing the same key at
 * once share one fill, so after a write a burst of views fills the page once, not once per view: in this
 * process on the self-hosted runtime, in this isolate on Workers. The fill is handed to `background` too
 * (`waitUntil`), so it runs to its end even when the view that started it is cancelled; a view that waited
 * `wait` ms for someone else's fill fills the page itself. Keeping the page goes to `background` as well:
 * a view that filled it need not wait for a remote cache to store it (a layered cache holds it near at once).
 * @example const page = await keptOrFilled(cache, key, fill, 86_400, (work) => (ctx.waitUntil(work), Promise.resolve()));
 */
export async function keptOrFilled(
  cache: PageCache,
  key: string,
  fill: Fill,
  seconds: number,
  background: Background = (work) => work,
  wait = SHARED_WAIT_MS,
): Promise<CachedPage | null> {
  const kept = await cache.match(key);
  if (kept) return kept;
  const own = () =>
    fill().then(async (page) => {
      if (page) {
        const keeping = cache.put(key, page, seconds).catch((err: unknown) => console.error("page not kept:", err));
        await background(keeping);
      }
      return page;
    });
  const running = filling.get(key);
  if (running) return sharedOr(running, wait, own);
  const filled = own().finally(() => filling.delete(key));
  filling.set(key, filled);
  void background(filled).catch(() => {}); // its failure is answered to the view that started it
  return filled;
}

const STATUS = "X-Page-Status";

/**
 * A page cache over a Workers `Cache` (every entry stored as a 200 with its own status in a header, so the
 * Cache API keeps 404 pages too).
 * @example const cache = workersPageCache(caches.default);
 */
export function workersPageCache(cache: Cache): PageCache {
  return {
    async match(key) {
      const hit = await cache.match(key);
      return hit ? { status: Number(hit.headers.get(STATUS) ?? 200), body: await hit.text() } : undefined;
    },
    put(key, page, seconds) {
      return cache.put(
        key,
        new Response(page.body, {
          headers: { "Cache-Control": `public, max-age=${seconds}`, [STATUS]: String(page.status) },
        }),
      );
    },
  };
}

/**
 * A page cache in this process's memory, least recently used first out once `budget` characters of HTML
 * are held (16 M by default: a few hundred village pages).
 * @example const env = { ...bindings, PAGE_CACHE: memoryPageCache() };
 */
export function memoryPageCache(budget = 16_000_000, clock: () => number = Date.now): PageCache {
  const entries = new Map<string, CachedPage & { until: number }>();
  let held = 0;
  const drop = (key: string) => {
    held -= entries.get(key)?.body.length ?? 0;
    entries.delete(key);
  };
  return {
    async match(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      drop(key);
      if (entry.until <= clock()) return undefined;
      entries.set(key, entry); // now the most recently used
      held += entry.body.length;
      return { status: entry.status, body: entry.body };
    },
    async put(key, page, seconds) {
      drop(key);
      if (page.body.length > budget) return;
      entries.set(key, { ...page, until: clock() + seconds * 1000 });
      held += page.body.length;
      for (const oldest of entries.keys()) {
        if (held <= budget) break;
        drop(oldest);
      }
    },
  };
}

/**
 * `near` in front of `far`: a page found far away is kept near too (for `seconds`); a page put goes to both.
 * @example const cache = layered(memoryPageCache(), workersPageCache(caches.default), 86_400);
 */
export function layered(near: PageCache, far: PageCache, seconds: number): PageCache {
  return {
    async match(key) {
      const page = (await near.match(key)) ?? (await far.match(key));
      if (page) await near.put(key, page, seconds);
      return page;
    },
    async put(key, page, ttl) {
      await Promise.all([near.put(key, page, ttl), far.put(key, page, ttl)]);
    },
  };
}

/** This isolate's own copies of the pages it served last, in front of `caches.default` (8 M characters). */
let isolatePages: PageCache | undefined;

/**
 * The page cache of an environment: the injected one, else on Workers `caches.default` with this
 * isolate's recent pages in front (a view of a page this isolate served needs no cache lookup), else none
 * (every view is filled).
 * @example const cache = pageCacheOf(c.env);
 */
export function pageCacheOf(env: Env): PageCache | null {
  const injected = (env as { PAGE_CACHE?: PageCache }).PAGE_CACHE;
  if (injected) return injected;
  const workers = (globalThis as { caches?: { default?: Cache } }).caches?.default;
  if (!workers) return null;
  isolatePages ??= memoryPageCache(8_000_000);
  return layered(isolatePages, workersPageCache(workers), 3_600);
}
