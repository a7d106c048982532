/**
 * Attachments of closed cases are deleted ATTACHMENT_DAYS days after the case closed (default 365), by the
 * daily cron: the rows and an audit entry naming the cases in one batch, then the files. Files no row
 * names (a batch that failed, a crash between storing a file and recording it) are swept the same way
 * once they are a day old, so a report being stored right now is never touched.
 */
import { daysBefore } from "#core/case.ts";
import { runAudited } from "../audit/queries.ts";
import { config } from "../config/env.ts";
import { deleteAttachments, expiredAttachments, referencedKeys } from "./queries.ts";

/** Rows handled per batch, so a year's backlog never makes one statement too large. */
const PAGE = 200;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes the attachments of cases closed `days` or more days before `today`, audited; returns how many.
 * @example await purgeAttachments(env.DB, env.MEDIA, 365, "2026-12-02") // 3
 */
export async function purgeAttachments(db: D1Database, bucket: R2Bucket, days: number, today: string): Promise<number> {
  const cutoff = daysBefore(today, days);
  let purged = 0;
  for (;;) {
    const rows = await expiredAttachments(db, cutoff, PAGE);
    if (rows.length === 0) return purged;
    const reports = [...new Set(rows.map((r) => r.reportId))];
    await runAudited(
      db,
      {
        action: "attachments_purge",
        actorId: null,
        actor: "system",
        target: null,
        detail: { reports, attachments: rows.length, days, cutoff },
      },
      [
        deleteAttachments(
          db,
          rows.map((r) => r.id),
        ),
      ],
    );
    await bucket.delete(rows.map((r) => r.key));
    purged += rows.length;
  }
}

/**
 * Deletes stored files that no attachment row names and that are older than a day; returns how many.
 * @example await sweepOrphans(env.DB, env.MEDIA, new Date()) // 0
 */
export async function sweepOrphans(db: D1Database, bucket: R2Bucket, now: Date): Promise<number> {
  let swept = 0;
  let cursor: string | undefined;
  do {
    const page = await bucket.list({ limit: PAGE, ...(cursor ? { cursor } : {}) });
    const old = page.objects.filter((o) => now.getTime() - o.uploaded.getTime() > DAY_MS).map((o) => o.key);
    const kept = await referencedKeys(db, old);
    const orphans = old.filter((key) => !kept.has(key));
    if (orphans.length > 0) await bucket.delete(orphans);
    swept += orphans.length;
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return swept;
}

/**
 * The daily housekeeping of attachments: expired ones purged, orphans swept.
 * @example await attachmentHousekeeping(env, new Date(controller.scheduledTime), "2026-12-02");
 */
export async function attachmentHousekeeping(env: Env, now: Date, today: string): Promise<void> {
  await purgeAttachments(env.DB, env.MEDIA, config(env).attachmentDays, today);
  await sweepOrphans(env.DB, env.MEDIA, now);
}
