import { createApp } from "./app.ts";
import { sealAudit } from "./audit/queries.ts";
import { autoCloseDays, closeUnratedCases } from "./cases/auto-close.ts";
import { pruneRateLimits } from "./reports/rate-limit.ts";
import { forgetStaleClients } from "./staff/queries.ts";

export default {
  fetch: createApp().fetch,
  async scheduled(_controller, env) {
    await closeUnratedCases(env.DB, autoCloseDays(env));
    await pruneRateLimits(env.DB);
    await forgetStaleClients(env.DB, Date.now());
    await sealAudit(env.DB);
  },
} satisfies ExportedHandler<Env>;
