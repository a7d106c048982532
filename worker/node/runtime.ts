/**
 * The self-hosted runtime: the worker's own Hono app and cron handler, given the bindings Cloudflare
 * would give them (DB over SQLite, ASSETS over site/dist, the [vars] of wrangler.toml, the secrets) and
 * an execution context whose `waitUntil` work is awaited before shutdown.
 */
// first: the Workers globals exist before any worker module is evaluated
import "./globals.ts";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createApp } from "../src/app.ts";
import worker from "../src/index.ts";
import { memoryPageCache, type PageCache } from "../src/pages/cache.ts";
import { assetsBinding } from "./assets.ts";
import { openD1 } from "./d1.ts";
import { mediaDir } from "./data.ts";
import { openR2 } from "./r2.ts";

/** The repository root (worker/node/../..). */
export const root = join(import.meta.dirname, "..", "..");

/**
 * The `[vars]` of wrangler.toml (simple `NAME = "value"` lines), so both runtimes share one set.
 * @example wranglerVars().AUTO_CLOSE_DAYS // "7"
 */
export function wranglerVars(file = join(root, "wrangler.toml")): Record<string, string> {
  const section = /^\[vars\]\s*$([\s\S]*?)(?=^\[)/m.exec(readFileSync(file, "utf8"))?.[1] ?? "";
  return Object.fromEntries([...section.matchAll(/^([A-Z0-9_]+)\s*=\s*"([^"]*)"/gm)].map((m) => [m[1], m[2]]));
}

/**
 * The paths of wrangler.toml's `assets.run_worker_first`: the worker answers these; any other GET or
 * HEAD is a static asset (or the 404 page) without the worker, as on Cloudflare.
 * @example workerFirst()("/v/371603104201/") // true; workerFirst()("/staff/login/") // false
 */
export function workerFirst(file = join(root, "wrangler.toml")): (pathname: string) => boolean {
  const list = /^run_worker_first\s*=\s*\[([^\]]*)\]/m.exec(readFileSync(file, "utf8"))?.[1] ?? "";
  const patterns = [...list.matchAll(/"([^"]+)"/g)].map((m) => m[1] as string);
  return (pathname) => patterns.some((p) => (p.endsWith("/*") ? pathname.startsWith(p.slice(0, -1)) : pathname === p));
}

/** Tracks `waitUntil` work so a test or a shutdown can wait for it. */
export class ExecutionContextNode {
  readonly pending = new Set<Promise<unknown>>();
  readonly props = {};

  waitUntil(promise: Promise<unknown>): void {
    const tracked = promise.catch((err: unknown) => console.error("waitUntil failed:", err));
    this.pending.add(tracked);
    void tracked.finally(() => this.pending.delete(tracked));
  }

  passThroughOnException(): void {}

  /** Resolves once every `waitUntil` promise so far (and any they added) has settled. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all(this.pending);
  }
}

export interface RuntimeOptions {
  /** The SQLite file. */
  database: string;
  /** The built site (site/dist). */
  assets: string;
  /** The attachment folder; default `media` beside the SQLite file (DATA_DIR/media). */
  media?: string;
  /** Variables and secrets: PUBLIC_BASE_URL, CHECKPOINT_KEY, RATE_LIMIT_SALT, CUNMA_DEV, … */
  vars: Record<string, string | undefined>;
  /** Where filled pages are kept between views (what `caches.default` is on Cloudflare); in memory by default. */
  pageCache?: PageCache;
}

/**
 * The worker's environment on Node.
 * @example const env = nodeEnv({ database: "data/cunma.sqlite", assets: "site/dist", vars: {} });
 */
export function nodeEnv(options: RuntimeOptions): Env & { DB: ReturnType<typeof openD1> } {
  const vars = Object.fromEntries(Object.entries(options.vars).filter(([, value]) => value !== undefined));
  return {
    ...wranglerVars(),
    ...vars,
    DB: openD1(options.database),
    ASSETS: assetsBinding(options.assets),
    PAGE_CACHE: options.pageCache ?? memoryPageCache(),
    MEDIA: openR2(options.media ?? mediaDir(dirname(options.database))),
  } as unknown as Env & { DB: ReturnType<typeof openD1> };
}

/**
 * The client address as the rate limiter reads it (`CF-Connecting-IP`): the socket's peer, or behind a
 * trusted reverse proxy the last `X-Forwarded-For` entry (the one that proxy added). Whatever a client
 * sent as `CF-Connecting-IP` itself is dropped. With a trusted proxy, `X-Forwarded-Proto: https` makes the
 * request https again, so HSTS and absolute URLs stay right.
 * @example withClientAddress(request, "192.0.2.1", false).headers.get("CF-Connecting-IP") // "192.0.2.1"
 */
export function withClientAddress(request: Request, peer: string | undefined, trustProxy: boolean): Request {
  const headers = new Headers(request.headers);
  headers.delete("CF-Connecting-IP");
  const forwarded = trustProxy ? headers.get("X-Forwarded-For")?.split(",").at(-1)?.trim() : undefined;
  const address = forwarded || peer?.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1");
  if (address) headers.set("CF-Connecting-IP", address);
  const url = new URL(request.url);
  if (trustProxy && headers.get("X-Forwarded-Proto")?.split(",")[0]?.trim() === "https") url.protocol = "https:";
  return new Request(url, {
    method: request.method,
    headers,
    body: request.body,
    redirect: "manual",
    ...(request.body ? { duplex: "half" } : {}),
  } as RequestInit);
}

/**
 * The worker's `fetch` and `scheduled`, bound to an environment.
 * @example const worker = nodeWorker(env); const res = await worker.fetch(new Request("http://x/api/health"));
 */
export function nodeWorker(env: Env) {
  const app = createApp();
  const routed = workerFirst();
  const fetchWorker = async (request: Request, ctx = new ExecutionContextNode()): Promise<Response> =>
    app.fetch(request, env, ctx as unknown as ExecutionContext);
  return {
    /** What a visitor reaches: static assets directly, the worker first for `run_worker_first` paths. */
    async fetch(request: Request, ctx = new ExecutionContextNode()): Promise<Response> {
      const asset = (request.method === "GET" || request.method === "HEAD") && !routed(new URL(request.url).pathname);
      return asset ? env.ASSETS.fetch(request) : fetchWorker(request, ctx);
    },
    /** The worker's own fetch handler, as `SELF` reaches it in tests. */
    fetchWorker,
    /** Fires one cron, as Cloudflare's trigger would. */
    async scheduled(cron: string, scheduledTime = Date.now()): Promise<void> {
      const controller = { cron, scheduledTime, type: "scheduled", noRetry() {} } as ScheduledController;
      await worker.scheduled(controller, env);
    },
  };
}
