/**
 * 积分制, public side:
 * - GET /api/villages/{code}/points/chain: the village's points ledger recomputed, like its disclosures'.
 * - GET /h/{code}: a household's own points page, opened by the code on its card (一户一码). The code is
 *   a secret like a receipt: only its hash is stored, guesses are throttled like receipt guesses, and the
 *   page shows that one household alone.
 * - POST /h/{code}/questions: the household questions one of its entries; a 码上问 case through the
 *   villagers' own intake (idempotency key, rate limits, receipt), then the receipt page.
 * - GET /v/{code}/points/?quarter=: the village's 积分公示 (board, rules, fingerprint).
 * - GET /api/figures/points?period=&place=: points awarded, deducted, reversed, redeemed and shops held,
 *   for the district, a town or a village.
 */
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { t } from "#core/i18n/index.ts";
import { figuresPeriod, quarter } from "#core/ids.ts";
import { quarterOf } from "#core/meeting.ts";
import { chinaDate } from "#core/period.ts";
import { verifyLedger } from "#core/points.ts";
import { periodBounds } from "#core/publish-periods.ts";
import { district, townByCode, villageByCode } from "#core/reference.ts";
import { isValidReceipt, receiptHash } from "#core/report.ts";
import { nowOf } from "../config/context.ts";
import { exampleTown, inQuery, notFound, villageParams } from "../contract/params.ts";
import { PAGE_NOT_FOUND, type Refusal } from "../contract/refusal.ts";
import { body, created, createRouter, json, route } from "../contract/router.ts";
import { ApiError } from "../errors.ts";
import { servePage, shellRewriter } from "../pages/serve.ts";
import { readOne } from "../reads.ts";
import { intake, privatePage } from "../reports/index.ts";
import { RateLimited, receiptGuard } from "../reports/rate-limit.ts";
import { submissionKey } from "../reports/schema.ts";
import { boardPage } from "./board.ts";
import { householdPage, householdRefusal, type QuestionFill, signed } from "./card.ts";
import {
  currentRules,
  type HouseholdRow,
  householdBalance,
  householdByCodeHash,
  householdLedger,
  ledgerHead,
  ledgerRows,
  pointsBoard,
  pointsFigures,
} from "./queries.ts";
import { cardNotFound, cardParams, pointsRefusal, questionBodyRules, questionInput } from "./schema.ts";

export const pointsPages = createRouter<{ Bindings: Env }>();

const chainRoute = route(
  {
    method: "get",
    path: "/api/villages/{code}/points/chain",
    summary: "重算一个村积分账的哈希链",
    request: { params: villageParams },
    responses: json<{ village: string } & Awaited<ReturnType<typeof verifyLedger>>>(
      "{village, valid, length, head, brokenAt?}",
    ),
  },
  { refusals: { param: notFound("disclosures.error.villageUnknown") } },
);

const chain = pointsPages.openapi(chainRoute, async (c) => {
  const { code } = c.req.valid("param");
  const result = await verifyLedger(await ledgerRows(c.env.DB, code));
  c.header("Cache-Control", "no-store");
  return c.json({ village: code, ...result }, 200);
});

/** The household a card's code opens, or why not: a 404 for a code that is none, a 429 for a guesser. */
async function cardHousehold(c: Context<{ Bindings: Env }>, code: string): Promise<HouseholdRow> {
  const guard = await receiptGuard(c.env, c.req.raw, nowOf(c));
  if (guard.refused) throw guard.refused;
  const household = isValidReceipt(code) ? await householdByCodeHash(c.env.DB, await receiptHash(code)) : null;
  if (!household) {
    if (isValidReceipt(code)) await guard.miss();
    throw new ApiError(404, "not_found", t("points.error.card"));
  }
  return household;
}

/** The card page of `household`, its question form filled with `fill`. */
async function cardPage(
  c: Context<{ Bindings: Env }>,
  household: HouseholdRow,
  code: string,
  fill: QuestionFill,
  status = 200,
) {
  const [lines, balance] = await Promise.all([
    householdLedger(c.env.DB, household.id),
    householdBalance(c.env.DB, household.id),
  ]);
  const page = householdPage(household, lines, balance, code, fill);
  return servePage(c, "/shell/household/", shellRewriter(page.title, page.html), privatePage(status));
}

/** A card that opens nothing: the page says so (404), or a guesser is told to wait (429). */
function cardRefused(c: Context<{ Bindings: Env }>, error: ApiError) {
  const main = shellRewriter(t("points.card.title"), householdRefusal(error.message));
  return servePage(c, "/shell/household/", main, privatePage(error.status, retryAfter(error)));
}

/** A rate-limited refusal says when to try again. */
const retryAfter = (error: ApiError): Record<string, string> =>
  error instanceof RateLimited ? { "Retry-After": String(error.retryAfter) } : {};

const cardRoute = route(
  {
    method: "get",
    path: "/h/{code}",
    summary: "一户一码：一户人家凭积分卡上的码查看自家的积分明细（HTML）",
    request: { params: cardParams },
    responses: { 200: { description: "这一户的积分页" }, 404: { description: "户码不对（HTML）" } },
  },
  { refusals: { param: cardNotFound }, errors: { 429: "猜码太多，请看 Retry-After" } },
);

pointsPages.openapi(cardRoute, async (c) => {
  const { code } = c.req.valid("param");
  try {
    const household = await cardHousehold(c, code);
    return cardPage(c, household, code, { key: crypto.randomUUID() });
  } catch (error) {
    if (error instanceof ApiError) return cardRefused(c, error);
    throw error;
  }
});

const questionRoute = route(
  {
    method: "post",
    path: "/h/{code}/questions",
    summary: "对自家的一条积分记录提出疑问：成为一件码上问，给回执（JSON 或网页表单）",
    request: { params: cardParams, body: body(questionInput, questionInput) },
    responses: {
      ...created<{ receipt: Awaited<ReturnType<typeof intake>>; url: string }>("收到了：{receipt, url}"),
      303: { description: "网页表单：转到回执页" },
    },
  },
  {
    refusals: { param: cardNotFound, json: pointsRefusal, form: pointsRefusal },
    body: questionBodyRules,
    errors: { 409: "同一个 Idempotency-Key 换了内容", 429: "太频繁，请看 Retry-After" },
  },
);

const question = pointsPages.openapi(questionRoute, async (c) => {
  const { code } = c.req.valid("param");
  const form = (c.req.header("content-type") ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded");
  const input = form ? c.req.valid("form") : c.req.valid("json");
  const key = submissionKey(c.req.header("idempotency-key"), input.key);
  let household: HouseholdRow;
  try {
    household = await cardHousehold(c, code);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return form ? cardRefused(c, error) : c.json(error.body(), error.status, retryAfter(error));
  }
  try {
    const lines = await householdLedger(c.env.DB, household.id);
    const line = lines.find((l) => l.id === input.entry && l.kind !== "redeem");
    if (!line) throw new ApiError(422, "invalid", t("points.error.entry"), { entry: t("points.error.entry") });
    const content = t("points.card.question", {
      id: line.id,
      date: line.date,
      title: line.title,
      points: signed(line.points),
      content: input.content,
    });
    const report = { kind: "question" as const, topic: "affairs" as const, content };
    const receipt = await intake(
      c.env,
      c.req.raw,
      household.village,
      { input: report, attachments: [] },
      key,
      nowOf(c),
    );
    if (form) return c.redirect(`/r/${receipt}`, 303);
    return c.json({ receipt, url: `/r/${receipt}` }, 201, { Location: `/r/${receipt}` });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (!form) return c.json(error.body(), error.status, retryAfter(error));
    const fill = { key: key ?? crypto.randomUUID(), error: error.message, entry: input.entry, content: input.content };
    return cardPage(c, household, code, fill, error.status);
  }
});

const scannedRoute = route(
  {
    method: "get",
    path: "/H/{code}",
    summary: "扫积分卡上的码（大写网址）转到这一户的积分页",
    request: { params: cardParams },
    responses: { 301: { description: "转到 /h/<code>" }, 404: { description: "户码不对（HTML）" } },
  },
  { refusals: { param: cardNotFound } },
);

pointsPages.openapi(scannedRoute, (c) => c.redirect(`/h/${c.req.valid("param").code}`, 301));

const boardQuery = z.object({
  quarter: z
    .preprocess((v) => (v === "" ? undefined : v), quarter.optional())
    .openapi({ param: { name: "quarter", in: "query" }, example: "2026-Q4" }),
});

const boardRoute = route(
  {
    method: "get",
    path: "/v/{code}/points/",
    summary: "村的积分公示：一个季度的积分榜（姓名遮挡）、积分细则、积分账指纹（HTML）",
    request: { params: villageParams, query: boardQuery },
    responses: { 200: { description: "积分公示页" }, 404: { description: "没有这个村（HTML）" } },
  },
  { refusals: { param: PAGE_NOT_FOUND, query: PAGE_NOT_FOUND } },
);

pointsPages.openapi(boardRoute, async (c) => {
  const { code } = c.req.valid("param");
  const village = villageByCode(code) as NonNullable<ReturnType<typeof villageByCode>>;
  const shown = c.req.valid("query").quarter ?? quarterOf(chinaDate(nowOf(c)));
  const { start, end } = periodBounds(shown);
  const [lines, rules, head] = await Promise.all([
    readOne(pointsBoard(c.env.DB, code, start, end)),
    currentRules(c.env.DB, code),
    ledgerHead(c.env.DB, code),
  ]);
  const page = boardPage(village, shown, lines, rules, head);
  return servePage(c, "/shell/points/", shellRewriter(page.title, page.html), {
    headers: { "Cache-Control": "public, max-age=60" },
  });
});

const figuresQuery = z.object({
  period: figuresPeriod.openapi({ param: { name: "period", in: "query" }, example: "2026-Q4" }),
  place: z
    .string()
    .regex(/^(\d{6}|\d{9}|\d{12})$/)
    .refine((p) => p === district.code || townByCode(p) !== undefined || villageByCode(p) !== undefined)
    .default(district.code)
    .openapi(inQuery("place", exampleTown)),
});

const figuresRefusal: Refusal = {
  status: 400,
  code: "invalid",
  message: () => t("points.error.figuresPlace"),
  fields: { period: () => t("points.error.quarter"), place: () => t("points.error.figuresPlace") },
};

const figuresRoute = route(
  {
    method: "get",
    path: "/api/figures/points",
    summary: "积分制的数字：加分、扣分、撤销、兑换和开过的积分超市（区、镇街或村，按月、季度或年）",
    request: { query: figuresQuery },
    responses: json<{ place: string; period: string } & Awaited<ReturnType<typeof pointsFigures>>>(
      "{place, period, villages, households, awarded, deducted, reversed, redeemed, shops}",
    ),
  },
  { refusals: { query: figuresRefusal } },
);

const figures = pointsPages.openapi(figuresRoute, async (c) => {
  const { period, place } = c.req.valid("query");
  const { start, end } = periodBounds(period);
  c.header("Cache-Control", "public, max-age=300");
  return c.json({ place, period, ...(await pointsFigures(c.env.DB, place, start, end)) }, 200);
});

/** The typed routes of this sub-app, for the typed client (client.ts). */
export type PointsPublicApi = typeof chain | typeof question | typeof figures;
