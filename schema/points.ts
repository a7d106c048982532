/**
 * 积分制 and 积分超市 (issue 16): what staff send (rules, households, entries, reversals, shops,
 * redemptions), the per-village ledger chain's links, and how a name shows on public pages. Pure; the
 * worker, the scripts and the site read the same definitions.
 */

import { z } from "zod";
import { type ChainResult, verifyLinks } from "./chain.ts";
import { canonicalJson } from "./disclosure.ts";
import { sha256Hex } from "./hash.ts";
import { district } from "./reference.ts";
import { safeText } from "./text.ts";

/** The most points one rule, entry or purchase moves. */
export const POINTS_MAX = 1000;
export const REASON_MAX = 100;
/** The most goods one quarter's 积分超市 offers. */
export const GOODS_MAX = 60;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** A village's code; the handler checks that it is a known village (so this file stays free of ids.ts). */
const villageCode = z.string().regex(/^\d{12}$/);
const quarterText = z.string().regex(/^\d{4}-Q[1-4]$/);

/** One rule: a plus item (points > 0) or a minus item (points < 0), with its category. */
export const pointsRule = z.object({
  code: z.string().regex(/^[A-Za-z0-9-]{1,10}$/),
  title: safeText(60),
  category: safeText(20),
  points: z
    .number()
    .int()
    .min(-POINTS_MAX)
    .max(POINTS_MAX)
    .refine((n) => n !== 0),
});
export type PointsRule = z.infer<typeof pointsRule>;

/** POST /api/staff/points/rules: a new version of a village's rules (a reason once one exists). */
export const rulesInput = z.object({
  village: villageCode,
  rules: z
    .array(pointsRule)
    .min(1)
    .max(100)
    .refine((rules) => new Set(rules.map((r) => r.code)).size === rules.length),
  reason: safeText(REASON_MAX).optional(),
});
export type RulesInput = z.infer<typeof rulesInput>;

/** POST /api/staff/points/households: a household in the register (户号, household head's name). */
export const householdInput = z.object({
  village: villageCode,
  number: z.string().regex(/^[0-9A-Za-z-]{1,12}$/),
  name: safeText(20),
});
export type HouseholdInput = z.infer<typeof householdInput>;

/** POST /api/staff/points/entries: points by a rule, for what a household did on `date`. */
export const entryInput = z.object({
  household: z.number().int().positive(),
  rule: z.string().min(1).max(10),
  date: isoDate,
  reason: safeText(REASON_MAX),
});
export type EntryInput = z.infer<typeof entryInput>;

/** POST /api/staff/points/entries/<id>/reversal: why the entry was a mistake. */
export const reversalInput = z.object({ reason: safeText(REASON_MAX) });

/** POST /api/staff/points/shops: the quarter's 积分超市: when it opens and closes, and its goods. */
export const shopInput = z.object({
  village: villageCode,
  quarter: quarterText,
  opensOn: isoDate,
  closesOn: isoDate,
  goods: z
    .array(z.object({ name: safeText(30), price: z.number().int().min(1).max(POINTS_MAX) }))
    .min(1)
    .max(GOODS_MAX)
    .refine((goods) => new Set(goods.map((g) => g.name)).size === goods.length),
});
export type ShopInput = z.infer<typeof shopInput>;

/** POST /api/staff/points/redemptions: goods a household takes at the shop. */
export const redemptionInput = z.object({
  household: z.number().int().positive(),
  goods: z.number().int().positive(),
  quantity: z.number().int().min(1).max(20).default(1),
});
export type RedemptionInput = z.infer<typeof redemptionInput>;

/** The kinds of ledger links. */
export type LedgerKind = "rules" | "entry" | "reversal" | "confirm" | "redeem";

/** A `points_ledger` row's content: every column its hash covers, exactly as stored. */
export interface LedgerContent {
  village_code: string;
  kind: LedgerKind;
  household_id: number | null;
  ref_id: number | null;
  rule_code: string | null;
  points: number;
  on_date: string;
  reason: string | null;
  detail: string | null;
  actor: string;
  at: string;
}

/** A stored `points_ledger` row. */
export interface LedgerRow extends LedgerContent {
  id: number;
  seq: number;
  prev_hash: string;
  hash: string;
}

/** The SQL column list a chain check reads. */
export const ledgerColumns =
  "id, village_code, kind, household_id, ref_id, rule_code, points, on_date, reason, detail, actor, at, seq, prev_hash, hash";

const contentOf = (row: LedgerContent): LedgerContent => ({
  village_code: row.village_code,
  kind: row.kind,
  household_id: row.household_id,
  ref_id: row.ref_id,
  rule_code: row.rule_code,
  points: row.points,
  on_date: row.on_date,
  reason: row.reason,
  detail: row.detail,
  actor: row.actor,
  at: row.at,
});

/**
 * SHA-256 (hex) over a link's canonical content and the previous link's hash.
 * @example await ledgerHash(content, GENESIS_HASH) // "9f2c…"
 */
export async function ledgerHash(content: LedgerContent, prevHash: string): Promise<string> {
  return sha256Hex(`${canonicalJson(contentOf(content))}\n${prevHash}`);
}

/**
 * The next link after `head`, with text as D1 will keep it.
 * @example const link = await ledgerLink(content, { seq: 0, hash: GENESIS_HASH }); // link.seq === 1
 */
export async function ledgerLink(
  content: LedgerContent,
  head: { seq: number; hash: string },
): Promise<Omit<LedgerRow, "id">> {
  const stored = { ...content, reason: content.reason?.toWellFormed() ?? null, detail: content.detail ?? null };
  return { ...stored, seq: head.seq + 1, prev_hash: head.hash, hash: await ledgerHash(stored, head.hash) };
}

/**
 * Recomputes a village's points chain from its rows in seq order and names the first broken link.
 * @example await verifyLedger(rows) // { valid: true, length: 40, head: "9f2c…" }
 */
export function verifyLedger(rows: readonly LedgerRow[]): Promise<ChainResult> {
  return verifyLinks(rows, (row, prevHash) => ledgerHash(row, prevHash));
}

/**
 * A household head's name as public pages show it: every character but the first and the last hidden
 * (two characters: the second), unless the district shows names in full (`pointsNames` in towns.json).
 * @example maskName("张小明") // "张*明"
 * @example maskName("李四") // "李*"
 */
export function maskName(name: string, mode: "masked" | "full" = district.pointsNames): string {
  const chars = [...name];
  if (mode === "full" || chars.length < 2) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${"*".repeat(chars.length - 2)}${chars.at(-1)}`;
}
