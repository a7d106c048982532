/**
 * Villagers' reports (码上问 · 码上办 · 我要监督): kinds, topics, states, the intake and rating inputs,
 * receipts with their check digit, and the public case figures. Shared by the site, the worker and the
 * staff console.
 */
import { z } from "zod";

export const reportKinds = ["question", "request", "misconduct"] as const;
export const reportTopics = ["affairs", "policy", "livelihood", "conduct"] as const;
export const reportStates = ["received", "accepted", "handling", "answered", "closed"] as const;
export const reportRoutes = ["township", "village", "neighbours", "discipline"] as const;
export const ratings = ["satisfied", "basic", "unsatisfied"] as const;

export type ReportKind = (typeof reportKinds)[number];
export type ReportTopic = (typeof reportTopics)[number];
export type ReportState = (typeof reportStates)[number];
export type ReportRoute = (typeof reportRoutes)[number];
export type Rating = (typeof ratings)[number];

/** The form page of each kind: /v/<code>/<path>/. */
export const kindPaths: Record<ReportKind, string> = { question: "ask", request: "help", misconduct: "report" };

export const CONTENT_MIN = 5;
export const CONTENT_MAX = 3000;
/** Request bodies above this many bytes are refused before parsing. */
export const BODY_MAX_BYTES = 16 * 1024;

/**
 * Whether text holds characters a villager never types but an attacker might: C0/C1 controls other than
 * tab and line breaks, and bidi overrides that make text read differently from what is stored.
 * @example hasHiddenControls("路灯\u0000坏了") // true
 */
export function hasHiddenControls(text: string): boolean {
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || (c >= 0x7f && c <= 0x9f)) return true;
    if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return true;
  }
  return false;
}

const visibleText = (s: string) => !hasHiddenControls(s);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine(visibleText)
    .transform((s) => s || undefined)
    .optional();

/**
 * A phone number as typed: full-width digits made ASCII, spaces (also full-width) dropped, a leading
 * +86 / 86 removed from a mobile number.
 * @example normalizePhone(" +86 138 0000 0000") // "13800000000"
 */
export function normalizePhone(input: string): string {
  const digits = input
    .replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10))
    .replace(/[ \u3000－]/g, (c) => (c === "－" ? "-" : ""));
  return digits.replace(/^\+?86-?(?=1[3-9]\d{9}$)/, "");
}

/**
 * Whether a normalized number is a mainland mobile number (1[3-9] and 9 more digits, dashes as in
 * 138-0000-0000 allowed) or a landline with its area code (0 and 2–3 digits, then 7–8 digits, a dash
 * between them allowed).
 * @example isPhoneNumber("13800000000") // true
 * @example isPhoneNumber("0543-3321234") // true
 * @example isPhoneNumber("3321234") // false: no area code
 */
export function isPhoneNumber(phone: string): boolean {
  return /^1[3-9]\d-?\d{4}-?\d{4}$/.test(phone) || /^0\d{2,3}-?\d{7,8}$/.test(phone);
}

export const reportInput = z.object({
  kind: z.enum(reportKinds),
  topic: z.enum(reportTopics),
  content: z.string().trim().min(CONTENT_MIN).max(CONTENT_MAX).refine(visibleText),
  contact: z
    .object({
      name: optionalText(20),
      phone: z
        .string()
        .transform(normalizePhone)
        .refine((s) => s === "" || isPhoneNumber(s))
        .transform((s) => s || undefined)
        .optional(),
    })
    .optional(),
  disclosure: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  power: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/)
    .optional(),
});
export type ReportInput = z.infer<typeof reportInput>;

export const ratingInput = z.object({
  rating: z.enum(ratings),
  comment: optionalText(500),
});
export type RatingInput = z.infer<typeof ratingInput>;

/** An Idempotency-Key: what the page generates (UUID or hex), and what integrators reasonably send. */
export const idempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{8,100}$/);

// Damm's quasigroup of order 10 (weakly totally anti-symmetric): the check digit catches every
// single-digit error and every transposition of adjacent digits.
const DAMM = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
] as const;

/**
 * The Damm check digit of a string of decimal digits (0 for a string that already ends in its own).
 * @example dammDigit("572") // 4
 */
export function dammDigit(digits: string): number {
  let interim = 0;
  for (const ch of digits) interim = (DAMM[interim] as readonly number[])[ch.charCodeAt(0) - 48] as number;
  return interim;
}

/**
 * A new receipt: 15 uniformly random digits (49.8 bits) from crypto.getRandomValues, then the check digit.
 * @example newReceipt() // "3849201756203917"
 */
export function newReceipt(): string {
  let digits = "";
  while (digits.length < 15) {
    for (const byte of crypto.getRandomValues(new Uint8Array(16))) {
      // 250 = 25 × 10: rejecting 250–255 keeps every digit equally likely
      if (byte < 250 && digits.length < 15) digits += String(byte % 10);
    }
  }
  return digits + String(dammDigit(digits));
}

/**
 * A receipt as typed or read aloud: spaces, dashes and full-width digits removed.
 * @example normalizeReceipt("１２３４-5678 9012 3456") // "1234567890123456"
 */
export function normalizeReceipt(input: string): string {
  return input.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)).replace(/[\s\-－]/g, "");
}

/**
 * Whether a normalized receipt has 16 digits and a correct check digit.
 * @example isValidReceipt(newReceipt()) // true
 */
export function isValidReceipt(receipt: string): boolean {
  return /^[0-9]{16}$/.test(receipt) && dammDigit(receipt) === 0;
}

/**
 * A receipt in four groups of four, easy to copy down or read over the phone.
 * @example formatReceipt("1234567890123456") // "1234 5678 9012 3456"
 */
export function formatReceipt(receipt: string): string {
  return receipt.replace(/(\d{4})(?=\d)/g, "$1 ");
}

export interface CaseFigures {
  received: number;
  answered: number;
  /** Median calendar days from receipt to answer over answered cases, null when none is answered. */
  medianDays: number | null;
  /** Cases the villager rated: the denominator of satisfaction. */
  rated: number;
  satisfied: number;
  basic: number;
  unsatisfied: number;
}

const DAY_MS = 86_400_000;

/**
 * Case figures computed from report rows (dates as YYYY-MM-DD).
 * @example caseFigures([{ receivedOn: "2026-11-02", answeredOn: "2026-11-04", rating: "satisfied" }]).medianDays // 2
 */
export function caseFigures(
  rows: readonly { receivedOn: string; answeredOn: string | null; rating: Rating | null }[],
): CaseFigures {
  const days = rows
    .filter((r) => r.answeredOn !== null)
    .map((r) => Math.round((Date.parse(r.answeredOn as string) - Date.parse(r.receivedOn)) / DAY_MS))
    .sort((a, b) => a - b);
  const mid = Math.floor(days.length / 2);
  const medianDays =
    days.length === 0
      ? null
      : days.length % 2 === 1
        ? (days[mid] as number)
        : ((days[mid - 1] as number) + (days[mid] as number)) / 2;
  const count = (rating: Rating) => rows.filter((r) => r.rating === rating).length;
  return {
    received: rows.length,
    answered: days.length,
    medianDays,
    rated: rows.filter((r) => r.rating !== null).length,
    satisfied: count("satisfied"),
    basic: count("basic"),
    unsatisfied: count("unsatisfied"),
  };
}
