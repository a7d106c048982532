/**
 * The self-hosted HTTP server: @hono/node-server in front of the worker's app, the client address put
 * where the rate limiter reads it, the crons of wrangler.toml on a timer, and a graceful stop that
 * finishes open requests and `waitUntil` work before closing the database.
 */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { ExecutionContextNode, nodeWorker, withClientAddress } from "./runtime.ts";

/** The crons of wrangler.toml: daily at 17:00 UTC (01:00 China time) and every minute. */
export const DAILY = "0 17 * * *";
export const EVERY_MINUTE = "* * * * *";

/**
 * The crons due at a minute, as Cloudflare would fire them.
 * @example dueCrons(new Date("2026-12-02T17:00:00Z")) // ["0 17 * * *", "* * * * *"]
 */
export function dueCrons(at: Date): string[] {
  return at.getUTCHours() === 17 && at.getUTCMinutes() === 0 ? [DAILY, EVERY_MINUTE] : [EVERY_MINUTE];
}

export interface ServerOptions {
  env: Env & { DB: { close(): void } };
  port: number;
  host: string;
  /** Take the client address from X-Forwarded-For (only behind a reverse proxy you run). */
  trustProxy: boolean;
  /** Run the crons (off in tests that fire them by hand). */
  crons?: boolean;
}

/**
 * Starts serving; resolves once listening, with the bound address and a `stop()`.
 * @example const server = await startServer({ env, port: 8787, host: "127.0.0.1", trustProxy: false });
 */
export async function startServer(options: ServerOptions) {
  const worker = nodeWorker(options.env);
  const contexts = new ExecutionContextNode();
  let address!: AddressInfo;
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve(
      {
        fetch: (request, nodeEnv: { incoming?: { socket?: { remoteAddress?: string } } }) =>
          worker.fetch(
            withClientAddress(request, nodeEnv.incoming?.socket?.remoteAddress, options.trustProxy),
            contexts,
          ),
        port: options.port,
        hostname: options.host,
      },
      (info) => {
        address = info;
        resolve(started);
      },
    );
  });

  // one cron run at a time, each started at the top of its minute; crons due while a run is still going
  // wait for the next minute (a daily one is never lost), so a slow run never builds a backlog
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const owed = new Set<string>();
  const schedule = () => {
    timer = setTimeout(tick, 60_000 - (Date.now() % 60_000) + 50);
  };
  const tick = () => {
    schedule();
    const minute = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    for (const cron of dueCrons(minute)) owed.add(cron);
    if (running) return;
    const crons = [...owed];
    owed.clear();
    running = (async () => {
      for (const cron of crons) {
        await worker
          .scheduled(cron, minute.getTime())
          .catch((err: unknown) => console.error(`cron ${cron} failed:`, err));
      }
    })().finally(() => {
      running = undefined;
    });
  };
  if (options.crons !== false) schedule();

  return {
    address,
    async stop(): Promise<void> {
      clearTimeout(timer);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await running;
      await contexts.settled();
      options.env.DB.close();
    },
  };
}
