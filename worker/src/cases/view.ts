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
 * Where a line stands in the queue: overdue (a deadline already broken), reopened after an "unsatisfied"
 * rating (raised to the town), new (nobody has triaged it yet), in hand, answered (waiting for the
 * villager's rating), closed. What needs someone now comes first, so a new case never sinks into the
 * middle of cases already in hand just because its default deadline is days away.
 */
function rank(l: CaseLine): number {
  if (l.overdueDays > 0) return 0;
  if (l.state === "closed") return 5;
  if (l.state === "answered") return 4;
  if (l.reopened) return 1;
  return l.state === "received" ? 2 : 3;
}

/**
 * Overdue first (most overdue on top), then reopened, then new cases, then those in hand and the
 * answered ones by deadline, then closed ones, newest first.
 * @example lines.sort(queueOrder)
 */
export function queueOrder(a: CaseLine, b: CaseLine): number {
  return (
    rank(a) - rank(b) ||
    b.overdueDays - a.overdueDays ||
    (rank(a) === 5 ? b.id - a.id : a.deadline.localeCompare(b.deadline)) ||
    a.id - b.id
  );
}

/**
 * What needs action among `lines`: new (not yet triaged), overdue, and reopened cases still open.
 * @example needsAction(lines) // { new: 3, overdue: 1, reopened: 0 }
 */
export function needsAction(lines: readonly CaseLine[]) {
  return {
    new: lines.filter((l) => l.state === "received").length,
    overdue: lines.filter((l) => l.overdueDays > 0).length,
    reopened: lines.filter((l) => l.reopened && l.state !== "closed" && l.state !== "answered").length,
  };
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
