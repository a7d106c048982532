/**
 * Cases staff file on a villager's behalf: a 阳光报告会's questions, a grid worker's 代办, 排查上报 and
 * 百姓夜话 requests. Each gets a fresh receipt (shown once, for the slip) and goes in through the intake's
 * own statements, marked filed_by the member, so every figure counts its ratings apart.
 */
import { newReceipt, type ReportInput, receiptHash } from "#core/report.ts";
import { reportStatements } from "./queries.ts";
import { submissionHash } from "./submission.ts";

/** A staff-filed case ready for its batch: the receipt for the slip, its hash, and the statements. */
export interface StaffFiledCase {
  receipt: string;
  hash: string;
  statements: D1PreparedStatement[];
}

/**
 * The statements filing `input` for `village` on a villager's behalf, with a fresh receipt.
 * @example const filed = await staffFiledCase(env.DB, { village, input, filedBy: staff.username, receivedOn: today });
 *          await env.DB.batch([...filed.statements, audit]);
 */
export async function staffFiledCase(
  db: D1Database,
  filing: { village: string; input: ReportInput; filedBy: string; receivedOn: string },
): Promise<StaffFiledCase> {
  const { village, input } = filing;
  const bodyHash = await submissionHash(village, input);
  const receipt = newReceipt();
  const hash = await receiptHash(receipt);
  const statements = reportStatements(db, {
    receiptHash: hash,
    village,
    input,
    bodyHash,
    receivedOn: filing.receivedOn,
    filedBy: filing.filedBy,
  });
  return { receipt, hash, statements };
}

/**
 * Whether a failed batch of staff-filed cases may be tried again with fresh receipts: a receipt (once in
 * 10^15) or the audit chain's next link was taken by a concurrent write.
 * @example if (attempt < 5 && isRetryableFiling(err)) continue;
 */
export const isRetryableFiling = (err: unknown): boolean =>
  err instanceof Error && /UNIQUE constraint failed: (audit_log|reports\.receipt_hash)/.test(err.message);
