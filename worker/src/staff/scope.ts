/**
 * What a staff member may see and do, by the permissions table in schema/access.ts. Every staff read and
 * write asks one of these first; anything out of scope answers as if it did not exist.
 */
import type { MiddlewareHandler } from "hono";
import { canSeeVillage, may, type Permission } from "#core/access.ts";
import { t } from "#core/i18n/index.ts";
import type { StaffMember } from "#core/staff.ts";
import { ApiError } from "../errors.ts";
import type { StaffEnv } from "./session.ts";

export { canSeeMisconduct, canSeeTown } from "#core/access.ts";
export { canSeeVillage };

/**
 * Middleware after `requireStaff()`: 403 unless the member's role has `permission`.
 * @example auditRoutes.use("/audit", requirePermission("readAudit")); // under the /api/staff guards
 */
export function requirePermission(permission: Permission): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    if (!may(c.get("staff"), permission)) throw new ApiError(403, "forbidden", t("staff.error.forbidden"));
    return next();
  };
}

/**
 * The village a member's list asks for (their own village when none is named), or a 403 with `refusal`
 * when it lies outside their scope.
 * @example const village = scopedVillage(staff, c.req.valid("query").village, t("meetings.error.scope"));
 */
export function scopedVillage(staff: StaffMember, asked: string | undefined, refusal: string): string {
  const village = asked ?? staff.scope;
  if (!canSeeVillage(staff, village)) throw new ApiError(403, "forbidden", refusal);
  return village;
}
