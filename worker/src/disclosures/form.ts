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

import { Hono } from "hono";
import { canSeeVillage } from "../../../schema/access.ts";
import { type ChainRow, rowContent } from "../../../schema/chain.ts";
import { periodLabel } from "../../../schema/period.ts";
import { villageByCode } from "../../../schema/reference.ts";
import { t } from "../../../site/src/i18n/index.ts";
import { ApiError } from "../errors.ts";
import { requireStaff, type StaffEnv } from "../staff/session.ts";
import { versionChanges } from "./history.ts";
import { requirePublisher } from "./publish.ts";
import { periodVersions, publishedPeriods, versionById } from "./queries.ts";
import { correctionPreviewBody, disclosureIdParam, villageQuery } from "./schema.ts";
import { knownItem, versionTables } from "./version.ts";

export const formRoutes = new Hono<StaffEnv>();

const notFound = () => new ApiError(404, "not_found", t("publish.error.notFound"));

formRoutes.get("/api/staff/disclosures/periods", requireStaff(), villageQuery, async (c) => {
  const staff = c.get("staff");
  const village = c.req.valid("query").village ?? staff.scope;
  if (!canSeeVillage(staff, village)) throw new ApiError(403, "forbidden", t("publish.error.villageScope"));
  c.header("Cache-Control", "no-store");
  return c.json({ village, periods: await publishedPeriods(c.env.DB, village) });
});

formRoutes.get("/api/staff/disclosures/:id{[0-9]+}", requireStaff(), disclosureIdParam, async (c) => {
  const version = await versionById(c.env.DB, c.req.valid("param").id);
  if (!version || !canSeeVillage(c.get("staff"), version.village_code)) throw notFound();
  const item = knownItem(version.item_id);
  const versions = await periodVersions(c.env.DB, version.village_code, item.id, version.period);
  c.header("Cache-Control", "no-store");
  return c.json({
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
    latest: versions.at(-1)?.id === version.id,
  });
});

formRoutes.post(
  "/api/staff/disclosures/:id{[0-9]+}/corrections/preview",
  requireStaff(),
  disclosureIdParam,
  correctionPreviewBody,
  async (c) => {
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
    return c.json({ changes, rows: tables?.rows.length ?? 0 });
  },
);
