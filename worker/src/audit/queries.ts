/** D1 reads and writes of the append-only audit log. */
import {
  type AuditChainResult,
  type AuditEntry,
  type AuditRow,
  checkAuditRows,
  GENESIS_HASH,
  nextAuditRow,
} from "./chain.ts";

const INSERT = `INSERT INTO audit_log (seq, at, actor_id, actor, action, target, detail, prev_hash, hash)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)`;

async function chainHead(db: D1Database): Promise<{ seq: number; hash: string }> {
  const head = await db
    .prepare("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
    .first<{ seq: number; hash: string }>();
  return head ?? { seq: 0, hash: GENESIS_HASH };
}

/**
 * The INSERT that appends `entry` after the current head, to run in the same `db.batch` as the action it
 * records, so both land or neither does. If another write took the next seq first, the batch fails on the
 * seq key; {@link runAudited} retries for you.
 * @example await db.batch([assignStatement, await recordAudit(db, { action: "report_assign", actorId: 3, actor: "botou-jw", target: "report:12" })]);
 */
export async function recordAudit(db: D1Database, entry: AuditEntry): Promise<D1PreparedStatement> {
  const row = await nextAuditRow(await chainHead(db), entry);
  return db
    .prepare(INSERT)
    .bind(row.seq, row.at, row.actor_id, row.actor, row.action, row.target, row.detail, row.prev_hash, row.hash);
}

const isSeqConflict = (err: unknown) =>
  err instanceof Error && /UNIQUE constraint failed: audit_log\.(seq|hash)/.test(err.message);

/**
 * Runs `statements` and the audit row for `entry` in one batch, retrying when a concurrent audit write
 * took the same seq. Returns the results of `statements` (the audit insert's result is dropped).
 * @example await runAudited(env.DB, { action: "logout", actorId: staff.id, actor: staff.username }, [endSession(env.DB, hash)]);
 */
export async function runAudited(
  db: D1Database,
  entry: AuditEntry,
  statements: D1PreparedStatement[],
): Promise<D1Result[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      const results = await db.batch([...statements, await recordAudit(db, entry)]);
      return results.slice(0, statements.length);
    } catch (err) {
      if (!isSeqConflict(err) || attempt >= 5) throw err;
    }
  }
}

/**
 * One page of the log, newest first: rows with seq below `before` (all when null).
 * @example const { rows } = await auditPage(env.DB, { before: null, limit: 50 });
 */
export async function auditPage(
  db: D1Database,
  page: { before: number | null; limit: number },
): Promise<{ rows: AuditRow[]; total: number }> {
  const [{ results }, total] = await Promise.all([
    db
      .prepare(
        `SELECT seq, at, actor_id, actor, action, target, detail, prev_hash, hash FROM audit_log
          WHERE ?1 IS NULL OR seq < ?1 ORDER BY seq DESC LIMIT ?2`,
      )
      .bind(page.before, page.limit)
      .all<AuditRow>(),
    db.prepare("SELECT COUNT(*) AS n FROM audit_log").first<{ n: number }>(),
  ]);
  return { rows: results, total: total?.n ?? 0 };
}

const VERIFY_PAGE = 500;

/**
 * Recomputes the whole chain from the first row, a page at a time, and names the first broken link.
 * @example await verifyAudit(env.DB) // { valid: true, length: 42, head: "9f2c…" }
 */
export async function verifyAudit(db: D1Database): Promise<AuditChainResult> {
  let head = { seq: 0, hash: GENESIS_HASH };
  let length = 0;
  let lastSeq = 0;
  for (;;) {
    const { results } = await db
      .prepare(
        `SELECT seq, at, actor_id, actor, action, target, detail, prev_hash, hash FROM audit_log
          WHERE seq > ?1 ORDER BY seq LIMIT ?2`,
      )
      .bind(lastSeq, VERIFY_PAGE)
      .all<AuditRow>();
    if (results.length === 0) return { valid: true, length, head: head.hash };
    const checked = await checkAuditRows(results, head);
    if (checked.broken) {
      const whole = await db
        .prepare("SELECT COUNT(*) AS n, (SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1) AS hash FROM audit_log")
        .first<{ n: number; hash: string }>();
      return { valid: false, length: whole?.n ?? length, head: whole?.hash ?? head.hash, brokenAt: checked.broken };
    }
    head = checked.head;
    length += results.length;
    lastSeq = (results.at(-1) as AuditRow).seq;
  }
}
