/** D1 reads and writes of 阳光报告会 records and their links to disclosures and cases. */
import type { MeetingInput, MeetingRatings } from "#core/meeting.ts";
import type { ReportState } from "#core/report.ts";
import { firstRow, type Read } from "../reads.ts";

export interface MeetingRow {
  id: number;
  village: string;
  quarter: string;
  heldOn: string;
  place: string;
  attendees: number;
  partyMembers: number;
  representatives: number;
  satisfied: number;
  basic: number;
  unsatisfied: number;
  recordedBy: string;
  recordedAt: string;
  /** The village's disclosure chain at the end of the day it was held: its length and head hash. */
  chainLength: number | null;
  chainHead: string | null;
}

const COLUMNS = `id, village_code AS village, quarter, held_on AS heldOn, place, attendees, party_members AS partyMembers,
  representatives, satisfied, basic, unsatisfied, recorded_by AS recordedBy, recorded_at AS recordedAt,
  chain_length AS chainLength, chain_head AS chainHead`;

/** The village's last version published before ?13 (the end of the meeting's day), inside the INSERT. */
const CHAIN_AT = "FROM disclosures WHERE village_code = ?1 AND published_at < ?13 ORDER BY seq DESC LIMIT 1";

/**
 * The end of a China date as an ISO instant (UTC+8, no daylight saving).
 * @example endOfChinaDay("2026-11-05") // "2026-11-05T16:00:00.000Z"
 */
const endOfChinaDay = (date: string) => new Date(`${date}T24:00:00+08:00`).toISOString();

/** The meeting's own id, found by its natural key inside the same batch that inserts it. */
const MEETING_ID = "(SELECT id FROM meetings WHERE village_code = ?1 AND quarter = ?2)";

/**
 * The statements recording a meeting and its 述 links, for one batch with its questions' cases. The
 * meeting keeps the village's chain as it stood at the end of the day it was held (its fingerprint).
 * @example await db.batch([...meetingStatements(env.DB, input, "demo-xuwanliang", now), audit]);
 */
export function meetingStatements(
  db: D1Database,
  input: MeetingInput,
  recordedBy: string,
  recordedAt: string,
): D1PreparedStatement[] {
  const ratings = input.ratings ?? { satisfied: 0, basic: 0, unsatisfied: 0 };
  return [
    db
      .prepare(
        `INSERT INTO meetings (village_code, quarter, held_on, place, attendees, party_members, representatives,
                               satisfied, basic, unsatisfied, recorded_by, recorded_at, chain_length, chain_head)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,
                 COALESCE((SELECT seq ${CHAIN_AT}), 0), (SELECT hash ${CHAIN_AT}))`,
      )
      .bind(
        input.village,
        input.quarter,
        input.heldOn,
        input.place,
        input.attendees,
        input.partyMembers,
        input.representatives,
        ratings.satisfied,
        ratings.basic,
        ratings.unsatisfied,
        recordedBy,
        recordedAt,
        endOfChinaDay(input.heldOn),
      ),
    ...[...new Set(input.disclosures)].map((id) =>
      db
        .prepare(`INSERT INTO meeting_disclosures (meeting_id, disclosure_id) VALUES (${MEETING_ID}, ?3)`)
        .bind(input.village, input.quarter, id),
    ),
  ];
}

/**
 * Links the case with the receipt hash `receiptHash` to the meeting of a village's quarter (after the
 * case's own statements).
 * @example linkQuestion(env.DB, "371603104201", "2026-Q3", await receiptHash(receipt))
 */
export function linkQuestion(
  db: D1Database,
  village: string,
  quarter: string,
  receiptHash: string,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO meeting_questions (meeting_id, report_id)
       VALUES (${MEETING_ID}, (SELECT id FROM reports WHERE receipt_hash = ?3))`,
    )
    .bind(village, quarter, receiptHash);
}

/**
 * How many of `ids` are disclosures of `village` (述 may only name the village's own).
 * @example await ownDisclosureCount(env.DB, "371603104201", [12, 13]) // 2
 */
export async function ownDisclosureCount(db: D1Database, village: string, ids: readonly number[]): Promise<number> {
  const row = await db
    .prepare(
      "SELECT COUNT(*) AS n FROM disclosures WHERE village_code = ?1 AND id IN (SELECT value FROM json_each(?2))",
    )
    .bind(village, JSON.stringify([...new Set(ids)]))
    .first<{ n: number }>();
  return row?.n ?? 0;
}

/** A meeting by id, or null. @example await meetingById(env.DB, 3) */
export function meetingById(db: D1Database, id: number): Promise<MeetingRow | null> {
  return db.prepare(`SELECT ${COLUMNS} FROM meetings WHERE id = ?1`).bind(id).first<MeetingRow>();
}

/** A village's meeting of a quarter, or null. @example await meetingOf(env.DB, "371603104201", "2026-Q3") */
export function meetingOf(db: D1Database, village: string, quarter: string): Promise<MeetingRow | null> {
  return db
    .prepare(`SELECT ${COLUMNS} FROM meetings WHERE village_code = ?1 AND quarter = ?2`)
    .bind(village, quarter)
    .first<MeetingRow>();
}

/** A village's meetings, newest quarter first. @example await villageMeetings(env.DB, "371603104201") */
export async function villageMeetings(db: D1Database, village: string): Promise<MeetingRow[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM meetings WHERE village_code = ?1 ORDER BY quarter DESC`)
    .bind(village)
    .all<MeetingRow>();
  return results;
}

/**
 * Sets the 评 tallies; the table's CHECK refuses a sum above the attendance (the batch then fails).
 * @example await db.batch([setRatings(env.DB, 3, { satisfied: 40, basic: 5, unsatisfied: 1 }), audit]);
 */
export function setRatings(db: D1Database, id: number, ratings: MeetingRatings): D1PreparedStatement {
  return db
    .prepare("UPDATE meetings SET satisfied = ?2, basic = ?3, unsatisfied = ?4 WHERE id = ?1")
    .bind(id, ratings.satisfied, ratings.basic, ratings.unsatisfied);
}

export interface ReportedDisclosure {
  id: number;
  item: string;
  period: string;
  title: string;
}

export interface MeetingQuestionRow {
  id: number;
  kind: "question" | "request";
  topic: string;
  content: string;
  state: ReportState;
  deadline: string | null;
  answer: string | null;
  answeredOn: string | null;
}

/**
 * A meeting's 述 disclosures and 询 cases as the public sees them: no contact details, never misconduct.
 * @example const { reported, questions } = await meetingDetail(env.DB, 3);
 */
export async function meetingDetail(
  db: D1Database,
  id: number,
): Promise<{ reported: ReportedDisclosure[]; questions: MeetingQuestionRow[] }> {
  const [reported, questions] = await db.batch([
    db
      .prepare(
        `SELECT d.id, d.item_id AS item, d.period, d.title FROM meeting_disclosures AS md
           JOIN disclosures AS d ON d.id = md.disclosure_id WHERE md.meeting_id = ?1 ORDER BY d.id`,
      )
      .bind(id),
    db
      .prepare(
        `SELECT r.id, r.kind, r.topic, r.content, r.state, r.deadline, r.answer, r.answered_on AS answeredOn
           FROM meeting_questions AS q JOIN reports AS r ON r.id = q.report_id
          WHERE q.meeting_id = ?1 AND r.kind <> 'misconduct' ORDER BY r.id`,
      )
      .bind(id),
  ]);
  return {
    reported: (reported?.results ?? []) as ReportedDisclosure[],
    questions: (questions?.results ?? []) as MeetingQuestionRow[],
  };
}

/**
 * The read of a village's latest meeting: its quarter and how many questions it raised; null when none.
 * @example const [meeting] = await readAll(env.DB, [latestMeeting(env.DB, "371603104201")]); // { quarter: "2026-Q3", questions: 2 }
 */
export function latestMeeting(db: D1Database, village: string): Read<{ quarter: string; questions: number } | null> {
  return firstRow(
    db
      .prepare(
        `SELECT quarter, (SELECT COUNT(*) FROM meeting_questions AS q WHERE q.meeting_id = m.id) AS questions
           FROM meetings AS m WHERE village_code = ?1 ORDER BY quarter DESC LIMIT 1`,
      )
      .bind(village),
  );
}
