/**
 * Secretaries publish. Bodies are JSON:
 * - POST /api/staff/disclosures `{village, item, period, title, content, tables?, csv?}` → 201
 *   `{id, seq, hash, prevHash, publishedAt, url, summary, …}`. `period` as the item's cadence requires
 *   (`2026-09`, `2026-Q3`, `2026`). The table is either `tables` (`{kind, rows}`, amounts in fen) or
 *   `csv`: the file's bytes in base64, exactly as WPS or Excel saved them (UTF-8, GBK or UTF-16; decoded
 *   and validated by schema/csv.ts). A bad CSV is a 422 whose `fields` name each row's problem
 *   (`"csv.3.金额": "第3行「金额」不是数字。"`) and nothing is stored. A period already published is a 409:
 *   published versions are never changed, only corrected.
 * - POST /api/staff/disclosures/<id>/corrections `{title, content, reason, tables?, csv?}` → 201, a new
 *   version of the same item and period (only of its latest version); no `tables`/`csv` keeps the table,
 *   `tables: null` drops it.
 * - POST /api/staff/disclosures/preview `{village, item, period, tables?, csv?}` → the plain summary,
 *   storing nothing.
 * Only the village's own secretary or the district admin may publish (403 otherwise). Each append
 * carries its audit row in the same batch and is retried when another append took the same seq.
 */
import { canSeeVillage, may } from "#core/access.ts";
import { chainLink, rowContent } from "#core/chain.ts";
import { type DisclosureContent, GENESIS_HASH, plainSummary } from "#core/disclosure.ts";
import { t } from "#core/i18n/index.ts";
import { chinaDate, periodLabel } from "#core/period.ts";
import { correctionInput, previewInput, publishInput } from "#core/publish.ts";
import type { StaffMember } from "#core/staff.ts";
import { recordAudit } from "../audit/queries.ts";
import { nowOf } from "../config/context.ts";
import { idParams, villageQuery } from "../contract/params.ts";
import { body, created, createRouter, json, route } from "../contract/router.ts";
import { ApiError } from "../errors.ts";
import { scopedVillage } from "../staff/scope.ts";
import type { StaffEnv } from "../staff/session.ts";
import { appendVersion, chainHead, periodVersions, recentVersions, versionById } from "./queries.ts";
import { publishBodyRules, unknownVillage, versionNotFound, versionRefusal } from "./schema.ts";
import { checkPeriod, knownItem, versionTables } from "./version.ts";

/** Mounted under /api/staff (session and same-origin guards there). */
export const publishRoutes = createRouter<StaffEnv>();

const publishing = { refusals: { json: versionRefusal }, body: publishBodyRules } as const;

const ATTEMPTS = 5;

/**
 * Publishing is for the roles that may publish (schema/access.ts), in the villages they reach. The body's
 * village is a known one already (`villageCode` in the route's schema).
 */
export function requirePublisher(staff: StaffMember, village: string): void {
  if (!may(staff, "publish")) throw new ApiError(403, "forbidden", t("publish.error.forbidden"));
  if (!canSeeVillage(staff, village)) throw new ApiError(403, "forbidden", t("publish.error.villageScope"));
}

const conflict = (err: unknown, pattern: RegExp) => err instanceof Error && pattern.test(err.message);

/** What a publisher decided: a version's content before it is signed with who published it and when. */
type Draft = Omit<DisclosureContent, "publishedBy" | "publishedAt">;

/**
 * Appends `draft` after the village's chain head with its audit row in one batch. A guard failure
 * (already published, or not the latest version) is a 409; a lost race for the seq is retried. `now` is
 * its publication time.
 */
async function appendToChain(db: D1Database, staff: StaffMember, draft: Draft, now: Date) {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const head = (await chainHead(db, draft.village)) ?? { seq: 0, hash: GENESIS_HASH };
    const content: DisclosureContent = { ...draft, publishedBy: staff.username, publishedAt: now.toISOString() };
    const link = await chainLink(content, head);
    const audit = await recordAudit(db, {
      action: draft.corrects === null ? "disclosure_publish" : "disclosure_correct",
      actorId: staff.id,
      actor: staff.username,
      target: `disclosure:${draft.village}#${link.seq}`,
      detail: { item: draft.item, period: draft.period, hash: link.hash, corrects: draft.corrects },
    });
    try {
      const [inserted] = await db.batch([appendVersion(db, link), audit]);
      const { id } = (inserted as D1Result).results[0] as { id: number };
      return { id, seq: link.seq, hash: link.hash, prevHash: head.hash, publishedAt: content.publishedAt };
    } catch (err) {
      if (conflict(err, /CHECK constraint failed/)) {
        const key = draft.corrects === null ? "publish.error.duplicate" : "publish.error.notLatest";
        throw new ApiError(
          409,
          "conflict",
          t(key, { period: periodLabel(draft.period), item: knownItem(draft.item).name }),
        );
      }
      if (!conflict(err, /UNIQUE constraint failed: (disclosures\.(village_code|hash)|audit_log\.(seq|hash))/))
        throw err;
    }
  }
  throw new ApiError(503, "busy", t("publish.error.busy"));
}

/** A new version as publishing or correcting answers it. */
type Published = ReturnType<typeof published>;

const published = (draft: Draft, stored: Awaited<ReturnType<typeof appendToChain>>, today: string) => ({
  ...stored,
  village: draft.village,
  item: draft.item,
  period: draft.period,
  title: draft.title,
  corrects: draft.corrects,
  summary: draft.tables ? plainSummary(draft.tables, today) : null,
  url: `/v/${draft.village}/d/${stored.id}/`,
});

const publishRoute = route(
  {
    method: "post",
    path: "/disclosures",
    summary: "公开一项（接在本村哈希链之后）",
    request: { body: body(publishInput) },
    responses: created<Published>("公开了：{id, seq, hash, prevHash, publishedAt, url, summary, …}"),
  },
  { ...publishing, errors: { 403: "只有本村书记或区里能公开", 409: "这一期已经公开过" } },
);

const publish = publishRoutes.openapi(publishRoute, async (c) => {
  const input = c.req.valid("json");
  const staff = c.get("staff");
  requirePublisher(staff, input.village);
  const today = chinaDate(nowOf(c));
  const item = knownItem(input.item);
  checkPeriod(item, input.period, today);
  const tables = versionTables(item, input.period, input);
  const existing = await periodVersions(c.env.DB, input.village, item.id, input.period);
  if (existing.length > 0) {
    throw new ApiError(
      409,
      "conflict",
      t("publish.error.duplicate", { period: periodLabel(input.period), item: item.name }),
    );
  }
  const draft: Draft = {
    village: input.village,
    item: item.id,
    period: input.period,
    title: input.title,
    content: input.content,
    tables,
    corrects: null,
    reason: null,
  };
  const stored = await appendToChain(c.env.DB, staff, draft, nowOf(c));
  return c.json(published(draft, stored, today), 201, { Location: `/v/${input.village}/d/${stored.id}/` });
});

const correctionRoute = route(
  {
    method: "post",
    path: "/disclosures/{id}/corrections",
    summary: "更正一项公开（新版本，写明原因）",
    request: { params: idParams, body: body(correctionInput) },
    responses: created<Published>("更正后的新版本"),
  },
  {
    refusals: { ...publishing.refusals, param: versionNotFound },
    body: publishBodyRules,
    errors: { 403: "只有本村书记或区里能更正", 409: "只能更正最新的版本" },
  },
);

const correct = publishRoutes.openapi(correctionRoute, async (c) => {
  const { id } = c.req.valid("param");
  const input = c.req.valid("json");
  const staff = c.get("staff");
  const original = await versionById(c.env.DB, id);
  if (!original) throw new ApiError(404, "not_found", t("publish.error.notFound"));
  requirePublisher(staff, original.village_code);
  const item = knownItem(original.item_id);
  const keepsTable = input.tables === undefined && input.csv === undefined;
  const tables = keepsTable ? (rowContent(original)?.tables ?? null) : versionTables(item, original.period, input);
  const versions = await periodVersions(c.env.DB, original.village_code, item.id, original.period);
  if (versions.at(-1)?.id !== id) throw new ApiError(409, "conflict", t("publish.error.notLatest"));
  const draft: Draft = {
    village: original.village_code,
    item: item.id,
    period: original.period,
    title: input.title,
    content: input.content,
    tables,
    corrects: id,
    reason: input.reason,
  };
  const stored = await appendToChain(c.env.DB, staff, draft, nowOf(c));
  const today = chinaDate(nowOf(c));
  return c.json(published(draft, stored, today), 201, { Location: `/v/${draft.village}/d/${stored.id}/` });
});

/** What a table would read like once published: its kind, row count and plain summary. */
const tablePreview = (item: string, tables: ReturnType<typeof versionTables>, today: string) => ({
  item,
  kind: tables?.kind ?? null,
  rows: tables?.rows.length ?? 0,
  summary: tables ? plainSummary(tables, today) : null,
  tables,
});

const previewRoute = route(
  {
    method: "post",
    path: "/disclosures/preview",
    summary: "公开前预览表格的白话小结（不保存）",
    request: { body: body(previewInput) },
    responses: json<ReturnType<typeof tablePreview>>("{item, kind, rows, summary, tables}"),
  },
  { ...publishing, errors: { 403: "只有本村书记或区里能公开" } },
);

const preview = publishRoutes.openapi(previewRoute, async (c) => {
  const input = c.req.valid("json");
  requirePublisher(c.get("staff"), input.village);
  const today = chinaDate(nowOf(c));
  const item = knownItem(input.item);
  checkPeriod(item, input.period, today);
  return c.json(tablePreview(item.id, versionTables(item, input.period, input), today), 200);
});

const listRoute = route(
  {
    method: "get",
    path: "/disclosures",
    summary: "本村最近公开的版本",
    request: { query: villageQuery },
    responses: json<{ village: string; versions: Awaited<ReturnType<typeof recentVersions>> }>("{village, versions}"),
  },
  { refusals: { query: unknownVillage }, errors: { 403: "不是本辖区的村" } },
);

const recent = publishRoutes.openapi(listRoute, async (c) => {
  const staff = c.get("staff");
  const village = scopedVillage(staff, c.req.valid("query").village, t("publish.error.villageScope"));
  c.header("Cache-Control", "no-store");
  return c.json({ village, versions: await recentVersions(c.env.DB, village, 40) }, 200);
});

/** The typed routes of this sub-app, for the typed client (client.ts). */
export type PublishApi = typeof publish | typeof correct | typeof preview | typeof recent;
