/**
 * The village's QR code: `/v/<code>/qr.svg` for a secretary to reprint, and the upper-case
 * `/V/<code>` that the printed codes encode (QR alphanumeric mode), sent on to the village page.
 */
import { villageCode, villageSvg } from "#core/qr.ts";
import { villageParams } from "../contract/params.ts";
import { PAGE_NOT_FOUND } from "../contract/refusal.ts";
import { createRouter, route } from "../contract/router.ts";

export const qrRoutes = createRouter<{ Bindings: Env }>();

const notFound = { 404: { description: "没有这个村（HTML）" } };

const svgRoute = route(
  {
    method: "get",
    path: "/v/{code}/qr.svg",
    summary: "村的二维码（SVG），供重新打印",
    request: { params: villageParams },
    responses: { 200: { description: "SVG" }, ...notFound },
  },
  { refusals: { param: PAGE_NOT_FOUND } },
);

/** `/V/<code>` and `/V/<code>/`: what the printed codes encode. */
const scannedRoute = (path: string) =>
  route(
    {
      method: "get",
      path,
      summary: "扫码进来的地址（大写，二维码的字母数字模式），转到村的页面",
      request: { params: villageParams },
      responses: { 301: { description: "转到 /v/<code>/" }, ...notFound },
    },
    { refusals: { param: PAGE_NOT_FOUND } },
  );

qrRoutes.openapi(svgRoute, (c) => {
  const { code } = c.req.valid("param");
  const svg = villageSvg(villageCode(c.env.PUBLIC_BASE_URL, code));
  return c.body(svg, 200, {
    "Content-Type": "image/svg+xml; charset=utf-8",
    "Content-Disposition": `inline; filename="${code}.svg"`,
    "Cache-Control": "public, max-age=86400",
  });
});

for (const path of ["/V/{code}", "/V/{code}/"]) {
  qrRoutes.openapi(scannedRoute(path), (c) => c.redirect(`/v/${c.req.valid("param").code}/`, 301));
}
