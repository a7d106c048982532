/**
 * 网格员 (issue 15): what a grid worker carries into the system from a phone. POST /api/staff/grid/cases
 * files a villager's words on their behalf (代办) for a village of the worker's grids, through the
 * intake's own statements, marked as filed by staff; its receipt is in this answer only, for the slip.
 * Everything lands in one batch with its audit entry, or nothing does. Mounted under /api/staff.
 */
import { may } from "#core/access.ts";
import { type Grid, gridById } from "#core/grid.ts";
import { behalfInput } from "#core/grid-work.ts";
import { t } from "#core/i18n/index.ts";
import { chinaDate } from "#core/period.ts";
import { villageByCode } from "#core/reference.ts";
import type { ReportInput } from "#core/report.ts";
import type { StaffMember } from "#core/staff.ts";
import { recordAudit } from "../audit/queries.ts";
import { actionBodyRules } from "../cases/schema.ts";
import { nowOf } from "../config/context.ts";
import { body, createRouter, route } from "../contract/router.ts";
import { ApiError } from "../errors.ts";
import { isRetryableFiling, type StaffFiledCase, staffFiledCase } from "../reports/staff-filed.ts";
import type { StaffEnv } from "../staff/session.ts";
import { caseIdByHash, type GridWay, gridCaseStatement } from "./queries.ts";
import { gridCaseRefusal } from "./schema.ts";

/** Mounted under /api/staff (session and same-origin guards there). */
export const gridRoutes = createRouter<StaffEnv>();

/**
 * The grid `id` if `staff` may file for it: a grid worker's own grid; 403 for anyone else or any other
 * grid (one the member does not work is refused the same whether it exists or not).
 */
function ownGrid(staff: StaffMember, id: string): Grid {
  if (!may(staff, "fileForVillagers")) throw new ApiError(403, "forbidden", t("grid.error.role"));
  const grid = gridById(id);
  if (!grid || !staff.scope.split(",").includes(id)) throw new ApiError(403, "forbidden", t("grid.error.scope"));
  return grid;
}

/**
 * Files cases made by `make` (called again with fresh receipts when a receipt or the audit chain's next
 * link was taken meanwhile) in one batch with `extra` statements.
 */
async function fileAll(db: D1Database, make: () => Promise<{ cases: StaffFiledCase[]; extra: D1PreparedStatement[] }>) {
  for (let attempt = 1; ; attempt++) {
    const { cases, extra } = await make();
    try {
      await db.batch([...cases.flatMap((c) => c.statements), ...extra]);
      return cases;
    } catch (err) {
      if (attempt < 5 && isRetryableFiling(err)) continue;
      throw err;
    }
  }
}

/** What the slip needs: the case, its receipt (this once) and where the villager follows it. */
async function slip(db: D1Database, filed: StaffFiledCase, grid: Grid, input: ReportInput, today: string) {
  return {
    id: await caseIdByHash(db, filed.hash),
    receipt: filed.receipt,
    url: `/r/${filed.receipt}`,
    village: grid.village,
    villageName: villageByCode(grid.village)?.name ?? grid.village,
    grid: grid.id,
    kind: input.kind,
    receivedOn: today,
  };
}

/** One case a grid worker files for one of their grids, with its link and audit entry. */
async function fileOne(
  c: { env: Env; get: (key: "staff") => StaffMember },
  grid: Grid,
  input: ReportInput,
  way: GridWay,
  today: string,
  category?: string,
) {
  const staff = c.get("staff");
  const [filed] = await fileAll(c.env.DB, async () => {
    const one = await staffFiledCase(c.env.DB, {
      village: grid.village,
      input,
      filedBy: staff.username,
      receivedOn: today,
    });
    const link = gridCaseStatement(c.env.DB, {
      receiptHash: one.hash,
      way,
      grid: grid.id,
      filedBy: staff.username,
      category,
    });
    const audit = await recordAudit(c.env.DB, {
      action: `grid_${way}`,
      actorId: staff.id,
      actor: staff.username,
      target: `grid:${grid.id}`,
      detail: { kind: input.kind, ...(category ? { category } : {}) },
    });
    return { cases: [one], extra: [link, audit] };
  });
  return slip(c.env.DB, filed as StaffFiledCase, grid, input, today);
}

const behalfRoute = route(
  {
    method: "post",
    path: "/grid/cases",
    summary: "网格员代办：替本网格村民提交码上问、码上办或我要监督",
    request: { body: body(behalfInput) },
    responses: { 201: { description: "案件和回执（只这一次给出，写在回执条上交给村民）" } },
  },
  {
    refusals: { json: gridCaseRefusal },
    body: actionBodyRules,
    errors: { 403: "不是网格员，或不是自己负责的网格" },
  },
);

gridRoutes.openapi(behalfRoute, async (c) => {
  const { grid: gridIdSent, ...input } = c.req.valid("json");
  const grid = ownGrid(c.get("staff"), gridIdSent);
  const today = chinaDate(nowOf(c));
  // The receipt goes on the slip the grid worker hands the villager. This answer is the only time any
  // staff member sees it: only its hash is stored, and the case is marked filed_by, so its ratings are
  // counted apart in every figure.
  return c.json(await fileOne(c, grid, input, "behalf", today), 201);
});
