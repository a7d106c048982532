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
 * Overdue first (most overdue on top), then cases reopened after an "unsatisfied" rating, then open
 * cases by deadline, then closed ones, newest first.
 * @example lines.sort(queueOrder)
 */
export function queueOrder(a: CaseLine, b: CaseLine): number {
  const open = (l: CaseLine) => (l.state === "closed" ? 1 : 0);
  const raised = (l: CaseLine) => (l.reopened && l.state !== "closed" && l.state !== "answered" ? 0 : 1);
  return (
    b.overdueDays - a.overdueDays ||
    raised(a) - raised(b) ||
    open(a) - open(b) ||
    (open(a) === 0 ? a.deadline.localeCompare(b.deadline) : b.id - a.id) ||
    a.id - b.id
  );
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
