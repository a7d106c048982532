/**
 * Who may see and act on a case, by the permissions table (schema/access.ts). Anything a member may not
 * see answers exactly like a case that does not exist (404), so a village secretary cannot learn that a
 * misconduct report about their village exists.
 */
import { caseAccess, may, mayHandle } from "#core/access.ts";
import { actionStates, type CaseAction } from "#core/case.ts";
import { t } from "#core/i18n/index.ts";
import type { StaffMember } from "#core/staff.ts";
import { ApiError } from "../errors.ts";
import { type CaseRow, caseById } from "./queries.ts";

/**
 * Whether `staff` may see all of `row`.
 * @example canSeeCase(secretary, misconductCase) // false
 */
export function canSeeCase(staff: StaffMember, row: CaseRow): boolean {
  return caseAccess(staff, row) === "full";
}

/**
 * The case `id` and how much of it `staff` may see; a case they may not see at all is the same 404 as a
 * case that does not exist.
 * @example const { row, access } = await openCase(env.DB, secretary, 12);
 */
export async function openCase(
  db: D1Database,
  staff: StaffMember,
  id: number,
): Promise<{ row: CaseRow; access: "full" | "moved" }> {
  const row = await caseById(db, id);
  const access = row ? caseAccess(staff, row) : "none";
  if (!row || access === "none") throw new ApiError(404, "not_found", t("cases.error.notFound"));
  return { row, access };
}

/**
 * The case `id` if `staff` may see all of it; a case the town took over from a secretary is a 403 (the
 * same whichever way it went), anything else they may not see a 404.
 * @example const row = await loadCase(env.DB, staff, 12);
 */
export async function loadCase(db: D1Database, staff: StaffMember, id: number): Promise<CaseRow> {
  const { row, access } = await openCase(db, staff, id);
  if (access === "moved") throw new ApiError(403, "moved_to_town", t("cases.error.movedToTown"));
  return row;
}

/**
 * Why `staff` may not take `action` on a case they can see now, or null when they may.
 * @example refusal(secretary, row, "triage")?.status // 403
 */
export function refusal(staff: StaffMember, row: CaseRow, action: CaseAction): ApiError | null {
  if ((action === "triage" || action === "merge" || action === "transfer") && !may(staff, "triage")) {
    return new ApiError(403, "forbidden", t("cases.error.secretaryRoute"));
  }
  if ((action === "assign" || action === "answer") && !mayHandle(staff, row.route)) {
    return new ApiError(403, "forbidden", t("cases.error.notVillageCase"));
  }
  if (!actionStates[action].includes(row.state)) {
    const key = `cases.error.state.${action as Exclude<CaseAction, "note">}` as const;
    return new ApiError(409, "wrong_state", t(key, { state: t(`reports.state.${row.state}`) }));
  }
  return null;
}

/**
 * The actions `staff` may take on the case now, for the case page to show.
 * @example allowedActions(inspector, row) // ["assign", "note", "merge", "transfer"]
 */
export function allowedActions(staff: StaffMember, row: CaseRow): CaseAction[] {
  return (Object.keys(actionStates) as CaseAction[]).filter((a) => refusal(staff, row, a) === null);
}
