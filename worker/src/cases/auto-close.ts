/**
 * Answered cases the villager never rated close themselves after AUTO_CLOSE_DAYS days. Run daily by the
 * cron trigger and lazily before staff reads, so lists and figures never show a case that should have closed.
 */
import { AUTO_CLOSE_DAYS_DEFAULT, daysBefore } from "../../../schema/case.ts";
import { chinaDate } from "../../../schema/period.ts";
import { runAudited } from "../audit/queries.ts";
import { unratedClosing } from "./queries.ts";

/**
 * The configured wait in days (a positive whole number), else the default.
 * @example autoCloseDays({ AUTO_CLOSE_DAYS: "7" }) // 7
 */
export function autoCloseDays(env: { AUTO_CLOSE_DAYS?: string }): number {
  const days = Number(env.AUTO_CLOSE_DAYS);
  return Number.isInteger(days) && days > 0 ? days : AUTO_CLOSE_DAYS_DEFAULT;
}

/**
 * Closes every answered case answered `days` or more days before `today`; returns the ids closed.
 * One batch with one audit row, so the events, the updates and the record land together.
 * @example await closeUnratedCases(env.DB, 7) // [12, 15]
 */
export async function closeUnratedCases(db: D1Database, days: number, today: string = chinaDate()): Promise<number[]> {
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
