// The staff scripts use the worker's typed client (worker/src/client.ts), so the site's type-check reads
// the worker's sources too, for their route types; so does the root tsconfig.json, for the end-to-end
// tests that use the same client against the test server. These are the Workers names those sources use
// as globals, taken from the module build of @cloudflare/workers-types (or written against the DOM's
// Request and Response) so nothing clashes with the DOM. The worker's own tsconfig checks the same
// sources against wrangler's generated Env and runtime; this file only lets the DOM-typed checks read them.
import type * as cf from "@cloudflare/workers-types";

declare global {
  type D1Database = cf.D1Database;
  type D1PreparedStatement = cf.D1PreparedStatement;
  type D1Result<T = unknown> = cf.D1Result<T>;
  type R2Bucket = cf.R2Bucket;
  type HTMLRewriterElementContentHandlers = cf.HTMLRewriterElementContentHandlers;
  interface HTMLRewriter {
    on(selector: string, handlers: cf.HTMLRewriterElementContentHandlers): HTMLRewriter;
    transform(response: Response): Response;
  }
  const HTMLRewriter: { new (): HTMLRewriter; prototype: HTMLRewriter };
  interface Env {
    DB: D1Database;
    ASSETS: { fetch(input: Request | URL | string, init?: RequestInit): Promise<Response> };
    AUTO_CLOSE_DAYS?: string;
    // the vars and secrets: checked by the worker's tsconfig, not here
    // biome-ignore lint/suspicious/noExplicitAny: see above
    [name: string]: any;
  }
}
