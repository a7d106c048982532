/**
 * GET /api/staff/disclosures/overdue[.csv]?town=…: which villages have not published which required
 * items for which period, grouped by town, for the member's scope: the district admin any town or all,
 * a town inspector their town, a secretary their own village.
 */
import { canSeeTown, homeTown } from "#core/access.ts";
import { t } from "#core/i18n/index.ts";
import { chinaDate, periodLabel } from "#core/period.ts";
import { cadenceById, catalogueItemById, townByCode } from "#core/reference.ts";
import type { StaffMember } from "#core/staff.ts";
import { runAudited } from "../audit/queries.ts";
import { csvResponse, csvText } from "../cases/csv.ts";
import { nowOf } from "../config/context.ts";
import { townQuery } from "../contract/params.ts";
import { createRouter, json, ok, route } from "../contract/router.ts";
import { ApiError } from "../errors.ts";
import type { StaffEnv } from "../staff/session.ts";
import { type OverdueDisclosure, overdueInArea } from "./overdue.ts";
import { unknownTown } from "./schema.ts";

/** Mounted under /api/staff (session and same-origin guards there). */
export const inspectRoutes = createRouter<StaffEnv>();

/** GET /api/staff/disclosures/overdue[.csv]?town= */
const overdueRoute = <const P extends string, const R extends ReturnType<typeof ok>>(
  path: P,
  summary: string,
  responses: R,
) =>
  route(
    { method: "get", path, summary, request: { query: townQuery }, responses },
    { refusals: { query: unknownTown }, errors: { 403: "不是本辖区的镇" } },
  );

/**
 * The code prefix a member may list: their own scope, or a town in it. A member who works in one village
 * may name their own town and still sees only their village.
 */
function overdueArea(staff: StaffMember, town: string | undefined): string {
  if (town === undefined) return staff.scope;
  if (canSeeTown(staff, town)) return town;
  if (town === homeTown(staff)) return staff.scope;
  throw new ApiError(403, "forbidden", t("publish.error.overdueScope"));
}

/** The overdue list grouped by town, then village, each with its counts and denominators. */
function grouped(villages: { code: string; town: string; name: string }[], overdue: OverdueDisclosure[]) {
  const townCodes = [...new Set(villages.map((v) => v.town))];
  return townCodes.map((code) => {
    const own = villages.filter((v) => v.town === code);
    const late = own
      .map((v) => ({
        code: v.code,
        name: v.name,
        items: overdue
          .filter((o) => o.village === v.code)
          .map((o) => ({
            item: o.item,
            name: catalogueItemById(o.item)?.name ?? o.item,
            cadence: cadenceById(o.cadence).name,
            expected: o.expected,
            expectedLabel: periodLabel(o.expected),
            latest: o.latest,
          })),
      }))
      .filter((v) => v.items.length > 0);
    return {
      code,
      name: townByCode(code)?.name ?? code,
      villages: own.length,
      lateVillages: late.length,
      items: late.reduce((n, v) => n + v.items.length, 0),
      late,
    };
  });
}

/** The overdue disclosures of an area, as GET /api/staff/disclosures/overdue answers them. */
type Overdue = { today: string; area: string; villages: number; overdue: number; towns: ReturnType<typeof grouped> };

const overdue = inspectRoutes.openapi(
  overdueRoute(
    "/disclosures/overdue",
    "逾期未公开的事项，按镇、按村",
    json<Overdue>("{today, area, villages, overdue, towns}"),
  ),
  async (c) => {
    const area = overdueArea(c.get("staff"), c.req.valid("query").town);
    const today = chinaDate(nowOf(c));
    const { villages, overdue } = await overdueInArea(c.env.DB, area, today);
    c.header("Cache-Control", "no-store");
    return c.json(
      { today, area, villages: villages.length, overdue: overdue.length, towns: grouped(villages, overdue) },
      200,
    );
  },
);

const overdueCsv = inspectRoutes.openapi(
  overdueRoute("/disclosures/overdue.csv", "导出逾期未公开的事项（CSV）", ok("CSV 文件")),
  async (c) => {
    const staff = c.get("staff");
    const area = overdueArea(staff, c.req.valid("query").town);
    const today = chinaDate(nowOf(c));
    const { villages, overdue } = await overdueInArea(c.env.DB, area, today);
    const header = ["csvTown", "csvVillage", "csvCode", "csvItem", "csvCadence", "csvExpected", "csvLatest"] as const;
    const rows = overdue.map((o) => {
      const village = villages.find((v) => v.code === o.village);
      return [
        townByCode(village?.town ?? "")?.name ?? "",
        village?.name ?? o.village,
        o.village,
        catalogueItemById(o.item)?.name ?? o.item,
        cadenceById(o.cadence).name,
        periodLabel(o.expected),
        o.latest ? periodLabel(o.latest) : t("publish.overdue.never"),
      ];
    });
    await runAudited(
      c.env.DB,
      {
        action: "overdue_export",
        actorId: staff.id,
        actor: staff.username,
        target: `area:${area}`,
        detail: { rows: rows.length },
      },
      [],
    );
    return csvResponse(
      csvText(
        header.map((k) => t(`publish.overdue.${k}`)),
        rows,
      ),
      `overdue-${area}-${today}.csv`,
    );
  },
);

/** The typed routes of this sub-app, for the typed client (client.ts). */
export type InspectApi = typeof overdue | typeof overdueCsv;
