/**
 * Login throttling, pure: how long a key must wait after its failures, and when it locks. The keys (see
 * staff/index.ts): an account as tried from clients it never logged in from, together; an account from
 * one client it has logged in from, alone; and a hashed client address across usernames. Failures older than the window are forgotten; a successful login clears
 * the username's count; resetting a password clears its lock.
 */

export interface FailureRow {
  key: string;
  failures: number;
  last_failed_at: string;
  locked_until: string | null;
}

export interface ThrottlePolicy {
  /** Failures allowed before each next try must wait. */
  free: number;
  /** Failures that lock the key for {@link LOCK_MS}. */
  lockAt: number;
}

/** An account (from unknown clients together, or one known client): three free tries, then waits of 5, 10, 20, 40, 60… seconds, locked at the tenth failure. */
export const USER_POLICY: ThrottlePolicy = { free: 3, lockAt: 10 };
/** One client address trying many usernames gets more room, then the same treatment. */
export const CLIENT_POLICY: ThrottlePolicy = { free: 10, lockAt: 30 };

export const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

export type ThrottleState = { state: "open" } | { state: "wait" | "locked"; seconds: number };

/** Seconds to wait after `failures` failures. */
const delaySeconds = (failures: number, policy: ThrottlePolicy): number =>
  failures < policy.free ? 0 : Math.min(60, 5 * 2 ** (failures - policy.free));

const fresh = (row: FailureRow, now: number) =>
  now - Date.parse(row.last_failed_at) < WINDOW_MS && (row.locked_until === null || Date.parse(row.locked_until) > now);

/**
 * Whether a login for this key may be tried at `now`.
 * @example throttleState({ key: "user:a", failures: 3, last_failed_at: iso(now), locked_until: null }, USER_POLICY, now) // { state: "wait", seconds: 5 }
 */
export function throttleState(row: FailureRow | undefined, policy: ThrottlePolicy, now: number): ThrottleState {
  if (!row) return { state: "open" };
  if (row.locked_until !== null && Date.parse(row.locked_until) > now) {
    return { state: "locked", seconds: Math.ceil((Date.parse(row.locked_until) - now) / 1000) };
  }
  if (!fresh(row, now)) return { state: "open" };
  const waitMs = delaySeconds(row.failures, policy) * 1000 - (now - Date.parse(row.last_failed_at));
  return waitMs > 0 ? { state: "wait", seconds: Math.ceil(waitMs / 1000) } : { state: "open" };
}

/**
 * The row after one more failure at `now`.
 * @example afterFailure(undefined, "user:a", USER_POLICY, now).failures // 1
 */
export function afterFailure(
  row: FailureRow | undefined,
  key: string,
  policy: ThrottlePolicy,
  now: number,
): FailureRow {
  const failures = (row && fresh(row, now) ? row.failures : 0) + 1;
  return {
    key,
    failures,
    last_failed_at: new Date(now).toISOString(),
    locked_until: failures >= policy.lockAt ? new Date(now + LOCK_MS).toISOString() : null,
  };
}
