/**
 * The JSON the staff pages read: list lines and the full case, with the deadline that counts and how
 * many working days it is overdue, computed on every read.
 */
import { currentDeadline, overdueDays, suggestedDeadline } from "../../../schema/case.ts";
import { townByCode, villageByCode } from "../../../schema/reference.ts";
import type { StaffMember } from "../../../schema/staff.ts";
import { canSeeMisconduct } from "../staff/scope.ts";
import { allowedActions } from "./access.ts";
import { type CaseListRow, type CaseRow, caseEvents } from "./queries.ts";

const names = (village: string, town: string) => ({
  villageName: villageByCode(village)?.name ?? village,
  townName: townByCode(town)?.name ?? town,
});

/**
 * What a secretary sees of a village case the town took over: that it was moved ("转镇里办理"), and only
 * what they saw before (its number, kind and date), identical for the township and discipline routes and
 * a transfer. Nothing of the town's handling: no state, route, deadline, content, responsible or answer.
 * @example movedLine(row) // { id: 12, village, kind: "question", receivedOn, movedToTown: true, … }
 */
export function movedLine(row: Pick<CaseRow, "id" | "village" | "kind" | "receivedOn">) {
  const village = villageByCode(row.village);
  return {
    id: row.id,
    village: row.village,
    ...names(row.village, village?.town ?? ""),
    kind: row.kind,
    receivedOn: row.receivedOn,
    movedToTown: true as const,
    overdueDays: 0,
  };
}
export type MovedLine = ReturnType<typeof movedLine>;

/** A list line with its names, the deadline that counts and its overdue working days. */
export function listLine(row: CaseListRow, today: string) {
  const facts = { kind: row.kind, state: row.state, receivedOn: row.receivedOn, deadline: row.deadline };
  return {
    ...row,
    ...names(row.village, row.town),
    deadline: currentDeadline(facts),
    overdueDays: overdueDays(facts, today),
  };
}
export type CaseLine = ReturnType<typeof listLine>;

/**
 * The line a member sees: a secretary gets {@link movedLine} for a case the town took over.
 * @example rows.map((r) => shownLine(r, today))
 */
export function shownLine(row: CaseListRow, today: string): CaseLine | MovedLine {
  return row.movedToTown ? movedLine(row) : listLine(row, today);
}

/**
 * Overdue first (most overdue on top), then cases reopened after an "unsatisfied" rating, then open
 * cases by deadline, then cases moved to the town (a secretary's), then closed ones, newest first.
 * @example lines.sort(queueOrder)
 */
export function queueOrder(a: CaseLine | MovedLine, b: CaseLine | MovedLine): number {
  const rank = (l: CaseLine | MovedLine) => (l.movedToTown ? 1 : l.state === "closed" ? 2 : 0);
  const raised = (l: CaseLine | MovedLine) =>
    rank(l) === 0 && (l as CaseLine).reopened && (l as CaseLine).state !== "answered" ? 0 : 1;
  return (
    b.overdueDays - a.overdueDays ||
    raised(a) - raised(b) ||
    rank(a) - rank(b) ||
    (rank(a) === 0 ? (a as CaseLine).deadline.localeCompare((b as CaseLine).deadline) : b.id - a.id) ||
    a.id - b.id
  );
}

/**
 * The case page's data for a case the town took over from a secretary's village: the line, no events,
 * no actions.
 * @example return c.json(movedView(row));
 */
export function movedView(row: CaseRow) {
  return { case: movedLine(row), events: [], actions: [] };
}

/**
 * The case page's data: the case (contact only flagged, never included), every event, what the member
 * may do now, and the default deadline for 定时.
 * @example return c.json(await caseView(env.DB, staff, row, chinaDate()));
 */
export async function caseView(db: D1Database, staff: StaffMember, row: CaseRow, today: string) {
  const { hasContact, ...rest } = row;
  const facts = { kind: row.kind, state: row.state, receivedOn: row.receivedOn, deadline: row.deadline };
  return {
    case: {
      ...rest,
      ...names(row.village, row.town),
      deadline: currentDeadline(facts),
      deadlineSet: row.deadline,
      overdueDays: overdueDays(facts, today),
      hasContact: canSeeMisconduct(staff) && hasContact,
      defaultDeadline: suggestedDeadline(row.kind, row.receivedOn, today),
    },
    events: await caseEvents(db, row.id),
    actions: allowedActions(staff, row),
  };
}
