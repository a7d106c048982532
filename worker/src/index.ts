import { createApp } from "./app.ts";
import { autoCloseDays, closeUnratedCases } from "./cases/auto-close.ts";
import { makeCheckpoint } from "./checkpoints/make.ts";

/** The cron that signs checkpoints (wrangler.toml); the daily one also closes unrated cases. */
const EVERY_MINUTE = "* * * * *";

export default {
  fetch: createApp().fetch,
  async scheduled(controller, env) {
    if (controller.cron !== EVERY_MINUTE) await closeUnratedCases(env.DB, autoCloseDays(env));
    await makeCheckpoint(env).catch((err: unknown) => console.error("checkpoint not made:", err));
  },
} satisfies ExportedHandler<Env>;
