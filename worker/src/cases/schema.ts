/**
 * The staff case routes' contract: list and figure queries, each action's JSON body, and how each
 * refusal reads in Chinese.
 */
import { z } from "@hono/zod-openapi";
import { ANSWER_MAX, ANSWER_MIN, MEASURES_MAX, NOTE_MAX, RESPONSIBLE_MAX } from "#core/case.ts";
import { type StringKey, t } from "#core/i18n/index.ts";
import { figuresPeriod, townCode, villageCode } from "#core/ids.ts";
import { normalizeReceipt, reportKinds, reportRoutes, reportStates } from "#core/report.ts";
import { safeText } from "#core/text.ts";
import type { BodyRules } from "../contract/body.ts";
import { notFound } from "../contract/params.ts";
import type { Refusal } from "../contract/refusal.ts";
import { ApiError } from "../errors.ts";

/** A case id that is not one answers like a case that does not exist. */
export const caseNotFound = notFound("cases.error.notFound");

const flag = z
  .enum(["1", "true", "0", "false", ""])
  .optional()
  .transform((v) => v === "1" || v === "true");

const blank = <S extends z.ZodType>(schema: S) => z.union([schema, z.literal("")]).optional();

/**
 * Filters of the case list and its CSV export. A receipt a villager reads out may carry spaces, dashes,
 * full-width digits; the handler refuses one whose check digit is wrong.
 */
export const listQuery = z
  .object({
    state: z.enum([...reportStates, "open", ""]).optional(),
    kind: z.enum([...reportKinds, ""]).optional(),
    village: blank(villageCode),
    town: blank(townCode),
    overdue: flag,
    page: z.coerce.number().int().min(1).max(100_000).optional(),
    receipt: z.string().max(64).optional(),
  })
  .transform(
    (q): ListFilter => ({
      state: q.state || null,
      kind: q.kind || null,
      village: q.village || null,
      town: q.town || null,
      overdue: q.overdue,
      page: q.page ?? 1,
      receipt: q.receipt ? normalizeReceipt(q.receipt) : null,
    }),
  );

/** A bad list filter: one 400 for the whole query. */
export const listRefusal: Refusal = {
  status: 400,
  code: "invalid_query",
  message: () => t("cases.error.query"),
  bare: true,
};

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

/**
 * The figures' scope: a town to break down by village, else the member's whole scope; and optionally the
 * period (`2026-11`, `2026-Q4` or `2026`) the counted cases were received in.
 */
export const figuresQuery = z.object({
  town: blank(townCode).transform((v) => v || null),
  period: blank(figuresPeriod).transform((v) => v || null),
});

/** A bad figures query: a 400, naming the period when that is what is wrong. */
export const figuresRefusal: Refusal = {
  status: 400,
  code: "invalid_query",
  message: () => t("cases.error.query"),
  fields: { period: () => t("cases.error.field.period") },
};

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d));

/** Each action's body. */
export const actionBodies = {
  triage: z.object({ route: z.enum(reportRoutes) }),
  assign: z.object({
    responsible: safeText(RESPONSIBLE_MAX),
    deadline: z.union([isoDate, z.literal("")]).optional(),
    measures: safeText(MEASURES_MAX, { multiline: true }),
    /** The item of the 三张清单 naming the body responsible (schema/duties.ts); absent or "": free text only. */
    duty: z.union([z.string().regex(/^[dm]\d{3}$/), z.literal("")]).optional(),
  }),
  answer: z.object({ answer: safeText(ANSWER_MAX, { min: ANSWER_MIN, multiline: true }) }),
  note: z.object({ note: safeText(NOTE_MAX, { multiline: true }) }),
  merge: z.object({ into: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) }),
  transfer: z.object({ town: townCode }),
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
  duty: () => t("duties.error.item"),
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

/** Every action's body: JSON, at most 16 KB. */
export const actionBodyRules: BodyRules = {
  formats: ["json"],
  maxBytes: 16 * 1024,
  tooLarge: "cases.error.tooLarge",
  badJson: "cases.error.badJson",
};

/** A bad action body: a 422 naming each field. */
export const actionRefusal: Refusal = {
  status: 422,
  code: "invalid",
  message: () => t("cases.error.invalid"),
  fields: fieldMessages,
};
