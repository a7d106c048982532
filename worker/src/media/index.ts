/**
 * Serving attachments, only through the worker and only to those who may read the report: the villager
 * holding the receipt (never for a misconduct report, as for its text), and staff who may see the case
 * (a misconduct report's: the town's discipline inspectors and the district; anyone else gets the same
 * 404 as for a case that does not exist). Every read of a misconduct attachment is audited, like a read of
 * the report itself. Answers are never cached, never sniffed, and name their file.
 */

import { t } from "#core/i18n/index.ts";
import { extensionOf } from "#core/media.ts";
import { runAudited } from "../audit/queries.ts";
import { loadCase } from "../cases/access.ts";
import { nowOf } from "../config/context.ts";
import { badReceipt, idParams, receiptParams } from "../contract/params.ts";
import { createRouter, route } from "../contract/router.ts";
import { ApiError } from "../errors.ts";
import { lookupHash } from "../reports/queries.ts";
import { receiptGuard } from "../reports/rate-limit.ts";
import type { StaffEnv } from "../staff/session.ts";
import { attachmentByName, reportOfReceipt } from "./queries.ts";
import { attachmentName, attachmentNotFound, nameParts } from "./schema.ts";

const notFound = () => new ApiError(404, "not_found", t("media.error.notFound"));

/** The byte range a `Range: bytes=a-b` header asks for, or null for the whole file (or a range it cannot serve). */
function rangeOf(header: string | undefined, size: number): { start: number; end: number } | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? "");
  if (!match || (match[1] === "" && match[2] === "")) return null;
  const start = match[1] === "" ? Math.max(0, size - Number(match[2])) : Number(match[1]);
  const end = match[1] === "" || match[2] === "" ? size - 1 : Math.min(size - 1, Number(match[2]));
  return start <= end && start < size ? { start, end } : null;
}

/**
 * An attachment's answer: its stored bytes (or the part a media player asks for) with its type, its file
 * name, `nosniff` and no caching.
 * @example return await attachmentResponse(c.env.MEDIA, row, "photo-1", c.req.header("range"));
 */
async function attachmentResponse(
  bucket: R2Bucket,
  row: { key: string; contentType: string },
  name: string,
  rangeHeader: string | undefined,
): Promise<Response> {
  const object = await bucket.get(row.key);
  if (!object) throw notFound();
  const bytes = new Uint8Array(await object.arrayBuffer());
  const range = rangeOf(rangeHeader, bytes.length);
  const headers: Record<string, string> = {
    "Content-Type": row.contentType,
    "Content-Disposition": `inline; filename="${name}.${extensionOf(row.contentType)}"`,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
    "Accept-Ranges": "bytes",
  };
  if (!range) return new Response(bytes, { headers });
  headers["Content-Range"] = `bytes ${range.start}-${range.end}/${bytes.length}`;
  return new Response(bytes.subarray(range.start, range.end + 1), { status: 206, headers });
}

const served = {
  200: { description: "附件本身（图片或语音），带 Content-Disposition 和 nosniff" },
  206: { description: "语音的一段（Range）" },
};

/** The villager's own attachments, by receipt. */
export const mediaRoutes = createRouter<{ Bindings: Env }>();

mediaRoutes.openapi(
  route(
    {
      method: "get",
      path: "/api/reports/{receipt}/attachments/{name}",
      summary: "凭回执看自己传的照片、听自己的语音（监督举报的附件不在这里给）",
      request: { params: receiptParams.extend({ name: attachmentName }) },
      responses: served,
    },
    { refusals: { param: badReceipt }, errors: { 404: "没有这个附件", 429: "试的回执太多，请看 Retry-After" } },
  ),
  async (c) => {
    const { receipt, name } = c.req.valid("param");
    const guard = await receiptGuard(c.env, c.req.raw, nowOf(c));
    if (guard.refused) {
      return c.json(guard.refused.body(), 429, { "Retry-After": String(guard.refused.retryAfter) });
    }
    const report = await reportOfReceipt(c.env.DB, await lookupHash(c.env.DB, receipt));
    if (!report) await guard.miss();
    const parts = nameParts(name);
    if (!report || report.kind === "misconduct" || !parts) throw notFound();
    const row = await attachmentByName(c.env.DB, report.id, parts.field, parts.position);
    if (!row) throw notFound();
    return attachmentResponse(c.env.MEDIA, row, name, c.req.header("range"));
  },
);

/** A case's attachments for staff; mounted under /api/staff, whose guards cover it. */
export const mediaStaffRoutes = createRouter<StaffEnv>();

mediaStaffRoutes.openapi(
  route(
    {
      method: "get",
      path: "/reports/{id}/attachments/{name}",
      summary: "案件的照片和语音（监督举报的只给镇纪委和区里，每次查看记入审计）",
      request: { params: idParams.extend({ name: attachmentName }) },
      responses: served,
    },
    { refusals: { param: attachmentNotFound }, errors: { 403: "案件已转到镇里", 404: "没有这个案件或附件" } },
  ),
  async (c) => {
    const staff = c.get("staff");
    const { id, name } = c.req.valid("param");
    const report = await loadCase(c.env.DB, staff, id);
    const parts = nameParts(name);
    const row = parts && (await attachmentByName(c.env.DB, report.id, parts.field, parts.position));
    if (!row) throw notFound();
    if (report.kind === "misconduct") {
      const entry = {
        action: "report_attachment_read",
        actorId: staff.id,
        actor: staff.username,
        target: `report:${id}`,
      };
      await runAudited(c.env.DB, { ...entry, detail: { attachment: name } }, []);
    }
    return attachmentResponse(c.env.MEDIA, row, name, c.req.header("range"));
  },
);
