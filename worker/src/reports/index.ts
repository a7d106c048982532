/**
 * 码上问 · 码上办 · 我要监督: the form pages, intake (JSON or plain HTML form), the public receipt view
 * and page, and the villager's rating. Intake is exactly-once (idempotency key + UNIQUE + one batch),
 * rate limited apart from reports (see rate-limit.ts), and stores no address, User-Agent or time of day.
 * The receipt is the villager's secret: only its hash is stored, the public routes look it up by hash,
 * and every rating is written to the audit log (case and rating only).
 */
import { Hono } from "hono";
import { chinaDate } from "../../../schema/period.ts";
import {
  intakeKey,
  isValidReceipt,
  kindPaths,
  newReceipt,
  normalizeReceipt,
  type ReportInput,
  type ReportKind,
  receiptHash,
  reportKinds,
} from "../../../schema/report.ts";
import { t } from "../../../site/src/i18n/index.ts";
import { runAudited } from "../audit/queries.ts";
import { isStateConflict } from "../cases/queries.ts";
import { nowOf } from "../config/context.ts";
import { versionById } from "../disclosures/queries.ts";
import { ApiError } from "../errors.ts";
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
  type ReportSubmission,
  ratingBody,
  receiptParam,
  reportBody,
  villagePageParam,
  villageParam,
} from "./schema.ts";

export const reports = new Hono<{ Bindings: Env }>();

/** A form or receipt page: never cached, never sent on as a referrer (receipts are in its address). */
const privatePage = (status = 200, extra: Record<string, string> = {}): PageInit => ({
  status,
  headers: { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer", ...extra },
});

const pathKind = Object.fromEntries(Object.entries(kindPaths).map(([kind, path]) => [path, kind])) as Record<
  string,
  ReportKind
>;

const formPath = (village: string, kind: ReportKind) => `/v/${village}/${kindPaths[kind]}/`;

// The form pages: a fresh idempotency key per view (so a double submit with JS off is one report) and
// the topic, 小微权力 item or disclosure the villager came from.
reports.get("/v/:code/:page{ask|help|report}/", villagePageParam, formQuery, async (c) => {
  const { code } = c.req.valid("param");
  const query = c.req.valid("query");
  const disclosureTitle = await titleOfDisclosure(c.env.DB, query.disclosure, code);
  const rewriter = formRewriter({ key: crypto.randomUUID(), ...query, disclosureTitle });
  return servePage(c, formPath(code, pathKind[c.req.param("page")] as ReportKind), rewriter, privatePage());
});

/** The title of one of this village's disclosures named by a form's `disclosure` value, if it is one. */
async function titleOfDisclosure(db: D1Database, id: unknown, village: string): Promise<string | undefined> {
  if (typeof id !== "string" || !/^[0-9]{1,15}$/.test(id)) return undefined;
  const version = await versionById(db, Number(id));
  return version?.village_code === village ? version.title : undefined;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** The canonical submission a retry must repeat exactly to get the same receipt. */
const bodyHash = (village: string, input: ReportInput) =>
  sha256Hex(
    JSON.stringify([
      village,
      input.kind,
      input.topic,
      input.content,
      input.contact?.name ?? null,
      input.contact?.phone ?? null,
      input.disclosure ?? null,
      input.power ?? null,
    ]),
  );

/**
 * Stores the submission once; returns its receipt (the earlier one for a faithful retry). Only hashes are
 * stored: the receipt's, and the key's with the receipt sealed under it, so the retry can be answered.
 */
async function intake(
  env: Env,
  request: Request,
  village: string,
  submission: ReportSubmission,
  now: Date,
): Promise<string> {
  const input = submission.input as ReportInput;
  const hash = await bodyHash(village, input);
  await upgradeLegacyRows(env.DB);
  const key = await intakeKey(submission.key ?? crypto.randomUUID());
  const earlier = await reportByKey(env.DB, key.hash);
  if (earlier) {
    if (earlier.bodyHash !== hash) throw new ApiError(409, "idempotency_conflict", t("reports.error.conflict"));
    return key.unseal(earlier.receiptSealed);
  }
  if (input.disclosure !== undefined && !(await disclosureOfVillage(env.DB, input.disclosure, village))) {
    throw new ApiError(422, "invalid", t("reports.error.invalid"), { disclosure: t("reports.error.field.disclosure") });
  }
  const admission = await admitReport(env.DB, clientOf(request), village, intakeLimits(env), now);
  for (let attempt = 0; ; attempt++) {
    const receipt = newReceipt();
    try {
      await insertReport(env.DB, {
        receiptHash: await receiptHash(receipt),
        village,
        input,
        intake: { idempotencyHash: key.hash, receiptSealed: key.seal(receipt) },
        bodyHash: hash,
        receivedOn: chinaDate(now),
      });
      return receipt;
    } catch (error) {
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

reports.post("/api/villages/:code/reports", villageParam, reportBody, async (c) => {
  const { code } = c.req.valid("param");
  const submission = c.req.valid("json");
  const kind = submission.input?.kind ?? (reportKinds as readonly unknown[]).find((k) => k === submission.raw.kind);
  try {
    if (submission.error) throw submission.error;
    const receipt = await intake(c.env, c.req.raw, code, submission, nowOf(c));
    if (submission.wantsHtml) return c.redirect(`/r/${receipt}`, 303);
    return c.json({ receipt, url: `/r/${receipt}` }, 201, { Location: `/r/${receipt}` });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const headers: Record<string, string> =
      error instanceof RateLimited ? { "Retry-After": String(error.retryAfter) } : {};
    if (!submission.wantsHtml || !kind) return c.json(error.body(), error.status, headers);
    // a form page gets itself back, with the message and the villager's words, instead of raw JSON
    const fill: FormFill = {
      key: error.status === 409 ? crypto.randomUUID() : (submission.key ?? crypto.randomUUID()),
      values: submission.raw,
      disclosureTitle: await titleOfDisclosure(c.env.DB, submission.raw.disclosure, code),
      error,
    };
    return servePage(c, formPath(code, kind as ReportKind), formRewriter(fill), privatePage(error.status, headers));
  }
});

reports.get("/api/reports/:receipt", receiptParam, async (c) => {
  const { receipt } = c.req.valid("param");
  if (!isValidReceipt(receipt)) {
    throw new ApiError(400, "bad_receipt", t("reports.error.receiptFormat"), {
      receipt: t("reports.error.receiptFormat"),
    });
  }
  const guard = await receiptGuard(c.env, c.req.raw, nowOf(c));
  if (guard.refused) return c.json(guard.refused.body(), 429, { "Retry-After": String(guard.refused.retryAfter) });
  const report = await publicReport(c.env.DB, { receipt, hash: await lookupHash(c.env.DB, receipt) });
  if (!report) {
    await guard.miss();
    throw new ApiError(404, "not_found", t("reports.error.receiptUnknown"));
  }
  c.header("Cache-Control", "no-store");
  return c.json(report);
});

reports.post("/api/reports/:receipt/rating", receiptParam, ratingBody, async (c) => {
  const { receipt } = c.req.valid("param");
  const rating = c.req.valid("json");
  if (!isValidReceipt(receipt)) {
    throw new ApiError(400, "bad_receipt", t("reports.error.receiptFormat"), {
      receipt: t("reports.error.receiptFormat"),
    });
  }
  const guard = await receiptGuard(c.env, c.req.raw, nowOf(c));
  if (guard.refused) return c.json(guard.refused.body(), 429, { "Retry-After": String(guard.refused.retryAfter) });
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
  if (rating.format === "form" && !(c.req.header("accept") ?? "").includes("application/json")) {
    return c.redirect(`/r/${receipt}`, 303);
  }
  return c.json(await publicReport(c.env.DB, { receipt, hash }));
});

// The receipt page: /r/ (lookup), /r/?receipt=… (the lookup form, JS off), /r/<receipt>.
reports.get("/r/", async (c) => {
  const typed = c.req.query("receipt");
  if (typed !== undefined) return c.redirect(`/r/${encodeURIComponent(normalizeReceipt(typed))}`, 303);
  return servePage(c, "/r/", receiptRewriter(null, null), privatePage());
});

reports.get("/r/:receipt", receiptParam, async (c) => {
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
