/**
 * Disclosure routes: the catalogue a secretary publishes against, the recomputed hash chain of a
 * village's published versions, each period's public history page (/v/<code>/d/<id>/), the district
 * figures. Publishing, corrections and the overdue list (publish.ts, form.ts, inspect.ts) are staff routes,
 * mounted under /api/staff.
 */
import { verifyChain } from "#core/chain.ts";
import { chinaDate, periodKind } from "#core/period.ts";
import { cadenceById, catalogueItems, categories, villageByCode } from "#core/reference.ts";
import { nowOf } from "../config/context.ts";
import { notFound, villageIdParams, villageParams } from "../contract/params.ts";
import { PAGE_NOT_FOUND } from "../contract/refusal.ts";
import { createRouter, json, route } from "../contract/router.ts";
import { serveLivePage, shellRewriter } from "../pages/serve.ts";
import { disclosureFigures } from "./figures.ts";
import { historyPage } from "./history.ts";
import { chainRows, figureRows, periodVersions, versionById } from "./queries.ts";

export const disclosureRoutes = createRouter<{ Bindings: Env }>();

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

const catalogueList = disclosureRoutes.openapi(
  route({
    method: "get",
    path: "/api/catalogue",
    summary: "公开目录：每一项、它的类别和公开周期",
    responses: json<{ items: typeof catalogue }>("{items}"),
  }),
  (c) => {
    c.header("Cache-Control", "public, max-age=3600");
    return c.json({ items: catalogue }, 200);
  },
);

const chainRoute = route(
  {
    method: "get",
    path: "/api/villages/{code}/chain",
    summary: "重算一个村公开记录的哈希链",
    request: { params: villageParams },
    responses: json<{ village: string } & Awaited<ReturnType<typeof verifyChain>>>("{village, ok, length, head, …}"),
  },
  { refusals: { param: notFound("disclosures.error.villageUnknown") } },
);

const chain = disclosureRoutes.openapi(chainRoute, async (c) => {
  const { code } = c.req.valid("param");
  const result = await verifyChain(await chainRows(c.env.DB, code));
  c.header("Cache-Control", "no-store");
  return c.json({ village: code, ...result }, 200);
});

const pageResponses = { 301: { description: "加上结尾的 /" }, 404: { description: "没有找到（HTML）" } };

disclosureRoutes.openapi(
  route(
    {
      method: "get",
      path: "/v/{code}/d/{id}",
      summary: "转到这一期的历史页",
      request: { params: villageIdParams },
      responses: pageResponses,
    },
    { refusals: { param: PAGE_NOT_FOUND } },
  ),
  (c) => {
    const { code, id } = c.req.valid("param");
    return c.redirect(`/v/${code}/d/${id}/`, 301);
  },
);

const historyRoute = route(
  {
    method: "get",
    path: "/v/{code}/d/{id}/",
    summary: "一期公开的所有版本和每次更正的差别（HTML）",
    request: { params: villageIdParams },
    responses: { 200: { description: "历史页" }, 404: pageResponses[404] },
  },
  { refusals: { param: PAGE_NOT_FOUND } },
);

disclosureRoutes.openapi(historyRoute, (c) => {
  const { code, id } = c.req.valid("param");
  return serveLivePage(c, {
    asset: "/shell/disclosure/",
    data: { village: code },
    fill: async () => {
      const village = villageByCode(code);
      const version = await versionById(c.env.DB, id);
      if (!village || !version || version.village_code !== code) return null;
      const versions = await periodVersions(c.env.DB, code, version.item_id, version.period);
      const { title, html } = historyPage(village, versions, id, chinaDate(nowOf(c)));
      return { rewriter: shellRewriter(`${title} · ${village.name}`, html) };
    },
    cacheControl: "public, no-cache",
  });
});

const figures = disclosureRoutes.openapi(
  route({
    method: "get",
    path: "/api/figures/disclosures",
    summary: "全区公开的数字（按时公开的村、项）",
    responses: json<ReturnType<typeof disclosureFigures>>("数字和分母"),
  }),
  async (c) => {
    c.header("Cache-Control", "public, max-age=300");
    return c.json(disclosureFigures(await figureRows(c.env.DB)), 200);
  },
);

/** The typed routes of this sub-app, for the typed client (client.ts). */
export type DisclosureApi = typeof catalogueList | typeof chain | typeof figures;
