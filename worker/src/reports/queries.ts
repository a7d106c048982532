/**
 * D1 reads and writes of villagers' reports and their public timeline (rate limits: rate-limit.ts). Receipts
 * are never stored: rows are found by receiptHash(receipt) (schema/report.ts).
 */
import {
  type CaseFigureRow,
  legacyReceiptValues,
  type Rating,
  type ReportInput,
  type ReportKind,
  type ReportState,
  type ReportTopic,
  receiptHash,
  reportValues,
} from "#core/report.ts";
import { type AttachmentLink, type AttachmentRow, attachmentLinks } from "../media/queries.ts";
import { allRows, type Read, readOne } from "../reads.ts";

export interface NewReport {
  receiptHash: string;
  village: string;
  input: ReportInput;
  /** From intakeKey(): the key's hash and the sealed receipt, for a faithful retry. Absent for staff-filed cases. */
  intake?: { idempotencyHash: string; receiptSealed: string };
  bodyHash: string;
  receivedOn: string;
  /** The staff member who filed it at a 阳光报告会 on a villager's behalf (source 'meeting'). */
  filedBy?: string;
}

/**
 * Stores a report, its first public event and `alongside` (its attachments' rows) in one batch: all or none.
 * Misconduct goes straight to the discipline queue; questions and requests to the village queue.
 * @example await insertReport(env.DB, { receiptHash, village, input, intake, bodyHash, receivedOn: "2026-11-29" })
 */
export async function insertReport(
  db: D1Database,
  report: NewReport,
  alongside: D1PreparedStatement[] = [],
): Promise<void> {
  await db.batch([...reportStatements(db, report), ...alongside]);
}

/**
 * The statements {@link insertReport} runs, for a caller that must write a report in its own batch
 * (a meeting's questions become cases together with the meeting).
 * @example await db.batch([...reportStatements(env.DB, report), linkStatement]);
 */
export function reportStatements(db: D1Database, report: NewReport): D1PreparedStatement[] {
  const { input } = report;
  const discipline = input.kind === "misconduct";
  return [
    db
      .prepare(
        `INSERT INTO reports (receipt_hash, village_code, kind, topic, content, contact_name, contact_phone,
                              disclosure_id, power_item, source, filed_by, idempotency_hash, receipt_sealed,
                              body_hash, state, route, queue, received_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 'received', ?15, ?16, ?17)`,
      )
      .bind(
        report.receiptHash,
        report.village,
        ...reportValues(input),
        report.filedBy ? "meeting" : "web",
        report.filedBy ?? null,
        report.intake?.idempotencyHash ?? null,
        report.intake?.receiptSealed ?? null,
        report.bodyHash,
        discipline ? "discipline" : null,
        discipline ? "discipline" : "village",
        report.receivedOn,
      ),
    db
      .prepare(
        `INSERT INTO report_events (report_id, kind, public, body, actor, on_date)
         VALUES ((SELECT id FROM reports WHERE receipt_hash = ?1), 'received', 1, NULL, 'villager', ?2)`,
      )
      .bind(report.receiptHash, report.receivedOn),
  ];
}

/**
 * The sealed receipt and body hash stored under an idempotency key's hash, if any.
 * @example const earlier = await reportByKey(env.DB, (await intakeKey(key)).hash);
 */
export function reportByKey(
  db: D1Database,
  idempotencyHash: string,
): Promise<{ receiptSealed: string; bodyHash: string } | null> {
  return db
    .prepare("SELECT receipt_sealed AS receiptSealed, body_hash AS bodyHash FROM reports WHERE idempotency_hash = ?1")
    .bind(idempotencyHash)
    .first<{ receiptSealed: string; bodyHash: string }>();
}

/** Whether this isolate has already seen that no row from before migration 0006 is left to hash. */
let legacyDone = false;

/**
 * Hashes the rows migration 0006 copied with their plain receipt and key, and clears those columns: the
 * receipt becomes receipt_hash, the key becomes idempotency_hash with the receipt sealed under it. Run
 * before any receipt lookup or intake (and by `npm run seed`); once none is left it costs nothing more in
 * this isolate, since no new row can ever be a legacy one. Concurrent runs write the same values.
 * @example await upgradeLegacyRows(env.DB) // 0 once every row is hashed
 */
export async function upgradeLegacyRows(db: D1Database): Promise<number> {
  if (legacyDone) return 0;
  let upgraded = 0;
  for (;;) {
    const { results } = await db
      .prepare(
        `SELECT id, legacy_receipt AS receipt, legacy_idempotency_key AS key FROM reports
          WHERE legacy_receipt IS NOT NULL LIMIT 20`,
      )
      .all<{ id: number; receipt: string; key: string | null }>();
    if (results.length === 0) break;
    const statements = await Promise.all(results.map(async (row) => upgradeStatement(db, row)));
    await db.batch(statements);
    upgraded += results.length;
  }
  legacyDone = true;
  return upgraded;
}

/**
 * The UPDATE that hashes one legacy row.
 * @example await db.batch([await upgradeStatement(db, { id: 3, receipt, key })]);
 */
async function upgradeStatement(
  db: D1Database,
  row: { id: number; receipt: string; key: string | null },
): Promise<D1PreparedStatement> {
  const values = await legacyReceiptValues(row);
  return db
    .prepare(
      `UPDATE reports SET receipt_hash = ?2, idempotency_hash = ?3, receipt_sealed = ?4,
              legacy_receipt = NULL, legacy_idempotency_key = NULL
        WHERE id = ?1 AND legacy_receipt IS NOT NULL`,
    )
    .bind(row.id, values.receiptHash, values.idempotencyHash, values.receiptSealed);
}

/**
 * Whether a disclosure was published by this village.
 * @example await disclosureOfVillage(env.DB, 12, "371603104201") // true
 */
export async function disclosureOfVillage(db: D1Database, id: number, village: string): Promise<boolean> {
  const row = await db
    .prepare("SELECT 1 AS ok FROM disclosures WHERE id = ?1 AND village_code = ?2")
    .bind(id, village)
    .first();
  return row !== null;
}

export interface PublicEvent {
  kind: string;
  on: string;
  body: string | null;
}

export interface PublicReport {
  receipt: string;
  village: string;
  kind: ReportKind;
  topic: ReportTopic;
  /** Withheld for misconduct: a saved picture of the page must not expose the whistle-blower. */
  content: string | null;
  state: ReportState;
  receivedOn: string;
  deadline: string | null;
  answer: string | null;
  answeredOn: string | null;
  rating: Rating | null;
  timeline: PublicEvent[];
  /** The villager's own photos and voice message; none shown for misconduct, as for its text. */
  attachments: AttachmentLink[];
}

interface PublicRow {
  village_code: string;
  kind: ReportKind;
  topic: ReportTopic;
  content: string;
  state: ReportState;
  received_on: string;
  deadline: string | null;
  answer: string | null;
  answered_on: string | null;
  rating: Rating | null;
}

/**
 * The hash a receipt is looked up by, after hashing any row still waiting from before migration 0006.
 * @example const hash = await lookupHash(env.DB, "1234567890123452");
 */
export async function lookupHash(db: D1Database, receipt: string): Promise<string> {
  await upgradeLegacyRows(db);
  return receiptHash(receipt);
}

/**
 * What anyone holding the receipt may see: never contact details, internal notes or staff names. The row
 * is found by the receipt's hash; the receipt itself is only echoed back to the one who sent it.
 * Known and unknown receipts run the same three statements, so both answer at the same speed.
 * @example const report = await publicReport(env.DB, { receipt, hash: await lookupHash(env.DB, receipt) });
 */
export async function publicReport(
  db: D1Database,
  lookup: { receipt: string; hash: string },
): Promise<PublicReport | null> {
  const [reportRows, eventRows, attachmentRows] = await db.batch([
    db
      .prepare(
        `SELECT village_code, kind, topic, content, state, received_on, deadline, answer, answered_on, rating
           FROM reports WHERE receipt_hash = ?1`,
      )
      .bind(lookup.hash),
    db
      .prepare(
        `SELECT kind, on_date AS "on", body FROM report_events
          WHERE report_id = (SELECT id FROM reports WHERE receipt_hash = ?1) AND public = 1 ORDER BY id`,
      )
      .bind(lookup.hash),
    db
      .prepare(
        `SELECT field, position, content_type AS contentType, bytes, seconds FROM report_attachments
          WHERE report_id = (SELECT id FROM reports WHERE receipt_hash = ?1 AND kind <> 'misconduct')
          ORDER BY field, position`,
      )
      .bind(lookup.hash),
  ]);
  const row = reportRows?.results[0] as PublicRow | undefined;
  if (!row) return null;
  return {
    receipt: lookup.receipt,
    village: row.village_code,
    kind: row.kind,
    topic: row.topic,
    content: row.kind === "misconduct" ? null : row.content,
    state: row.state,
    receivedOn: row.received_on,
    deadline: row.deadline,
    answer: row.answer,
    answeredOn: row.answered_on,
    rating: row.rating,
    timeline: (eventRows?.results ?? []) as PublicEvent[],
    attachments: attachmentLinks((attachmentRows?.results ?? []) as AttachmentRow[], `/api/reports/${lookup.receipt}`),
  };
}

/**
 * The case a rating is for: its id, state and whether staff filed it; null for an unknown receipt.
 * @example const target = await ratingTarget(env.DB, hash);
 */
export function ratingTarget(
  db: D1Database,
  hash: string,
): Promise<{ id: number; state: ReportState; filedByStaff: number } | null> {
  return db
    .prepare("SELECT id, state, filed_by IS NOT NULL AS filedByStaff FROM reports WHERE receipt_hash = ?1")
    .bind(hash)
    .first<{ id: number; state: ReportState; filedByStaff: number }>();
}

/**
 * The villager's rating of an answered case, for one batch with its audit row. Satisfied or basic closes
 * it; a first "unsatisfied" reopens it and raises it to the town (a discipline case stays with the
 * discipline inspectors); a second closes it. When the case is no longer waiting for a rating the UPDATE
 * writes an impossible state, so the CHECK constraint aborts the whole batch, audit row included.
 * @example await runAudited(env.DB, entry, ratingStatements(env.DB, 12, { rating: "satisfied" }, "2026-11-29"));
 */
export function ratingStatements(
  db: D1Database,
  id: number,
  rating: { rating: Rating; comment?: string | undefined },
  today: string,
): D1PreparedStatement[] {
  const reopens = "?2 = 'unsatisfied' AND reopened = 0";
  const event = (kind: string, condition: string, body: string | null) =>
    db
      .prepare(
        `INSERT INTO report_events (report_id, kind, public, body, actor, on_date)
         SELECT id, ?3, 1, ?4, 'villager', ?5 FROM reports WHERE id = ?1 AND state = 'answered' AND ${condition}`,
      )
      .bind(id, rating.rating, kind, body, today);
  // events first: they read the state the update is about to change, all inside one transaction
  return [
    event("rated", "1", rating.rating),
    event("reopened", reopens, null),
    event("closed", `NOT (${reopens})`, null),
    db
      .prepare(
        `UPDATE reports SET rating = ?2, rating_comment = ?3,
                state = CASE WHEN state <> 'answered' THEN 'conflict' WHEN ${reopens} THEN 'handling' ELSE 'closed' END,
                closed_on = CASE WHEN ${reopens} THEN NULL ELSE ?4 END,
                route = CASE WHEN ${reopens} AND route IS NOT 'discipline' THEN 'township' ELSE route END,
                reopened = CASE WHEN ?2 = 'unsatisfied' THEN 1 ELSE reopened END
          WHERE id = ?1`,
      )
      .bind(id, rating.rating, rating.comment ?? null, today),
  ];
}

/**
 * The read of the rows behind a village's public case figures, for a batch. Misconduct reports are left
 * out, so no figure on the village page can single one out.
 * @example const [rows] = await readAll(env.DB, [villageCaseRowsRead(env.DB, "371603104201")]);
 */
export function villageCaseRowsRead(db: D1Database, village: string): Read<CaseFigureRow[]> {
  return allRows(
    db
      .prepare(
        `SELECT received_on AS receivedOn, answered_on AS answeredOn, rating, filed_by IS NOT NULL AS filedByStaff
           FROM reports WHERE village_code = ?1 AND kind <> 'misconduct' AND merged_into IS NULL`,
      )
      .bind(village),
    (r: Omit<CaseFigureRow, "filedByStaff"> & { filedByStaff: number }) => ({
      ...r,
      filedByStaff: r.filedByStaff === 1,
    }),
  );
}

/**
 * The rows behind a village's public case figures (see {@link villageCaseRowsRead}).
 * @example caseFigures(await villageCaseRows(env.DB, "371603104201"))
 */
export function villageCaseRows(db: D1Database, village: string): Promise<CaseFigureRow[]> {
  return readOne(villageCaseRowsRead(db, village));
}

/** A demo case as seeded, already at its stage, with the timeline it would have gathered. */
export interface DemoCaseRow {
  receiptHash: string;
  village: string;
  kind: ReportKind;
  topic: ReportTopic;
  content: string;
  state: ReportState;
  route: "village" | "discipline" | null;
  queue: "village" | "discipline";
  responsible: string | null;
  deadline: string | null;
  measures: string | null;
  answer: string | null;
  answeredOn: string | null;
  closedOn: string | null;
  rating: Rating | null;
  receivedOn: string;
  events: { kind: string; public: boolean; body: string | null; actor: string; on: string }[];
}

/**
 * The two INSERTs of many demo cases and their timelines (each list bound as one JSON value; events find
 * their case by the receipt's hash, so no id need be known), for `npm run seed`'s batch. Their body hash
 * is "demo": no intake can ever match it.
 * @example await db.batch(demoCaseStatements(db, rows));
 */
export function demoCaseStatements(db: D1Database, cases: readonly DemoCaseRow[]): D1PreparedStatement[] {
  const field = (name: string) => `json_extract(value, '$.${name}')`;
  const columns: [column: string, field: keyof DemoCaseRow][] = [
    ["receipt_hash", "receiptHash"],
    ["village_code", "village"],
    ["kind", "kind"],
    ["topic", "topic"],
    ["content", "content"],
    ["state", "state"],
    ["route", "route"],
    ["queue", "queue"],
    ["responsible", "responsible"],
    ["deadline", "deadline"],
    ["measures", "measures"],
    ["answer", "answer"],
    ["answered_on", "answeredOn"],
    ["closed_on", "closedOn"],
    ["rating", "rating"],
    ["received_on", "receivedOn"],
  ];
  const events = cases.flatMap((c) => c.events.map((e) => ({ ...e, public: e.public ? 1 : 0, hash: c.receiptHash })));
  return [
    db
      .prepare(
        `INSERT INTO reports (${columns.map(([column]) => column).join(", ")}, body_hash)
         SELECT ${columns.map(([, name]) => field(name)).join(", ")}, 'demo' FROM json_each(?1) ORDER BY key`,
      )
      .bind(JSON.stringify(cases.map(({ events: _, ...row }) => row))),
    db
      .prepare(
        `INSERT INTO report_events (report_id, kind, public, body, actor, on_date)
         SELECT (SELECT id FROM reports WHERE receipt_hash = ${field("hash")}), ${field("kind")}, ${field("public")},
                ${field("body")}, ${field("actor")}, ${field("on")}
           FROM json_each(?1) ORDER BY key`,
      )
      .bind(JSON.stringify(events)),
  ];
}

/**
 * Every report filed through intake with an idempotency key, by hashes only (what the soak test checks:
 * none lost, none doubled, each with its own receipt).
 * @example const rows = await intakeRows(env.DB);
 */
export async function intakeRows(db: D1Database): Promise<{ receiptHash: string; keyHash: string; content: string }[]> {
  const { results } = await db
    .prepare(
      `SELECT receipt_hash AS receiptHash, idempotency_hash AS keyHash, content FROM reports
        WHERE idempotency_hash IS NOT NULL`,
    )
    .all<{ receiptHash: string; keyHash: string; content: string }>();
  return results;
}
