/**
 * The audit log's hash chain, pure so the worker and scripts/staff.ts (Node) write identical links:
 * each row's hash is SHA-256 over the canonical JSON of its content, a newline, and the previous hash.
 * An action appends an entry (audit_entries); links (audit_log) seal the entries in id order.
 */

import { canonicalJson, GENESIS_HASH } from "#core/disclosure.ts";
import { sha256Hex } from "#core/hash.ts";
import { chinaDate } from "#core/period.ts";

export { GENESIS_HASH };

/** What a caller says happened; the chain adds seq, time and hashes. */
export interface AuditEntry {
  /** e.g. "login", "login_failed", "logout", "staff_add", "report_read". */
  action: string;
  /** The staff account acting, or null for the CLI or an anonymous attempt. */
  actorId: number | null;
  /** Username, "cli" or "anonymous". */
  actor: string;
  /** What was acted on, e.g. "staff:botou-jw" or "report:12". */
  target?: string | null;
  /** Small facts worth keeping (never a password, an address or a reporter's contact). */
  detail?: Record<string, unknown> | null;
}

/** One stored row of `audit_entries`: what an action appended, not yet or already sealed. */
export interface AuditEntryRow {
  id: number;
  at: string;
  actor_id: number | null;
  actor: string;
  action: string;
  target: string | null;
  detail: string | null;
}

/** One stored row of `audit_log` (a link of the chain), as read back. */
export interface AuditRow extends Omit<AuditEntryRow, "id"> {
  seq: number;
  /** The entry this link seals (null for links written before entries existed). */
  entry_id?: number | null;
  prev_hash: string;
  hash: string;
}

/**
 * When an entry happened: the instant for staff and the CLI, the China date only for a villager's own
 * action (a rating), since nothing a villager does is stored with its time of day (DESIGN.md).
 */
function entryTime(entry: AuditEntry): string {
  return entry.actor === "villager" ? chinaDate() : new Date().toISOString();
}

/**
 * The columns an entry is stored with (its id is left to the database).
 * @example const row = entryColumns({ action: "login", actorId: 1, actor: "qu-admin" });
 */
export function entryColumns(entry: AuditEntry, at: string = entryTime(entry)): Omit<AuditEntryRow, "id"> {
  return {
    at,
    actor_id: entry.actorId,
    actor: entry.actor,
    action: entry.action,
    target: entry.target ?? null,
    detail: entry.detail ? canonicalJson(entry.detail) : null,
  };
}

/**
 * The links sealing `entries` (in id order) after the link `head`: a pure function of its inputs, so two
 * sealers that read the same head write the very same rows.
 * @example const links = await sealLinks({ seq: 0, hash: GENESIS_HASH }, entries);
 */
export async function sealLinks(
  head: { seq: number; hash: string },
  entries: readonly AuditEntryRow[],
): Promise<AuditRow[]> {
  const links: AuditRow[] = [];
  let link = head;
  for (const { id, ...content } of entries) {
    const row = { seq: link.seq + 1, ...content, entry_id: id, prev_hash: link.hash };
    link = { ...row, hash: await auditRowHash(row) };
    links.push(link as AuditRow);
  }
  return links;
}

/**
 * The hash a row must carry, recomputed from its stored columns. Links made before entries existed have
 * no entry_id, and their hash does not cover one.
 */
export function auditRowHash(row: Omit<AuditRow, "hash">): Promise<string> {
  const { prev_hash, entry_id, ...content } = row;
  return sha256Hex(`${canonicalJson({ ...content, entry_id: entry_id ?? undefined })}\n${prev_hash}`);
}

/**
 * Why the log does not verify: a link missing or repeated, linked to the wrong hash, or changed; a link
 * that does not hold its entry's content (or has no entry where entries are due); an entry never sealed.
 */
export type AuditBreak = "seq_gap" | "prev_hash_mismatch" | "hash_mismatch" | "entry_mismatch" | "entry_unsealed";

export interface AuditChainResult {
  valid: boolean;
  length: number;
  /** The last row's stored hash (the genesis hash for an empty log). */
  head: string;
  brokenAt?: { seq: number; reason: AuditBreak };
}

/**
 * Checks rows in seq order continuing from `from` (the link before the first row); the first broken link
 * is named. Callers feed the log page by page.
 * @example await checkAuditRows(rows, { seq: 0, hash: GENESIS_HASH }) // { ok: true, head: {seq: 40, hash} }
 */
export async function checkAuditRows(
  rows: readonly AuditRow[],
  from: { seq: number; hash: string },
): Promise<{ head: { seq: number; hash: string }; broken?: { seq: number; reason: AuditBreak } }> {
  let head = from;
  for (const row of rows) {
    if (row.seq !== head.seq + 1) return { head, broken: { seq: row.seq, reason: "seq_gap" } };
    if (row.prev_hash !== head.hash) return { head, broken: { seq: row.seq, reason: "prev_hash_mismatch" } };
    const { hash, ...rest } = row;
    if ((await auditRowHash(rest)) !== hash) return { head, broken: { seq: row.seq, reason: "hash_mismatch" } };
    head = { seq: row.seq, hash };
  }
  return { head };
}

const entryFields = ["at", "actor_id", "actor", "action", "target", "detail"] as const;

/**
 * Whether a link holds exactly the content of the entry it seals.
 * @example linkMatchesEntry(link, entry) // true
 */
export function linkMatchesEntry(link: AuditRow, entry: AuditEntryRow | null): boolean {
  return entry !== null && link.entry_id === entry.id && entryFields.every((f) => link[f] === entry[f]);
}
