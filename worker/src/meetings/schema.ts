/** Validation of the meeting routes: the meeting body, the 评 tallies, ids and quarters in paths. */
import { validator } from "hono/validator";
import type { z } from "zod";
import { meetingInput, meetingRatings, PLACE_MAX } from "../../../schema/meeting.ts";
import { villageByCode } from "../../../schema/reference.ts";
import { CONTENT_MIN } from "../../../schema/report.ts";
import { t } from "../../../site/src/i18n/index.ts";
import { jsonBody } from "../disclosures/schema.ts";
import { ApiError } from "../errors.ts";

const messages: Record<string, () => string> = {
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

function invalid(error: z.ZodError): ApiError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const [top, index] = issue.path;
    if (top === "questions" && typeof index === "number") {
      fields[`questions.${index + 1}`] ??= t("meetings.error.question", { n: index + 1, min: CONTENT_MIN });
    } else {
      const name = String(top ?? "body");
      fields[name] ??= (messages[name] ?? (() => t("meetings.error.invalid")))();
    }
  }
  return new ApiError(422, "invalid", t("meetings.error.invalid"), fields);
}

export const meetingBody = jsonBody(meetingInput, invalid);
export const ratingsBody = jsonBody(meetingRatings, invalid);

/** `:id` of a meeting. */
export const meetingIdParam = validator("param", (params: Record<string, string>) => {
  const id = params.id ?? "";
  if (!/^[1-9][0-9]{0,14}$/.test(id)) throw new ApiError(404, "not_found", t("meetings.error.notFound"));
  return { id: Number(id) };
});

/** `?village=` of the staff list (optional: the member's own village). */
export const villageQuery = validator("query", (query: Record<string, string | string[]>) => {
  const village = typeof query.village === "string" && query.village !== "" ? query.village : undefined;
  if (village !== undefined && !villageByCode(village)) {
    throw new ApiError(404, "not_found", t("publish.error.village"), { village: t("publish.error.village") });
  }
  return { village };
});

/** The public page's `:code` and `:quarter`; anything else is the friendly 404 page. */
export function pageParams(code: string, quarter: string): { code: string; quarter: string } | null {
  return villageByCode(code) && /^\d{4}-Q[1-4]$/.test(quarter) ? { code, quarter } : null;
}
