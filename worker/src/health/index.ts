/**
 * GET /api/health → `{ok:true}`: the cheapest route through the same worker, for uptime checks and as the
 * baseline the intake benchmark is measured against.
 */
import { Hono } from "hono";

export const healthRoutes = new Hono<{ Bindings: Env }>();

healthRoutes.get("/api/health", (c) => {
  c.header("Cache-Control", "no-store");
  return c.json({ ok: true });
});
