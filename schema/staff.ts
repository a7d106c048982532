/**
 * Staff roles and their scopes, shared by the worker (sessions, scope checks), scripts/staff.ts (accounts)
 * and the site (role names). A role's scope is a code at its level: the district, a town or a village.
 */
import { district, townByCode, villageByCode } from "./reference.ts";

export const staffRoles = [
  "district_admin",
  "town_inspector",
  "village_secretary",
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
  return villageByCode(scope) !== undefined;
}

/**
 * The place a scope names, as staff read it.
 * @example scopeName("village_secretary", "371603104201") // "泊头镇徐万粮村"
 */
export function scopeName(role: StaffRole, scope: string): string {
  if (role === "district_admin") return district.name;
  if (role === "town_inspector") return townByCode(scope)?.name ?? scope;
  const village = villageByCode(scope);
  return village ? `${townByCode(village.town)?.name ?? ""}${village.name}` : scope;
}
