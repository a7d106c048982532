/** D1 writes and reads of what grid workers file: the link from a case to the grid and the way it came. */
import type { GridCounts } from "#core/grid-work.ts";
import { allRows, type Read } from "../reads.ts";

/** How a grid worker's case came in: 代办, 排查上报 or a 百姓夜话 request. */
export type GridWay = "behalf" | "patrol" | "talk";

/**
 * Links the case with receipt hash `receiptHash` to the grid it was filed for (after the case's own
 * statements, in the same batch).
 * @example gridCaseStatement(env.DB, { receiptHash, way: "behalf", grid: "37160310420101", filedBy: "xwl-wg" })
 */
export function gridCaseStatement(
  db: D1Database,
  link: { receiptHash: string; way: GridWay; grid: string; filedBy: string; category?: string; talk?: number },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO grid_cases (report_id, way, grid_id, category, talk_id, filed_by)
       VALUES ((SELECT id FROM reports WHERE receipt_hash = ?1), ?2, ?3, ?4, ?5, ?6)`,
    )
    .bind(link.receiptHash, link.way, link.grid, link.category ?? null, link.talk ?? null, link.filedBy);
}

/**
 * The id of the case with receipt hash `hash` (just filed), for the answer.
 * @example await caseIdByHash(env.DB, filed.hash) // 12
 */
export async function caseIdByHash(db: D1Database, hash: string): Promise<number> {
  const row = await db.prepare("SELECT id FROM reports WHERE receipt_hash = ?1").bind(hash).first<{ id: number }>();
  return row?.id ?? 0;
}

/** A case a grid worker filed, as their own list shows it. */
export interface FiledCaseRow {
  id: number;
  village: string;
  grid: string;
  way: GridWay;
  category: string | null;
  kind: string;
  topic: string;
  /** The first words; none for a misconduct report (it belongs to the town's inspectors). */
  content: string | null;
  /** The name the villager agreed to give; none for a misconduct report. */
  contactName: string | null;
  state: string;
  receivedOn: string;
  answeredOn: string | null;
}

/**
 * The cases `filedBy` filed through the grid (newest first): where each stands, and nothing of a
 * misconduct report beyond its state.
 * @example await filedCases(env.DB, "xwl-wg")
 */
export async function filedCases(db: D1Database, filedBy: string): Promise<FiledCaseRow[]> {
  const { results } = await db
    .prepare(
      `SELECT r.id, r.village_code AS village, g.grid_id AS grid, g.way, g.category, r.kind, r.topic,
              CASE WHEN r.kind = 'misconduct' THEN NULL ELSE substr(r.content, 1, 60) END AS content,
              CASE WHEN r.kind = 'misconduct' THEN NULL ELSE r.contact_name END AS contactName,
              r.state, r.received_on AS receivedOn, r.answered_on AS answeredOn
         FROM grid_cases g JOIN reports r ON r.id = g.report_id
        WHERE g.filed_by = ?1 AND r.filed_by = ?1
        ORDER BY r.id DESC LIMIT 200`,
    )
    .bind(filedBy)
    .all<FiledCaseRow>();
  return results;
}

/** The talk with key `key`, found inside the batch that inserts it. */
const TALK_ID = "(SELECT id FROM grid_talks WHERE key = ?1)";

/**
 * The INSERT of a 百姓夜话, found later in its batch by `key` (a fresh random value).
 * @example talkStatement(env.DB, { key, grid, village, heldOn, place, attendees, recordedBy, recordedAt })
 */
export function talkStatement(
  db: D1Database,
  talk: {
    key: string;
    grid: string;
    village: string;
    heldOn: string;
    place: string;
    attendees: number;
    recordedBy: string;
    recordedAt: string;
  },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO grid_talks (key, grid_id, village_code, held_on, place, attendees, recorded_by, recorded_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)`,
    )
    .bind(talk.key, talk.grid, talk.village, talk.heldOn, talk.place, talk.attendees, talk.recordedBy, talk.recordedAt);
}

/**
 * Links a request's case (by its receipt hash) to the talk with key `key`, in the talk's batch.
 * @example talkCaseStatement(env.DB, key, { receiptHash, grid, filedBy })
 */
export function talkCaseStatement(
  db: D1Database,
  key: string,
  link: { receiptHash: string; grid: string; filedBy: string },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO grid_cases (report_id, way, grid_id, talk_id, filed_by)
       VALUES ((SELECT id FROM reports WHERE receipt_hash = ?2), 'talk', ?3, ${TALK_ID}, ?4)`,
    )
    .bind(key, link.receiptHash, link.grid, link.filedBy);
}

/** The id of the talk with key `key`. @example await talkIdByKey(env.DB, key) */
export async function talkIdByKey(db: D1Database, key: string): Promise<number> {
  const row = await db.prepare("SELECT id FROM grid_talks WHERE key = ?1").bind(key).first<{ id: number }>();
  return row?.id ?? 0;
}

/** A 百姓夜话 as the village page shows it: no content of the requests, only how many. */
export interface PublicTalk {
  heldOn: string;
  place: string;
  attendees: number;
  grid: string;
  requests: number;
  closed: number;
}

/**
 * A village's recent talks, newest first, each with how many requests it raised and how many of those
 * are closed (misconduct is never among them: a talk's requests are questions and requests).
 * @example await readOne(villageTalks(env.DB, "371603104201", 5))
 */
export function villageTalks(db: D1Database, village: string, limit: number): Read<PublicTalk[]> {
  return allRows<PublicTalk>(
    db
      .prepare(
        `SELECT t.held_on AS heldOn, t.place, t.attendees, t.grid_id AS grid,
              (SELECT COUNT(*) FROM grid_cases g WHERE g.talk_id = t.id) AS requests,
              (SELECT COUNT(*) FROM grid_cases g JOIN reports r ON r.id = g.report_id
                WHERE g.talk_id = t.id AND r.state = 'closed') AS closed
         FROM grid_talks t WHERE t.village_code = ?1 ORDER BY t.held_on DESC, t.id DESC LIMIT ?2`,
      )
      .bind(village, limit),
  );
}

/** One grid's counts, by its id. */
export interface GridCountRow extends GridCounts {
  grid: string;
}

/**
 * Every grid's counts from rows (grids with none left out), misconduct reports and merged duplicates
 * never counted.
 * @example gridFigures({}, await gridCountRows(env.DB), await qrCaseRows(env.DB))
 */
export async function gridCountRows(db: D1Database): Promise<GridCountRow[]> {
  const way = (name: GridWay, closed: boolean) => `SUM(g.way = '${name}'${closed ? " AND r.state = 'closed'" : ""})`;
  const { results } = await db
    .prepare(
      `SELECT grid, SUM(talks) AS talks, SUM(requests) AS requests, SUM(requestsClosed) AS requestsClosed,
              SUM(patrols) AS patrols, SUM(patrolsClosed) AS patrolsClosed, SUM(behalf) AS behalf,
              SUM(behalfClosed) AS behalfClosed
         FROM (
           SELECT grid_id AS grid, COUNT(*) AS talks, 0 AS requests, 0 AS requestsClosed, 0 AS patrols,
                  0 AS patrolsClosed, 0 AS behalf, 0 AS behalfClosed
             FROM grid_talks GROUP BY grid_id
           UNION ALL
           SELECT g.grid_id, 0, ${way("talk", false)}, ${way("talk", true)}, ${way("patrol", false)},
                  ${way("patrol", true)}, ${way("behalf", false)}, ${way("behalf", true)}
             FROM grid_cases g JOIN reports r ON r.id = g.report_id
            WHERE r.kind <> 'misconduct' AND r.merged_into IS NULL GROUP BY g.grid_id
         ) GROUP BY grid`,
    )
    .all<GridCountRow>();
  return results;
}

/**
 * Per village, the cases villagers filed themselves (by QR code or the web: not filed by staff), without
 * misconduct reports and merged duplicates.
 * @example await qrCaseRows(env.DB) // [{ village: "371603104201", cases: 12 }, …]
 */
export async function qrCaseRows(db: D1Database): Promise<{ village: string; cases: number }[]> {
  const { results } = await db
    .prepare(
      `SELECT village_code AS village, COUNT(*) AS cases FROM reports
        WHERE filed_by IS NULL AND kind <> 'misconduct' AND merged_into IS NULL GROUP BY village_code`,
    )
    .all<{ village: string; cases: number }>();
  return results;
}
