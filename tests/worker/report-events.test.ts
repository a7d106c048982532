/**
 * The event kinds of a case's timeline: 'escalated', listed by the first schema but never written, is
 * refused by the database (migration 0014), while the kinds the code writes are still taken.
 */
import { env } from "cloudflare:test";
import { expect, it } from "vitest";
import { fileReport } from "../fixtures/cases.ts";

const insertEvent = (report: number, kind: string) =>
  env.DB.prepare(
    "INSERT INTO report_events (report_id, kind, public, body, actor, on_date) VALUES (?1, ?2, 0, NULL, 'system', '2026-12-02')",
  )
    .bind(report, kind)
    .run();

it("refuses an 'escalated' event and still takes a note", async () => {
  const { id } = await fileReport("371603104201");
  await expect(insertEvent(id, "escalated")).rejects.toThrow(/escalated is not an event kind/);
  await expect(insertEvent(id, "note")).resolves.toMatchObject({ success: true });
});
