/**
 * The audit log for the district admin: read it page by page, and recompute its hash chain.
 */
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { requirePermission } from "../staff/scope.ts";
import { requireStaff, type StaffEnv } from "../staff/session.ts";
import { auditPage, sealAudit, verifyAudit } from "./queries.ts";
import { auditPageQuery } from "./schema.ts";

export const auditRoutes = new Hono<StaffEnv>();

/**
 * Seals the audit entries a staff write appended with `recordAudit` (meetings, publishing), once its
 * response is ready, so the chain is current when the client hears back. Reads need not: the routes
 * that log a read use `runAudited`, which seals.
 * @example staffRoutes.use("/api/staff/*", requireStaff(), sealAfterWrites());
 */
export const sealAfterWrites = () =>
  createMiddleware<StaffEnv>(async (c, next) => {
    await next();
    if (c.req.method !== "GET" && c.req.method !== "HEAD") await sealAudit(c.env.DB);
  });

auditRoutes.use("/api/staff/audit", requireStaff(), requirePermission("readAudit"));
auditRoutes.use("/api/staff/audit/*", requireStaff(), requirePermission("readAudit"));

auditRoutes.get("/api/staff/audit", auditPageQuery, async (c) => {
  const { before, limit } = c.req.valid("query");
  const { rows, total } = await auditPage(c.env.DB, { before: before ?? null, limit });
  c.header("Cache-Control", "no-store");
  return c.json({
    total,
    entries: rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      actorId: r.actor_id,
      actor: r.actor,
      action: r.action,
      target: r.target,
      detail: r.detail ? (JSON.parse(r.detail) as unknown) : null,
      hash: r.hash,
    })),
    nextBefore: rows.length === limit ? (rows.at(-1)?.seq ?? null) : null,
  });
});

auditRoutes.get("/api/staff/audit/verify", async (c) => {
  c.header("Cache-Control", "no-store");
  return c.json(await verifyAudit(c.env.DB));
});
