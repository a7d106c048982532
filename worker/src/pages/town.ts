/**
 * GET /z/<code>/: the static town page with each village's disclosure status filled from D1 (one query
 * for the whole town): "3 项逾期未公开" or "按时公开", so the town's laggards show with JS off.
 */

import { t } from "#core/i18n/index.ts";
import { quarterOf } from "#core/meeting.ts";
import { chinaDate } from "#core/period.ts";
import { periodBounds } from "#core/publish-periods.ts";
import { nowOf } from "../config/context.ts";
import { townParams } from "../contract/params.ts";
import { PAGE_NOT_FOUND, STATIC_SITE } from "../contract/refusal.ts";
import { createRouter, route } from "../contract/router.ts";
import { overdueCounts, overdueInArea } from "../disclosures/overdue.ts";
import { html, setHtml } from "../html.ts";
import { pointsFiguresLine } from "../points/board.ts";
import { pointsFigures } from "../points/queries.ts";
import { serveLivePage } from "./serve.ts";

export const townPages = createRouter<{ Bindings: Env }>();

const redirectRoute = route(
  {
    method: "get",
    path: "/z/{code}",
    summary: "转到镇街的页面",
    request: { params: townParams },
    responses: { 301: { description: "加上结尾的 /" } },
  },
  { refusals: { param: STATIC_SITE } },
);

townPages.openapi(redirectRoute, (c) => c.redirect(`/z/${c.req.valid("param").code}/`, 301));

const pageRoute = route(
  {
    method: "get",
    path: "/z/{code}/",
    summary: "镇街的页面，各村是否按时公开（HTML）",
    request: { params: townParams },
    responses: { 200: { description: "镇街页" }, 404: { description: "没有这个镇街（HTML）" } },
  },
  { refusals: { param: PAGE_NOT_FOUND } },
);

townPages.openapi(pageRoute, (c) => {
  const { code } = c.req.valid("param");
  return serveLivePage(c, {
    asset: `/z/${code}/`,
    data: { town: code },
    fill: () => townRewriter(c.env.DB, code, chinaDate(nowOf(c))),
    cacheControl: "public, no-cache",
  });
});

/** Each village's disclosure status and the quarter's points figures in the town, as the rewriter that fills the page. */
async function townRewriter(db: D1Database, code: string, today: string) {
  const quarter = quarterOf(today);
  const { start, end } = periodBounds(quarter);
  const [{ villages, overdue }, points] = await Promise.all([
    overdueInArea(db, code, today),
    pointsFigures(db, code, start, end),
  ]);
  const counts = overdueCounts(villages, overdue);
  const rewriter = new HTMLRewriter()
    .on("[data-village-status]", {
      element(el) {
        const count = counts.get(el.getAttribute("data-village-status") ?? "");
        if (count === undefined) return;
        if (count > 0) setHtml(el, html`<b class="late">${t("disclosures.townOverdue", { count })}</b>`);
        else el.setInnerContent(t("disclosures.townOnTime"));
      },
    })
    .on("[data-points-figures]", {
      element(el) {
        if (points.villages === 0 && points.shops === 0) return void el.remove();
        el.removeAttribute("hidden");
        el.setInnerContent(pointsFiguresLine(points, quarter));
      },
    });
  return { rewriter };
}
