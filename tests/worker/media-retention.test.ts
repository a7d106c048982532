/**
 * Issue 17, retention: the daily cron deletes the attachments of cases closed ATTACHMENT_DAYS ago (default
 * 365) — rows, files and an audit entry naming the cases — and keeps those of cases closed since or still
 * open. Files no row names are swept once a day old, never while a report may still be landing.
 */
import { createScheduledController, env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { daysBefore } from "#core/case.ts";
import { chinaDate } from "#core/period.ts";
import { config } from "../../worker/src/config/env.ts";
import worker from "../../worker/src/index.ts";
import { purgeAttachments, sweepOrphans } from "../../worker/src/media/retention.ts";
import { plainJpeg } from "../fixtures/media.ts";
import { caseIdOf } from "../fixtures/reports.ts";
import { fileWithUploads } from "../fixtures/uploads.ts";

const VILLAGE = "371603104201";
const photo = { field: "photo", bytes: plainJpeg(), name: "a.jpg", type: "image/jpeg" };

async function caseWithPhoto(closedDaysAgo: number | null): Promise<{ id: number; key: string }> {
  const receipt = await fileWithUploads(VILLAGE, {}, [photo]);
  const id = (await caseIdOf(env.DB, receipt)) as number;
  if (closedDaysAgo !== null) {
    await env.DB.prepare("UPDATE reports SET state = 'closed', closed_on = ?2 WHERE id = ?1")
      .bind(id, daysBefore(chinaDate(), closedDaysAgo))
      .run();
  }
  const row = await env.DB.prepare("SELECT object_key AS key FROM report_attachments WHERE report_id = ?1")
    .bind(id)
    .first<{ key: string }>();
  return { id, key: row?.key ?? "" };
}

const rowsOf = async (id: number) =>
  (
    await env.DB.prepare("SELECT COUNT(*) AS n FROM report_attachments WHERE report_id = ?1")
      .bind(id)
      .first<{ n: number }>()
  )?.n;

describe("retention", () => {
  it("ATTACHMENT_DAYS is 365 unless set, and a bad value names itself", () => {
    expect(config({}).attachmentDays).toBe(365);
    expect(config({ ATTACHMENT_DAYS: "30" }).attachmentDays).toBe(30);
    expect(() => config({ ATTACHMENT_DAYS: "a year" })).toThrow(/ATTACHMENT_DAYS must be a positive whole number/);
  });

  it("the daily cron deletes the attachments of cases closed over 365 days ago, audited, and keeps the rest", async () => {
    const old = await caseWithPhoto(400);
    const recent = await caseWithPhoto(10);
    const open = await caseWithPhoto(null);
    await worker.scheduled(createScheduledController({ cron: "0 17 * * *", scheduledTime: Date.now() }), env);
    expect(await rowsOf(old.id)).toBe(0);
    expect(await env.MEDIA.get(old.key)).toBeNull();
    for (const kept of [recent, open]) {
      expect(await rowsOf(kept.id)).toBe(1);
      expect(await env.MEDIA.head(kept.key)).not.toBeNull();
    }
    const entry = await env.DB.prepare(
      "SELECT actor, detail FROM audit_log WHERE action = 'attachments_purge' ORDER BY seq DESC LIMIT 1",
    ).first<{ actor: string; detail: string }>();
    expect(entry?.actor).toBe("system");
    expect(JSON.parse(entry?.detail ?? "{}")).toMatchObject({ reports: [old.id], attachments: 1, days: 365 });
  });

  it("a shorter ATTACHMENT_DAYS takes the case closed 10 days ago too", async () => {
    const recent = await caseWithPhoto(10);
    expect(await purgeAttachments(env.DB, env.MEDIA, 7, chinaDate())).toBeGreaterThanOrEqual(1);
    expect(await rowsOf(recent.id)).toBe(0);
    expect(await env.MEDIA.get(recent.key)).toBeNull();
  });

  it("a file no row names is swept once a day old, and not before", async () => {
    const key = `${"0".repeat(32)}/photo-1-${"a".repeat(64)}`;
    await env.MEDIA.put(key, plainJpeg());
    const named = await caseWithPhoto(null);
    expect(await sweepOrphans(env.DB, env.MEDIA, new Date())).toBe(0);
    expect(await env.MEDIA.head(key)).not.toBeNull();
    expect(await sweepOrphans(env.DB, env.MEDIA, new Date(Date.now() + 2 * 86_400_000))).toBeGreaterThanOrEqual(1);
    expect(await env.MEDIA.head(key)).toBeNull();
    expect(await env.MEDIA.head(named.key)).not.toBeNull();
  });
});
