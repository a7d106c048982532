/**
 * Staff roles and their scopes, shared by the worker (sessions, scope checks), scripts/staff.ts (accounts)
 * and the site (role names). A role's scope is a code at its level: the district, a town or a village;
 * a grid worker's is the ids of their third-level grids, comma-separated in ascending order.
 */
import { gridById, gridName } from "./grid.ts";
import { district, townByCode, villageByCode } from "./reference.ts";

export const staffRoles = [
  "district_admin",
  "town_inspector",
  "village_secretary",
  "grid_worker",
  "points_admin",
  "points_supervisor",
] as const;
export type StaffRole = (typeof staffRoles)[number];

/** A logged-in staff member, as the worker puts it on the request context. */
export interface StaffMember {
  id: number;
  username: string;
  role: StaffRole;
  scope: string;
}

/** Lowercase letters, digits, "-" and "_"; 3 to 32 characters (the table's CHECK says the same). */
export const usernamePattern = /^[a-z0-9_-]{3,32}$/;

/** @example isStaffRole("town_inspector") // true */
export const isStaffRole = (value: string): value is StaffRole => (staffRoles as readonly string[]).includes(value);

/**
 * Whether `scope` is a real code at the level `role` works at.
 * @example validScope("town_inspector", "371603104") // true
 * @example validScope("village_secretary", "371603104") // false
 */
export function validScope(role: StaffRole, scope: string): boolean {
  if (role === "district_admin") return scope === district.code;
  if (role === "town_inspector") return townByCode(scope) !== undefined;
  if (role === "grid_worker") return gridScope(scope.split(",")) === scope;
  return villageByCode(scope) !== undefined;
}

/** A grid worker may work at most this many grids. */
export const GRIDS_PER_WORKER_MAX = 20;

/**
 * A grid worker's scope from the grid ids given (any order, repeats dropped), or null when one is not a
 * third-level grid, none is given or there are too many.
 * @example gridScope(["37160310420102", "37160310420101"]) // "37160310420101,37160310420102"
 * @example gridScope(["371603104201"]) // null
 */
export function gridScope(ids: readonly string[]): string | null {
  const unique = [...new Set(ids.map((id) => id.trim()))].sort();
  if (unique.length === 0 || unique.length > GRIDS_PER_WORKER_MAX) return null;
  return unique.every((id) => gridById(id) !== undefined) ? unique.join(",") : null;
}

/**
 * The villages a grid worker's grids lie in (none for a scope that names no grid).
 * @example scopeVillages("37160310420101,37160310420201") // ["371603104201", "371603104202"]
 */
export function scopeVillages(scope: string): string[] {
  return [...new Set(scope.split(",").flatMap((id) => gridById(id)?.village ?? []))];
}

/**
 * The place a scope names, as staff read it.
 * @example scopeName("village_secretary", "371603104201") // "泊头镇徐万粮村"
 */
export function scopeName(role: StaffRole, scope: string): string {
  if (role === "district_admin") return district.name;
  if (role === "town_inspector") return townByCode(scope)?.name ?? scope;
  if (role === "grid_worker") return scope.split(",").map(gridName).join("、");
  const village = villageByCode(scope);
  return village ? `${townByCode(village.town)?.name ?? ""}${village.name}` : scope;
}
