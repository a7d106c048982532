/**
 * Answered cases the villager never rated close themselves after AUTO_CLOSE_DAYS days. Run daily by the
 * cron trigger and lazily before staff reads, so lists and figures never show a case that should have closed.
 */
import { daysBefore } from "#core/case.ts";
import { runAudited } from "../audit/queries.ts";
import { config } from "../config/env.ts";
import { unratedClosing } from "./queries.ts";

/**
 * The configured wait in days (config/env.ts: a positive whole number, 7 when not set).
 * @example autoCloseDays({ AUTO_CLOSE_DAYS: "7" }) // 7
 */
export function autoCloseDays(env: { AUTO_CLOSE_DAYS?: string }): number {
  return config(env).autoCloseDays;
}

/**
 * Closes every answered case answered `days` or more days before `today`; returns the ids closed.
 * One batch with one audit row, so the events, the updates and the record land together.
 * @example await closeUnratedCases(env.DB, 7, chinaDate(nowOf(c))) // [12, 15]
 */
export async function closeUnratedCases(db: D1Database, days: number, today: string): Promise<number[]> {
  const cutoff = daysBefore(today, days);
  const { ids, statements } = await unratedClosing(db, cutoff, today);
  if (ids.length === 0) return ids;
  await runAudited(
    db,
    { action: "reports_auto_close", actorId: null, actor: "system", target: null, detail: { ids, days, cutoff } },
    statements,
  );
  return ids;
}
