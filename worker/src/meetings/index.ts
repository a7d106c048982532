/**
 * 一季一晒 阳光报告会. A secretary (or the district admin) records a village's quarterly meeting:
 * POST /api/staff/meetings with 述 (disclosure ids), 询 (questions, each stored as a case with source
 * 'meeting', filed by the recording member, through the intake's own statements, so it gets a receipt
 * (shown once, in this route's answer, for the slip) and enters the console, where
 * 定 is given), and 评 (tallies, also settable later via POST /api/staff/meetings/<id>/ratings). All of it
 * lands in one batch with its audit row, or nothing does. The public page is /v/<code>/meetings/<YYYY-Qn>/.
 */
import { canSeeVillage, may } from "#core/access.ts";
import { t } from "#core/i18n/index.ts";
import { type MeetingInput, type MeetingRatings, meetingInput, meetingRatings, quarterOf } from "#core/meeting.ts";
import { chinaDate, periodLabel } from "#core/period.ts";
import { villageByCode } from "#core/reference.ts";
import type { StaffMember } from "#core/staff.ts";
import { recordAudit } from "../audit/queries.ts";
import { nowOf } from "../config/context.ts";
import { idParams, meetingPageParams, villageQuery } from "../contract/params.ts";
import { PAGE_NOT_FOUND } from "../contract/refusal.ts";
import { body, created, createRouter, json, route } from "../contract/router.ts";
import { publishBodyRules, unknownVillage } from "../disclosures/schema.ts";
import { ApiError } from "../errors.ts";
import { serveLivePage, shellRewriter } from "../pages/serve.ts";
import { isRetryableFiling, staffFiledCase } from "../reports/staff-filed.ts";
import { scopedVillage } from "../staff/scope.ts";
import type { StaffEnv } from "../staff/session.ts";
import { meetingPage } from "./page.ts";
import {
  linkQuestion,
  meetingById,
  meetingDetail,
  meetingOf,
  meetingStatements,
  ownDisclosureCount,
  setRatings,
  villageMeetings,
} from "./queries.ts";
import { meetingNotFound, meetingRefusal } from "./schema.ts";

/** The public meeting page. */
export const meetingPages = createRouter<{ Bindings: Env }>();
/** Recording and listing meetings: mounted under /api/staff (session and same-origin guards there). */
export const meetingRoutes = createRouter<StaffEnv>();

const refuse = (fields: Record<string, string>) => new ApiError(422, "invalid", t("meetings.error.invalid"), fields);

/** The roles that may record meetings (schema/access.ts), in the villages they reach (a known one: `villageCode`). */
function requireRecorder(staff: StaffMember, village: string): void {
  if (!may(staff, "recordMeetings") || !canSeeVillage(staff, village)) {
    throw new ApiError(403, "forbidden", t("meetings.error.scope"));
  }
}

/** Cross-field checks zod cannot make: the date inside the quarter and not ahead, the counts adding up. */
async function checkMeeting(db: D1Database, input: MeetingInput, today: string): Promise<void> {
  const fields: Record<string, string> = {};
  if (quarterOf(input.heldOn) !== input.quarter || input.heldOn > today || Number.isNaN(Date.parse(input.heldOn))) {
    fields.heldOn = t("meetings.error.heldOn", { quarter: periodLabel(input.quarter) });
  }
  if (input.partyMembers + input.representatives > input.attendees) fields.attendees = t("meetings.error.attendees");
  const r = input.ratings;
  if (r && r.satisfied + r.basic + r.unsatisfied > input.attendees) fields.ratings = t("meetings.error.ratings");
  const ids = new Set(input.disclosures);
  if (ids.size > 0 && (await ownDisclosureCount(db, input.village, [...ids])) !== ids.size) {
    fields.disclosures = t("meetings.error.disclosures");
  }
  if (Object.keys(fields).length > 0) throw refuse(fields);
}

const isConflict = (err: unknown, pattern: RegExp) => err instanceof Error && pattern.test(err.message);

/** A recorded meeting, with each question's receipt (given this once only) and the meeting's page. */
type Recorded = NonNullable<Awaited<ReturnType<typeof meetingOf>>> & {
  questions: { receipt: string; url: string }[];
  url: string;
};

const recordRoute = route(
  {
    method: "post",
    path: "/meetings",
    summary: "记录一次阳光报告会（述、询、定、评），询的问题各成一个案件",
    request: { body: body(meetingInput) },
    responses: created<Recorded>("报告会，连同每个问题的回执（只这一次给出）"),
  },
  {
    refusals: { json: meetingRefusal },
    body: publishBodyRules,
    errors: { 403: "只有本村书记或区里能记录", 409: "这个季度已经记录过" },
  },
);

const record = meetingRoutes.openapi(recordRoute, async (c) => {
  const input = c.req.valid("json");
  const staff = c.get("staff");
  requireRecorder(staff, input.village);
  const today = chinaDate(nowOf(c));
  await checkMeeting(c.env.DB, input, today);
  if (await meetingOf(c.env.DB, input.village, input.quarter)) {
    throw new ApiError(409, "conflict", t("meetings.error.duplicate", { quarter: periodLabel(input.quarter) }));
  }
  for (let attempt = 1; ; attempt++) {
    const questions = await Promise.all(
      input.questions.map((q) =>
        staffFiledCase(c.env.DB, {
          village: input.village,
          input: { kind: q.kind, topic: q.topic, content: q.content },
          filedBy: staff.username,
          receivedOn: today,
        }),
      ),
    );
    const statements = [
      ...meetingStatements(c.env.DB, input, staff.username, nowOf(c).toISOString()),
      ...questions.flatMap((q) => [...q.statements, linkQuestion(c.env.DB, input.village, input.quarter, q.hash)]),
      await recordAudit(c.env.DB, {
        action: "meeting_record",
        actorId: staff.id,
        actor: staff.username,
        target: `meeting:${input.village}:${input.quarter}`,
        detail: { questions: questions.length, disclosures: input.disclosures.length },
      }),
    ];
    try {
      await c.env.DB.batch(statements);
    } catch (err) {
      if (isConflict(err, /UNIQUE constraint failed: meetings\./)) {
        throw new ApiError(409, "conflict", t("meetings.error.duplicate", { quarter: periodLabel(input.quarter) }));
      }
      if (attempt < 5 && isRetryableFiling(err)) continue;
      throw err;
    }
    const meeting = (await meetingOf(c.env.DB, input.village, input.quarter)) as NonNullable<
      Awaited<ReturnType<typeof meetingOf>>
    >;
    const url = `/v/${input.village}/meetings/${input.quarter}/`;
    // The receipts go on the slips handed to the villagers who asked. This answer is the only time any
    // staff member sees them: only their hashes are stored, and no later read shows them. Because staff
    // saw them, these cases are marked filed_by and their ratings are counted apart in every figure.
    return c.json(
      { ...meeting, questions: questions.map((q) => ({ receipt: q.receipt, url: `/r/${q.receipt}` })), url },
      201,
      {
        Location: url,
      },
    );
  }
});

/** A meeting with the ratings just set. */
type Rated = NonNullable<Awaited<ReturnType<typeof meetingById>>> & MeetingRatings;

const ratingsRoute = route(
  {
    method: "post",
    path: "/meetings/{id}/ratings",
    summary: "补记报告会上的评议（满意、基本满意、不满意）",
    request: { params: idParams, body: body(meetingRatings) },
    responses: json<Rated>("报告会，连同补记的评议"),
  },
  {
    refusals: { param: meetingNotFound, json: meetingRefusal },
    body: publishBodyRules,
    errors: { 403: "只有本村书记或区里能记录" },
  },
);

const rate = meetingRoutes.openapi(ratingsRoute, async (c) => {
  const staff = c.get("staff");
  const ratings = c.req.valid("json");
  const meeting = await meetingById(c.env.DB, c.req.valid("param").id);
  if (!meeting) throw new ApiError(404, "not_found", t("meetings.error.notFound"));
  requireRecorder(staff, meeting.village);
  if (ratings.satisfied + ratings.basic + ratings.unsatisfied > meeting.attendees) {
    throw refuse({ ratings: t("meetings.error.ratings") });
  }
  await c.env.DB.batch([
    setRatings(c.env.DB, meeting.id, ratings),
    await recordAudit(c.env.DB, {
      action: "meeting_ratings",
      actorId: staff.id,
      actor: staff.username,
      target: `meeting:${meeting.id}`,
      detail: { ...ratings },
    }),
  ]);
  const rated: Rated = { ...meeting, ...ratings };
  return c.json(rated, 200);
});

const listRoute = route(
  {
    method: "get",
    path: "/meetings",
    summary: "一个村记录过的报告会",
    request: { query: villageQuery },
    responses: json<{ village: string; meetings: Awaited<ReturnType<typeof villageMeetings>> }>("{village, meetings}"),
  },
  { refusals: { query: unknownVillage }, errors: { 403: "不是本辖区的村" } },
);

const list = meetingRoutes.openapi(listRoute, async (c) => {
  const staff = c.get("staff");
  const village = scopedVillage(staff, c.req.valid("query").village, t("meetings.error.scope"));
  c.header("Cache-Control", "no-store");
  return c.json({ village, meetings: await villageMeetings(c.env.DB, village) }, 200);
});

const pageRoute = route(
  {
    method: "get",
    path: "/v/{code}/meetings/{quarter}/",
    summary: "一次阳光报告会的公开页（HTML）",
    request: { params: meetingPageParams },
    responses: { 200: { description: "报告会页" }, 404: { description: "没有这次报告会（HTML）" } },
  },
  { refusals: { param: PAGE_NOT_FOUND } },
);

meetingPages.openapi(pageRoute, async (c) => {
  const params = c.req.valid("param");
  const village = villageByCode(params.code) as NonNullable<ReturnType<typeof villageByCode>>;
  return serveLivePage(c, {
    asset: "/shell/meeting/",
    data: { village: params.code },
    fill: async () => {
      const meeting = await meetingOf(c.env.DB, params.code, params.quarter);
      const detail = meeting ? await meetingDetail(c.env.DB, meeting.id) : { reported: [], questions: [] };
      const { title, html } = meetingPage(village, params.quarter, meeting, detail);
      return { rewriter: shellRewriter(title, html), status: meeting ? 200 : 404 };
    },
    cacheControl: "public, no-cache",
  });
});

/** The typed routes of this sub-app, for the typed client (client.ts). */
export type MeetingApi = typeof record | typeof rate | typeof list;
