/**
 * GET /v/<code>/power/ and /v/<code>/power/<id>/: the static 小微权力清单 pages (/power/…) as a village
 * sees them. Every 我要监督 link ([data-report-link]) is pointed at that village's misconduct form with the
 * topic and the power item prefilled, and the "choose your village first" hint becomes the village's
 * name, so a villager reports about their own village with JS off.
 */

import type { Context } from "hono";
import { t } from "#core/i18n/index.ts";
import { villageByCode } from "#core/reference.ts";
import { villageParams } from "../contract/params.ts";
import { PAGE_NOT_FOUND } from "../contract/refusal.ts";
import { createRouter, route } from "../contract/router.ts";
import { html, setHtml } from "../html.ts";
import { notFoundPage, serveLivePage } from "../pages/serve.ts";
import { powerItemParams } from "./schema.ts";

export const powerPages = createRouter<{ Bindings: Env }>();

/**
 * The misconduct form of a village about one power item.
 * @example reportHref("371603104201", "n14") // "/v/371603104201/report/?topic=conduct&power=n14"
 */
export const reportHref = (village: string, power: string) =>
  `/v/${village}/report/?topic=conduct&power=${encodeURIComponent(power)}`;

function villagePowerPage(c: Context, code: string, path: string): Promise<Response> {
  const village = villageByCode(code);
  if (!village) return notFoundPage(c.env, c.req.url);
  const rewriter = new HTMLRewriter()
    .on("[data-report-link]", {
      element(el) {
        el.setAttribute("href", reportHref(code, el.getAttribute("data-power") ?? ""));
      },
    })
    .on("[data-report-hint]", {
      element(el) {
        setHtml(
          el,
          html`${t("power.villageContext", { village: village.name })} <a href="/v/${code}/">${t("power.backToVillage", { village: village.name })}</a>`,
        );
      },
    });
  // reference data only: filled once per build of the site
  return serveLivePage(c, {
    asset: path,
    data: "reference",
    fill: async () => ({ rewriter }),
    cacheControl: "public, max-age=3600",
  });
}

/** A power page or its redirect; an unknown village or item is the friendly 404 page. */
const page = <P extends typeof villageParams | typeof powerItemParams>(path: string, params: P, summary: string) =>
  route(
    {
      method: "get",
      path,
      summary,
      request: { params },
      responses: {
        200: { description: "页面（HTML）" },
        301: { description: "加上结尾的 /" },
        404: { description: "没有找到（HTML）" },
      },
    },
    { refusals: { param: PAGE_NOT_FOUND } },
  );

powerPages.openapi(page("/v/{code}/power", villageParams, "转到本村的小微权力清单"), (c) =>
  c.redirect(`/v/${c.req.valid("param").code}/power/`, 301),
);
powerPages.openapi(page("/v/{code}/power/", villageParams, "本村看到的小微权力清单（HTML）"), (c) =>
  villagePowerPage(c, c.req.valid("param").code, "/power/"),
);
powerPages.openapi(page("/v/{code}/power/{id}", powerItemParams, "转到一项权力的页面"), (c) => {
  const { code, id } = c.req.valid("param");
  return c.redirect(`/v/${code}/power/${id}/`, 301);
});
powerPages.openapi(page("/v/{code}/power/{id}/", powerItemParams, "一项权力：流程和我要监督（HTML）"), (c) => {
  const { code, id } = c.req.valid("param");
  return villagePowerPage(c, code, `/power/${id}/`);
});
