/**
 * D1 reads and writes of report attachments (the rows; the bytes are in the MEDIA bucket, store.ts).
 */
import type { AttachmentField } from "#core/media.ts";

/** An attachment ready to be recorded with its report. */
export interface StoredAttachment {
  field: AttachmentField;
  position: number;
  key: string;
  contentType: string;
  bytes: number;
  seconds: number | null;
}

/** An attachment as the case page and the receipt page list it. */
export interface AttachmentRow {
  field: AttachmentField;
  position: number;
  contentType: string;
  bytes: number;
  seconds: number | null;
}

/** An attachment as a page links it: its name, type, length (voice) and where it is served. */
export interface AttachmentLink {
  name: string;
  field: AttachmentField;
  contentType: string;
  seconds: number | null;
  url: string;
}

/**
 * Attachment rows as links under `base` (the report's URL).
 * @example attachmentLinks(rows, "/api/staff/reports/12") // [{ name: "photo-1", url: "/api/staff/reports/12/attachments/photo-1", … }]
 */
export const attachmentLinks = (rows: readonly AttachmentRow[], base: string): AttachmentLink[] =>
  rows.map((row) => {
    const name = `${row.field}-${row.position}`;
    return {
      name,
      field: row.field,
      contentType: row.contentType,
      seconds: row.seconds,
      url: `${base}/attachments/${name}`,
    };
  });

/**
 * The INSERTs recording `attachments` for the report whose receipt hash is `receiptHash`, for the same
 * batch as the report itself (reportStatements), so both land or neither does.
 * @example await db.batch([...reportStatements(db, report), ...attachmentStatements(db, report.receiptHash, stored)]);
 */
export function attachmentStatements(
  db: D1Database,
  receiptHash: string,
  attachments: readonly StoredAttachment[],
): D1PreparedStatement[] {
  return attachments.map((a) =>
    db
      .prepare(
        `INSERT INTO report_attachments (report_id, field, position, object_key, content_type, bytes, seconds)
         VALUES ((SELECT id FROM reports WHERE receipt_hash = ?1), ?2, ?3, ?4, ?5, ?6, ?7)`,
      )
      .bind(receiptHash, a.field, a.position, a.key, a.contentType, a.bytes, a.seconds),
  );
}

/**
 * The attachments of a report, photos first.
 * @example const list = await attachmentsOf(env.DB, 12); // [{ field: "photo", position: 1, … }]
 */
export async function attachmentsOf(db: D1Database, reportId: number): Promise<AttachmentRow[]> {
  const { results } = await db
    .prepare(
      `SELECT field, position, content_type AS contentType, bytes, seconds FROM report_attachments
        WHERE report_id = ?1 ORDER BY field, position`,
    )
    .bind(reportId)
    .all<AttachmentRow>();
  return results;
}

/**
 * One attachment of a report, with where its bytes are.
 * @example await attachmentByName(env.DB, 12, "photo", 1) // { key, contentType, … } or null
 */
export function attachmentByName(
  db: D1Database,
  reportId: number,
  field: AttachmentField,
  position: number,
): Promise<(AttachmentRow & { key: string }) | null> {
  return db
    .prepare(
      `SELECT field, position, object_key AS key, content_type AS contentType, bytes, seconds
         FROM report_attachments WHERE report_id = ?1 AND field = ?2 AND position = ?3`,
    )
    .bind(reportId, field, position)
    .first<AttachmentRow & { key: string }>();
}

/**
 * Which of `keys` some attachment row still names.
 * @example await referencedKeys(env.DB, ["ab/photo-1-…"]) // Set {"ab/photo-1-…"}
 */
export async function referencedKeys(db: D1Database, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const { results } = await db
    .prepare("SELECT object_key AS key FROM report_attachments WHERE object_key IN (SELECT value FROM json_each(?1))")
    .bind(JSON.stringify(keys))
    .all<{ key: string }>();
  return new Set(results.map((r) => r.key));
}

/**
 * The attachments of cases closed on or before `cutoff` (a China date), at most `limit` of them.
 * @example await expiredAttachments(env.DB, "2025-12-02", 200)
 */
export async function expiredAttachments(
  db: D1Database,
  cutoff: string,
  limit: number,
): Promise<{ id: number; reportId: number; key: string }[]> {
  const { results } = await db
    .prepare(
      `SELECT a.id, a.report_id AS reportId, a.object_key AS key FROM report_attachments a
         JOIN reports r ON r.id = a.report_id
        WHERE r.state = 'closed' AND r.closed_on <= ?1 ORDER BY a.id LIMIT ?2`,
    )
    .bind(cutoff, limit)
    .all<{ id: number; reportId: number; key: string }>();
  return results;
}

/**
 * The DELETE of attachment rows by id, for one batch with its audit entry.
 * @example await runAudited(db, entry, [deleteAttachments(db, [3, 4])]);
 */
export function deleteAttachments(db: D1Database, ids: readonly number[]): D1PreparedStatement {
  return db
    .prepare("DELETE FROM report_attachments WHERE id IN (SELECT value FROM json_each(?1))")
    .bind(JSON.stringify(ids));
}

/**
 * The id and kind of the report a receipt hash names, for serving the villager's own attachments.
 * @example await reportOfReceipt(env.DB, await lookupHash(env.DB, receipt)) // { id: 12, kind: "question" }
 */
export function reportOfReceipt(db: D1Database, hash: string): Promise<{ id: number; kind: string } | null> {
  return db
    .prepare("SELECT id, kind FROM reports WHERE receipt_hash = ?1")
    .bind(hash)
    .first<{ id: number; kind: string }>();
}
