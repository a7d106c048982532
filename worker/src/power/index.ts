/**
 * GET /v/<code>/power/ and /v/<code>/power/<id>/: the static 小微权力清单 pages (/power/…) as a village
 * sees them. Every 我要监督 link ([data-report-link]) is pointed at that village's misconduct form with the
 * topic and the power item prefilled, and the "choose your village first" hint becomes the village's
 * name, so a villager reports about their own village with JS off.
 */
import { Hono } from "hono";
import { villageByCode } from "../../../schema/reference.ts";
import { t } from "../../../site/src/i18n/index.ts";
import { html, setHtml } from "../html.ts";
import { notFoundPage, type PageContext, servePage } from "../pages/serve.ts";
import { powerPageParams } from "./schema.ts";

export const powerPages = new Hono<{ Bindings: Env }>();

/**
 * The misconduct form of a village about one power item.
 * @example reportHref("371603104201", "n14") // "/v/371603104201/report/?topic=conduct&power=n14"
 */
export const reportHref = (village: string, power: string) =>
  `/v/${village}/report/?topic=conduct&power=${encodeURIComponent(power)}`;

function villagePowerPage(c: PageContext, code: string, path: string): Promise<Response> {
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
  return servePage(c, path, rewriter, { headers: { "Cache-Control": "public, max-age=3600" } });
}

powerPages.get("/v/:code/power", powerPageParams, (c) => c.redirect(`/v/${c.req.valid("param").code}/power/`, 301));
powerPages.get("/v/:code/power/", powerPageParams, (c) => villagePowerPage(c, c.req.valid("param").code, "/power/"));
powerPages.get("/v/:code/power/:id", powerPageParams, (c) => {
  const { code, id } = c.req.valid("param");
  return c.redirect(`/v/${code}/power/${id}/`, 301);
});
powerPages.get("/v/:code/power/:id/", powerPageParams, (c) => {
  const { code, id } = c.req.valid("param");
  return villagePowerPage(c, code, `/power/${id}/`);
});
