/**
 * The audit log for the district admin: read it page by page, and recompute its hash chain.
 */
import { createMiddleware } from "hono/factory";
import { createRouter, json, route } from "../contract/router.ts";
import { requirePermission } from "../staff/scope.ts";
import type { StaffEnv } from "../staff/session.ts";
import type { AuditRow } from "./chain.ts";
import { auditPage, sealAudit, verifyAudit } from "./queries.ts";
import { auditPageQuery, auditPageRefusal } from "./schema.ts";

/** Mounted under /api/staff (session and same-origin guards there); for the district admin only. */
export const auditRoutes = createRouter<StaffEnv>();

/**
 * Seals the audit entries a staff write appended with `recordAudit` (meetings, publishing), once its
 * response is ready, so the chain is current when the client hears back. Reads need not: the routes
 * that log a read use `runAudited`, which seals.
 * @example staff.use(requireStaff(), sealAfterWrites());
 */
export const sealAfterWrites = () =>
  createMiddleware<StaffEnv>(async (c, next) => {
    await next();
    if (c.req.method !== "GET" && c.req.method !== "HEAD") await sealAudit(c.env.DB);
  });

auditRoutes.use("/audit", requirePermission("readAudit"));
auditRoutes.use("/audit/*", requirePermission("readAudit"));

/** One audit row as the log page shows it, its detail parsed. */
const auditEntry = (r: AuditRow) => ({
  seq: r.seq,
  at: r.at,
  actorId: r.actor_id,
  actor: r.actor,
  action: r.action,
  target: r.target,
  detail: r.detail ? (JSON.parse(r.detail) as unknown) : null,
  hash: r.hash,
});

const pageRoute = route(
  {
    method: "get",
    path: "/audit",
    summary: "审计日志，一页一页往前翻（区里管理员）",
    request: { query: auditPageQuery },
    responses: json<{ total: number; entries: ReturnType<typeof auditEntry>[]; nextBefore: number | null }>(
      "{total, entries, nextBefore}",
    ),
  },
  { refusals: { query: auditPageRefusal }, errors: { 403: "只有区里管理员能看" } },
);

const page = auditRoutes.openapi(pageRoute, async (c) => {
  const { before, limit } = c.req.valid("query");
  const { rows, total } = await auditPage(c.env.DB, { before: before ?? null, limit });
  c.header("Cache-Control", "no-store");
  const nextBefore = rows.length === limit ? (rows.at(-1)?.seq ?? null) : null;
  return c.json({ total, entries: rows.map(auditEntry), nextBefore }, 200);
});

const verifyRoute = route(
  {
    method: "get",
    path: "/audit/verify",
    summary: "重算审计日志的哈希链",
    responses: json<Awaited<ReturnType<typeof verifyAudit>>>("{ok, length, …}"),
  },
  { errors: { 403: "只有区里管理员能看" } },
);

const verify = auditRoutes.openapi(verifyRoute, async (c) => {
  c.header("Cache-Control", "no-store");
  return c.json(await verifyAudit(c.env.DB), 200);
});

/** The typed routes of this sub-app, for the typed client (client.ts). */
export type AuditApi = typeof page | typeof verify;
