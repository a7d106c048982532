/**
 * What a grid worker (网格员) carries into the system, shared by the worker and the staff pages: a
 * villager's words filed on their behalf (代办), a problem found on patrol (排查上报) with its 特别关注
 * category, and a 百姓夜话 evening talk whose requests each become a case. Pure.
 */
import { z } from "zod";
import { CONTENT_MAX, CONTENT_MIN, type ReportTopic, reportInput, reportKinds, reportTopics } from "./report.ts";
import { safeText } from "./text.ts";

/** A third-level grid's id: its village's 12 digits and 2 more. */
export const gridId = z.string().regex(/^\d{14}$/);

const content = safeText(CONTENT_MAX, { min: CONTENT_MIN, multiline: true });

/** POST /api/staff/grid/cases: 代办, the villager's words and, with their consent, a name and phone. */
export const behalfInput = z.object({
  grid: gridId,
  kind: z.enum(reportKinds),
  topic: z.enum(reportTopics),
  content,
  contact: reportInput.shape.contact,
});
export type BehalfInput = z.infer<typeof behalfInput>;

/**
 * The 特别关注 directions a patrol report is filed under, and the topic its case takes (a patrol report is
 * a request: something to put right, with no villager behind it).
 */
export const patrolCategories = [
  { id: "living", name: "居住环境", topic: "livelihood" },
  { id: "policy", name: "政策咨询", topic: "policy" },
  { id: "welfare", name: "民生保障", topic: "livelihood" },
  { id: "disputes", name: "矛盾纠纷", topic: "affairs" },
  { id: "safety", name: "安全隐患", topic: "livelihood" },
  { id: "affairs", name: "村务管理", topic: "affairs" },
] as const satisfies readonly { id: string; name: string; topic: ReportTopic }[];
export type PatrolCategory = (typeof patrolCategories)[number]["id"];
const categoryIds = patrolCategories.map((c) => c.id) as [PatrolCategory, ...PatrolCategory[]];

/**
 * A 特别关注 category by id.
 * @example patrolCategory("disputes").name // "矛盾纠纷"
 */
export const patrolCategory = (id: PatrolCategory) =>
  patrolCategories.find((c) => c.id === id) as (typeof patrolCategories)[number];

/** POST /api/staff/grid/patrols: 排查上报. */
export const patrolInput = z.object({ grid: gridId, category: z.enum(categoryIds), content });
export type PatrolInput = z.infer<typeof patrolInput>;

export const TALK_PLACE_MAX = 60;
export const TALK_REQUESTS_MAX = 50;

/** What a request raised at a 百姓夜话 can be: a question or a request, never misconduct (that is the villager's own). */
export const talkKinds = ["request", "question"] as const;

/** A request raised at a 百姓夜话: it becomes a case. */
export const talkRequest = z.object({
  kind: z.enum(talkKinds),
  topic: z.enum(reportTopics),
  content,
});

/** POST /api/staff/grid/talks: 百姓夜话. */
export const talkInput = z.object({
  grid: gridId,
  heldOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  place: safeText(TALK_PLACE_MAX),
  attendees: z.number().int().min(1).max(5000),
  requests: z.array(talkRequest).max(TALK_REQUESTS_MAX).default([]),
});
export type TalkInput = z.infer<typeof talkInput>;

/** POST /api/staff/grid/cases/{id}/notes: what the villager later told the grid worker (never a rating). */
export const gridNoteInput = z.object({ note: safeText(1000, { min: 1, multiline: true }) });

/** One grid's (or group's) counts: its talks, and its cases by the way they came, each with how many are closed. */
export interface GridCounts {
  talks: number;
  requests: number;
  requestsClosed: number;
  patrols: number;
  patrolsClosed: number;
  behalf: number;
  behalfClosed: number;
}

/** A row of the grid figures (GET /api/figures/grid), shared by the worker and the console page. */
export interface GridFigures extends GridCounts {
  /** The denominators: how many third-level grids and villages the group has. */
  grids: number;
  villages: number;
  /** Cases villagers filed themselves (QR code); null for a single grid, which they are not filed under. */
  qr: number | null;
}
