/**
 * D1 reads and writes of cases for the staff console. Every list and figure query carries the member's
 * scope in SQL; every action is a set of statements for one batch with its audit row. An action's UPDATE
 * comes first and sets an impossible state when the case is no longer in an allowed one, so the CHECK
 * constraint aborts the whole batch: nothing half-written, and the handler answers 409.
 */
import { type CaseScope, caseScope } from "#core/access.ts";
import type { CaseFigureRow, Rating, ReportKind, ReportRoute, ReportState, ReportTopic } from "#core/report.ts";
import type { StaffMember } from "#core/staff.ts";
import type { ListFilter } from "./schema.ts";

/** One case as staff see it in full (contact details are read separately). */
export interface CaseRow {
  id: number;
  village: string;
  /** The town handling the case: the village's own unless transferred. */
  town: string;
  villageTown: string;
  transferred: boolean;
  kind: ReportKind;
  topic: ReportTopic;
  content: string;
  hasContact: boolean;
  power: string | null;
  disclosure: number | null;
  source: string;
  /** Filed by a staff member on a villager's behalf: staff saw its receipt, its ratings count apart. */
  filedByStaff: boolean;
  /** Who filed it, when staff did (a username). */
  filedBy: string | null;
  /** The item of the 三张清单 named at 定责 (schema/duties.ts), if one was. */
  dutyItem: string | null;
  state: ReportState;
  route: ReportRoute | null;
  queue: "village" | "discipline";
  responsible: string | null;
  deadline: string | null;
  measures: string | null;
  mergedInto: number | null;
  answer: string | null;
  answeredOn: string | null;
  closedOn: string | null;
  reopened: boolean;
  rating: Rating | null;
  ratingComment: string | null;
  receivedOn: string;
}

/**
 * A line of the case list: no contact, and no content for misconduct reports. `movedToTown`: a village
 * case the town took over, which a secretary sees only as "转镇里办理" (the caller strips the rest).
 */
export type CaseListRow = Pick<
  CaseRow,
  | "id"
  | "village"
  | "town"
  | "kind"
  | "topic"
  | "state"
  | "route"
  | "responsible"
  | "deadline"
  | "mergedInto"
  | "answeredOn"
  | "closedOn"
  | "reopened"
  | "rating"
  | "receivedOn"
  | "filedByStaff"
> & { snippet: string | null; movedToTown: boolean };

const TOWN = "COALESCE(r.handling_town, v.town_code)";

/**
 * The list filter in the member's scope (schema/access.ts: `?1` is theirs). A case the town took over from
 * a secretary (`scope.moved`) matches only the states "all" and "open", whatever its real state, so a
 * filter cannot tell how far the town has got with it. ?6 is the hash of a receipt read out by a villager.
 */
const filterSql = (scope: CaseScope) => `${scope.where}
  AND (?2 IS NULL OR (?2 = 'open' AND (${scope.moved} OR r.state <> 'closed')) OR (NOT ${scope.moved} AND r.state = ?2))
  AND (?3 IS NULL OR r.kind = ?3)
  AND (?4 IS NULL OR r.village_code = ?4)
  AND (?5 IS NULL OR ${scope.town} = ?5)
  AND (?6 IS NULL OR r.receipt_hash = ?6)`;

const listColumns = (scope: CaseScope) => `r.id, r.village_code AS village, ${scope.town} AS town, r.kind, r.topic,
  r.state, r.route, r.responsible, r.deadline, r.merged_into AS mergedInto, r.answered_on AS answeredOn,
  r.closed_on AS closedOn, r.reopened, r.rating, r.received_on AS receivedOn, r.filed_by IS NOT NULL AS filedByStaff,
  ${scope.moved} AS movedToTown,
  CASE WHEN r.kind = 'misconduct' OR ${scope.moved} THEN NULL ELSE substr(r.content, 1, 60) END AS snippet`;

type Raw<T> = { [K in keyof T]: T[K] extends boolean ? number : T[K] };

/**
 * Every case in the member's scope matching the filter (overdue is computed by the caller in working days).
 * @example await scopedCases(env.DB, inspector, { state: "open", kind: null, village: null, town: null })
 */
export async function scopedCases(db: D1Database, staff: StaffMember, filter: CaseFilter): Promise<CaseListRow[]> {
  const scope = caseScope(staff);
  const { results } = await db
    .prepare(
      `SELECT ${listColumns(scope)} FROM reports r JOIN villages v ON v.code = r.village_code WHERE ${filterSql(scope)}`,
    )
    .bind(...filterValues(scope, filter))
    .all<Raw<CaseListRow>>();
  return results.map(listRow);
}

/** The list and export filter, with the hash of a receipt searched for (null: any). */
export type CaseFilter = Pick<ListFilter, "state" | "kind" | "village" | "town"> & { receiptHash: string | null };

const filterValues = (scope: CaseScope, f: CaseFilter) =>
  [...scope.params, f.state, f.kind, f.village, f.town, f.receiptHash] as const;

const listRow = <T extends Raw<CaseListRow>>(r: T) => ({
  ...r,
  reopened: r.reopened === 1,
  filedByStaff: r.filedByStaff === 1,
  movedToTown: r.movedToTown === 1,
});

/**
 * The rows behind the staff figures, in the member's scope (merged duplicates left out). A case the town
 * took over from a secretary's village comes with its progress blanked in SQL (no answer, no rating) and
 * `movedToTown`, so it counts as received and nothing else.
 */
export interface FigureRow extends CaseFigureRow {
  village: string;
  town: string;
  kind: ReportKind;
  state: ReportState;
  deadline: string | null;
  movedToTown: boolean;
  /** The 三张清单 item named at 定责 (blank, like the rest of its progress, on a case moved to the town). */
  duty: string | null;
}

/**
 * @example staffFigures(await figureRows(env.DB, admin, null), today)
 */
export async function figureRows(db: D1Database, staff: StaffMember, town: string | null): Promise<FigureRow[]> {
  const scope = caseScope(staff);
  const { results } = await db
    .prepare(
      `SELECT r.village_code AS village, ${scope.town} AS town, r.kind, r.state, r.deadline,
              r.received_on AS receivedOn, CASE WHEN ${scope.moved} THEN NULL ELSE r.answered_on END AS answeredOn,
              CASE WHEN ${scope.moved} THEN NULL ELSE r.rating END AS rating, r.filed_by IS NOT NULL AS filedByStaff,
              ${scope.moved} AS movedToTown, CASE WHEN ${scope.moved} THEN NULL ELSE r.duty_item END AS duty
         FROM reports r JOIN villages v ON v.code = r.village_code
        WHERE ${filterSql(scope)} AND r.merged_into IS NULL`,
    )
    .bind(...filterValues(scope, { state: null, kind: null, village: null, town, receiptHash: null }))
    .all<Raw<FigureRow>>();
  return results.map((r) => ({ ...r, filedByStaff: r.filedByStaff === 1, movedToTown: r.movedToTown === 1 }));
}

const CASE_COLUMNS = `r.id, r.village_code AS village, ${TOWN} AS town, v.town_code AS villageTown,
  r.handling_town IS NOT NULL AS transferred, r.kind, r.topic, r.content,
  (r.contact_name IS NOT NULL OR r.contact_phone IS NOT NULL) AS hasContact, r.power_item AS power,
  r.disclosure_id AS disclosure, r.source, r.filed_by IS NOT NULL AS filedByStaff, r.filed_by AS filedBy, r.duty_item AS dutyItem, r.state, r.route, r.queue, r.responsible, r.deadline, r.measures,
  r.merged_into AS mergedInto, r.answer, r.answered_on AS answeredOn, r.closed_on AS closedOn, r.reopened,
  r.rating, r.rating_comment AS ratingComment, r.received_on AS receivedOn`;

/**
 * One case by id, whoever may see it (the caller checks scope).
 * @example const found = await caseById(env.DB, 12);
 */
export async function caseById(db: D1Database, id: number): Promise<CaseRow | null> {
  const row = await db
    .prepare(`SELECT ${CASE_COLUMNS} FROM reports r JOIN villages v ON v.code = r.village_code WHERE r.id = ?1`)
    .bind(id)
    .first<Raw<CaseRow>>();
  if (!row) return null;
  return {
    ...row,
    transferred: row.transferred === 1,
    hasContact: row.hasContact === 1,
    reopened: row.reopened === 1,
    filedByStaff: row.filedByStaff === 1,
  };
}

/**
 * The SELECT of a reporter's contact details, to run in one batch with the audit row that records the read.
 * @example const [read] = await runAudited(env.DB, entry, [contactStatement(env.DB, 12)]);
 */
export function contactStatement(db: D1Database, id: number): D1PreparedStatement {
  return db.prepare("SELECT contact_name AS name, contact_phone AS phone FROM reports WHERE id = ?1").bind(id);
}

export interface CaseEvent {
  id: number;
  kind: string;
  public: boolean;
  body: string | null;
  actor: string;
  on: string;
}

/**
 * The whole timeline of a case, internal events included, oldest first.
 * @example await caseEvents(env.DB, 12)
 */
export async function caseEvents(db: D1Database, id: number): Promise<CaseEvent[]> {
  const { results } = await db
    .prepare(
      `SELECT id, kind, public, body, actor, on_date AS "on" FROM report_events WHERE report_id = ?1 ORDER BY id`,
    )
    .bind(id)
    .all<Raw<CaseEvent>>();
  return results.map((e) => ({ ...e, public: e.public === 1 }));
}

/** An event of a case, for an action's batch. */
export function eventStatement(
  db: D1Database,
  event: { id: number; kind: string; public: boolean; body: string | null; actor: string; on: string },
): D1PreparedStatement {
  return db
    .prepare(
      "INSERT INTO report_events (report_id, kind, public, body, actor, on_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )
    .bind(event.id, event.kind, event.public ? 1 : 0, event.body, event.actor, event.on);
}

/**
 * The guarded UPDATE of an action: moves the case to `next` (null: keeps its state) and sets `assignments`
 * when it is in one of `states`, else writes an invalid state so the batch aborts on the CHECK constraint. `assignments` use
 * ?3, ?4… for `values`.
 * @example guardedUpdate(db, 12, ["handling"], "answered", "answer = ?3, answered_on = ?4", ["答复", "2026-11-29"])
 */
export function guardedUpdate(
  db: D1Database,
  id: number,
  states: readonly ReportState[],
  next: ReportState | null,
  assignments: string,
  values: (string | number | null)[],
): D1PreparedStatement {
  // states come from schema/case.ts constants, never from a request
  const allowed = states.map((s) => `'${s}'`).join(", ");
  return db
    .prepare(
      `UPDATE reports SET ${assignments ? `${assignments}, ` : ""}
              state = CASE WHEN state IN (${allowed}) THEN COALESCE(?2, state) ELSE 'conflict' END
        WHERE id = ?1`,
    )
    .bind(id, next, ...values);
}

/** Whether a batch failed because a guarded update met a case in the wrong state. */
export const isStateConflict = (err: unknown) => err instanceof Error && /CHECK constraint failed/.test(err.message);

/**
 * Closes answered cases the villager has not rated since `cutoff` (inclusive): the public "closed" event
 * and the update, for one batch. Returns the ids it will close, or none.
 * @example const { ids, statements } = await unratedClosing(env.DB, "2026-11-22", "2026-11-29");
 */
export async function unratedClosing(
  db: D1Database,
  cutoff: string,
  today: string,
): Promise<{ ids: number[]; statements: D1PreparedStatement[] }> {
  const { results } = await db
    .prepare("SELECT id FROM reports WHERE state = 'answered' AND answered_on <= ?1 ORDER BY id LIMIT 500")
    .bind(cutoff)
    .all<{ id: number }>();
  const ids = results.map((r) => r.id);
  if (ids.length === 0) return { ids, statements: [] };
  const list = JSON.stringify(ids);
  const due = "id IN (SELECT value FROM json_each(?1)) AND state = 'answered'";
  return {
    ids,
    statements: [
      db
        .prepare(
          `INSERT INTO report_events (report_id, kind, public, body, actor, on_date)
           SELECT id, 'closed', 1, NULL, 'system', ?2 FROM reports WHERE ${due}`,
        )
        .bind(list, today),
      db.prepare(`UPDATE reports SET state = 'closed', closed_on = ?2 WHERE ${due}`).bind(list, today),
    ],
  };
}

/** A case as exported: the list line plus the villager's words, the measures and, when allowed, contact. */
export type ExportRow = CaseListRow & {
  content: string;
  measures: string | null;
  contactName: string | null;
  contactPhone: string | null;
};

/**
 * Every case in scope matching the filter, for the CSV export. Contact columns are NULL unless
 * `withContact` (the caller decides from the role; SQL enforces it).
 * @example await exportCases(env.DB, inspector, filter, true)
 */
export async function exportCases(
  db: D1Database,
  staff: StaffMember,
  filter: CaseFilter,
  withContact: boolean,
): Promise<ExportRow[]> {
  const scope = caseScope(staff);
  const { results } = await db
    .prepare(
      `SELECT ${listColumns(scope)}, r.content, r.measures,
              CASE WHEN ?7 = 1 THEN r.contact_name END AS contactName,
              CASE WHEN ?7 = 1 THEN r.contact_phone END AS contactPhone
         FROM reports r JOIN villages v ON v.code = r.village_code WHERE ${filterSql(scope)} ORDER BY r.id`,
    )
    .bind(...filterValues(scope, filter), withContact ? 1 : 0)
    .all<Raw<ExportRow>>();
  return results.map(listRow);
}

/**
 * Whether a case was ever on the discipline route (now, or triaged there before): such a case never goes
 * back to the village's cadres.
 * @example await everOnDiscipline(env.DB, 12) // true
 */
export async function everOnDiscipline(db: D1Database, id: number): Promise<boolean> {
  const row = await db
    .prepare(
      `SELECT 1 AS yes FROM reports r WHERE r.id = ?1 AND (r.queue = 'discipline' OR EXISTS (
         SELECT 1 FROM report_events e WHERE e.report_id = r.id AND e.kind = 'triaged' AND e.body = 'discipline'))`,
    )
    .bind(id)
    .first();
  return row !== null;
}
