/**
 * GET /v/<code>/: the static village page from the assets binding, with its live parts filled from D1
 * by HTMLRewriter, so villagers get complete HTML with no client JS.
 */
import type { Context, MiddlewareHandler } from "hono";
import { villageCode } from "#core/ids.ts";
import { quarterOf } from "#core/meeting.ts";
import { chinaDate, isOverdue } from "#core/period.ts";
import { periodBounds } from "#core/publish-periods.ts";
import { type CatalogueItem, catalogueItemById, catalogueItems } from "#core/reference.ts";
import { villageFingerprint } from "../checkpoints/fingerprint.ts";
import { nowOf } from "../config/context.ts";
import { villageParams } from "../contract/params.ts";
import { PAGE_NOT_FOUND, STATIC_SITE } from "../contract/refusal.ts";
import { createRouter, route } from "../contract/router.ts";
import { ledgerChart } from "../disclosures/chart.ts";
import { chainHeadRead, latestDisclosures, ledgerTotalsByPeriod } from "../disclosures/queries.ts";
import { itemFragment, quietItemsLine } from "../disclosures/render.ts";
import { villageTalks } from "../grid/queries.ts";
import { talksFragment } from "../grid/render.ts";
import { html, setHtml } from "../html.ts";
import { meetingLink } from "../meetings/page.ts";
import { latestMeeting } from "../meetings/queries.ts";
import { boardLink, POINTS_ITEM } from "../points/board.ts";
import { pointsBoard } from "../points/queries.ts";
import { readAll } from "../reads.ts";
import { villageCaseRowsRead } from "../reports/queries.ts";
import { casesFragment } from "../reports/render.ts";
import { type LivePage, serveLivePage } from "./serve.ts";

export const villagePages = createRouter<{ Bindings: Env }>();

const redirectRoute = route(
  {
    method: "get",
    path: "/v/{code}",
    summary: "转到村的页面",
    request: { params: villageParams },
    responses: { 301: { description: "加上结尾的 /" } },
  },
  { refusals: { param: STATIC_SITE } },
);

villagePages.openapi(redirectRoute, (c) => c.redirect(`/v/${c.req.valid("param").code}/`, 301));

const pageRoute = route(
  {
    method: "get",
    path: "/v/{code}/",
    summary: "村的公开页：三务公开、案件数字、报告会（HTML）",
    request: { params: villageParams },
    responses: { 200: { description: "村页" }, 404: { description: "没有这个村（HTML）" } },
  },
  { refusals: { param: PAGE_NOT_FOUND } },
);

/** The page of the village `code`: its static page, what it depends on, how it is filled. */
const villagePage = (c: Context<{ Bindings: Env }>, code: string): LivePage => ({
  asset: `/v/${code}/`,
  data: { village: code },
  fill: () => villageRewriter(c.env.DB, code, chinaDate(nowOf(c))),
  // revalidated on every view (a 304 while nothing changed), so a write shows on the next one
  cacheControl: "public, no-cache",
});

villagePages.openapi(pageRoute, (c) => serveLivePage(c, villagePage(c, c.req.valid("param").code)));

/**
 * The village page ahead of the app's routing, for the page a whole meeting scans at once: a known
 * village's code (checked with the route's own schema) goes straight to {@link serveLivePage}, without the
 * route's validation machinery; anything else goes on to the route, which refuses it as before.
 * @example app.get("/v/:code/", villagePageFirst);
 */
export const villagePageFirst: MiddlewareHandler<{ Bindings: Env }> = (c, next) => {
  const code = c.req.param("code");
  return code !== undefined && villageCode.safeParse(code).success ? serveLivePage(c, villagePage(c, code)) : next();
};

/** Everything the village page shows, read in one batch, as the rewriter that fills it. */
async function villageRewriter(db: D1Database, code: string, today: string) {
  const quarter = quarterOf(today);
  const { start, end } = periodBounds(quarter);
  const [latest, cases, totals, meeting, head, talks, board] = await readAll(db, [
    latestDisclosures(db, code),
    villageCaseRowsRead(db, code),
    ledgerTotalsByPeriod(db, code, 6),
    latestMeeting(db, code),
    chainHeadRead(db, code),
    villageTalks(db, code, 3),
    pointsBoard(db, code, start, end),
  ]);
  const byItem = new Map(latest.map((d) => [d.item, d]));
  // the points board stands for the catalogue's 积分评定结果 when the village keeps points and published none
  const onBoard = (id: string) => id === POINTS_ITEM && board.length > 0 && !byItem.has(id);
  // items with nothing published and nothing yet due share one short line per category
  const quiet = catalogueItems.filter((i) => !byItem.has(i.id) && !isOverdue(i.cadence, null, today) && !onBoard(i.id));
  const quietIds = new Set(quiet.map((i) => i.id));
  const rewriter = new HTMLRewriter()
    .on('li[id^="i-"]', {
      element(el) {
        if (quietIds.has((el.getAttribute("id") ?? "").slice(2))) el.remove();
      },
    })
    .on("[data-quiet]", {
      element(el) {
        const category = el.getAttribute("data-quiet");
        const items: CatalogueItem[] = quiet.filter((i) => i.category === category);
        if (items.length === 0) return void el.remove();
        el.removeAttribute("hidden");
        setHtml(el, quietItemsLine(items));
      },
    })
    .on("[data-item]", {
      element(el) {
        const item = catalogueItemById(el.getAttribute("data-item") ?? "");
        if (!item) return;
        if (onBoard(item.id)) return void setHtml(el, html`<p>${boardLink(code, quarter, board)}</p>`);
        const chart = ledgerChart(totals.filter((p) => p.item === item.id));
        setHtml(el, itemFragment(item, byItem.get(item.id), today, code, chart));
      },
    })
    .on("[data-meeting]", {
      element(el) {
        if (!meeting) return void el.remove();
        el.removeAttribute("hidden");
        setHtml(el, meetingLink(code, meeting));
      },
    })
    .on("[data-points]", {
      element(el) {
        if (board.length === 0) return void el.remove();
        el.removeAttribute("hidden");
        setHtml(el, boardLink(code, quarter, board));
      },
    })
    .on("[data-fingerprint]", {
      element(el) {
        if (!head) return void el.remove();
        el.removeAttribute("hidden");
        setHtml(el, villageFingerprint(head.hash));
      },
    })
    .on("[data-talks]", {
      element(el) {
        if (talks.length === 0) return void el.remove();
        el.removeAttribute("hidden");
      },
    })
    .on("[data-talk-list]", {
      element(el) {
        setHtml(el, talksFragment(talks));
      },
    })
    .on("[data-cases]", {
      element(el) {
        el.setInnerContent(casesFragment(cases));
      },
    });
  return { rewriter };
}
