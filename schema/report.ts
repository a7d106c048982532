/**
 * Villagers' reports (码上问 · 码上办 · 我要监督): kinds, topics, states, the intake and rating inputs,
 * receipts with their check digit, and the public case figures. Shared by the site, the worker and the
 * staff console.
 */
import { z } from "zod";
import { safeText } from "./text.ts";

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

const optionalText = (max: number, multiline: boolean) =>
  safeText(max, { min: 0, multiline })
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
  content: safeText(CONTENT_MAX, { min: CONTENT_MIN, multiline: true }),
  contact: z
    .object({
      name: optionalText(20, false),
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

/**
 * A submission's fields in their one fixed order (absent ones as null): the columns a report is stored
 * in and the canonical form its retry is compared by.
 * @example reportValues({ kind: "question", topic: "affairs", content: "……" }) // ["question", "affairs", "……", null, null, null, null]
 */
export const reportValues = (input: ReportInput) =>
  [
    input.kind,
    input.topic,
    input.content,
    input.contact?.name ?? null,
    input.contact?.phone ?? null,
    input.disclosure ?? null,
    input.power ?? null,
  ] as const;

export const ratingInput = z.object({
  rating: z.enum(ratings),
  comment: optionalText(500, true),
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

// A receipt is stored only as receiptHash(receipt), like a password, so that neither a staff member nor
// anyone holding a copy of the database can rate a villager's case. The hash must be deterministic (the
// receipt is found through an index on it, so no per-row salt) and slow (15 random digits are only 10^15
// candidates): PBKDF2-SHA-256 from WebCrypto, with a fixed application salt, at a modest 20,000
// iterations. One current GPU runs about 9·10^9 PBKDF2 iterations a second, so 4·10^5 guesses: finding the
// receipt of a given case takes it some 36 years on average, finding any one of a village's hundred cases
// some 4 months; plain SHA-256 would take seconds. A hash costs 3–5 ms of CPU (measured in Node), so every
// lookup and intake stays far inside a Worker's CPU budget, and seeding 1,300 demo cases takes seconds;
// 100,000 (the Workers maximum, used for staff passwords) would make each cost five times as much.
const RECEIPT_HASH_ITERATIONS = 20_000;
const RECEIPT_SALT = "cunma/receipt/v1";
const INTAKE_SALT = "cunma/idempotency-key/v1";
const encoder = new TextEncoder();

async function pbkdf2(secret: string, salt: string, bits: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), "PBKDF2", false, ["deriveBits"]);
  const derived = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt: encoder.encode(salt), iterations: RECEIPT_HASH_ITERATIONS },
    key,
    bits,
  );
  return new Uint8Array(derived);
}

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");

/**
 * What is stored of a receipt: 64 hex digits of PBKDF2-SHA-256 (see the comment above for the cost).
 * @example await receiptHash("1234567890123452") // "5d1f…" (64 hex digits, the same every time)
 */
export async function receiptHash(receipt: string): Promise<string> {
  return hex(await pbkdf2(receipt, RECEIPT_SALT, 256));
}

const RECEIPT_SPACE = 10n ** 16n;

/** What intake stores of an Idempotency-Key, and how it seals the receipt for a faithful retry. */
export interface IntakeKey {
  /** Stored instead of the key, to find the earlier submission. */
  hash: string;
  /** The receipt as stored for a retry: only the holder of the key can turn it back. */
  seal(receipt: string): string;
  unseal(sealed: string): string;
}

/**
 * A retry with the same Idempotency-Key must get the same receipt back, yet the receipt is not stored. So
 * one slow PBKDF2 of the key gives both its stored hash and a 16-digit pad; the receipt is stored sealed,
 * (receipt + pad) mod 10^16, which only someone holding the key can undo. Keys the site makes are random
 * UUIDs; a weak key chosen by an integrator is as slow to guess as a receipt.
 * @example const key = await intakeKey(uuid); key.unseal(key.seal(receipt)) === receipt // true
 */
export async function intakeKey(idempotencyKey: string): Promise<IntakeKey> {
  const bytes = await pbkdf2(idempotencyKey, INTAKE_SALT, 384);
  // 128 bits reduced mod 10^16: the pad's bias is below 10^-22
  const pad = BigInt(`0x${hex(bytes.slice(32))}`) % RECEIPT_SPACE;
  const digits = (n: bigint) => (((n % RECEIPT_SPACE) + RECEIPT_SPACE) % RECEIPT_SPACE).toString().padStart(16, "0");
  return {
    hash: hex(bytes.slice(0, 32)),
    seal: (receipt) => digits(BigInt(receipt) + pad),
    unseal: (sealed) => digits(BigInt(sealed) - pad),
  };
}

/**
 * What a row stored before migration 0006 keeps instead of its plain receipt and Idempotency-Key (used by
 * the worker and by scripts/seed.ts, which hash such rows on their first run).
 * @example await legacyReceiptValues({ receipt: "1234567890123452", key: "5f0c…" }) // { receiptHash, idempotencyHash, receiptSealed }
 */
export async function legacyReceiptValues(row: { receipt: string; key: string | null }) {
  const key = row.key === null ? null : await intakeKey(row.key);
  return {
    receiptHash: await receiptHash(row.receipt),
    idempotencyHash: key?.hash ?? null,
    receiptSealed: key?.seal(row.receipt) ?? null,
  };
}

/**
 * A receipt in four groups of four, easy to copy down or read over the phone.
 * @example formatReceipt("1234567890123456") // "1234 5678 9012 3456"
 */
export function formatReceipt(receipt: string): string {
  return receipt.replace(/(\d{4})(?=\d)/g, "$1 ");
}

/** Ratings given, with their denominator (the cases rated). */
export interface RatingFigures {
  rated: number;
  satisfied: number;
  basic: number;
  unsatisfied: number;
}

export interface CaseFigures extends RatingFigures {
  received: number;
  answered: number;
  /** Median calendar days from receipt to answer over answered cases, null when none is answered. */
  medianDays: number | null;
  /**
   * Cases staff filed on a villager's behalf (meeting questions). Staff saw their receipts on the slip, so
   * their ratings are counted here, apart, and never in the villagers' own rated/satisfied/… above.
   */
  staffFiled: RatingFigures & { received: number };
}

/** The columns case figures are computed from. */
export interface CaseFigureRow {
  receivedOn: string;
  answeredOn: string | null;
  rating: Rating | null;
  filedByStaff: boolean;
}

const ratingFigures = (rows: readonly CaseFigureRow[]): RatingFigures => {
  const count = (rating: Rating) => rows.filter((r) => r.rating === rating).length;
  return {
    rated: rows.filter((r) => r.rating !== null).length,
    satisfied: count("satisfied"),
    basic: count("basic"),
    unsatisfied: count("unsatisfied"),
  };
};

const DAY_MS = 86_400_000;

/**
 * Case figures computed from report rows (dates as YYYY-MM-DD); ratings of staff-filed cases apart.
 * @example caseFigures([{ receivedOn: "2026-11-02", answeredOn: "2026-11-04", rating: "satisfied", filedByStaff: false }]).medianDays // 2
 */
export function caseFigures(rows: readonly CaseFigureRow[]): CaseFigures {
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
  const byStaff = rows.filter((r) => r.filedByStaff);
  return {
    received: rows.length,
    answered: days.length,
    medianDays,
    ...ratingFigures(rows.filter((r) => !r.filedByStaff)),
    staffFiled: { received: byStaff.length, ...ratingFigures(byStaff) },
  };
}
