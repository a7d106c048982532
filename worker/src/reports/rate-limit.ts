/**
 * Rate limits on intake and receipt lookups, kept apart from reports. A client (its address, or its /64
 * for IPv6) is counted under HMAC(the day's random secret, what is counted ‖ client); what is counted and
 * the hour are inside the MAC, so a stored row shows no address, village or time of day, and once the
 * day's secret is deleted nobody can link the row to anyone. Every time rule takes `now` as an argument.
 */

import { t } from "#core/i18n/index.ts";
import { chinaDate, chinaTime } from "#core/period.ts";
import { config } from "../config/env.ts";
import { ApiError } from "../errors.ts";

/** A 429 that tells the client when to come back (seconds, for `Retry-After`). */
export class RateLimited extends ApiError {
  readonly retryAfter: number;

  constructor(message: string, retryAfter: number) {
    super(429, "rate_limited", message);
    this.retryAfter = retryAfter;
  }
}

export interface IntakeLimits {
  /** New reports one client may file to one village in an hour. */
  perVillage: number;
  /** New reports one client may file across all villages in an hour. */
  perClient: number;
  /** New reports accepted district-wide in a minute (protects D1 from a flood). */
  perMinute: number;
}

/**
 * The intake limits: a real villager sends a handful an hour, a grid worker a few villages' worth;
 * the district ceiling is INTAKE_PER_MINUTE (wrangler.toml, 120 unless set; parsed in config/env.ts).
 * @example const limits = intakeLimits(c.env); // { perVillage: 5, perClient: 10, perMinute: 120 }
 */
export const intakeLimits = (env: Env): IntakeLimits => ({
  perVillage: 5,
  perClient: 10,
  perMinute: config(env).intakePerMinute,
});

/** Well-formed receipts one client may look up in vain in an hour before every lookup is refused. */
const RECEIPT_MISSES_PER_HOUR = 20;

/** China wall-clock parts of `now`: the date, the hour and the minute, and seconds left in each. */
function chinaClock(now: Date) {
  const china = chinaTime(now);
  const second = china.getUTCSeconds();
  return {
    day: chinaDate(now),
    hour: china.toISOString().slice(11, 13),
    minute: china.toISOString().slice(11, 16),
    toNextHour: 3600 - (china.getUTCMinutes() * 60 + second),
    toNextMinute: 60 - second,
  };
}

/**
 * Who is asking, as rate limits see it: the address from `CF-Connecting-IP`, or for IPv6 its /64 (one
 * household or phone gets a whole /64, so counting single addresses would let it rotate freely).
 * @example clientOf(request) // "198.51.100.7" or "2001:db8:aa:bb::/64"
 */
export function clientOf(request: Request): string {
  const address = (request.headers.get("cf-connecting-ip") ?? "").trim().toLowerCase().replace(/%.*$/, "");
  if (!address.includes(":")) return address || "unknown";
  const mapped = /^[0:]*:ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (mapped) return mapped[1] as string;
  const [head = "", tail] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups =
    tail === undefined ? left : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => (Number.parseInt(g, 16) || 0).toString(16))
    .join(":")}::/64`;
}

let cached: { day: string; key: CryptoKey } | undefined;

const hex = (bytes: ArrayBuffer | Uint8Array) =>
  [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");

/**
 * The HMAC key of the day: the `daily_secrets` row for `day`, made with 32 random bytes on first use.
 * Making it deletes every earlier day's secret and counters in the same batch; concurrent first uses
 * all end up with the one row that was stored first.
 */
async function dailyKey(db: D1Database, day: string): Promise<CryptoKey> {
  if (cached?.day === day) return cached.key;
  const read = db.prepare("SELECT secret FROM daily_secrets WHERE day = ?1").bind(day);
  let row = await read.first<{ secret: string }>();
  if (!row) {
    const fresh = hex(crypto.getRandomValues(new Uint8Array(32)));
    const results = await db.batch([
      db.prepare("DELETE FROM daily_secrets WHERE day < ?1").bind(day),
      db.prepare("DELETE FROM intake_counts WHERE day < ?1").bind(day),
      db.prepare("INSERT INTO daily_secrets (day, secret) VALUES (?1, ?2) ON CONFLICT DO NOTHING").bind(day, fresh),
      read,
    ]);
    row = results[3]?.results[0] as { secret: string };
  }
  const raw = Uint8Array.from(row.secret.match(/../g) ?? [], (b) => Number.parseInt(b, 16));
  const key = await crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  if (!cached || cached.day <= day) cached = { day, key };
  return key;
}

const mac = async (key: CryptoKey, text: string) =>
  hex(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(text)));

/** Takes one slot of the client's village and overall counters, if both have room. */
const TAKE_VILLAGE_SLOT = `INSERT INTO intake_counts (counter, day, hits, last)
  SELECT ?1, ?3, 1, ?4 WHERE coalesce((SELECT hits FROM intake_counts WHERE counter = ?1), 0) < ?5
                         AND coalesce((SELECT hits FROM intake_counts WHERE counter = ?2), 0) < ?6
  ON CONFLICT (counter) DO UPDATE SET hits = hits + 1, last = excluded.last`;
/** Takes the overall slot when the village slot was just taken by this request. */
const TAKE_CLIENT_SLOT = `INSERT INTO intake_counts (counter, day, hits, last)
  SELECT ?2, ?3, 1, ?4 WHERE EXISTS (SELECT 1 FROM intake_counts WHERE counter = ?1 AND last = ?4)
  ON CONFLICT (counter) DO UPDATE SET hits = hits + 1, last = excluded.last`;
/** Takes a district-wide slot of this minute when the client's slots were taken, and there is room. */
const TAKE_MINUTE_SLOT = `INSERT INTO intake_minute (id, minute, accepted, last)
  SELECT 1, ?1, 1, ?2 WHERE EXISTS (SELECT 1 FROM intake_counts WHERE counter = ?3 AND last = ?2)
                        AND coalesce((SELECT accepted FROM intake_minute WHERE id = 1 AND minute = ?1), 0) < ?4
  ON CONFLICT (id) DO UPDATE SET accepted = CASE WHEN minute = excluded.minute THEN accepted + 1 ELSE 1 END,
                                 minute = excluded.minute, last = excluded.last`;

export interface Admission {
  /** Gives the slots back: the report was not stored after all (an error, or a retry that raced in). */
  release(): Promise<void>;
}

/**
 * Admits one new report or refuses it with a {@link RateLimited}. A client over its own limit (per
 * village or across villages) is refused without touching the district-wide counter, and only admitted
 * reports take a slot of it, so refused requests never shut anyone else out. All checks and slots are
 * one batch: exact under any concurrency.
 * @example const admission = await admitReport(env.DB, clientOf(request), "371603104201", intakeLimits(env));
 */
export async function admitReport(
  db: D1Database,
  client: string,
  village: string,
  limits: IntakeLimits,
  now = new Date(),
): Promise<Admission> {
  const clock = chinaClock(now);
  const key = await dailyKey(db, clock.day);
  const [mine, all, minute] = await Promise.all([
    mac(key, `village ${village} ${clock.hour}\n${client}`),
    mac(key, `all ${clock.hour}\n${client}`),
    mac(key, `minute ${clock.minute}`),
  ]);
  const request = crypto.randomUUID();
  const results = await db.batch([
    db.prepare(TAKE_VILLAGE_SLOT).bind(mine, all, clock.day, request, limits.perVillage, limits.perClient),
    db.prepare(TAKE_CLIENT_SLOT).bind(mine, all, clock.day, request),
    db.prepare(TAKE_MINUTE_SLOT).bind(minute, request, all, limits.perMinute),
    db
      .prepare(
        `SELECT EXISTS (SELECT 1 FROM intake_counts WHERE counter = ?1 AND last = ?2) AS client,
                EXISTS (SELECT 1 FROM intake_minute WHERE last = ?2) AS everyone`,
      )
      .bind(mine, request),
    // the district is full: give the client's slots back
    db
      .prepare(
        `UPDATE intake_counts SET hits = hits - 1
          WHERE counter IN (?1, ?2) AND last = ?3 AND NOT EXISTS (SELECT 1 FROM intake_minute WHERE last = ?3)`,
      )
      .bind(mine, all, request),
    db.prepare("UPDATE intake_counts SET last = NULL WHERE counter IN (?1, ?2) AND last = ?3").bind(mine, all, request),
    db.prepare("UPDATE intake_minute SET last = NULL WHERE last = ?1").bind(request),
  ]);
  const outcome = results[3]?.results[0] as { client: number; everyone: number };
  if (!outcome.client) throw new RateLimited(t("reports.error.rateClient"), clock.toNextHour);
  if (!outcome.everyone) throw new RateLimited(t("reports.error.rateGlobal"), clock.toNextMinute);
  return {
    async release() {
      await db.batch([
        db.prepare("UPDATE intake_counts SET hits = max(hits - 1, 0) WHERE counter IN (?1, ?2)").bind(mine, all),
        db
          .prepare("UPDATE intake_minute SET accepted = max(accepted - 1, 0) WHERE id = 1 AND minute = ?1")
          .bind(minute),
      ]);
    },
  };
}

/**
 * Guards receipt lookups against guessing: a client whose well-formed receipts missed too often this hour
 * gets a 429 (for real receipts too) until the hour ends. `miss()` counts one more miss.
 * @example const guard = await receiptGuard(c.env, c.req.raw); if (guard.refused) …; else if (!found) await guard.miss();
 */
export async function receiptGuard(env: Env, request: Request, now = new Date()) {
  const clock = chinaClock(now);
  const counter = await mac(await dailyKey(env.DB, clock.day), `receipt ${clock.hour}\n${clientOf(request)}`);
  const row = await env.DB.prepare("SELECT hits FROM intake_counts WHERE counter = ?1")
    .bind(counter)
    .first<{ hits: number }>();
  return {
    refused:
      (row?.hits ?? 0) >= RECEIPT_MISSES_PER_HOUR
        ? new RateLimited(t("reports.error.receiptThrottled"), clock.toNextHour)
        : null,
    miss: () =>
      env.DB.prepare(
        `INSERT INTO intake_counts (counter, day, hits) VALUES (?1, ?2, 1)
         ON CONFLICT (counter) DO UPDATE SET hits = hits + 1`,
      )
        .bind(counter, clock.day)
        .run(),
  };
}

/**
 * The daily cron's part: deletes the secrets and counters of every day before `now`'s China date, so a
 * past day's rows can no longer be linked to anyone (also done when a new day's secret is made).
 * @example await pruneRateLimits(env.DB);
 */
export async function pruneRateLimits(db: D1Database, now = new Date()): Promise<void> {
  const today = chinaDate(now);
  await db.batch([
    db.prepare("DELETE FROM daily_secrets WHERE day < ?1").bind(today),
    db.prepare("DELETE FROM intake_counts WHERE day < ?1").bind(today),
  ]);
  if (cached && cached.day < today) cached = undefined;
}
