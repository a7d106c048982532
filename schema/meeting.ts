/**
 * 一季一晒 阳光报告会: what a secretary records of a village's quarterly meeting (述 the disclosures
 * reported, 询 the questions raised, 评 the tallies), shared by the worker and the site. Pure.
 */
import { z } from "zod";
import { quarter, villageCode } from "./ids.ts";
import { CONTENT_MAX, CONTENT_MIN, reportTopics } from "./report.ts";
import { safeText } from "./text.ts";

export const PLACE_MAX = 60;
export const ATTENDEES_MAX = 5000;
export const QUESTIONS_MAX = 50;

const count = z.number().int().min(0).max(ATTENDEES_MAX);

export const meetingRatings = z.object({ satisfied: count, basic: count, unsatisfied: count });
export type MeetingRatings = z.infer<typeof meetingRatings>;

/** A question raised at the meeting; it becomes a case (a question or a request, never misconduct). */
export const meetingQuestion = z.object({
  kind: z.enum(["question", "request"]),
  topic: z.enum(reportTopics),
  content: safeText(CONTENT_MAX, { min: CONTENT_MIN, multiline: true }),
});

/** POST /api/staff/meetings */
export const meetingInput = z.object({
  village: villageCode,
  quarter,
  heldOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  place: safeText(PLACE_MAX),
  attendees: count.min(1),
  partyMembers: count.default(0),
  representatives: count.default(0),
  /** 述: ids of the village's published disclosures reported on. */
  disclosures: z.array(z.number().int().positive()).max(60).default([]),
  /** 询 */
  questions: z.array(meetingQuestion).max(QUESTIONS_MAX).default([]),
  /** 评, when already counted at the meeting (it can be recorded later too). */
  ratings: meetingRatings.optional(),
});
export type MeetingInput = z.infer<typeof meetingInput>;

/**
 * The quarter a date falls in.
 * @example quarterOf("2026-11-05") // "2026-Q4"
 */
export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}
