import { createApp } from "./app.ts";
import { autoCloseDays, closeUnratedCases } from "./cases/auto-close.ts";
import { pruneRateLimits } from "./reports/rate-limit.ts";

export default {
  fetch: createApp().fetch,
  async scheduled(_controller, env) {
    await closeUnratedCases(env.DB, autoCloseDays(env));
    await pruneRateLimits(env.DB);
  },
} satisfies ExportedHandler<Env>;
