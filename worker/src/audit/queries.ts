/**
 * D1 reads and writes of the append-only audit log.
 *
 * Why entries and links: an action's batch only appends an entry to `audit_entries`, whose AUTOINCREMENT
 * id is taken inside that write, so concurrent staff never conflict and a write is recorded exactly once
 * (no retry that could double it). The hash chain (`audit_log`: seq, prev_hash, hash) is then computed
 * from the entries alone, in id order, by {@link sealAudit}, which any request, the verifier and the cron
 * may run: two sealers that race compute identical links and `INSERT OR IGNORE` keeps one, so contention
 * costs nothing and never fails. This works the same on D1 and on Node with SQLite, where there is no
 * Durable Object to be the single writer; a trigger refuses any link that does not seal the next entry.
 */
import {
  type AuditBreak,
  type AuditChainResult,
  type AuditEntry,
  type AuditEntryRow,
  type AuditRow,
  checkAuditRows,
  entryColumns,
  GENESIS_HASH,
  linkMatchesEntry,
  sealLinks,
} from "./chain.ts";

const INSERT_ENTRY = `INSERT INTO audit_entries (at, actor_id, actor, action, target, detail)
                      VALUES (?1, ?2, ?3, ?4, ?5, ?6)`;
const INSERT_LINK = `INSERT OR IGNORE INTO audit_log (seq, at, actor_id, actor, action, target, detail, entry_id, prev_hash, hash)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)`;
const LINK_COLUMNS = "seq, at, actor_id, actor, action, target, detail, entry_id, prev_hash, hash";

/**
 * The INSERT appending `entry`, to run in the same `db.batch` as the action it records, so both land or
 * neither does. It never conflicts with another write; it is sealed into the chain by {@link sealAudit}
 * (run it after the batch, or use {@link runAudited}).
 * @example await db.batch([assignStatement, await recordAudit(db, { action: "report_assign", actorId: 3, actor: "botou-jw", target: "report:12" })]);
 */
export async function recordAudit(db: D1Database, entry: AuditEntry): Promise<D1PreparedStatement> {
  const row = entryColumns(entry);
  return db.prepare(INSERT_ENTRY).bind(row.at, row.actor_id, row.actor, row.action, row.target, row.detail);
}

/**
 * Runs `statements` and the entry for `entry` in one batch, then seals the chain. Returns the results of
 * `statements` (the entry insert's result is dropped).
 * @example await runAudited(env.DB, { action: "logout", actorId: staff.id, actor: staff.username }, [endSession(env.DB, hash)]);
 */
export async function runAudited(
  db: D1Database,
  entry: AuditEntry,
  statements: D1PreparedStatement[],
): Promise<D1Result[]> {
  const results = await db.batch([...statements, await recordAudit(db, entry)]);
  await sealAudit(db);
  return results.slice(0, statements.length);
}

const SEAL_PAGE = 50;
const SEAL_PASSES = 20;

/**
 * Seals every entry not yet in the chain (up to {@link SEAL_PASSES} pages of them), in id order. Safe to
 * run anywhere, any number of times at once. A failure is logged, not thrown: the action it follows has
 * already landed, and the next sealer picks its entry up.
 * @example await sealAudit(env.DB);
 */
export async function sealAudit(db: D1Database): Promise<void> {
  try {
    for (let pass = 0; pass < SEAL_PASSES; pass++) {
      // one batch, one snapshot: the head and the entries after it
      const [head, pending] = await db.batch<unknown>([
        db.prepare("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"),
        db
          .prepare(
            `SELECT id, at, actor_id, actor, action, target, detail FROM audit_entries
              WHERE id > COALESCE((SELECT MAX(entry_id) FROM audit_log), 0) ORDER BY id LIMIT ?1`,
          )
          .bind(SEAL_PAGE),
      ]);
      const entries = (pending?.results ?? []) as AuditEntryRow[];
      if (entries.length === 0) return;
      const from = (head?.results[0] as { seq: number; hash: string } | undefined) ?? { seq: 0, hash: GENESIS_HASH };
      const links = await sealLinks(from, entries);
      await db.batch(
        links.map((l) =>
          db
            .prepare(INSERT_LINK)
            .bind(l.seq, l.at, l.actor_id, l.actor, l.action, l.target, l.detail, l.entry_id, l.prev_hash, l.hash),
        ),
      );
      if (entries.length < SEAL_PAGE) return;
    }
  } catch (err) {
    console.error("audit: sealing failed, the next sealer will retry", err);
  }
}

/**
 * One page of the log, newest first: rows with seq below `before` (all when null), every entry sealed.
 * @example const { rows } = await auditPage(env.DB, { before: null, limit: 50 });
 */
export async function auditPage(
  db: D1Database,
  page: { before: number | null; limit: number },
): Promise<{ rows: AuditRow[]; total: number }> {
  await sealAudit(db);
  const [{ results }, total] = await Promise.all([
    db
      .prepare(`SELECT ${LINK_COLUMNS} FROM audit_log WHERE ?1 IS NULL OR seq < ?1 ORDER BY seq DESC LIMIT ?2`)
      .bind(page.before, page.limit)
      .all<AuditRow>(),
    db.prepare("SELECT COUNT(*) AS n FROM audit_log").first<{ n: number }>(),
  ]);
  return { rows: results, total: total?.n ?? 0 };
}

const VERIFY_PAGE = 500;

type LinkWithEntry = AuditRow & { [K in keyof AuditEntryRow as `e_${K}`]: AuditEntryRow[K] | null };

const entryOf = (row: LinkWithEntry): AuditEntryRow | null =>
  row.e_id === null
    ? null
    : {
        id: row.e_id,
        at: row.e_at as string,
        actor_id: row.e_actor_id,
        actor: row.e_actor as string,
        action: row.e_action as string,
        target: row.e_target,
        detail: row.e_detail,
      };

/**
 * The seq of the first link in `rows` that does not hold its entry's content, or has no entry once
 * entries began (`seen.entry` carries that across pages); null when all hold.
 */
function entryBreak(rows: readonly LinkWithEntry[], seen: { entry: boolean }): number | null {
  for (const row of rows) {
    if (row.entry_id === null || row.entry_id === undefined) {
      if (seen.entry) return row.seq;
      continue;
    }
    seen.entry = true;
    if (!linkMatchesEntry(row, entryOf(row))) return row.seq;
  }
  return null;
}

/**
 * Seals what is pending, then recomputes the whole chain from the first link, a page at a time: every
 * link must follow the one before, carry its own hash, and hold its entry's content; every entry must
 * be sealed. Names the first broken link.
 * @example await verifyAudit(env.DB) // { valid: true, length: 42, head: "9f2c…" }
 */
export async function verifyAudit(db: D1Database): Promise<AuditChainResult> {
  await sealAudit(db);
  let head = { seq: 0, hash: GENESIS_HASH };
  let length = 0;
  const seen = { entry: false };
  const broken = async (at: { seq: number; reason: AuditBreak }): Promise<AuditChainResult> => {
    const whole = await db
      .prepare("SELECT COUNT(*) AS n, (SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1) AS hash FROM audit_log")
      .first<{ n: number; hash: string | null }>();
    return { valid: false, length: whole?.n ?? length, head: whole?.hash ?? head.hash, brokenAt: at };
  };
  for (;;) {
    const { results } = await db
      .prepare(
        `SELECT l.seq, l.at, l.actor_id, l.actor, l.action, l.target, l.detail, l.entry_id, l.prev_hash, l.hash,
                e.id AS e_id, e.at AS e_at, e.actor_id AS e_actor_id, e.actor AS e_actor, e.action AS e_action,
                e.target AS e_target, e.detail AS e_detail
           FROM audit_log AS l LEFT JOIN audit_entries AS e ON e.id = l.entry_id
          WHERE l.seq > ?1 ORDER BY l.seq LIMIT ?2`,
      )
      .bind(head.seq, VERIFY_PAGE)
      .all<LinkWithEntry>();
    if (results.length === 0) break;
    const links = results.map(({ e_id, e_at, e_actor_id, e_actor, e_action, e_target, e_detail, ...link }) => link);
    const checked = await checkAuditRows(links, head);
    if (checked.broken) return broken(checked.broken);
    const mismatch = entryBreak(results, seen);
    if (mismatch !== null) return broken({ seq: mismatch, reason: "entry_mismatch" });
    head = checked.head;
    length += results.length;
  }
  // entries after the last sealed one are pending (a write landed while this ran; the next sealer takes
  // them); an unsealed entry *before* it was skipped, which a sealer never does
  const unsealed = await db
    .prepare(
      `SELECT COUNT(*) AS n FROM audit_entries
        WHERE id < (SELECT COALESCE(MAX(entry_id), 0) FROM audit_log)
          AND id NOT IN (SELECT entry_id FROM audit_log WHERE entry_id IS NOT NULL)`,
    )
    .first<{ n: number }>();
  if ((unsealed?.n ?? 0) > 0) return broken({ seq: head.seq + 1, reason: "entry_unsealed" });
  return { valid: true, length, head: head.hash };
}

/**
 * Every link of the log in seq order, read only (nothing is sealed first): what `npm run verify` checks
 * and compares with a saved checkpoint.
 * @example const links = await auditLinks(env.DB);
 */
export async function auditLinks(db: D1Database): Promise<AuditRow[]> {
  const { results } = await db.prepare(`SELECT ${LINK_COLUMNS} FROM audit_log ORDER BY seq`).all<AuditRow>();
  return results;
}

/**
 * Runs `statements` with one entry per item of `entries` in a single batch, then seals them: the
 * several-entry form of {@link runAudited} (a script creating several accounts at once).
 * @example await runAuditedAll(db, [insertStaff(db, a)], [{ action: "staff_add", actorId: null, actor: "cli" }]);
 */
export async function runAuditedAll(
  db: D1Database,
  statements: D1PreparedStatement[],
  entries: AuditEntry[],
): Promise<void> {
  const recorded = await Promise.all(entries.map((entry) => recordAudit(db, entry)));
  await db.batch([...statements, ...recorded]);
  await sealAudit(db);
}
