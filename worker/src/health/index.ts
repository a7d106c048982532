/**
 * GET /api/health → `{ok:true}`: the cheapest route through the same worker, for uptime checks and as the
 * baseline the intake benchmark is measured against.
 */
import { createRouter, ok, route } from "../contract/router.ts";

export const healthRoutes = createRouter<{ Bindings: Env }>();

healthRoutes.openapi(
  route({ method: "get", path: "/api/health", summary: "健康检查", responses: ok("{ok: true}") }),
  (c) => {
    c.header("Cache-Control", "no-store");
    return c.json({ ok: true });
  },
);
