/** The meeting routes' contract: the meeting body, the 评 tallies, and how a bad one is refused. */

import { t } from "#core/i18n/index.ts";
import { PLACE_MAX } from "#core/meeting.ts";
import { CONTENT_MIN } from "#core/report.ts";
import { notFound } from "../contract/params.ts";
import type { FieldMessage, Refusal } from "../contract/refusal.ts";

const messages: Record<string, FieldMessage> = {
  village: () => t("publish.error.village"),
  quarter: () => t("meetings.error.quarter"),
  heldOn: () => t("meetings.error.heldOn", { quarter: "" }),
  place: () => t("meetings.error.place", { max: PLACE_MAX }),
  attendees: () => t("meetings.error.attendees"),
  partyMembers: () => t("meetings.error.attendees"),
  representatives: () => t("meetings.error.attendees"),
  disclosures: () => t("meetings.error.disclosures"),
  ratings: () => t("meetings.error.ratings"),
  satisfied: () => t("meetings.error.ratings"),
  basic: () => t("meetings.error.ratings"),
  unsatisfied: () => t("meetings.error.ratings"),
};

/** A bad meeting or tally: a 422 naming each field; a question by its number (`questions.2`). */
export const meetingRefusal: Refusal = {
  status: 422,
  code: "invalid",
  message: () => t("meetings.error.invalid"),
  fields: {
    ...messages,
    questions: (_issue, n) => (n ? t("meetings.error.question", { n, min: CONTENT_MIN }) : t("meetings.error.invalid")),
  },
};

/** A meeting id that is not one: the same 404 as a meeting that does not exist. */
export const meetingNotFound = notFound("meetings.error.notFound");
