/**
 * The village's QR code: `/v/<code>/qr.svg` for a secretary to reprint, and the upper-case
 * `/V/<code>` that the printed codes encode (QR alphanumeric mode), sent on to the village page.
 */
import { Hono } from "hono";
import { villageCode, villageSvg } from "../../../schema/qr.ts";
import { villageParam } from "./schema.ts";

export const qrRoutes = new Hono<{ Bindings: Env }>();

qrRoutes.get("/v/:code/qr.svg", villageParam, (c) => {
  const { code } = c.req.valid("param");
  const svg = villageSvg(villageCode(c.env.PUBLIC_BASE_URL, code));
  return c.body(svg, 200, {
    "Content-Type": "image/svg+xml; charset=utf-8",
    "Content-Disposition": `inline; filename="${code}.svg"`,
    "Cache-Control": "public, max-age=86400",
  });
});

qrRoutes.on("GET", ["/V/:code", "/V/:code/"], villageParam, (c) => c.redirect(`/v/${c.req.valid("param").code}/`, 301));
