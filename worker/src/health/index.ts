/**
 * GET /api/health → `{ok:true}`: the cheapest route through the same worker, for uptime checks and as the
 * baseline the intake benchmark is measured against.
 */
import { createRouter, json, route } from "../contract/router.ts";

export const healthRoutes = createRouter<{ Bindings: Env }>();

const health = healthRoutes.openapi(
  route({ method: "get", path: "/api/health", summary: "健康检查", responses: json<{ ok: true }>("{ok: true}") }),
  (c) => {
    c.header("Cache-Control", "no-store");
    return c.json({ ok: true as const }, 200);
  },
);

/** The typed routes of this sub-app, for the typed client (client.ts). */
export type HealthApi = typeof health;
