/**
 * 码上问 · 码上办 · 我要监督: the form pages, intake (JSON or plain HTML form), the public receipt view
 * and page, and the villager's rating. Intake is exactly-once (idempotency key + UNIQUE + one batch),
 * rate limited apart from reports (see rate-limit.ts), and stores no address, User-Agent or time of day.
 * The receipt is the villager's secret: only its hash is stored, the public routes look it up by hash,
 * and every rating is written to the audit log (case and rating only).
 */

import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { t } from "#core/i18n/index.ts";
import { fieldRowId } from "#core/ids.ts";
import { chinaDate } from "#core/period.ts";
import {
  intakeKey,
  isValidReceipt,
  kindPaths,
  newReceipt,
  normalizeReceipt,
  type ReportInput,
  type ReportKind,
  ratingInput,
  receiptHash,
  reportInput,
  reportKinds,
} from "#core/report.ts";
import { runAudited } from "../audit/queries.ts";
import { isStateConflict } from "../cases/queries.ts";
import { nowOf } from "../config/context.ts";
import {
  badReceipt,
  receiptPageParams,
  receiptParams,
  requireValidReceipt,
  villageParams,
} from "../contract/params.ts";
import { PAGE_NOT_FOUND, refusalError, refuseInvalid } from "../contract/refusal.ts";
import { body, created, createRouter, json, route } from "../contract/router.ts";
import { versionById } from "../disclosures/queries.ts";
import { ApiError } from "../errors.ts";
import { attachmentStatements } from "../media/queries.ts";
import { intakeFiles } from "../media/schema.ts";
import { type Attachment, attachmentsOfForm, dropOrphans, storeAttachments } from "../media/store.ts";
import { type PageInit, servePage } from "../pages/serve.ts";
import {
  disclosureOfVillage,
  insertReport,
  lookupHash,
  publicReport,
  ratingStatements,
  ratingTarget,
  reportByKey,
  upgradeLegacyRows,
} from "./queries.ts";
import { admitReport, clientOf, intakeLimits, RateLimited, receiptGuard } from "./rate-limit.ts";
import { type FormFill, formRewriter, receiptRewriter } from "./render.ts";
import {
  formQuery,
  ratingForm,
  reportBodyRules,
  reportForm,
  reportRefusal,
  submissionKey,
  unknownVillage,
} from "./schema.ts";
import { submissionHash } from "./submission.ts";

export const reports = createRouter<{ Bindings: Env }>();

/**
 * A form, receipt or household card page: never cached, never sent on as a referrer (a receipt or a card's
 * code is in its address).
 * @example servePage(c, "/r/", rewriter, privatePage(404));
 */
export const privatePage = (status = 200, extra: Record<string, string> = {}): PageInit => ({
  status,
  headers: { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer", ...extra },
});

const formPath = (village: string, kind: ReportKind) => `/v/${village}/${kindPaths[kind]}/`;

// The form pages: a fresh idempotency key per view (so a double submit with JS off is one report) and
// the topic, 小微权力 item or disclosure the villager came from.
for (const [kind, path] of Object.entries(kindPaths) as [ReportKind, string][]) {
  const formPage = route(
    {
      method: "get",
      path: `/v/{code}/${path}/`,
      summary: `${t(`reports.kind.${kind}`)}的表单页`,
      request: { params: villageParams, query: formQuery },
      responses: { 200: { description: "表单页（HTML）" }, 404: { description: "没有这个村（HTML）" } },
    },
    { refusals: { param: PAGE_NOT_FOUND } },
  );
  reports.openapi(formPage, async (c) => {
    const { code } = c.req.valid("param");
    const query = c.req.valid("query");
    const disclosureTitle = await titleOfDisclosure(c.env.DB, query.disclosure, code);
    const rewriter = formRewriter({ key: crypto.randomUUID(), ...query, disclosureTitle });
    return servePage(c, formPath(code, kind), rewriter, privatePage());
  });
}

/** The title of one of this village's disclosures named by a form's `disclosure` value, if it is one. */
async function titleOfDisclosure(db: D1Database, id: unknown, village: string): Promise<string | undefined> {
  if (!fieldRowId.safeParse(id).success) return undefined;
  const version = await versionById(db, Number(id));
  return version?.village_code === village ? version.title : undefined;
}

/**
 * Stores the submission once; returns its receipt (the earlier one for a faithful retry, which stores no
 * file again). Only hashes are stored: the receipt's, and the key's with the receipt sealed under it, so
 * the retry can be answered. Files are stored before the batch that records them with the report; when
 * that batch does not land, the files no row names are deleted. Also how a household questions a points
 * entry from its card (worker/src/points/public.ts).
 * @example const receipt = await intake(c.env, c.req.raw, village, { input, attachments: [] }, key, nowOf(c));
 */
export async function intake(
  env: Env,
  request: Request,
  village: string,
  submission: { input: ReportInput; attachments: readonly Attachment[] },
  sentKey: string | undefined,
  now: Date,
): Promise<string> {
  const { input, attachments } = submission;
  const hash = await submissionHash(village, input, attachments);
  await upgradeLegacyRows(env.DB);
  const key = await intakeKey(sentKey ?? crypto.randomUUID());
  const earlier = await reportByKey(env.DB, key.hash);
  if (earlier) {
    if (earlier.bodyHash !== hash) throw new ApiError(409, "idempotency_conflict", t("reports.error.conflict"));
    return key.unseal(earlier.receiptSealed);
  }
  if (input.disclosure !== undefined && !(await disclosureOfVillage(env.DB, input.disclosure, village))) {
    throw new ApiError(422, "invalid", t("reports.error.invalid"), { disclosure: t("reports.error.field.disclosure") });
  }
  const admission = await admitReport(env.DB, clientOf(request), village, intakeLimits(env), now);
  const stored = await storeAttachments(env.MEDIA, key.hash, attachments);
  for (let attempt = 0; ; attempt++) {
    const receipt = newReceipt();
    try {
      const report = {
        receiptHash: await receiptHash(receipt),
        village,
        input,
        intake: { idempotencyHash: key.hash, receiptSealed: key.seal(receipt) },
        bodyHash: hash,
        receivedOn: chinaDate(now),
      };
      await insertReport(env.DB, report, attachmentStatements(env.DB, report.receiptHash, stored));
      return receipt;
    } catch (error) {
      await dropOrphans(
        env.DB,
        env.MEDIA,
        stored.map((a) => a.key),
      );
      // the same key raced in from a concurrent retry, or (once in 10^15) the receipt was taken
      const raced = await reportByKey(env.DB, key.hash);
      if (raced || attempt >= 2) await admission.release();
      if (raced) {
        if (raced.bodyHash !== hash) throw new ApiError(409, "idempotency_conflict", t("reports.error.conflict"));
        return key.unseal(raced.receiptSealed);
      }
      if (attempt >= 2) throw error;
    }
  }
}

/** Whether the body is a form: plain, or multipart with photos and a voice message. */
const isForm = (c: Context) =>
  /^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(c.req.header("content-type") ?? "");

/** Whether the request came from the HTML form and wants a page back (303, or the form with its error). */
const wantsHtml = (c: Context) => isForm(c) && !(c.req.header("accept") ?? "").includes("application/json");

/** A form's text fields (its files are not values to fill back in). */
const textFields = (form: FormData) =>
  Object.fromEntries([...form.entries()].filter(([, value]) => typeof value === "string"));

/** The form page again, with the message and the villager's words, instead of raw JSON. */
async function formAgain(
  c: Context<{ Bindings: Env }>,
  raw: Record<string, unknown>,
  key: string | undefined,
  error: ApiError,
) {
  const code = c.req.param("code") ?? "";
  const kind = (reportKinds as readonly unknown[]).find((k) => k === raw.kind) as ReportKind | undefined;
  const headers: Record<string, string> =
    error instanceof RateLimited ? { "Retry-After": String(error.retryAfter) } : {};
  if (!kind) return c.json(error.body(), error.status, headers);
  const fill: FormFill = {
    key: error.status === 409 ? crypto.randomUUID() : (key ?? crypto.randomUUID()),
    values: raw,
    disclosureTitle: await titleOfDisclosure(c.env.DB, raw.disclosure, code),
    error,
  };
  return servePage(c, formPath(code, kind), formRewriter(fill), privatePage(error.status, headers));
}

/** The intake body: JSON, the plain form, or the form with `photo` (up to 3) and `voice` files. */
const plainBodies = body(reportInput, reportForm);
const intakeBody = {
  ...plainBodies,
  content: { ...plainBodies.content, "multipart/form-data": { schema: reportForm } },
};

const intakeRoute = route(
  {
    method: "post",
    path: "/api/villages/{code}/reports",
    summary: "交一件问题、求助或监督举报（JSON 或网页表单）",
    request: { params: villageParams, body: intakeBody },
    responses: {
      ...created<{ receipt: Awaited<ReturnType<typeof intake>>; url: string }>(
        "收到了：{receipt, url}，Location 指向回执页",
      ),
      303: { description: "网页表单：转到回执页" },
    },
  },
  {
    refusals: { param: unknownVillage, json: reportRefusal, form: reportRefusal },
    body: { ...reportBodyRules, formats: ["json", "form", "multipart"], files: intakeFiles },
    errors: { 409: "同一个 Idempotency-Key 换了内容", 429: "提交太频繁，请看 Retry-After", 503: "网站还没有配置好" },
  },
);

const filed = reports.openapi(
  intakeRoute,
  async (c) => {
    const { code } = c.req.valid("param");
    const html = wantsHtml(c);
    const form = isForm(c) ? await c.req.formData() : null;
    const raw = form ? textFields(form) : ((await c.req.json()) as Record<string, unknown>);
    const key = submissionKey(c.req.header("idempotency-key"), raw.key);
    const input = form ? c.req.valid("form") : c.req.valid("json");
    try {
      const attachments = await attachmentsOfForm(form);
      const receipt = await intake(c.env, c.req.raw, code, { input, attachments }, key, nowOf(c));
      if (html) return c.redirect(`/r/${receipt}`, 303);
      return c.json({ receipt, url: `/r/${receipt}` }, 201, { Location: `/r/${receipt}` });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (html) return formAgain(c, raw, key, error);
      const headers: Record<string, string> =
        error instanceof RateLimited ? { "Retry-After": String(error.retryAfter) } : {};
      return c.json(error.body(), error.status, headers);
    }
  },
  (result, c) => (result.success ? undefined : refuseIntake(result, c)),
);

/** A bad intake body: from the HTML form, the form again with the messages; otherwise the shared refusal. */
async function refuseIntake(result: { target: string; error: unknown }, c: Context<{ Bindings: Env }>) {
  if (result.target !== "form" || !wantsHtml(c)) return (await refuseInvalid(result as never, c)) as Response;
  const raw = textFields(await c.req.formData());
  const key = submissionKey(c.req.header("idempotency-key"), raw.key);
  return formAgain(c, raw, key, refusalError(result.error as never, reportRefusal));
}

/**
 * The 429 a receipt guard gives when one client has tried too many receipts, to throw: its Retry-After is
 * set on the answer the error handler writes.
 * @example if (guard.refused) throw refusedReceipt(c, guard.refused);
 */
function refusedReceipt(c: Context, refused: RateLimited): RateLimited {
  c.header("Retry-After", String(refused.retryAfter));
  return refused;
}

const receiptRoute = route(
  {
    method: "get",
    path: "/api/reports/{receipt}",
    summary: "凭回执查看自己的事项（公开的进展）",
    request: { params: receiptParams },
    responses: json<NonNullable<Awaited<ReturnType<typeof publicReport>>>>("事项的公开进展"),
  },
  { refusals: { param: badReceipt }, errors: { 404: "没有这个回执", 429: "试的回执太多，请看 Retry-After" } },
);

const progress = reports.openapi(receiptRoute, async (c) => {
  const { receipt } = c.req.valid("param");
  const guard = await receiptGuard(c.env, c.req.raw, nowOf(c));
  if (guard.refused) throw refusedReceipt(c, guard.refused);
  const report = await publicReport(c.env.DB, { receipt, hash: await lookupHash(c.env.DB, receipt) });
  if (!report) {
    await guard.miss();
    throw new ApiError(404, "not_found", t("reports.error.receiptUnknown"));
  }
  c.header("Cache-Control", "no-store");
  return c.json(report, 200);
});

const ratingRoute = route(
  {
    method: "post",
    path: "/api/reports/{receipt}/rating",
    summary: "码上评：回执的持有人评价答复（JSON 或网页表单）",
    request: { params: receiptPageParams, body: body(ratingInput, ratingForm) },
    responses: {
      ...json<Awaited<ReturnType<typeof publicReport>>>("评价后的事项"),
      303: { description: "网页表单：回到回执页" },
    },
  },
  {
    refusals: { json: reportRefusal, form: reportRefusal },
    body: reportBodyRules,
    errors: {
      400: "回执号不对",
      404: "没有这个回执",
      409: "还没有答复，或已经评过",
      429: "试的回执太多，请看 Retry-After",
    },
  },
);

const rated = reports.openapi(ratingRoute, async (c) => {
  const { receipt } = c.req.valid("param");
  const form = (c.req.header("content-type") ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded");
  const rating = form ? c.req.valid("form") : c.req.valid("json");
  requireValidReceipt(receipt);
  const guard = await receiptGuard(c.env, c.req.raw, nowOf(c));
  if (guard.refused) throw refusedReceipt(c, guard.refused);
  const hash = await lookupHash(c.env.DB, receipt);
  const target = await ratingTarget(c.env.DB, hash);
  if (!target) {
    await guard.miss();
    throw new ApiError(404, "not_found", t("reports.error.receiptUnknown"));
  }
  const notAnswered = new ApiError(409, "not_answered", t("reports.error.notAnswered"));
  if (target.state !== "answered") throw notAnswered;
  // the audit row names the case and the rating, never the receipt or anything about the client
  const entry = {
    action: "report_rate",
    actorId: null,
    actor: "villager",
    target: `report:${target.id}`,
    detail: { rating: rating.rating, filedByStaff: target.filedByStaff === 1 },
  };
  try {
    await runAudited(c.env.DB, entry, ratingStatements(c.env.DB, target.id, rating, chinaDate(nowOf(c))));
  } catch (error) {
    if (isStateConflict(error)) throw notAnswered;
    throw error;
  }
  if (form && !(c.req.header("accept") ?? "").includes("application/json")) {
    return c.redirect(`/r/${receipt}`, 303);
  }
  return c.json(await publicReport(c.env.DB, { receipt, hash }), 200);
});

// The receipt page: /r/ (lookup), /r/?receipt=… (the lookup form, JS off), /r/<receipt>.
const lookupPage = route({
  method: "get",
  path: "/r/",
  summary: "回执查询页；?receipt= 转到那张回执",
  request: { query: z.object({ receipt: z.string().optional() }) },
  responses: { 200: { description: "查询页（HTML）" }, 303: { description: "转到 /r/<回执>" } },
});

reports.openapi(lookupPage, async (c) => {
  const typed = c.req.valid("query").receipt;
  if (typed !== undefined) return c.redirect(`/r/${encodeURIComponent(normalizeReceipt(typed))}`, 303);
  return servePage(c, "/r/", receiptRewriter(null, null), privatePage());
});

const receiptPage = route({
  method: "get",
  path: "/r/{receipt}",
  summary: "回执页：事项的公开进展和评价表单（HTML）",
  request: { params: receiptPageParams },
  responses: {
    200: { description: "回执页" },
    400: { description: "回执号不对（HTML）" },
    404: { description: "没有这个回执（HTML）" },
    429: { description: "试的回执太多（HTML）" },
  },
});

reports.openapi(receiptPage, async (c) => {
  const { receipt } = c.req.valid("param");
  const valid = isValidReceipt(receipt);
  const guard = await receiptGuard(c.env, c.req.raw, nowOf(c));
  if (guard.refused) {
    const retry = { "Retry-After": String(guard.refused.retryAfter) };
    return servePage(c, "/r/", receiptRewriter(null, guard.refused.message), privatePage(429, retry));
  }
  const report = valid ? await publicReport(c.env.DB, { receipt, hash: await lookupHash(c.env.DB, receipt) }) : null;
  if (report) return servePage(c, "/r/", receiptRewriter(report, null), privatePage());
  if (valid) await guard.miss();
  const message = valid ? t("reports.error.receiptUnknown") : t("reports.error.receiptFormat");
  return servePage(c, "/r/", receiptRewriter(null, message, receipt), privatePage(valid ? 404 : 400));
});

/** The typed routes of this sub-app, for the typed client (client.ts). */
export type ReportApi = typeof filed | typeof progress | typeof rated;
