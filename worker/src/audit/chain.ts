/**
 * The audit log's hash chain, pure so the worker and scripts/staff.ts (Node) write identical links:
 * each row's hash is SHA-256 over the canonical JSON of its content, a newline, and the previous hash.
 */
import { canonicalJson, GENESIS_HASH } from "../../../schema/disclosure.ts";

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

/** One stored row of `audit_log`, as read back. */
export interface AuditRow {
  seq: number;
  at: string;
  actor_id: number | null;
  actor: string;
  action: string;
  target: string | null;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

/**
 * SHA-256 of a string, as lowercase hex.
 * @example await sha256Hex("abc") // "ba7816bf…"
 */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The row to append after the link (`seq`, `hash`) at the head, with its hash computed.
 * @example const row = await nextAuditRow({ seq: 0, hash: GENESIS_HASH }, { action: "login", actorId: 1, actor: "qu-admin" });
 */
export async function nextAuditRow(
  head: { seq: number; hash: string },
  entry: AuditEntry,
  at: string = new Date().toISOString(),
): Promise<AuditRow> {
  const row = {
    seq: head.seq + 1,
    at,
    actor_id: entry.actorId,
    actor: entry.actor,
    action: entry.action,
    target: entry.target ?? null,
    detail: entry.detail ? canonicalJson(entry.detail) : null,
    prev_hash: head.hash,
  };
  return { ...row, hash: await auditRowHash(row) };
}

/** The hash a row must carry, recomputed from its stored columns. */
export function auditRowHash(row: Omit<AuditRow, "hash">): Promise<string> {
  const { prev_hash, ...content } = row;
  return sha256Hex(`${canonicalJson(content)}\n${prev_hash}`);
}

export type AuditBreak = "seq_gap" | "prev_hash_mismatch" | "hash_mismatch";

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
