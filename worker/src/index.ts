import { chinaDate } from "#core/period.ts";
import { createApp } from "./app.ts";
import { sealAudit } from "./audit/queries.ts";
import { autoCloseDays, closeUnratedCases } from "./cases/auto-close.ts";
import { makeCheckpoint } from "./checkpoints/make.ts";
import { attachmentHousekeeping } from "./media/retention.ts";
import { settled } from "./pages/flights.ts";
import { pruneRateLimits } from "./reports/rate-limit.ts";
import { forgetStaleClients } from "./staff/queries.ts";

/** The cron that signs checkpoints (wrangler.toml); the daily one also does the day's housekeeping. */
const EVERY_MINUTE = "* * * * *";

export default {
  fetch: createApp().fetch,
  async scheduled(controller, env) {
    // the time the run was scheduled for is the clock of every rule it runs
    const now = new Date(controller.scheduledTime);
    if (controller.cron !== EVERY_MINUTE) {
      await closeUnratedCases(env.DB, autoCloseDays(env), chinaDate(now));
      await pruneRateLimits(env.DB, now);
      await forgetStaleClients(env.DB, now.getTime());
      await attachmentHousekeeping(env, now, chinaDate(now));
    }
    await sealAudit(env.DB);
    await makeCheckpoint(env, now).catch((err: unknown) => console.error("checkpoint not made:", err));
    // like any writer: its closed cases show on the next view once it has ended
    await settled();
  },
} satisfies ExportedHandler<Env>;
