/**
 * Who may see and act on a case. Anything a member may not see answers exactly like a case that does not
 * exist (404), so a village secretary cannot learn that a misconduct report about their village exists.
 */
import { actionStates, type CaseAction } from "../../../schema/case.ts";
import type { StaffMember } from "../../../schema/staff.ts";
import { t } from "../../../site/src/i18n/index.ts";
import { ApiError } from "../errors.ts";
import { canSeeMisconduct, canSeeTown, canSeeVillage } from "../staff/scope.ts";
import { type CaseRow, caseById } from "./queries.ts";

/** Routes a village secretary handles (小事 and 私事 stay in the village). */
const villageRoutes = new Set(["village", "neighbours"]);

/**
 * Whether `staff` may open `row` (the same rule the list queries apply in SQL).
 * @example canSeeCase(secretary, misconductCase) // false
 */
export function canSeeCase(staff: StaffMember, row: CaseRow): boolean {
  if (row.kind === "misconduct" || row.queue === "discipline") {
    if (!canSeeMisconduct(staff)) return false;
  }
  if (staff.role === "village_secretary") return !row.transferred && canSeeVillage(staff, row.village);
  return canSeeTown(staff, row.town);
}

/**
 * The case `id` if `staff` may see it; otherwise the same 404 as a case that does not exist.
 * @example const row = await loadCase(env.DB, staff, 12);
 */
export async function loadCase(db: D1Database, staff: StaffMember, id: number): Promise<CaseRow> {
  const row = await caseById(db, id);
  if (!row || !canSeeCase(staff, row)) throw new ApiError(404, "not_found", t("cases.error.notFound"));
  return row;
}

/**
 * Why `staff` may not take `action` on a case they can see now, or null when they may.
 * @example refusal(secretary, row, "triage")?.status // 403
 */
export function refusal(staff: StaffMember, row: CaseRow, action: CaseAction): ApiError | null {
  if (staff.role === "village_secretary") {
    if (action === "triage" || action === "merge" || action === "transfer") {
      return new ApiError(403, "forbidden", t("cases.error.secretaryRoute"));
    }
    if ((action === "assign" || action === "answer") && !villageRoutes.has(row.route ?? "")) {
      return new ApiError(403, "forbidden", t("cases.error.notVillageCase"));
    }
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
