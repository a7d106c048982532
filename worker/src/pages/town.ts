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
import { html, setHtml } from "../html.ts";
import { notFoundPage, servePage } from "./serve.ts";

export const townPages = new Hono<{ Bindings: Env }>();

const townParam = validator("param", (value, c) => {
  const parsed = z.object({ code: z.string().refine((code) => townByCode(code) !== undefined) }).safeParse(value);
  if (!parsed.success) return notFoundPage(c.env, c.req.url);
  return parsed.data;
});

townPages.get("/z/:code{[0-9]{9}}", (c) => c.redirect(`/z/${c.req.param("code")}/`, 301));

townPages.get("/z/:code/", townParam, async (c) => {
  const { code } = c.req.valid("param");
  const { villages, overdue } = await overdueInArea(c.env.DB, code, chinaDate(nowOf(c)));
  const counts = overdueCounts(villages, overdue);
  const rewriter = new HTMLRewriter().on("[data-village-status]", {
    element(el) {
      const count = counts.get(el.getAttribute("data-village-status") ?? "");
      if (count === undefined) return;
      if (count > 0) setHtml(el, html`<b class="late">${t("disclosures.townOverdue", { count })}</b>`);
      else el.setInnerContent(t("disclosures.townOnTime"));
    },
  });
  return servePage(c, `/z/${code}/`, rewriter, { headers: { "Cache-Control": "public, max-age=30" } });
});
