/**
 * Validation of the staff case routes: the case id, list and figure queries, and each action's JSON body.
 * Failures become ApiErrors naming the field in Chinese.
 */
import { createMiddleware } from "hono/factory";
import { validator } from "hono/validator";
import { z } from "zod";
import { ANSWER_MAX, ANSWER_MIN, MEASURES_MAX, NOTE_MAX, RESPONSIBLE_MAX } from "../../../schema/case.ts";
import { townByCode, villageByCode } from "../../../schema/reference.ts";
import { isValidReceipt, normalizeReceipt, reportKinds, reportRoutes, reportStates } from "../../../schema/report.ts";
import { HIDDEN_TEXT, hasLoneSurrogate, safeText } from "../../../schema/text.ts";
import { type StringKey, t } from "../../../site/src/i18n/index.ts";
import { ApiError } from "../errors.ts";

/** A case id in the path; anything that is not one is the same 404 as a case that does not exist. */
export const caseIdParam = validator("param", (params: Record<string, string>) => {
  const id = params.id ?? "";
  if (!/^[1-9][0-9]{0,14}$/.test(id)) throw new ApiError(404, "not_found", t("cases.error.notFound"));
  return { id: Number(id) };
});

const flag = z
  .enum(["1", "true", "0", "false", ""])
  .optional()
  .transform((v) => v === "1" || v === "true");

/** Filters of the case list and its CSV export. */
export const listQuery = validator("query", (query: Record<string, string | string[]>) => {
  const parsed = z
    .object({
      state: z.enum([...reportStates, "open", ""]).optional(),
      kind: z.enum([...reportKinds, ""]).optional(),
      village: z
        .string()
        .refine((v) => v === "" || villageByCode(v) !== undefined)
        .optional(),
      town: z
        .string()
        .refine((v) => v === "" || townByCode(v) !== undefined)
        .optional(),
      overdue: flag,
      page: z.coerce.number().int().min(1).max(100_000).optional(),
      receipt: z.string().max(64).optional(),
    })
    .safeParse(query);
  if (!parsed.success) throw new ApiError(400, "invalid_query", t("cases.error.query"));
  const { state, kind, village, town, overdue, page } = parsed.data;
  // a receipt a villager reads out: spaces, dashes, full-width digits allowed; a wrong check digit is a 400
  const receipt = parsed.data.receipt ? normalizeReceipt(parsed.data.receipt) : null;
  if (receipt !== null && !isValidReceipt(receipt)) {
    throw new ApiError(400, "bad_receipt", t("reports.error.receiptFormat"), {
      receipt: t("reports.error.receiptFormat"),
    });
  }
  const filter: ListFilter = {
    state: state || null,
    kind: kind || null,
    village: village || null,
    town: town || null,
    overdue,
    page: page ?? 1,
    receipt,
  };
  return filter;
});
export interface ListFilter {
  state: (typeof reportStates)[number] | "open" | null;
  kind: (typeof reportKinds)[number] | null;
  village: string | null;
  town: string | null;
  overdue: boolean;
  page: number;
  /** A receipt to find the case of (normalized, check digit valid); only its hash reaches D1. */
  receipt: string | null;
}

const figurePeriod = /^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$/;

/**
 * The figures' scope: a town to break down by village, else the member's whole scope; and optionally the
 * period (`2026-11`, `2026-Q4` or `2026`) the counted cases were received in.
 */
export const figuresQuery = validator("query", (query: Record<string, string | string[]>) => {
  const town = typeof query.town === "string" ? query.town : "";
  if (town !== "" && !townByCode(town)) throw new ApiError(400, "invalid_query", t("cases.error.query"));
  const period = typeof query.period === "string" ? query.period : "";
  if (period !== "" && !figurePeriod.test(period)) {
    throw new ApiError(400, "invalid_query", t("cases.error.query"), { period: t("cases.error.field.period") });
  }
  return { town: town || null, period: period || null };
});

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d));

const bodies = {
  triage: z.object({ route: z.enum(reportRoutes) }),
  assign: z.object({
    responsible: safeText(RESPONSIBLE_MAX),
    deadline: z.union([isoDate, z.literal("")]).optional(),
    measures: safeText(MEASURES_MAX, { multiline: true }),
  }),
  answer: z.object({ answer: safeText(ANSWER_MAX, { min: ANSWER_MIN, multiline: true }) }),
  note: z.object({ note: safeText(NOTE_MAX, { multiline: true }) }),
  merge: z.object({ into: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) }),
  transfer: z.object({ town: z.string().refine((v) => townByCode(v) !== undefined) }),
};

const fieldMessages: Record<string, () => string> = {
  route: () => t("cases.error.field.route"),
  responsible: () => t("cases.error.field.responsible", { max: RESPONSIBLE_MAX }),
  deadline: () => t("cases.error.field.deadline"),
  measures: () => t("cases.error.field.measures", { max: MEASURES_MAX }),
  answer: () => t("cases.error.field.answer", { min: ANSWER_MIN, max: ANSWER_MAX }),
  note: () => t("cases.error.field.note", { max: NOTE_MAX }),
  into: () => t("cases.error.field.into"),
  town: () => t("cases.error.field.town"),
};

/**
 * A 422 with one Chinese message per named field.
 * @example throw invalidFields({ deadline: t("cases.error.field.deadlineFar") })
 */
export function invalidFields(fields: Record<string, string>): ApiError {
  return new ApiError(422, "invalid", t("cases.error.invalid"), fields);
}

/** @example fieldError("route", "cases.error.field.routeMisconduct") */
export const fieldError = (field: string, key: StringKey, values?: Record<string, string | number>) =>
  invalidFields({ [field]: t(key, values) });

const BODY_MAX_BYTES = 16 * 1024;

async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const media = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (media !== "application/json") throw new ApiError(415, "unsupported_media_type", t("cases.error.badJson"));
  const bytes = await request.arrayBuffer();
  if (bytes.byteLength > BODY_MAX_BYTES) throw new ApiError(413, "too_large", t("cases.error.tooLarge"));
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes));
  } catch {
    throw new ApiError(400, "bad_json", t("cases.error.badJson"));
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new ApiError(400, "bad_json", t("cases.error.badJson"));
  }
  if (hasLoneSurrogate(parsed)) throw new ApiError(400, "bad_encoding", t("text.badEncoding"));
  return parsed as Record<string, unknown>;
}

/**
 * The JSON body of one action, read with `c.req.valid("json")`.
 * @example cases.post("/api/staff/reports/:id/triage", actionBody("triage"), (c) => c.req.valid("json").route)
 */
export function actionBody<A extends keyof typeof bodies>(action: A) {
  return createMiddleware<
    { Bindings: Env },
    string,
    { in: { json: unknown }; out: { json: z.infer<(typeof bodies)[A]> } }
  >(async (c, next) => {
    const parsed = bodies[action].safeParse(await readJsonObject(c.req.raw));
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "");
        const message = issue.message === HIDDEN_TEXT ? () => t("text.hidden") : fieldMessages[field];
        if (message) fields[field] ??= message();
      }
      throw invalidFields(Object.keys(fields).length ? fields : { body: t("cases.error.badJson") });
    }
    c.req.addValidatedData("json", parsed.data as object);
    await next();
  });
}
