/**
 * 网格员 (issue 15): what a grid worker carries into the system from a phone. POST /api/staff/grid/cases
 * files a villager's words on their behalf (代办) for a village of the worker's grids, through the
 * intake's own statements, marked as filed by staff; its receipt is in this answer only, for the slip.
 * POST /api/staff/grid/patrols files what the worker found on patrol (排查上报, no villager, no receipt to
 * hand out); POST /api/staff/grid/talks records a 百姓夜话 whose requests each become a case with its own
 * receipt. GET /api/staff/grid/cases lists what the worker filed and where each stands. Each write lands
 * in one batch with its audit entry, or nothing does. GET /api/villages/<code>/talks is public.
 */
import type { RouteConfig } from "@hono/zod-openapi";
import { may } from "#core/access.ts";
import { type Grid, gridById, gridName } from "#core/grid.ts";
import {
  behalfInput,
  type GridFigures,
  type PatrolCategory,
  patrolCategory,
  patrolInput,
  type TalkInput,
  talkInput,
} from "#core/grid-work.ts";
import { t } from "#core/i18n/index.ts";
import { chinaDate } from "#core/period.ts";
import { villageByCode } from "#core/reference.ts";
import type { ReportInput } from "#core/report.ts";
import type { StaffMember } from "#core/staff.ts";
import { recordAudit } from "../audit/queries.ts";
import { csvResponse, csvText } from "../cases/csv.ts";
import { actionBodyRules } from "../cases/schema.ts";
import { nowOf } from "../config/context.ts";
import { villageParams } from "../contract/params.ts";
import { body, created, createRouter, json, ok, route } from "../contract/router.ts";
import { publishBodyRules } from "../disclosures/schema.ts";
import { ApiError } from "../errors.ts";
import { readOne } from "../reads.ts";
import { unknownVillage } from "../reports/schema.ts";
import { isRetryableFiling, type StaffFiledCase, staffFiledCase } from "../reports/staff-filed.ts";
import type { StaffEnv } from "../staff/session.ts";
import { gridFigures } from "./figures.ts";
import {
  caseIdByHash,
  type FiledCaseRow,
  filedCases,
  type GridWay,
  gridCaseStatement,
  gridCountRows,
  type PublicTalk,
  qrCaseRows,
  talkCaseStatement,
  talkIdByKey,
  talkStatement,
  villageTalks,
} from "./queries.ts";
import { gridCaseRefusal, gridFiguresQuery, talkRefusal, unknownGridPlace } from "./schema.ts";

/** Mounted under /api/staff (session and same-origin guards there). */
export const gridRoutes = createRouter<StaffEnv>();
/** The public side: a village's recent 百姓夜话. */
export const gridPublicRoutes = createRouter<{ Bindings: Env }>();

/** 403 unless `staff`'s role files for villagers (schema/access.ts): a grid worker. */
function requireGridWorker(staff: StaffMember): void {
  if (!may(staff, "fileForVillagers")) throw new ApiError(403, "forbidden", t("grid.error.role"));
}

/**
 * The grid `id` if `staff` may file for it: a grid worker's own grid; 403 for anyone else or any other
 * grid (one the member does not work is refused the same whether it exists or not).
 */
function ownGrid(staff: StaffMember, id: string): Grid {
  requireGridWorker(staff);
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

/** One case `staff` files for one of their grids, with its link and audit entry, in one batch. */
async function fileOne(
  db: D1Database,
  staff: StaffMember,
  filing: { grid: Grid; input: ReportInput; way: GridWay; today: string; category?: string },
) {
  const { grid, input, way, today, category } = filing;
  const [filed] = await fileAll(db, async () => {
    const one = await staffFiledCase(db, {
      village: grid.village,
      input,
      filedBy: staff.username,
      receivedOn: today,
    });
    const link = gridCaseStatement(db, {
      receiptHash: one.hash,
      way,
      grid: grid.id,
      filedBy: staff.username,
      category,
    });
    const audit = await recordAudit(db, {
      action: `grid_${way}`,
      actorId: staff.id,
      actor: staff.username,
      target: `grid:${grid.id}`,
      detail: { kind: input.kind, ...(category ? { category } : {}) },
    });
    return { cases: [one], extra: [link, audit] };
  });
  return slip(db, filed as StaffFiledCase, grid, input, today);
}

/** What POST /grid/cases answers: the slip. */
type Slip = Awaited<ReturnType<typeof slip>>;

const behalfRoute = route(
  {
    method: "post",
    path: "/grid/cases",
    summary: "网格员代办：替本网格村民提交码上问、码上办或我要监督",
    request: { body: body(behalfInput) },
    responses: created<Slip>("案件和回执（只这一次给出，写在回执条上交给村民）"),
  },
  {
    refusals: { json: gridCaseRefusal },
    body: actionBodyRules,
    errors: { 403: "不是网格员，或不是自己负责的网格" },
  },
);

const behalfCase = gridRoutes.openapi(behalfRoute, async (c) => {
  const { grid: gridIdSent, ...input } = c.req.valid("json");
  const staff = c.get("staff");
  const grid = ownGrid(staff, gridIdSent);
  const today = chinaDate(nowOf(c));
  // The receipt goes on the slip the grid worker hands the villager. This answer is the only time any
  // staff member sees it: only its hash is stored, and the case is marked filed_by, so its ratings are
  // counted apart in every figure.
  return c.json(await fileOne(c.env.DB, staff, { grid, input, way: "behalf", today }), 201);
});

const myGridsRoute = route(
  {
    method: "get",
    path: "/grid",
    summary: "网格员负责的网格",
    responses: json<{ grids: { id: string; name: string; village: string; villageName: string }[] }>(
      "{grids: [{id, name, village, villageName}]}",
    ),
  },
  { errors: { 403: "不是网格员" } },
);

const myGrids = gridRoutes.openapi(myGridsRoute, (c) => {
  const staff = c.get("staff");
  requireGridWorker(staff);
  const grids = staff.scope.split(",").flatMap((id) => gridById(id) ?? []);
  c.header("Cache-Control", "no-store");
  return c.json(
    {
      grids: grids.map((g) => ({
        id: g.id,
        name: gridName(g.id),
        village: g.village,
        villageName: villageByCode(g.village)?.name ?? g.village,
      })),
    },
    200,
  );
});

const patrolRoute = route(
  {
    method: "post",
    path: "/grid/patrols",
    summary: "排查上报：网格员巡查发现的问题，按特别关注的方向，成为本村的一个码上办案件",
    request: { body: body(patrolInput) },
    responses: created<Omit<Slip, "receipt" | "url"> & { category: PatrolCategory }>("案件（没有回执：背后没有村民）"),
  },
  { refusals: { json: gridCaseRefusal }, body: actionBodyRules, errors: { 403: "不是网格员，或不是自己负责的网格" } },
);

const patrolCase = gridRoutes.openapi(patrolRoute, async (c) => {
  const input = c.req.valid("json");
  const staff = c.get("staff");
  const grid = ownGrid(staff, input.grid);
  const category = patrolCategory(input.category);
  const report: ReportInput = { kind: "request", topic: category.topic, content: input.content };
  const {
    receipt: _unused,
    url: _none,
    ...filed
  } = await fileOne(c.env.DB, staff, {
    grid,
    input: report,
    way: "patrol",
    today: chinaDate(nowOf(c)),
    category: category.id,
  });
  // No villager stands behind a patrol report, so its receipt is handed to no one: the worker follows it
  // in their own list.
  return c.json({ ...filed, category: category.id }, 201);
});

/** Cross-field checks zod cannot make: the talk's date a real day, not ahead. */
function checkTalk(input: TalkInput, today: string): void {
  if (input.heldOn > today || Number.isNaN(Date.parse(input.heldOn))) {
    throw new ApiError(422, "invalid", t("grid.error.invalid"), { heldOn: t("grid.error.heldOn") });
  }
}

/** What POST /grid/talks answers: the talk, and each request's case with its receipt (this once). */
interface Talk {
  id: number;
  grid: string;
  village: string;
  heldOn: string;
  requests: {
    id: number;
    kind: TalkInput["requests"][number]["kind"] | undefined;
    receipt: string;
    url: string;
  }[];
}

const talkRoute = route(
  {
    method: "post",
    path: "/grid/talks",
    summary: "记录一次百姓夜话（日期、地点、人数、收集的诉求），每条诉求成为一个案件",
    request: { body: body(talkInput) },
    responses: created<Talk>("夜话，连同每条诉求的案件和回执（只这一次给出）"),
  },
  { refusals: { json: talkRefusal }, body: publishBodyRules, errors: { 403: "不是网格员，或不是自己负责的网格" } },
);

const talkRecord = gridRoutes.openapi(talkRoute, async (c) => {
  const input = c.req.valid("json");
  const staff = c.get("staff");
  const grid = ownGrid(staff, input.grid);
  const today = chinaDate(nowOf(c));
  checkTalk(input, today);
  const key = crypto.randomUUID();
  const filed = await fileAll(c.env.DB, async () => {
    const cases = await Promise.all(
      input.requests.map((r) =>
        staffFiledCase(c.env.DB, { village: grid.village, input: r, filedBy: staff.username, receivedOn: today }),
      ),
    );
    const talk = talkStatement(c.env.DB, {
      key,
      grid: grid.id,
      village: grid.village,
      heldOn: input.heldOn,
      place: input.place,
      attendees: input.attendees,
      recordedBy: staff.username,
      recordedAt: nowOf(c).toISOString(),
    });
    const links = cases.map((one) =>
      talkCaseStatement(c.env.DB, key, { receiptHash: one.hash, grid: grid.id, filedBy: staff.username }),
    );
    const audit = await recordAudit(c.env.DB, {
      action: "grid_talk",
      actorId: staff.id,
      actor: staff.username,
      target: `grid:${grid.id}`,
      detail: { requests: cases.length, attendees: input.attendees },
    });
    // the talk first: the requests' links find it by its key
    return { cases, extra: [talk, ...links, audit] };
  });
  const id = await talkIdByKey(c.env.DB, key);
  const requests = await Promise.all(
    filed.map(async (one, i) => ({
      id: await caseIdByHash(c.env.DB, one.hash),
      kind: input.requests[i]?.kind,
      receipt: one.receipt,
      url: `/r/${one.receipt}`,
    })),
  );
  // As at a 阳光报告会, each receipt goes on the slip of the villager who raised the request; this answer
  // is the only time anyone sees them.
  return c.json({ id, grid: grid.id, village: grid.village, heldOn: input.heldOn, requests }, 201);
});

const filedRoute = route(
  {
    method: "get",
    path: "/grid/cases",
    summary: "网格员自己提交的案件和进展",
    responses: json<{ cases: FiledCaseRow[] }>("{cases: [{id, way, kind, state, …}]}"),
  },
  { errors: { 403: "不是网格员" } },
);

const filedList = gridRoutes.openapi(filedRoute, async (c) => {
  const staff = c.get("staff");
  requireGridWorker(staff);
  c.header("Cache-Control", "no-store");
  return c.json({ cases: await filedCases(c.env.DB, staff.username) }, 200);
});

const talksRoute = route(
  {
    method: "get",
    path: "/api/villages/{code}/talks",
    summary: "一个村最近的百姓夜话：日期、地点、人数、收集和办结的诉求数",
    request: { params: villageParams },
    responses: json<{ village: string; talks: PublicTalk[] }>(
      "{village, talks: [{heldOn, place, attendees, grid, requests, closed}]}",
    ),
  },
  { refusals: { param: unknownVillage } },
);

const talks = gridPublicRoutes.openapi(talksRoute, async (c) => {
  const { code } = c.req.valid("param");
  c.header("Cache-Control", "public, max-age=60");
  return c.json({ village: code, talks: await readOne(villageTalks(c.env.DB, code, 10)) }, 200);
});

const figuresRoute = <const P extends string, const A extends RouteConfig["responses"]>(
  path: P,
  summary: string,
  responses: A,
) =>
  route(
    { method: "get", path, summary, request: { query: gridFiguresQuery }, responses },
    { refusals: { query: unknownGridPlace } },
  );

/** The figures of the scope a query names, from rows. */
async function figuresOf(db: D1Database, query: { town?: string | undefined; area?: string | undefined }) {
  const [rows, qr] = await Promise.all([gridCountRows(db), qrCaseRows(db)]);
  return gridFigures(query, rows, qr);
}

const figures = gridPublicRoutes.openapi(
  figuresRoute(
    "/api/figures/grid",
    "网格的数字：百姓夜话、收集和办结的诉求、排查上报、代办，和村民扫码提交的并列；按镇、管区或网格",
    json<ReturnType<typeof gridFigures>>("数字和分母"),
  ),
  async (c) => {
    c.header("Cache-Control", "public, max-age=300");
    return c.json(await figuresOf(c.env.DB, c.req.valid("query")), 200);
  },
);

const csvColumns: (keyof GridFigures)[] = [
  "grids",
  "villages",
  "talks",
  "requests",
  "requestsClosed",
  "patrols",
  "patrolsClosed",
  "behalf",
  "behalfClosed",
  "qr",
];

const figuresCsvRoute = figuresRoute("/api/figures/grid.csv", "导出网格的数字（CSV）", ok("CSV 文件"));

const figuresCsv = gridPublicRoutes.openapi(figuresCsvRoute, async (c) => {
  const figures = await figuresOf(c.env.DB, c.req.valid("query"));
  const line = (name: string, f: GridFigures) => [name, ...csvColumns.map((k) => f[k])];
  return csvResponse(
    csvText(
      [t("grid.figures.scope"), ...csvColumns.map((k) => t(`grid.figures.${k}`))],
      [...figures.groups.map((g) => line(g.name, g)), line(t("grid.figures.total"), figures.total)],
    ),
    `grid-figures-${figures.scope.code}.csv`,
  );
});

/** The typed staff routes of this feature, for the typed client (client.ts). */
export type GridApi = typeof behalfCase | typeof myGrids | typeof patrolCase | typeof talkRecord | typeof filedList;
/** The typed public routes of this feature, for the typed client (client.ts). */
export type GridPublicApi = typeof talks | typeof figures | typeof figuresCsv;
