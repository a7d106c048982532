/**
 * 积分制 and 积分超市, staff side (mounted under /api/staff, behind its session and same-origin guards):
 * - POST /points/rules: a new version of a village's rules (a link of its points chain).
 * - POST /points/households: a household in the register; answers its card code once (for the card).
 * - POST /points/entries: points awarded or deducted by a rule, with a date and a reason.
 * - POST /points/entries/{id}/confirm: the supervisor's confirmation; from then on the entry counts.
 * - POST /points/entries/{id}/reversal: a mistake undone by a new entry with a reason (confirmed in turn).
 * - POST /points/shops, POST /points/redemptions: the quarter's 积分超市 and what a household takes there.
 * - GET /points?village=: the register with balances, the rules and the latest ledger lines.
 * Recording is for points administrators and the secretary, confirming for the points supervisor, each in
 * their own village (schema/access.ts); the database refuses a self-confirmation as well.
 */
import { canSeeVillage, may, type Permission } from "#core/access.ts";
import { canonicalJson } from "#core/disclosure.ts";
import { t } from "#core/i18n/index.ts";
import { quarterOf } from "#core/meeting.ts";
import { chinaDate, periodLabel } from "#core/period.ts";
import {
  entryInput,
  householdInput,
  type PointsRule,
  redemptionInput,
  reversalInput,
  rulesInput,
  shopInput,
} from "#core/points.ts";
import { periodBounds } from "#core/publish-periods.ts";
import { villageByCode } from "#core/reference.ts";
import { newReceipt, receiptHash } from "#core/report.ts";
import type { StaffMember } from "#core/staff.ts";
import { nowOf } from "../config/context.ts";
import { idParams, villageQuery } from "../contract/params.ts";
import { body, created, createRouter, json, route } from "../contract/router.ts";
import { unknownVillage } from "../disclosures/schema.ts";
import { ApiError } from "../errors.ts";
import { scopedVillage } from "../staff/scope.ts";
import type { StaffEnv } from "../staff/session.ts";
import {
  type AppendRefusal,
  appendLedger,
  currentRules,
  goodsById,
  type HouseholdBalance,
  type HouseholdRow,
  householdBalance,
  householdById,
  type LedgerLine,
  ledgerLine,
  registerHousehold,
  type ShopRow,
  setShop,
  shopOf,
  villageHouseholds,
  villageLedger,
} from "./queries.ts";
import { entryNotFound, pointsBodyRules, pointsRefusal } from "./schema.ts";

export const pointsRoutes = createRouter<StaffEnv>();

const refuse = (fields: Record<string, string>) => new ApiError(422, "invalid", t("points.error.invalid"), fields);
const forbidden = () => new ApiError(403, "forbidden", t("points.error.forbidden"));

/** 422 for an unknown village; 403 unless `staff`'s role has `permission` and reaches `village`. */
function requirePoints(staff: StaffMember, permission: Permission, village: string): void {
  if (!villageByCode(village)) throw refuse({ village: t("points.error.village") });
  if (!may(staff, permission)) throw forbidden();
  if (!canSeeVillage(staff, village)) throw new ApiError(403, "forbidden", t("points.error.scope"));
}

/** What an append that wrote nothing answers. */
function refused(reason: AppendRefusal | "same_person"): ApiError {
  if (reason === "same_person") return new ApiError(403, "forbidden", t("points.error.sameperson"));
  if (reason === "busy") return new ApiError(409, "busy", t("points.error.busy"));
  return new ApiError(409, "conflict", t("points.error.invalid"));
}

/** A link appended to a village's points chain. */
type Link = Exclude<Awaited<ReturnType<typeof appendLedger>>, { refused: unknown }>;

const posting = { refusals: { json: pointsRefusal }, body: pointsBodyRules } as const;
const byId = { refusals: { param: entryNotFound, json: pointsRefusal }, body: pointsBodyRules } as const;
const auditOf = (staff: StaffMember, action: string, target: string, detail: Record<string, unknown> = {}) => ({
  action,
  actorId: staff.id,
  actor: staff.username,
  target,
  detail,
});

const rulesRoute = route(
  {
    method: "post",
    path: "/points/rules",
    summary: "公布本村积分细则的新版本（加分项、扣分项、分值、类别）",
    request: { body: body(rulesInput) },
    responses: created<Link & { village: string; rules: PointsRule[] }>("细则的版本"),
  },
  { ...posting, errors: { 403: "只有本村积分管理员或书记能公布" } },
);

const publishRules = pointsRoutes.openapi(rulesRoute, async (c) => {
  const input = c.req.valid("json");
  const staff = c.get("staff");
  requirePoints(staff, "recordPoints", input.village);
  const previous = await currentRules(c.env.DB, input.village);
  if (previous && !input.reason) throw refuse({ reason: t("points.error.reasonNeeded") });
  const now = nowOf(c);
  const stored = await appendLedger(
    c.env.DB,
    {
      village_code: input.village,
      kind: "rules",
      household_id: null,
      ref_id: previous?.id ?? null,
      rule_code: null,
      points: 0,
      on_date: chinaDate(now),
      reason: previous ? (input.reason ?? null) : null,
      detail: canonicalJson(input.rules),
      actor: staff.username,
      at: now.toISOString(),
    },
    "none",
    auditOf(staff, "points_rules", `points:${input.village}`, { rules: input.rules.length }),
  );
  if ("refused" in stored) throw refused(stored.refused);
  return c.json({ ...stored, village: input.village, rules: input.rules }, 201);
});

const householdRoute = route(
  {
    method: "post",
    path: "/points/households",
    summary: "登记一户（户号、户主姓名）；户码只在这一次给出，用来打印积分卡",
    request: { body: body(householdInput) },
    responses: created<HouseholdRow & { card: { code: string; url: string } }>("这一户，连同它的户码（只这一次）"),
  },
  { ...posting, errors: { 403: "只有本村积分管理员或书记能登记", 409: "户号已经有了" } },
);

const registerOne = pointsRoutes.openapi(householdRoute, async (c) => {
  const input = c.req.valid("json");
  const staff = c.get("staff");
  requirePoints(staff, "recordPoints", input.village);
  const code = newReceipt();
  const audit = auditOf(staff, "points_household", `points:${input.village}`, { number: input.number });
  const household = await registerHousehold(c.env.DB, input, await receiptHash(code), audit, nowOf(c).toISOString());
  if (!household) throw new ApiError(409, "conflict", t("points.error.duplicateHousehold", { number: input.number }));
  // The card's code goes on the card handed to the household. Only its hash is stored: no later read,
  // list or export shows it, and printing the cards again (npm run qr -- --households) gives new codes.
  return c.json({ ...household, card: { code, url: `/h/${code}` } }, 201);
});

/** The household `id` if it is in `village`, else a 422 on `household`. */
async function villageHousehold(db: D1Database, id: number, village: string) {
  const household = await householdById(db, id);
  if (!household || household.village !== village) throw refuse({ household: t("points.error.household") });
  return household;
}

const entryRoute = route(
  {
    method: "post",
    path: "/points/entries",
    summary: "按细则给一户记加分或扣分（写明日期和原因）；监督员确认后才算数",
    request: { body: body(entryInput.extend({ village: rulesInput.shape.village })) },
    responses: created<Link & { household: number; rule: string; points: number; confirmed: false }>(
      "记下的积分，待确认",
    ),
  },
  { ...posting, errors: { 403: "只有本村积分管理员或书记能记分" } },
);

const recordEntry = pointsRoutes.openapi(entryRoute, async (c) => {
  const input = c.req.valid("json");
  const staff = c.get("staff");
  requirePoints(staff, "recordPoints", input.village);
  const household = await villageHousehold(c.env.DB, input.household, input.village);
  const now = nowOf(c);
  if (input.date > chinaDate(now) || Number.isNaN(Date.parse(input.date))) {
    throw refuse({ date: t("points.error.date") });
  }
  const rules = await currentRules(c.env.DB, input.village);
  if (!rules) throw refuse({ rule: t("points.error.noRules") });
  const rule = rules.rules.find((r) => r.code === input.rule);
  if (!rule) throw refuse({ rule: t("points.error.rule", { rule: input.rule }) });
  const stored = await appendLedger(
    c.env.DB,
    {
      village_code: input.village,
      kind: "entry",
      household_id: household.id,
      ref_id: rules.id,
      rule_code: rule.code,
      points: rule.points,
      on_date: input.date,
      reason: input.reason,
      detail: canonicalJson({ title: rule.title, category: rule.category }),
      actor: staff.username,
      at: now.toISOString(),
    },
    "none",
    auditOf(staff, "points_entry", `household:${household.id}`, { rule: rule.code, points: rule.points }),
  );
  if ("refused" in stored) throw refused(stored.refused);
  return c.json(
    { ...stored, household: household.id, rule: rule.code, points: rule.points, confirmed: false as const },
    201,
  );
});

/** An entry or reversal by id, 404 when there is none or it lies outside the member's villages. */
async function lineInReach(db: D1Database, staff: StaffMember, id: number) {
  const line = await ledgerLine(db, id);
  if (!line || line.kind === "redeem" || !canSeeVillage(staff, line.village)) {
    throw new ApiError(404, "not_found", t("points.error.notFound"));
  }
  return line;
}

const confirmRoute = route(
  {
    method: "post",
    path: "/points/entries/{id}/confirm",
    summary: "监督员确认别人记的一条积分（自己记的不能自己确认）",
    request: { params: idParams },
    responses: json<LedgerLine & { village: string; confirmedBy: string }>("确认后的记录"),
  },
  {
    refusals: { param: entryNotFound },
    errors: { 403: "只有本村积分监督员能确认，且不能确认自己记的", 409: "已经确认过" },
  },
);

const confirmEntry = pointsRoutes.openapi(confirmRoute, async (c) => {
  const staff = c.get("staff");
  const line = await lineInReach(c.env.DB, staff, c.req.valid("param").id);
  requirePoints(staff, "confirmPoints", line.village);
  if (line.recordedBy === staff.username) throw refused("same_person");
  if (line.confirmedBy) throw new ApiError(409, "conflict", t("points.error.confirmed"));
  const now = nowOf(c);
  const stored = await appendLedger(
    c.env.DB,
    {
      village_code: line.village,
      kind: "confirm",
      household_id: line.household,
      ref_id: line.id,
      rule_code: null,
      points: 0,
      on_date: chinaDate(now),
      reason: null,
      detail: null,
      actor: staff.username,
      at: now.toISOString(),
    },
    "none",
    auditOf(staff, "points_confirm", `points_entry:${line.id}`),
  );
  if ("refused" in stored) {
    if (stored.refused === "duplicate") throw new ApiError(409, "conflict", t("points.error.confirmed"));
    throw refused(stored.refused);
  }
  return c.json({ ...line, confirmedBy: staff.username }, 200);
});

const reversalRoute = route(
  {
    method: "post",
    path: "/points/entries/{id}/reversal",
    summary: "撤销一条记错的积分：记一条相反的记录并写明原因，同样要监督员确认",
    request: { params: idParams, body: body(reversalInput) },
    responses: created<Link & { reverses: number; points: number; confirmed: false }>("撤销记录，待确认"),
  },
  { ...byId, errors: { 403: "只有本村积分管理员或书记能撤销", 409: "已经撤销过，或还没确认" } },
);

const reverseEntry = pointsRoutes.openapi(reversalRoute, async (c) => {
  const staff = c.get("staff");
  const { reason } = c.req.valid("json");
  const line = await lineInReach(c.env.DB, staff, c.req.valid("param").id);
  requirePoints(staff, "recordPoints", line.village);
  if (line.kind !== "entry") throw new ApiError(409, "conflict", t("points.error.notReversible"));
  if (!line.confirmedBy) throw new ApiError(409, "conflict", t("points.error.notConfirmed"));
  if (line.reversedBy) throw new ApiError(409, "conflict", t("points.error.reversed"));
  const now = nowOf(c);
  const stored = await appendLedger(
    c.env.DB,
    {
      village_code: line.village,
      kind: "reversal",
      household_id: line.household,
      ref_id: line.id,
      rule_code: line.rule,
      points: -line.points,
      on_date: chinaDate(now),
      reason,
      detail: canonicalJson({ title: line.title }),
      actor: staff.username,
      at: now.toISOString(),
    },
    "none",
    auditOf(staff, "points_reversal", `points_entry:${line.id}`),
  );
  if ("refused" in stored) {
    if (stored.refused === "duplicate") throw new ApiError(409, "conflict", t("points.error.reversed"));
    throw refused(stored.refused);
  }
  return c.json({ ...stored, reverses: line.id, points: -line.points, confirmed: false as const }, 201);
});

const shopRoute = route(
  {
    method: "post",
    path: "/points/shops",
    summary: "设好一个季度的积分超市：开门和关门的日子，物品和所需积分",
    request: { body: body(shopInput) },
    responses: created<ShopRow | null>("积分超市"),
  },
  { ...posting, errors: { 403: "只有本村积分管理员或书记能设", 409: "这个季度已经设好" } },
);

const openShop = pointsRoutes.openapi(shopRoute, async (c) => {
  const input = c.req.valid("json");
  const staff = c.get("staff");
  requirePoints(staff, "recordPoints", input.village);
  const { start, end } = periodBounds(input.quarter);
  if (input.opensOn > input.closesOn || input.opensOn < start || input.closesOn > end) {
    throw refuse({ opensOn: t("points.error.window") });
  }
  const audit = auditOf(staff, "points_shop", `points:${input.village}`, { quarter: input.quarter });
  if (!(await setShop(c.env.DB, input, audit, nowOf(c).toISOString()))) {
    throw new ApiError(409, "conflict", t("points.error.duplicateShop", { quarter: periodLabel(input.quarter) }));
  }
  return c.json(await shopOf(c.env.DB, input.village, input.quarter), 201);
});

const redeemRoute = route(
  {
    method: "post",
    path: "/points/redemptions",
    summary: "在积分超市给一户兑换物品：只在开门的日子，积分不够不能换",
    request: { body: body(redemptionInput) },
    responses: created<Link & { household: number; cost: number; balance: number }>("兑换记录和剩下的积分"),
  },
  { ...posting, errors: { 403: "只有本村积分管理员或书记能兑换", 409: "没开门，或积分不够" } },
);

const redeem = pointsRoutes.openapi(redeemRoute, async (c) => {
  const input = c.req.valid("json");
  const staff = c.get("staff");
  const goods = await goodsById(c.env.DB, input.goods);
  if (!goods) throw refuse({ goods: t("points.error.noShop") });
  requirePoints(staff, "recordPoints", goods.village);
  const household = await villageHousehold(c.env.DB, input.household, goods.village);
  const now = nowOf(c);
  const today = chinaDate(now);
  if (today < goods.opensOn || today > goods.closesOn) {
    const window = `${goods.opensOn} 至 ${goods.closesOn}`;
    throw new ApiError(409, "shop_closed", t("points.error.shopClosed", { window }));
  }
  const cost = goods.price * input.quantity;
  const stored = await appendLedger(
    c.env.DB,
    {
      village_code: goods.village,
      kind: "redeem",
      household_id: household.id,
      ref_id: goods.id,
      rule_code: null,
      points: -cost,
      on_date: today,
      reason: null,
      detail: canonicalJson({
        title: goods.name,
        price: goods.price,
        quantity: input.quantity,
        quarter: goods.quarter,
      }),
      actor: staff.username,
      at: now.toISOString(),
    },
    "affordable",
    auditOf(staff, "points_redeem", `household:${household.id}`, { goods: goods.id, cost }),
  );
  if ("refused" in stored) {
    if (stored.refused !== "guard") throw refused(stored.refused);
    const balance = await householdBalance(c.env.DB, household.id);
    throw new ApiError(409, "not_enough", t("points.error.notEnough", { balance, cost }));
  }
  return c.json(
    { ...stored, household: household.id, cost, balance: await householdBalance(c.env.DB, household.id) },
    201,
  );
});

const villageRoute = route(
  {
    method: "get",
    path: "/points",
    summary: "一个村的积分：户册和余额、现行细则、最近的记录、本季度的积分超市",
    request: { query: villageQuery },
    responses: json<{
      village: string;
      households: HouseholdBalance[];
      rules: Awaited<ReturnType<typeof currentRules>>;
      ledger: LedgerLine[];
      shop: ShopRow | null;
      /** What the member's role may do here, so the page offers only that. */
      may: { record: boolean; confirm: boolean };
    }>("{village, households, rules, ledger, shop, may: {record, confirm}}"),
  },
  { refusals: { query: unknownVillage }, errors: { 403: "不是本辖区的村" } },
);

const villagePoints = pointsRoutes.openapi(villageRoute, async (c) => {
  const staff = c.get("staff");
  const village = scopedVillage(staff, c.req.valid("query").village, t("points.error.scope"));
  const quarter = quarterOf(chinaDate(nowOf(c)));
  const [households, rules, ledger, shop] = await Promise.all([
    villageHouseholds(c.env.DB, village),
    currentRules(c.env.DB, village),
    villageLedger(c.env.DB, village, 200),
    shopOf(c.env.DB, village, quarter),
  ]);
  c.header("Cache-Control", "no-store");
  const allowed = { record: may(staff, "recordPoints"), confirm: may(staff, "confirmPoints") };
  return c.json({ village, households, rules, ledger, shop, may: allowed }, 200);
});

/** The typed routes of this sub-app, for the typed client (client.ts). */
export type PointsApi =
  | typeof publishRules
  | typeof registerOne
  | typeof recordEntry
  | typeof confirmEntry
  | typeof reverseEntry
  | typeof openShop
  | typeof redeem
  | typeof villagePoints;
