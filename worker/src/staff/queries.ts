/** D1 reads and writes of staff accounts, their sessions and failed logins. */
import type { StaffMember, StaffRole } from "#core/staff.ts";
import type { FailureRow } from "./throttle.ts";

export interface LoginAccount extends StaffMember {
  passwordHash: string;
  disabled: boolean;
}

interface AccountRow {
  id: number;
  username: string;
  role: StaffRole;
  scope: string;
  password_hash: string;
  disabled_at: string | null;
}

/**
 * The account a login names, disabled or not; null when there is none.
 * @example const account = await loginAccount(env.DB, "botou-jw");
 */
export async function loginAccount(db: D1Database, username: string): Promise<LoginAccount | null> {
  const row = await db
    .prepare("SELECT id, username, role, scope, password_hash, disabled_at FROM staff WHERE username = ?1")
    .bind(username)
    .first<AccountRow>();
  if (!row) return null;
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    scope: row.scope,
    passwordHash: row.password_hash,
    disabled: row.disabled_at !== null,
  };
}

export interface SessionTimes {
  lastSeenAt: string;
  expiresAt: string;
}

/**
 * The enabled account behind a session token's hash, with the session's times; null when the session
 * does not exist or its account is disabled.
 * @example const found = await sessionStaff(env.DB, tokenHash);
 */
export async function sessionStaff(
  db: D1Database,
  tokenHash: string,
): Promise<{ staff: StaffMember; session: SessionTimes } | null> {
  const row = await db
    .prepare(
      `SELECT staff.id, staff.username, staff.role, staff.scope, s.last_seen_at, s.expires_at
         FROM staff_sessions AS s JOIN staff ON staff.id = s.staff_id
        WHERE s.token_hash = ?1 AND staff.disabled_at IS NULL`,
    )
    .bind(tokenHash)
    .first<StaffMember & { last_seen_at: string; expires_at: string }>();
  if (!row) return null;
  return {
    staff: { id: row.id, username: row.username, role: row.role, scope: row.scope },
    session: { lastSeenAt: row.last_seen_at, expiresAt: row.expires_at },
  };
}

/**
 * A new session row.
 * @example await db.batch([startSession(env.DB, { tokenHash, staffId: 1, now, expiresAt })]);
 */
export function startSession(
  db: D1Database,
  session: { tokenHash: string; staffId: number; now: string; expiresAt: string },
): D1PreparedStatement {
  return db
    .prepare(
      "INSERT INTO staff_sessions (token_hash, staff_id, created_at, last_seen_at, expires_at) VALUES (?1, ?2, ?3, ?3, ?4)",
    )
    .bind(session.tokenHash, session.staffId, session.now, session.expiresAt);
}

/** Marks a session as used at `now` (resets its idle clock). @example await touchSession(env.DB, hash, now) */
export async function touchSession(db: D1Database, tokenHash: string, now: string): Promise<void> {
  await db.prepare("UPDATE staff_sessions SET last_seen_at = ?2 WHERE token_hash = ?1").bind(tokenHash, now).run();
}

/** Deletes a session (logout, or found expired). @example await endSession(env.DB, hash).run() */
export function endSession(db: D1Database, tokenHash: string): D1PreparedStatement {
  return db.prepare("DELETE FROM staff_sessions WHERE token_hash = ?1").bind(tokenHash);
}

/**
 * The failure rows of the given keys.
 * @example const rows = await loginFailures(env.DB, ["user:botou-jw", "client:9f2c…"]);
 */
export async function loginFailures(db: D1Database, keys: string[]): Promise<FailureRow[]> {
  const { results } = await db
    .prepare(
      "SELECT key, failures, last_failed_at, locked_until FROM staff_login_failures WHERE key IN (SELECT value FROM json_each(?1))",
    )
    .bind(JSON.stringify(keys))
    .all<FailureRow>();
  return results;
}

/**
 * Counts an attempt as a failure before its password is checked, only if the key's row is still the one
 * read (`before`), so parallel attempts cannot all pass the same check: `meta.changes` is 0 for a loser.
 * A successful login then clears or refunds it.
 * @example const [claim] = await db.batch([claimAttempt(env.DB, before, afterFailure(before, key, USER_POLICY, now))]);
 */
export function claimAttempt(db: D1Database, before: FailureRow | undefined, after: FailureRow): D1PreparedStatement {
  if (!before) {
    return db
      .prepare(
        `INSERT INTO staff_login_failures (key, failures, last_failed_at, locked_until) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (key) DO NOTHING`,
      )
      .bind(after.key, after.failures, after.last_failed_at, after.locked_until);
  }
  return db
    .prepare(
      `UPDATE staff_login_failures SET failures = ?2, last_failed_at = ?3, locked_until = ?4
        WHERE key = ?1 AND failures = ?5 AND last_failed_at = ?6`,
    )
    .bind(after.key, after.failures, after.last_failed_at, after.locked_until, before.failures, before.last_failed_at);
}

/**
 * Takes back one counted attempt from a key (a shared office address must not lock itself by logging in).
 * @example await db.batch(refundAttempt(env.DB, "client:9f2c…"));
 */
export function refundAttempt(db: D1Database, key: string): D1PreparedStatement[] {
  return [
    db.prepare("DELETE FROM staff_login_failures WHERE key = ?1 AND failures <= 1").bind(key),
    db.prepare("UPDATE staff_login_failures SET failures = failures - 1, locked_until = NULL WHERE key = ?1").bind(key),
  ];
}

/** Forgets a key's failures (after a successful login). @example clearFailures(env.DB, "user:botou-jw") */
export function clearFailures(db: D1Database, key: string): D1PreparedStatement {
  return db.prepare("DELETE FROM staff_login_failures WHERE key = ?1").bind(key);
}

/** How long a client stays known to an account after its last successful login there. */
export const KNOWN_CLIENT_MS = 90 * 24 * 3600_000;

/**
 * Whether the account has logged in from this client (its key) within {@link KNOWN_CLIENT_MS} of `now`.
 * @example if (await isKnownClient(env.DB, key, Date.now())) …
 */
export async function isKnownClient(db: D1Database, key: string, now: number): Promise<boolean> {
  const row = await db
    .prepare("SELECT 1 AS known FROM staff_login_clients WHERE key = ?1 AND last_login_at > ?2")
    .bind(key, new Date(now - KNOWN_CLIENT_MS).toISOString())
    .first<{ known: number }>();
  return row !== null;
}

/**
 * Remembers a client an account has just logged in from.
 * @example await db.batch([rememberClient(env.DB, key, new Date().toISOString())]);
 */
export function rememberClient(db: D1Database, key: string, now: string): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO staff_login_clients (key, last_login_at) VALUES (?1, ?2)
       ON CONFLICT (key) DO UPDATE SET last_login_at = excluded.last_login_at`,
    )
    .bind(key, now);
}

/**
 * Forgets clients not used for {@link KNOWN_CLIENT_MS} (run by the cron).
 * @example await forgetStaleClients(env.DB, Date.now());
 */
export async function forgetStaleClients(db: D1Database, now: number): Promise<void> {
  await db
    .prepare("DELETE FROM staff_login_clients WHERE last_login_at <= ?1")
    .bind(new Date(now - KNOWN_CLIENT_MS).toISOString())
    .run();
}

/** An account as `npm run staff -- list` prints it. */
export interface ListedStaff {
  username: string;
  role: StaffRole;
  scope: string;
  created_at: string;
  disabled_at: string | null;
}

/** Whether an account of that name exists, disabled or not. @example await staffExists(env.DB, "botou-jw") */
export async function staffExists(db: D1Database, username: string): Promise<boolean> {
  return (await db.prepare("SELECT 1 AS found FROM staff WHERE username = ?1").bind(username).first()) !== null;
}

/** Every account, enabled first, then by role, scope and name. @example (await listStaff(env.DB)).length */
export async function listStaff(db: D1Database): Promise<ListedStaff[]> {
  const { results } = await db
    .prepare(
      `SELECT username, role, scope, created_at, disabled_at FROM staff
        ORDER BY disabled_at IS NOT NULL, role, scope, username`,
    )
    .all<ListedStaff>();
  return results;
}

/**
 * The INSERT creating an account whose password is already hashed.
 * @example await db.batch([insertStaff(db, { username, role, scope, passwordHash, now })]);
 */
export function insertStaff(
  db: D1Database,
  account: { username: string; role: StaffRole; scope: string; passwordHash: string; now: string },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO staff (username, role, scope, password_hash, created_at, password_changed_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?5)`,
    )
    .bind(account.username, account.role, account.scope, account.passwordHash, account.now);
}

const endSessionsOf = (db: D1Database, username: string) =>
  db.prepare("DELETE FROM staff_sessions WHERE staff_id = (SELECT id FROM staff WHERE username = ?1)").bind(username);

/**
 * Disables an account (if enabled) and ends its sessions, for one batch.
 * @example await db.batch(disableStaffStatements(db, "botou-jw", now));
 */
export function disableStaffStatements(db: D1Database, username: string, now: string): D1PreparedStatement[] {
  return [
    db.prepare("UPDATE staff SET disabled_at = ?2 WHERE username = ?1 AND disabled_at IS NULL").bind(username, now),
    endSessionsOf(db, username),
  ];
}

/**
 * Sets a new (hashed) password, ends the account's sessions and lifts its locks: the account-wide one and
 * each known client's own.
 * @example await db.batch(resetPasswordStatements(db, "botou-jw", await hashPassword(p), now));
 */
export function resetPasswordStatements(
  db: D1Database,
  username: string,
  passwordHash: string,
  now: string,
): D1PreparedStatement[] {
  const key = `user:${username}`;
  return [
    db
      .prepare("UPDATE staff SET password_hash = ?2, password_changed_at = ?3 WHERE username = ?1")
      .bind(username, passwordHash, now),
    endSessionsOf(db, username),
    db
      .prepare("DELETE FROM staff_login_failures WHERE key = ?1 OR substr(key, 1, length(?2)) = ?2")
      .bind(key, `${key}:`),
  ];
}
