/**
 * GET /z/<code>/: the static town page with each village's disclosure status filled from D1 (one query
 * for the whole town): "3 项逾期未公开" or "按时公开", so the town's laggards show with JS off.
 */
import { Hono } from "hono";
import { validator } from "hono/validator";
import { z } from "zod";
import { chinaDate } from "../../../schema/period.ts";
import { townByCode } from "../../../schema/reference.ts";
import { t } from "../../../site/src/i18n/index.ts";
import { nowOf } from "../config/context.ts";
import { overdueCounts, overdueInArea } from "../disclosures/overdue.ts";
import { notFoundPage } from "./not-found.ts";

export const townPages = new Hono<{ Bindings: Env }>();

const townParam = validator("param", (value, c) => {
  const parsed = z.object({ code: z.string().refine((code) => townByCode(code) !== undefined) }).safeParse(value);
  if (!parsed.success) return notFoundPage(c.env, c.req.url);
  return parsed.data;
});

townPages.get("/z/:code{[0-9]{9}}", (c) => c.redirect(`/z/${c.req.param("code")}/`, 301));

townPages.get("/z/:code/", townParam, async (c) => {
  const { code } = c.req.valid("param");
  const [asset, { villages, overdue }] = await Promise.all([
    c.env.ASSETS.fetch(new URL(`/z/${code}/`, c.req.url)),
    overdueInArea(c.env.DB, code, chinaDate(nowOf(c))),
  ]);
  if (!asset.ok) return notFoundPage(c.env, c.req.url);
  const counts = overdueCounts(villages, overdue);
  const page = new HTMLRewriter()
    .on("[data-village-status]", {
      element(el) {
        const count = counts.get(el.getAttribute("data-village-status") ?? "");
        if (count === undefined) return;
        el.setInnerContent(
          count > 0 ? `<b class="late">${t("disclosures.townOverdue", { count })}</b>` : t("disclosures.townOnTime"),
          { html: true },
        );
      },
    })
    .transform(asset);
  const headers = new Headers(page.headers);
  headers.set("Cache-Control", "public, max-age=30");
  headers.delete("ETag");
  return new Response(page.body, { status: 200, headers });
});
