/**
 * 积分制, public side:
 * - GET /api/villages/{code}/points/chain: the village's points ledger recomputed, like its disclosures'.
 */
import { verifyLedger } from "#core/points.ts";
import { notFound, villageParams } from "../contract/params.ts";
import { createRouter, ok, route } from "../contract/router.ts";
import { ledgerRows } from "./queries.ts";

export const pointsPages = createRouter<{ Bindings: Env }>();

const chainRoute = route(
  {
    method: "get",
    path: "/api/villages/{code}/points/chain",
    summary: "重算一个村积分账的哈希链",
    request: { params: villageParams },
    responses: ok("{village, valid, length, head, brokenAt?}"),
  },
  { refusals: { param: notFound("disclosures.error.villageUnknown") } },
);

pointsPages.openapi(chainRoute, async (c) => {
  const { code } = c.req.valid("param");
  const result = await verifyLedger(await ledgerRows(c.env.DB, code));
  c.header("Cache-Control", "no-store");
  return c.json({ village: code, ...result });
});
