/**
 * The JSON the staff pages read: list lines and the full case, with the deadline that counts and how
 * many working days it is overdue, computed on every read.
 */
import { canSeeMisconduct } from "#core/access.ts";
import { currentDeadline, overdueDays, suggestedDeadline } from "#core/case.ts";
import { responsibleItem } from "#core/duties.ts";
import { periodLabel } from "#core/period.ts";
import { negativePowerById, powerById } from "#core/power.ts";
import { catalogueItemById, townByCode, villageByCode } from "#core/reference.ts";
import type { StaffMember } from "#core/staff.ts";
import { versionById } from "../disclosures/queries.ts";
import { attachmentLinks, attachmentsOf } from "../media/queries.ts";
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
 * Where a line stands in the queue: overdue (a deadline already broken), reopened after an "unsatisfied"
 * rating (raised to the town), new (nobody has triaged it yet), in hand, answered (waiting for the
 * villager's rating), moved to the town (a secretary's, nothing to do), closed. What needs someone now
 * comes first, so a new case never sinks into the middle of cases already in hand just because its
 * default deadline is days away.
 */
function rank(l: CaseLine | MovedLine): number {
  if (l.movedToTown) return 5;
  if (l.overdueDays > 0) return 0;
  if (l.state === "closed") return 6;
  if (l.state === "answered") return 4;
  if (l.reopened) return 1;
  return l.state === "received" ? 2 : 3;
}

/**
 * Overdue first (most overdue on top), then reopened, then new cases, then those in hand and the
 * answered ones by deadline, then cases moved to the town and closed ones, newest first.
 * @example lines.sort(queueOrder)
 */
export function queueOrder(a: CaseLine | MovedLine, b: CaseLine | MovedLine): number {
  return (
    rank(a) - rank(b) ||
    b.overdueDays - a.overdueDays ||
    (a.movedToTown || b.movedToTown || rank(a) === 6
      ? b.id - a.id
      : (a as CaseLine).deadline.localeCompare((b as CaseLine).deadline)) ||
    a.id - b.id
  );
}

/**
 * The case page's data for a case the town took over from a secretary's village: the line, no events,
 * no actions.
 * @example return c.json(movedView(row));
 */
export function movedView(row: CaseRow) {
  return { case: movedLine(row), events: [] as never[], actions: [] as never[] };
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
 * What the question is about, by name: the disclosure the villager asked from (its title, item and
 * period) or the 小微权力 item (its name, and whether it is a prohibited conduct), with its public page.
 * @example await caseSubject(env.DB, row) // { kind: "disclosure", title: "2026年10月收支明细", detail: "财务收支明细 · 2026年10月", url: "/v/…/d/12/" }
 */
export async function caseSubject(db: D1Database, row: Pick<CaseRow, "village" | "disclosure" | "power">) {
  if (row.disclosure !== null) {
    const version = await versionById(db, row.disclosure);
    if (version) {
      const item = catalogueItemById(version.item_id)?.name ?? version.item_id;
      return {
        kind: "disclosure" as const,
        title: version.title,
        detail: `${item} · ${periodLabel(version.period)}`,
        url: `/v/${version.village_code}/d/${version.id}/`,
      };
    }
  }
  const power = row.power ? powerById(row.power) : undefined;
  if (power) {
    return {
      kind: negativePowerById(power.id) ? ("powerNegative" as const) : ("power" as const),
      title: power.name,
      detail: power.category,
      url: `/v/${row.village}/power/`,
    };
  }
  return null;
}

/**
 * The case page's data: the case (contact only flagged, never included), every event, what the member
 * may do now, and the default deadline for 定时.
 * @example return c.json(await caseView(env.DB, staff, row, chinaDate()));
 */
export async function caseView(db: D1Database, staff: StaffMember, row: CaseRow, today: string) {
  const { hasContact, dutyItem, ...rest } = row;
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
      subject: await caseSubject(db, row),
      duty: dutyItem ? (responsibleItem(dutyItem) ?? null) : null,
    },
    events: await caseEvents(db, row.id),
    attachments: attachmentLinks(await attachmentsOf(db, row.id), `/api/staff/reports/${row.id}`),
    actions: allowedActions(staff, row),
  };
}

/** A case as GET /api/staff/reports/{id} and every action answer it (a moved case: what is left of it). */
export type CaseView = Awaited<ReturnType<typeof caseView>> | ReturnType<typeof movedView>;

/** One page of the case list, as GET /api/staff/reports answers it. */
export interface CaseList {
  total: number;
  overdueTotal: number;
  page: number;
  pages: number;
  perPage: number;
  today: string;
  cases: (CaseLine | MovedLine)[];
}
