/**
 * What the publish form reads, storing nothing:
 * - GET /api/staff/disclosures/<id> → one version in full (`tables` with every row, amounts in fen), its
 *   village, item and period by name, and whether it is still the period's latest version; the correction
 *   form opens with it. A village the member does not serve is the same 404 as no such version.
 * - GET /api/staff/disclosures/periods?village=<code> → `{village, periods: [{item, period, id}]}`, every
 *   period the village has published and its latest version, so the form flags one as soon as it is chosen.
 * - POST /api/staff/disclosures/<id>/corrections/preview `{title, content, tables?, csv?}` → the difference
 *   the correction would make, one plain sentence per change (the same sentences the public history page
 *   shows) and how many rows the table will have. Absent `tables`/`csv` keeps the table and
 *   `tables: null` drops it, exactly as the correction route does; its refusals are the route's refusals.
 */
import { canSeeVillage } from "#core/access.ts";
import { type ChainRow, rowContent } from "#core/chain.ts";
import { t } from "#core/i18n/index.ts";
import { periodLabel } from "#core/period.ts";
import { correctionInput } from "#core/publish.ts";
import { villageByCode } from "#core/reference.ts";
import { idParams, villageQuery } from "../contract/params.ts";
import { body, createRouter, json, route } from "../contract/router.ts";
import { ApiError } from "../errors.ts";
import { scopedVillage } from "../staff/scope.ts";
import type { StaffEnv } from "../staff/session.ts";
import { versionChanges } from "./history.ts";
import { requirePublisher } from "./publish.ts";
import { periodVersions, publishedPeriods, versionById } from "./queries.ts";
import { publishBodyRules, unknownVillage, versionNotFound, versionRefusal } from "./schema.ts";
import { knownItem, versionTables } from "./version.ts";

/** Mounted under /api/staff (session and same-origin guards there). */
export const formRoutes = createRouter<StaffEnv>();

const notFound = () => new ApiError(404, "not_found", t("publish.error.notFound"));

const periodsRoute = route(
  {
    method: "get",
    path: "/disclosures/periods",
    summary: "本村公开过的每一期和它的最新版本",
    request: { query: villageQuery },
    responses: json<{ village: string; periods: Awaited<ReturnType<typeof publishedPeriods>> }>(
      "{village, periods: [{item, period, id}]}",
    ),
  },
  { refusals: { query: unknownVillage }, errors: { 403: "不是本辖区的村" } },
);

const periods = formRoutes.openapi(periodsRoute, async (c) => {
  const staff = c.get("staff");
  const village = scopedVillage(staff, c.req.valid("query").village, t("publish.error.villageScope"));
  c.header("Cache-Control", "no-store");
  return c.json({ village, periods: await publishedPeriods(c.env.DB, village) }, 200);
});

/** A version in full, with the names of its village, item and period, and whether it is the latest. */
const versionView = (version: ChainRow, item: { id: string; name: string }, latest: boolean) => ({
  id: version.id,
  village: version.village_code,
  villageName: villageByCode(version.village_code)?.name ?? version.village_code,
  item: item.id,
  itemName: item.name,
  period: version.period,
  periodLabel: periodLabel(version.period),
  title: version.title,
  content: version.content,
  tables: rowContent(version)?.tables ?? null,
  latest,
});

const versionRoute = route(
  {
    method: "get",
    path: "/disclosures/{id}",
    summary: "一个版本的全部内容（更正表单用）",
    request: { params: idParams },
    responses: json<ReturnType<typeof versionView>>("版本，连同村、事项、期次的名称和是否最新"),
  },
  { refusals: { param: versionNotFound } },
);

const version = formRoutes.openapi(versionRoute, async (c) => {
  const version = await versionById(c.env.DB, c.req.valid("param").id);
  if (!version || !canSeeVillage(c.get("staff"), version.village_code)) throw notFound();
  const item = knownItem(version.item_id);
  const versions = await periodVersions(c.env.DB, version.village_code, item.id, version.period);
  c.header("Cache-Control", "no-store");
  return c.json(versionView(version, item, versions.at(-1)?.id === version.id), 200);
});

const correctionPreviewRoute = route(
  {
    method: "post",
    path: "/disclosures/{id}/corrections/preview",
    summary: "更正前预览会改动什么（不保存）",
    request: { params: idParams, body: body(correctionInput.omit({ reason: true })) },
    responses: json<{ changes: string[]; rows: number }>("{changes, rows}"),
  },
  {
    refusals: { param: versionNotFound, json: versionRefusal },
    body: publishBodyRules,
    errors: { 403: "只有本村书记或区里能更正", 409: "只能更正最新的版本" },
  },
);

const correctionPreview = formRoutes.openapi(correctionPreviewRoute, async (c) => {
  const input = c.req.valid("json");
  const original = await versionById(c.env.DB, c.req.valid("param").id);
  if (!original) throw notFound();
  requirePublisher(c.get("staff"), original.village_code);
  const item = knownItem(original.item_id);
  const versions = await periodVersions(c.env.DB, original.village_code, item.id, original.period);
  if (versions.at(-1)?.id !== original.id) throw new ApiError(409, "conflict", t("publish.error.notLatest"));
  const keepsTable = input.tables === undefined && input.csv === undefined;
  const tables = keepsTable ? (rowContent(original)?.tables ?? null) : versionTables(item, original.period, input);
  const draft: ChainRow & { demo: number } = {
    ...original,
    title: input.title,
    content: input.content,
    tables: tables ? JSON.stringify(tables) : null,
  };
  const changes = versionChanges(original, draft);
  return c.json({ changes, rows: tables?.rows.length ?? 0 }, 200);
});

/** The typed routes of this sub-app, for the typed client (client.ts). */
export type FormApi = typeof periods | typeof version | typeof correctionPreview;
