/**
 * Staff case routes: the queue (overdue first) and what in it needs action, a case with its whole timeline, a reporter's contact
 * (audited), the figures, and CSV exports. Actions live in actions.ts. Every route needs a session, and
 * everything out of the member's scope answers 404.
 */
import { canSeeMisconduct, canSeeTown, canSeeVillage, homeTown, permissions } from "#core/access.ts";
import type { StaffFigures } from "#core/case.ts";
import { type StringKey, t } from "#core/i18n/index.ts";
import { chinaDate } from "#core/period.ts";
import { district, townByCode, towns, villageByCode, villagesOfTown } from "#core/reference.ts";
import type { StaffMember } from "#core/staff.ts";
import { runAudited } from "../audit/queries.ts";
import { nowOf } from "../config/context.ts";
import { idParams, requireValidReceipt } from "../contract/params.ts";
import { createRouter, json, ok, route } from "../contract/router.ts";
import { ApiError } from "../errors.ts";
import { lookupHash } from "../reports/queries.ts";
import type { StaffEnv } from "../staff/session.ts";
import { loadCase, openCase } from "./access.ts";
import { type CaseActionApi, caseActions } from "./actions.ts";
import { autoCloseDays, closeUnratedCases } from "./auto-close.ts";
import { csvResponse, csvText } from "./csv.ts";
import { dutyFigures, figuresBy, receivedIn, staffFigures } from "./figures.ts";
import { type CaseFilter, contactStatement, exportCases, figureRows, scopedCases } from "./queries.ts";
import { caseNotFound, figuresQuery, figuresRefusal, type ListFilter, listQuery, listRefusal } from "./schema.ts";
import {
  type CaseList,
  type CaseView,
  caseView,
  listLine,
  movedView,
  needsAction,
  queueOrder,
  shownLine,
} from "./view.ts";

/** Mounted under /api/staff, whose guards (session, same origin) cover every route here. */
export const caseRoutes = createRouter<StaffEnv>();
const PER_PAGE = 50;

/** GET /api/staff/reports[.csv] with the list's filters. */
const listRoute = <const P extends string, const R extends ReturnType<typeof ok>>(
  path: P,
  summary: string,
  responses: R,
) =>
  route(
    { method: "get", path, summary, request: { query: listQuery }, responses },
    { refusals: { query: listRefusal }, errors: { 400: "回执号不对" } },
  );

/** GET /api/staff/figures[.csv] with the town and period. */
const figuresRoute = <const P extends string, const R extends ReturnType<typeof ok>>(
  path: P,
  summary: string,
  responses: R,
) =>
  route(
    { method: "get", path, summary, request: { query: figuresQuery }, responses },
    { refusals: { query: figuresRefusal }, errors: { 403: "不是本辖区的镇" } },
  );

/**
 * The SQL filter of a list or export. A receipt a villager read out is hashed here (it never reaches D1
 * or any answer) and the search is audited with what it found, never the receipt.
 */
async function caseFilter(db: D1Database, filter: ListFilter): Promise<CaseFilter> {
  if (filter.receipt !== null) requireValidReceipt(filter.receipt);
  return { ...filter, receiptHash: filter.receipt === null ? null : await lookupHash(db, filter.receipt) };
}

/** After a search by receipt: an audit row naming what was found (the case when exactly one). */
async function auditReceiptSearch(db: D1Database, staff: StaffMember, filter: ListFilter, rows: { id: number }[]) {
  if (filter.receipt === null) return;
  const found = rows.map((r) => r.id);
  const entry = {
    action: "report_receipt_search",
    actorId: staff.id,
    actor: staff.username,
    target: found.length === 1 ? `report:${found[0]}` : null,
    detail: { found: found.length },
  };
  await runAudited(db, entry, []);
}

const list = caseRoutes.openapi(
  listRoute("/reports", "案件列表（逾期的在前），可按状态、类别、村、镇、回执筛选", json<CaseList>("一页案件和总数")),
  async (c) => {
    const filter = c.req.valid("query");
    const staff = c.get("staff");
    const today = chinaDate(nowOf(c));
    await closeUnratedCases(c.env.DB, autoCloseDays(c.env), today);
    const rows = await scopedCases(c.env.DB, staff, await caseFilter(c.env.DB, filter));
    await auditReceiptSearch(c.env.DB, staff, filter, rows);
    const all = rows.map((r) => shownLine(r, today));
    const overdueTotal = all.filter((l) => l.overdueDays > 0).length;
    const lines = (filter.overdue ? all.filter((l) => l.overdueDays > 0) : all).sort(queueOrder);
    const pages = Math.max(1, Math.ceil(lines.length / PER_PAGE));
    c.header("Cache-Control", "no-store");
    return c.json(
      {
        total: lines.length,
        overdueTotal,
        page: filter.page,
        pages,
        perPage: PER_PAGE,
        today,
        cases: lines.slice((filter.page - 1) * PER_PAGE, filter.page * PER_PAGE),
      } satisfies CaseList,
      200,
    );
  },
);

const queue = caseRoutes.openapi(
  route({
    method: "get",
    path: "/queue",
    summary: "需要我处理的案件（待分流、待定责、快到期、已逾期）",
    responses: json<{ today: string } & ReturnType<typeof needsAction>>("各类待办"),
  }),
  async (c) => {
    const today = chinaDate(nowOf(c));
    await closeUnratedCases(c.env.DB, autoCloseDays(c.env), today);
    const open = { state: "open", kind: null, village: null, town: null, receiptHash: null } as const;
    // a case the town took over is no longer the secretary's to act on: it counts in none of these
    const rows = (await scopedCases(c.env.DB, c.get("staff"), open)).filter((r) => !r.movedToTown);
    const lines = rows.map((r) => listLine(r, today));
    c.header("Cache-Control", "no-store");
    return c.json({ today, ...needsAction(lines) }, 200);
  },
);

const listCsvRoute = listRoute("/reports.csv", "导出案件（CSV，不含回执）", ok("CSV 文件"));

const listCsv = caseRoutes.openapi(listCsvRoute, async (c) => {
  const filter = c.req.valid("query");
  const staff = c.get("staff");
  const today = chinaDate(nowOf(c));
  await closeUnratedCases(c.env.DB, autoCloseDays(c.env), today);
  const withContact = canSeeMisconduct(staff);
  const rows = await exportCases(c.env.DB, staff, await caseFilter(c.env.DB, filter), withContact);
  await auditReceiptSearch(c.env.DB, staff, filter, rows);
  const lines = rows
    .map((r) => ({ ...r, line: listLine(r, today) }))
    .filter((r) => !filter.overdue || (!r.movedToTown && r.line.overdueDays > 0));
  // no receipt column: a receipt is the villager's secret, never shown to staff
  const header: StringKey[] = [
    "cases.field.id",
    "cases.field.town",
    "cases.field.village",
    "cases.field.kind",
    "cases.field.topic",
    "cases.field.state",
    "cases.field.route",
    "cases.field.received",
    "cases.field.deadline",
    "cases.field.overdueDays",
    "cases.field.responsible",
    "cases.field.measures",
    "cases.field.answeredOn",
    "cases.field.closedOn",
    "cases.field.rating",
    "cases.field.content",
    ...(withContact ? (["cases.field.contactName", "cases.field.contactPhone"] as const) : []),
  ];
  const moved = t("cases.list.movedToTown");
  const body = lines.map(({ line, ...r }) =>
    r.movedToTown
      ? [r.id, line.townName, line.villageName, t(`reports.kind.${r.kind}`), null, moved, null, r.receivedOn]
      : [
          r.id,
          line.townName,
          line.villageName,
          t(`reports.kind.${r.kind}`),
          t(`reports.topic.${r.topic}`),
          t(`reports.state.${r.state}`),
          t(`cases.route.${r.route ?? "none"}`),
          r.receivedOn,
          line.deadline,
          line.overdueDays,
          r.responsible,
          r.measures,
          r.answeredOn,
          r.closedOn,
          r.rating ? t(`reports.rating.${r.rating}`) : null,
          r.content,
          ...(withContact ? [r.contactName, r.contactPhone] : []),
        ],
  );
  const misconduct = lines.filter((r) => r.kind === "misconduct").map((r) => r.id);
  const contacts = lines.filter((r) => r.contactName !== null || r.contactPhone !== null).map((r) => r.id);
  await runAudited(
    c.env.DB,
    {
      action: "reports_export",
      actorId: staff.id,
      actor: staff.username,
      detail: { rows: lines.length, misconduct, contacts },
    },
    [],
  );
  return csvResponse(
    csvText(
      header.map((k) => t(k)),
      body,
    ),
    `cases-${today}.csv`,
  );
});

/** The figures for the member's scope, grouped by town (district) or by village (a town or a village). */
async function scopedFigures(
  db: D1Database,
  staff: StaffMember,
  { town, period: asked }: { town: string | null; period: string | null },
  today: string,
) {
  if (town && !canSeeTown(staff, town)) throw new ApiError(403, "forbidden", t("cases.error.figuresScope"));
  const { rows, period } = receivedIn(await figureRows(db, staff, town), asked);
  const total = staffFigures(rows, today);
  const { reach } = permissions[staff.role];
  if (reach === "district" && !town) {
    const groups = figuresBy(
      rows,
      towns.map((tw) => tw.code),
      (r) => r.town,
      today,
    );
    return {
      scope: { level: "district", code: district.code, name: district.name },
      period,
      by: "town",
      total,
      groups: named(groups),
      duties: dutyFigures(rows),
    };
  }
  const townCode = town ?? homeTown(staff);
  const villages = villagesOfTown(townCode)
    .filter((v) => canSeeVillage(staff, v.code))
    .map((v) => v.code);
  const groups = figuresBy(rows, villages, (r) => r.village, today);
  const scope =
    reach === "village"
      ? { level: "village", code: staff.scope, name: villageByCode(staff.scope)?.name ?? staff.scope }
      : { level: "town", code: townCode, name: townByCode(townCode)?.name ?? townCode };
  return { scope, period, by: "village", total, groups: named(groups), duties: dutyFigures(rows) };
}

const named = (groups: { code: string; figures: StaffFigures }[]) =>
  groups.map((g) => ({ ...g, name: townByCode(g.code)?.name ?? villageByCode(g.code)?.name ?? g.code }));

type Figures = { today: string } & Awaited<ReturnType<typeof scopedFigures>>;

const figures = caseRoutes.openapi(
  figuresRoute("/figures", "本辖区的案件数字，按镇或按村，可限定时段", json<Figures>("数字和分母")),
  async (c) => {
    const today = chinaDate(nowOf(c));
    await closeUnratedCases(c.env.DB, autoCloseDays(c.env), today);
    c.header("Cache-Control", "no-store");
    return c.json({ today, ...(await scopedFigures(c.env.DB, c.get("staff"), c.req.valid("query"), today)) }, 200);
  },
);

const figuresCsvRoute = figuresRoute("/figures.csv", "导出案件数字（CSV）", ok("CSV 文件"));

const figuresCsv = caseRoutes.openapi(figuresCsvRoute, async (c) => {
  const today = chinaDate(nowOf(c));
  const staff = c.get("staff");
  await closeUnratedCases(c.env.DB, autoCloseDays(c.env), today);
  const figures = await scopedFigures(c.env.DB, staff, c.req.valid("query"), today);
  const header = [
    "cases.figures.scope",
    "cases.figures.received",
    "cases.figures.closed",
    "cases.figures.answered",
    "cases.figures.onTime",
    "cases.figures.overdue",
    "cases.figures.medianDays",
    "reports.rating.satisfied",
    "reports.rating.basic",
    "reports.rating.unsatisfied",
    "cases.figures.staffFiledReceived",
    "cases.figures.staffFiledSatisfied",
    "cases.figures.staffFiledBasic",
    "cases.figures.staffFiledUnsatisfied",
  ] as const;
  const line = (name: string, f: StaffFigures) => [
    name,
    f.received,
    f.closed,
    f.answered,
    f.answeredOnTime,
    f.overdue,
    f.medianDays,
    f.satisfied,
    f.basic,
    f.unsatisfied,
    f.staffFiled.received,
    f.staffFiled.satisfied,
    f.staffFiled.basic,
    f.staffFiled.unsatisfied,
  ];
  const rows = [...figures.groups.map((g) => line(g.name, g.figures)), line(t("cases.figures.total"), figures.total)];
  await runAudited(
    c.env.DB,
    {
      action: "figures_export",
      actorId: staff.id,
      actor: staff.username,
      target: `${figures.scope.level}:${figures.scope.code}`,
      detail: { period: figures.period?.code ?? null },
    },
    [],
  );
  return csvResponse(
    csvText(
      header.map((k) => t(k)),
      rows,
    ),
    `figures-${figures.scope.code}-${figures.period ? `${figures.period.code}-` : ""}${today}.csv`,
  );
});

const one = caseRoutes.openapi(
  route(
    {
      method: "get",
      path: "/reports/{id}",
      summary: "一个案件和它的全部经过",
      request: { params: idParams },
      responses: json<CaseView>("案件"),
    },
    { refusals: { param: caseNotFound } },
  ),
  async (c) => {
    const staff = c.get("staff");
    const today = chinaDate(nowOf(c));
    await closeUnratedCases(c.env.DB, autoCloseDays(c.env), today);
    const { row, access } = await openCase(c.env.DB, staff, c.req.valid("param").id);
    c.header("Cache-Control", "no-store");
    if (access === "moved") return c.json(movedView(row), 200);
    if (row.kind === "misconduct") {
      await runAudited(
        c.env.DB,
        { action: "report_read", actorId: staff.id, actor: staff.username, target: `report:${row.id}` },
        [],
      );
    }
    return c.json(await caseView(c.env.DB, staff, row, today), 200);
  },
);

type Contact = { name: string | null; phone: string | null };

const contact = caseRoutes.openapi(
  route(
    {
      method: "get",
      path: "/reports/{id}/contact",
      summary: "举报人留的联系方式（只给镇纪委和区里，记入审计）",
      request: { params: idParams },
      responses: json<{ contact: Contact | null }>("联系方式"),
    },
    { refusals: { param: caseNotFound }, errors: { 403: "没有权限" } },
  ),
  async (c) => {
    const staff = c.get("staff");
    const row = await loadCase(c.env.DB, staff, c.req.valid("param").id);
    if (!canSeeMisconduct(staff)) throw new ApiError(403, "forbidden", t("staff.error.forbidden"));
    const [read] = await runAudited(
      c.env.DB,
      { action: "report_contact_read", actorId: staff.id, actor: staff.username, target: `report:${row.id}` },
      [contactStatement(c.env.DB, row.id)],
    );
    c.header("Cache-Control", "no-store");
    return c.json({ contact: (read?.results[0] as Contact | undefined) ?? null }, 200);
  },
);

caseRoutes.route("/", caseActions);

/** The typed routes of this sub-app, for the typed client (client.ts). */
export type CaseApi =
  | typeof list
  | typeof listCsv
  | typeof queue
  | typeof figures
  | typeof figuresCsv
  | typeof one
  | typeof contact
  | CaseActionApi;
