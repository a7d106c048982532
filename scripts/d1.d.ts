// The D1 types the worker's query modules name as globals (worker-configuration.d.ts declares them for the
// worker), for scripts that call those modules through worker/src/scripting.ts.
import type * as cf from "@cloudflare/workers-types";

declare global {
  type D1Database = cf.D1Database;
  type D1PreparedStatement = cf.D1PreparedStatement;
  type D1Result<T = unknown> = cf.D1Result<T>;
}
