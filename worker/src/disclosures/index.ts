/**
 * Disclosure routes: the catalogue a secretary publishes against, the recomputed hash chain of a
 * village's published versions, each period's public history page (/v/<code>/d/<id>/), the district
 * figures, and (from publish.ts and inspect.ts) publishing, corrections and the overdue list.
 */
import { Hono } from "hono";
import { verifyChain } from "../../../schema/chain.ts";
import { chinaDate, periodKind } from "../../../schema/period.ts";
import { cadenceById, catalogueItems, categories, villageByCode } from "../../../schema/reference.ts";
import { nowOf } from "../config/context.ts";
import { notFoundPage, servePage, shellRewriter } from "../pages/serve.ts";
import type { StaffEnv } from "../staff/session.ts";
import { disclosureFigures } from "./figures.ts";
import { formRoutes } from "./form.ts";
import { historyPage } from "./history.ts";
import { inspectRoutes } from "./inspect.ts";
import { publishRoutes } from "./publish.ts";
import { chainRows, figureRows, periodVersions, versionById } from "./queries.ts";
import { disclosureIdParam, villageCodeParam } from "./schema.ts";

export const disclosureRoutes = new Hono<StaffEnv>();

const catalogue = catalogueItems.map((item) => {
  const cadence = cadenceById(item.cadence);
  return {
    id: item.id,
    name: item.name,
    category: item.category,
    categoryName: categories.find((c) => c.id === item.category)?.name ?? item.category,
    cadence: item.cadence,
    cadenceName: cadence.name,
    deadline: cadence.deadline,
    periodKind: periodKind(item.cadence),
    table: item.table,
  };
});

disclosureRoutes.get("/api/catalogue", (c) => {
  c.header("Cache-Control", "public, max-age=3600");
  return c.json({ items: catalogue });
});

disclosureRoutes.get("/api/villages/:code/chain", villageCodeParam, async (c) => {
  const { code } = c.req.valid("param");
  const result = await verifyChain(await chainRows(c.env.DB, code));
  c.header("Cache-Control", "no-store");
  return c.json({ village: code, ...result });
});

disclosureRoutes.get("/v/:code/d/:id", disclosureIdParam, (c) => {
  const { code, id } = c.req.valid("param");
  return c.redirect(`/v/${code}/d/${id}/`, 301);
});

disclosureRoutes.get("/v/:code/d/:id/", disclosureIdParam, async (c) => {
  const { code, id } = c.req.valid("param");
  const village = villageByCode(code);
  const version = await versionById(c.env.DB, id);
  if (!village || !version || version.village_code !== code) return notFoundPage(c.env, c.req.url);
  const versions = await periodVersions(c.env.DB, code, version.item_id, version.period);
  const { title, html } = historyPage(village, versions, id, chinaDate(nowOf(c)));
  return servePage(c, "/shell/disclosure/", shellRewriter(`${title} · ${village.name}`, html), {
    headers: { "Cache-Control": "public, max-age=60" },
  });
});

disclosureRoutes.get("/api/figures/disclosures", async (c) => {
  c.header("Cache-Control", "public, max-age=300");
  return c.json(disclosureFigures(await figureRows(c.env.DB)));
});

disclosureRoutes.route("/", publishRoutes);
disclosureRoutes.route("/", inspectRoutes);
disclosureRoutes.route("/", formRoutes);
