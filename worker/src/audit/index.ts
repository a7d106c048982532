/**
 * The audit log for the district admin: read it page by page, and recompute its hash chain.
 */
import { Hono } from "hono";
import { requireRole, requireStaff, type StaffEnv } from "../staff/session.ts";
import { auditPage, verifyAudit } from "./queries.ts";
import { auditPageQuery } from "./schema.ts";

export const auditRoutes = new Hono<StaffEnv>();

auditRoutes.use("/api/staff/audit", requireStaff(), requireRole("district_admin"));
auditRoutes.use("/api/staff/audit/*", requireStaff(), requireRole("district_admin"));

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
