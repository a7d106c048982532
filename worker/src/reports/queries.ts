/** D1 reads and writes of villagers' reports and their public timeline (rate limits: rate-limit.ts). */
import type { Rating, ReportInput, ReportKind, ReportState, ReportTopic } from "../../../schema/report.ts";

export interface NewReport {
  receipt: string;
  village: string;
  input: ReportInput;
  idempotencyKey: string;
  bodyHash: string;
  receivedOn: string;
  /** Where the case came from: the web form (default) or a 阳光报告会 (a question raised at the meeting). */
  source?: "web" | "meeting";
}

/**
 * Stores a report and its first public event in one batch: both or neither.
 * Misconduct goes straight to the discipline queue; questions and requests to the village queue.
 * @example await insertReport(env.DB, { receipt, village, input, idempotencyKey, bodyHash, receivedOn: "2026-11-29" })
 */
export async function insertReport(db: D1Database, report: NewReport): Promise<void> {
  await db.batch(reportStatements(db, report));
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
        `INSERT INTO reports (receipt, village_code, kind, topic, content, contact_name, contact_phone, disclosure_id,
                              power_item, source, idempotency_key, body_hash, state, route, queue, received_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?15, ?10, ?11, 'received', ?12, ?13, ?14)`,
      )
      .bind(
        report.receipt,
        report.village,
        input.kind,
        input.topic,
        input.content,
        input.contact?.name ?? null,
        input.contact?.phone ?? null,
        input.disclosure ?? null,
        input.power ?? null,
        report.idempotencyKey,
        report.bodyHash,
        discipline ? "discipline" : null,
        discipline ? "discipline" : "village",
        report.receivedOn,
        report.source ?? "web",
      ),
    db
      .prepare(
        `INSERT INTO report_events (report_id, kind, public, body, actor, on_date)
         VALUES ((SELECT id FROM reports WHERE receipt = ?1), 'received', 1, NULL, 'villager', ?2)`,
      )
      .bind(report.receipt, report.receivedOn),
  ];
}

/**
 * The receipt and body hash already stored under an idempotency key, if any.
 * @example const earlier = await reportByKey(env.DB, "5f0c…");
 */
export function reportByKey(db: D1Database, key: string): Promise<{ receipt: string; bodyHash: string } | null> {
  return db
    .prepare("SELECT receipt, body_hash AS bodyHash FROM reports WHERE idempotency_key = ?1")
    .bind(key)
    .first<{ receipt: string; bodyHash: string }>();
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
}

interface PublicRow {
  receipt: string;
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
 * What anyone holding the receipt may see: never contact details, internal notes or staff names.
 * Known and unknown receipts run the same two statements, so both answer at the same speed.
 * @example const report = await publicReport(env.DB, "1234567890123456");
 */
export async function publicReport(db: D1Database, receipt: string): Promise<PublicReport | null> {
  const [reportRows, eventRows] = await db.batch([
    db
      .prepare(
        `SELECT receipt, village_code, kind, topic, content, state, received_on, deadline, answer, answered_on, rating
           FROM reports WHERE receipt = ?1`,
      )
      .bind(receipt),
    db
      .prepare(
        `SELECT kind, on_date AS "on", body FROM report_events
          WHERE report_id = (SELECT id FROM reports WHERE receipt = ?1) AND public = 1 ORDER BY id`,
      )
      .bind(receipt),
  ]);
  const row = reportRows?.results[0] as PublicRow | undefined;
  if (!row) return null;
  return {
    receipt: row.receipt,
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
  };
}

/**
 * The villager rates an answered case. Satisfied or basic closes it; a first "unsatisfied" reopens it
 * and raises it to the town (a discipline case stays with the discipline inspectors); a second closes it.
 * Returns false when the case was not waiting for a rating.
 * @example await rateReport(env.DB, receipt, { rating: "satisfied" }, "2026-11-29") // true
 */
export async function rateReport(
  db: D1Database,
  receipt: string,
  rating: { rating: Rating; comment?: string | undefined },
  today: string,
): Promise<boolean> {
  const reopens = "?2 = 'unsatisfied' AND reopened = 0";
  const event = (kind: string, condition: string, body: string | null) =>
    db
      .prepare(
        `INSERT INTO report_events (report_id, kind, public, body, actor, on_date)
         SELECT id, ?3, 1, ?4, 'villager', ?5 FROM reports WHERE receipt = ?1 AND state = 'answered' AND ${condition}`,
      )
      .bind(receipt, rating.rating, kind, body, today);
  // events first: they read the state the update is about to change, all inside one transaction
  const results = await db.batch([
    event("rated", "1", rating.rating),
    event("reopened", reopens, null),
    event("closed", `NOT (${reopens})`, null),
    db
      .prepare(
        `UPDATE reports SET rating = ?2, rating_comment = ?3,
                state = CASE WHEN ${reopens} THEN 'handling' ELSE 'closed' END,
                closed_on = CASE WHEN ${reopens} THEN NULL ELSE ?4 END,
                route = CASE WHEN ${reopens} AND route IS NOT 'discipline' THEN 'township' ELSE route END,
                reopened = CASE WHEN ?2 = 'unsatisfied' THEN 1 ELSE reopened END
          WHERE receipt = ?1 AND state = 'answered'`,
      )
      .bind(receipt, rating.rating, rating.comment ?? null, today),
  ]);
  return (results.at(-1)?.meta.changes ?? 0) === 1;
}

/**
 * The rows behind a village's public case figures. Misconduct reports are left out, so no figure on
 * the village page can single one out.
 * @example caseFigures(await villageCaseRows(env.DB, "371603104201"))
 */
export async function villageCaseRows(
  db: D1Database,
  village: string,
): Promise<{ receivedOn: string; answeredOn: string | null; rating: Rating | null }[]> {
  const { results } = await db
    .prepare(
      `SELECT received_on AS receivedOn, answered_on AS answeredOn, rating FROM reports
        WHERE village_code = ?1 AND kind <> 'misconduct' AND merged_into IS NULL`,
    )
    .bind(village)
    .all<{ receivedOn: string; answeredOn: string | null; rating: Rating | null }>();
  return results;
}
