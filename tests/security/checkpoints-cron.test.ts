/**
 * Issue 10 item 2: the cron signs a checkpoint every minute when a chain grew (a write made less than a
 * minute after the previous checkpoint is covered this way), and does nothing when nothing changed.
 */
import { createScheduledController, env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { Checkpoint } from "#core/checkpoint.ts";
import worker from "../../worker/src/index.ts";
import { publishDisclosure } from "../fixtures/d1.ts";

const checkpoints = async () =>
  (await env.DB.prepare("SELECT body FROM checkpoints ORDER BY time").all<{ body: string }>()).results.map(
    (r) => JSON.parse(r.body) as Checkpoint,
  );

const cron = (schedule: string) =>
  worker.scheduled(createScheduledController({ cron: schedule, scheduledTime: Date.now() }), env);

describe("the cron", () => {
  it("signs a checkpoint of a chain that grew, and none while nothing changed", async () => {
    const village = "371603106201";
    await publishDisclosure(env.DB, { village, item: "party-dues", period: "2026-Q3" });
    await cron("* * * * *");
    const [first, ...rest] = await checkpoints();
    expect(rest).toEqual([]);
    expect(first?.villages[village]?.length).toBe(1);
    await cron("0 17 * * *");
    await cron("* * * * *");
    expect(await checkpoints()).toHaveLength(1);
  });
});
