/**
 * Who may do what: permissions as data, one row per role (as FixMyStreet keeps `user_body_permissions`),
 * and from that one table both forms of every check the code makes: the TypeScript check on one village,
 * town or case, and the SQL predicate that list, export and figure queries carry. Both forms are built
 * from the same two maps below (where a case sits at each level, and what the village's side of the
 * confidentiality wall may not see); tests/worker/access-policy.test.ts checks they agree for every role.
 */
import { townByCode, villageByCode } from "./reference.ts";
import type { ReportKind, ReportRoute } from "./report.ts";
import { type StaffMember, type StaffRole, scopeVillages } from "./staff.ts";

/**
 * The levels a scope code names: the district (6 digits), a town (9) or a village (12); "grid": a grid
 * worker's third-level grids (14 digits each, comma-separated), which reach the villages they lie in.
 */
export type Level = "district" | "town" | "village" | "grid";

/** What one role may do. */
export interface RolePermissions {
  /** The level of the member's scope code: the villages, towns and cases of that one place. */
  reach: Level;
  /**
   * The inspectors' side of the confidentiality wall: misconduct reports, reporters' contact details, and
   * all of a village case the town took over. Without it a misconduct report never exists, and a case the
   * town took over shows only as 转镇里办理, the same whichever way it went.
   */
  seeMisconduct: boolean;
  /** 三事分流 (route a case), merge a duplicate, transfer to another town. */
  triage: boolean;
  /** 定责定时定措施 and the answer: on any case, only on those routed to the village (小事, 私事), or none. */
  handle: "any" | "villageRoutes" | "none";
  /** Publish disclosures and correct them, for the villages it reaches. */
  publish: boolean;
  /** Record the quarterly 阳光报告会 of the villages it reaches. */
  recordMeetings: boolean;
  /** Read and verify the audit log. */
  readAudit: boolean;
  /**
   * File cases for the villages it reaches (代办 on a villager's behalf, 排查上报, 百姓夜话), and follow the
   * cases it filed wherever they went: all of one on the village's side of the wall, and of a misconduct
   * report it filed only that the town has it.
   */
  fileForVillagers: boolean;
  /** See the cases of the places it reaches at all (the points roles see none). */
  cases: boolean;
  /** 积分制: record points entries and reversals, keep the household register, the rules and the shop. */
  recordPoints: boolean;
  /** 积分制: confirm another person's entry (the second of the two people). */
  confirmPoints: boolean;
}

/**
 * The table. Town inspectors watch publishing but never publish; a village's cadres never see misconduct;
 * the points roles see no case, and recording and confirming points are never the same role's.
 */
export const permissions = {
  district_admin: {
    reach: "district",
    seeMisconduct: true,
    triage: true,
    handle: "any",
    publish: true,
    recordMeetings: true,
    readAudit: true,
    fileForVillagers: false,
    cases: true,
    recordPoints: false,
    confirmPoints: false,
  },
  town_inspector: {
    reach: "town",
    seeMisconduct: true,
    triage: true,
    handle: "any",
    publish: false,
    recordMeetings: false,
    readAudit: false,
    fileForVillagers: false,
    cases: true,
    recordPoints: false,
    confirmPoints: false,
  },
  village_secretary: {
    reach: "village",
    seeMisconduct: false,
    triage: false,
    handle: "villageRoutes",
    publish: true,
    recordMeetings: true,
    readAudit: false,
    fileForVillagers: false,
    cases: true,
    recordPoints: true,
    confirmPoints: false,
  },
  grid_worker: {
    reach: "grid",
    seeMisconduct: false,
    triage: false,
    handle: "none",
    publish: false,
    recordMeetings: false,
    readAudit: false,
    fileForVillagers: true,
    cases: true,
    recordPoints: false,
    confirmPoints: false,
  },
  points_admin: {
    reach: "village",
    seeMisconduct: false,
    triage: false,
    handle: "villageRoutes",
    publish: false,
    recordMeetings: false,
    readAudit: false,
    fileForVillagers: false,
    cases: false,
    recordPoints: true,
    confirmPoints: false,
  },
  points_supervisor: {
    reach: "village",
    seeMisconduct: false,
    triage: false,
    handle: "villageRoutes",
    publish: false,
    recordMeetings: false,
    readAudit: false,
    fileForVillagers: false,
    cases: false,
    recordPoints: false,
    confirmPoints: true,
  },
} as const satisfies Record<StaffRole, RolePermissions>;

/** A yes/no permission of the table. */
export type Permission = {
  [K in keyof RolePermissions]: RolePermissions[K] extends boolean ? K : never;
}[keyof RolePermissions];

/**
 * Whether `staff`'s role has `permission`.
 * @example may({ id: 2, username: "botou-jw", role: "town_inspector", scope: "371603104" }, "publish") // false
 */
export const may = (staff: Pick<StaffMember, "role">, permission: Permission): boolean =>
  (permissions[staff.role] as RolePermissions)[permission];

/** A case as the checks read it: where it is, what it is and whether the town took it over. */
export interface CasePlace {
  village: string;
  /** The town handling the case: the village's own unless transferred. */
  town: string;
  transferred: boolean;
  kind: ReportKind;
  queue: "village" | "discipline";
  route: ReportRoute | null;
  /** The staff member who filed it on a villager's behalf, if one did. */
  filedBy: string | null;
}

/** The SQL of the checks reads `reports r JOIN villages v ON v.code = r.village_code`. */
const HANDLING_TOWN = "COALESCE(r.handling_town, v.town_code)";

/**
 * Where a case (or a village, as a case never transferred) sits at each level: its village, the town
 * handling it, and that town's district (the first 6 digits of a statistical code name the county).
 */
const seat: Record<
  Exclude<Level, "grid">,
  { of: (place: Pick<CasePlace, "village" | "town">) => string; sql: string }
> = {
  village: { of: (p) => p.village, sql: "r.village_code" },
  town: { of: (p) => p.town, sql: HANDLING_TOWN },
  district: { of: (p) => p.town.slice(0, 6), sql: `substr(${HANDLING_TOWN}, 1, 6)` },
};

/**
 * Whether `staff`'s scope takes in `place`: the place's seat at the role's level is the scope, or for a
 * grid worker, the village is one their grids lie in.
 */
function reaches(staff: StaffMember, place: Pick<CasePlace, "village" | "town">): boolean {
  const { reach } = permissions[staff.role];
  if (reach === "grid") return scopeVillages(staff.scope).includes(place.village);
  return seat[reach].of(place) === staff.scope;
}

/**
 * A grid worker's one SQL parameter: their grids' villages and their username, as JSON (read with
 * json_each and json_extract), so that every caller still binds the scope as `?1` alone.
 */
const gridParam = (staff: StaffMember) =>
  JSON.stringify({ villages: scopeVillages(staff.scope), filer: staff.username });
const GRID_VILLAGES = "(SELECT value FROM json_each(?1, '$.villages'))";
const GRID_FILER = "json_extract(?1, '$.filer')";

/** What the village's side of the wall never sees of a case: a misconduct report, and the town taking one over. */
const wall = {
  misconduct: { of: (c: CasePlace) => c.kind === "misconduct", sql: "r.kind = 'misconduct'" },
  takenOver: {
    of: (c: CasePlace) => c.queue === "discipline" || c.route === "township" || c.transferred,
    sql: "(r.queue = 'discipline' OR r.route IS 'township' OR r.handling_town IS NOT NULL)",
  },
};

/** How much of a case a member may see: all of it, only that the town took it over, or nothing. */
export type CaseAccess = "full" | "moved" | "none";

/**
 * How much of the case `place` `staff` may see. Anything "none" answers like a case that does not exist.
 * @example caseAccess(secretary, { ...questionOfTheirVillage, queue: "discipline" }) // "moved"
 */
export function caseAccess(staff: StaffMember, place: CasePlace): CaseAccess {
  const role: RolePermissions = permissions[staff.role];
  if (role.fileForVillagers && place.filedBy === staff.username) return wall.misconduct.of(place) ? "moved" : "full";
  if (!role.cases || !reaches(staff, place)) return "none";
  if (role.seeMisconduct) return "full";
  if (wall.misconduct.of(place)) return "none";
  return wall.takenOver.of(place) ? "moved" : "full";
}

/** {@link caseAccess} as SQL fragments, with the values their placeholders take. */
export interface CaseScope {
  where: string;
  moved: string;
  town: string;
  params: [scope: string];
}

/**
 * The same check as {@link caseAccess}, as SQL over `reports r JOIN villages v ON v.code = r.village_code`:
 * `where` admits the cases it does not answer "none" for, `moved` is 1 where it answers "moved", and
 * `town` is the town the member sees a case in (a secretary: the village's own, wherever a case went).
 * Its one parameter is `?1`, bound to `params`; callers number theirs from `?2`.
 * @example
 *   const scope = caseScope(staff);
 *   db.prepare(`SELECT r.id, ${scope.moved} AS moved FROM reports r JOIN villages v ON v.code = r.village_code
 *                WHERE ${scope.where} AND r.state = ?2`).bind(...scope.params, "handling");
 */
export function caseScope(staff: StaffMember): CaseScope {
  const role: RolePermissions = permissions[staff.role];
  if (role.reach === "grid") {
    const own = `r.filed_by IS ${GRID_FILER}`;
    return {
      where: `((r.village_code IN ${GRID_VILLAGES} AND NOT ${wall.misconduct.sql}) OR ${own})`,
      moved: `(CASE WHEN ${own} THEN ${wall.misconduct.sql} ELSE ${wall.takenOver.sql} END)`,
      town: "v.town_code",
      params: [gridParam(staff)],
    };
  }
  const inReach = role.cases ? `${seat[role.reach].sql} = ?1` : "(0 AND ?1 IS NULL)";
  if (role.seeMisconduct) return { where: `(${inReach})`, moved: "0", town: HANDLING_TOWN, params: [staff.scope] };
  return {
    where: `(${inReach} AND NOT ${wall.misconduct.sql})`,
    moved: wall.takenOver.sql,
    town: "v.town_code",
    params: [staff.scope],
  };
}

/** The routes on which a case stays in its village (小事 and 私事). */
const villageRoutes: readonly (ReportRoute | null)[] = ["village", "neighbours"];

/**
 * Whether `staff` may set 定责定时定措施 and answer a case on `route` (a case they can see).
 * @example mayHandle({ id: 3, username: "xwl-sj", role: "village_secretary", scope: "371603104201" }, "township") // false
 */
export function mayHandle(staff: Pick<StaffMember, "role">, route: ReportRoute | null): boolean {
  const { handle } = permissions[staff.role];
  return handle === "any" || (handle === "villageRoutes" && villageRoutes.includes(route));
}

/**
 * Whether `staff` reaches the village `code` (an unknown village: never).
 * @example canSeeVillage({ id: 2, username: "botou-jw", role: "town_inspector", scope: "371603104" }, "371603104201") // true
 * @example canSeeVillage({ id: 3, username: "xwl-sj", role: "village_secretary", scope: "371603104201" }, "371603104202") // false
 */
export function canSeeVillage(staff: StaffMember, code: string): boolean {
  const village = villageByCode(code);
  return village !== undefined && reaches(staff, { village: code, town: village.town });
}

/**
 * Whether `staff` reaches a whole town (its list, figures, transfers into it). A member whose reach is
 * one village never sees a whole town, not even their own.
 * @example canSeeTown({ id: 1, username: "qu-admin", role: "district_admin", scope: "371603" }, "371603104") // true
 * @example canSeeTown({ id: 2, username: "botou-jw", role: "town_inspector", scope: "371603105" }, "371603104") // false
 */
export function canSeeTown(staff: StaffMember, code: string): boolean {
  const { reach } = permissions[staff.role];
  return (
    townByCode(code) !== undefined &&
    reach !== "village" &&
    reach !== "grid" &&
    seat[reach].of({ village: "", town: code }) === staff.scope
  );
}

/**
 * Whether `staff` may ever read misconduct reports or a reporter's contact details: town discipline
 * inspectors and the district, never a village's own cadres. Combine with {@link canSeeVillage}.
 * @example canSeeMisconduct({ id: 3, username: "xwl-sj", role: "village_secretary", scope: "371603104201" }) // false
 */
export const canSeeMisconduct = (staff: StaffMember): boolean => may(staff, "seeMisconduct");

/**
 * The town a member works in: their scope at town level, their village's town at village level, none
 * (the empty string) at district level.
 * @example homeTown({ id: 3, username: "xwl-sj", role: "village_secretary", scope: "371603104201" }) // "371603104"
 */
export function homeTown(staff: StaffMember): string {
  const { reach } = permissions[staff.role];
  if (reach === "town") return staff.scope;
  if (reach === "grid") return villageByCode(scopeVillages(staff.scope)[0] ?? "")?.town ?? "";
  return reach === "village" ? (villageByCode(staff.scope)?.town ?? "") : "";
}
