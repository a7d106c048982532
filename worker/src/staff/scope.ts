/**
 * What a staff member may see, by role and scope. Every staff read and write asks one of these first;
 * anything out of scope answers as if it did not exist.
 */

import { district, townByCode, villageByCode } from "../../../schema/reference.ts";
import type { StaffMember } from "../../../schema/staff.ts";

/**
 * Whether `staff` may see cases and data of the village `villageCode` (an unknown village: never).
 * @example canSeeVillage({ id: 2, username: "botou-jw", role: "town_inspector", scope: "371603104" }, "371603104201") // true
 * @example canSeeVillage({ id: 3, username: "xwl-sj", role: "village_secretary", scope: "371603104201" }, "371603104202") // false
 */
export function canSeeVillage(staff: StaffMember, villageCode: string): boolean {
  const village = villageByCode(villageCode);
  if (!village) return false;
  if (staff.role === "district_admin") return staff.scope === district.code;
  if (staff.role === "town_inspector") return village.town === staff.scope;
  return village.code === staff.scope;
}

/**
 * Whether `staff` may see a whole town (its list, figures, transfers into it). A village secretary
 * never sees a whole town, not even their own.
 * @example canSeeTown({ id: 1, username: "qu-admin", role: "district_admin", scope: "371603" }, "371603104") // true
 * @example canSeeTown({ id: 2, username: "botou-jw", role: "town_inspector", scope: "371603104" }, "371603105") // false
 */
export function canSeeTown(staff: StaffMember, townCode: string): boolean {
  if (!townByCode(townCode)) return false;
  if (staff.role === "district_admin") return staff.scope === district.code;
  if (staff.role === "town_inspector") return townCode === staff.scope;
  return false;
}

/**
 * Whether `staff` may ever read misconduct reports or a reporter's contact details: town discipline
 * inspectors and the district, never a village's own cadres. Combine with {@link canSeeVillage}.
 * @example canSeeMisconduct({ id: 3, username: "xwl-sj", role: "village_secretary", scope: "371603104201" }) // false
 * @example canSeeMisconduct(inspector) && canSeeVillage(inspector, report.village) // may open this report
 */
export function canSeeMisconduct(staff: StaffMember): boolean {
  return staff.role === "district_admin" || staff.role === "town_inspector";
}
