/**
 * The one place checkpoints read the audit log: its tip (cheap, to see whether it grew), its whole chain
 * recomputed with its validity, and the hash of the link at a given length. Everything else in
 * checkpoints/ goes through these, so a redesign of the audit log's sequencing only re-points this file.
 */
import type { ChainHead } from "#core/checkpoint.ts";
import { GENESIS_HASH } from "../audit/chain.ts";
import { auditPage, sealAudit, verifyAudit } from "../audit/queries.ts";

/**
 * The audit log's length and last hash once pending entries are sealed, without recomputing the chain.
 * @example await auditTip(env.DB) // { length: 40, head: "9f2c…" }
 */
export async function auditTip(db: D1Database): Promise<ChainHead> {
  await sealAudit(db);
  const { rows, total } = await auditPage(db, { before: null, limit: 1 });
  return { length: total, head: rows[0]?.hash ?? GENESIS_HASH };
}

/**
 * The audit log's chain recomputed, with its hash at `at` (null when the log is shorter).
 * @example const { valid, length, head, hashAt } = await auditChain(env.DB, 40);
 */
export async function auditChain(
  db: D1Database,
  at: number,
): Promise<{ valid: boolean; length: number; head: string; hashAt: string | null }> {
  await sealAudit(db);
  const [chain, page] = await Promise.all([verifyAudit(db), auditPage(db, { before: at + 1, limit: 1 })]);
  const link = page.rows[0];
  return { valid: chain.valid, length: chain.length, head: chain.head, hashAt: link?.seq === at ? link.hash : null };
}
