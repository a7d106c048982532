import { createApp } from "./app.ts";
import { autoCloseDays, closeUnratedCases } from "./cases/auto-close.ts";

export default {
  fetch: createApp().fetch,
  async scheduled(_controller, env) {
    await closeUnratedCases(env.DB, autoCloseDays(env));
  },
} satisfies ExportedHandler<Env>;
