/**
 * D1 reads and writes of 积分制: the household register, each village's points ledger (a hash chain,
 * append-only, its triggers refusing an update, a delete and a self-confirmation), and the 积分超市.
 * Every write is one function here running one batch with its audit entry.
 */

import { GENESIS_HASH } from "#core/disclosure.ts";
import {
  type HouseholdInput,
  type LedgerContent,
  type LedgerRow,
  ledgerColumns,
  ledgerLink,
  type PointsRule,
  type ShopInput,
} from "#core/points.ts";
import type { AuditEntry } from "../audit/chain.ts";
import { recordAudit } from "../audit/queries.ts";
import { allRows, type Read } from "../reads.ts";

/** How many times a write retries after losing the race for the next link of its village's chain. */
const ATTEMPTS = 8;

/** Why a guarded append wrote nothing: its guard failed, or it kept losing the race for the next seq. */
export type AppendRefusal = "guard" | "busy" | "duplicate";

const failed = (err: unknown, pattern: RegExp) => err instanceof Error && pattern.test(err.message);

/**
 * A household's spendable points in SQL (?H its id): confirmed entries and reversals, less what it took.
 * A link confirming an entry always follows it in the chain.
 */
const BALANCE = `(SELECT COALESCE(SUM(l.points), 0) FROM points_ledger AS l
   WHERE l.household_id = ?H AND (l.kind = 'redeem' OR (l.kind IN ('entry', 'reversal')
     AND EXISTS (SELECT 1 FROM points_ledger AS c WHERE c.kind = 'confirm' AND c.ref_id = l.id))))`;

/** What must hold when a link lands, checked inside its INSERT: SQL with ?H for the household id. */
export type Guard = "none" | "affordable";

const guards: Record<Guard, string> = {
  none: "1",
  // the household never goes below zero by spending, however many redemptions race
  affordable: `${BALANCE} + ?4 >= 0`,
};

/**
 * The last link of a village's points chain (null before the first).
 * @example await ledgerHead(env.DB, "371603104201") // { seq: 12, hash: "9f2c…" }
 */
export function ledgerHead(db: D1Database, village: string): Promise<{ seq: number; hash: string } | null> {
  return db
    .prepare("SELECT seq, hash FROM points_ledger WHERE village_code = ?1 ORDER BY seq DESC LIMIT 1")
    .bind(village)
    .first<{ seq: number; hash: string }>();
}

function insertLink(db: D1Database, link: Omit<LedgerRow, "id">, guard: Guard): D1PreparedStatement {
  const check = guards[guard].replaceAll("?H", "?3");
  return db
    .prepare(
      `INSERT INTO points_ledger (village_code, kind, household_id, ref_id, rule_code, points, on_date, reason, detail,
                                  actor, at, seq, prev_hash, hash)
       VALUES (?1, ?2, ?3, ?5, ?6, ?4, ?7, ?8, ?9, ?10, ?11, CASE WHEN ${check} THEN ?12 ELSE 0 END, ?13, ?14)
       RETURNING id`,
    )
    .bind(
      link.village_code,
      link.kind,
      link.household_id,
      link.points,
      link.ref_id,
      link.rule_code,
      link.on_date,
      link.reason,
      link.detail,
      link.actor,
      link.at,
      link.seq,
      link.prev_hash,
      link.hash,
    );
}

/**
 * Appends one link to its village's chain with its audit entry, in one batch; a lost race for the seq is
 * retried. Answers the new link's id and seq, or why nothing was written: the guard failed, an entry was
 * already confirmed or reversed (or a confirmation was by the one who recorded it), or the chain stayed busy.
 * @example await appendLedger(env.DB, content, "none", { action: "points_entry", actorId: 3, actor: "xwl-jf" })
 */
export async function appendLedger(
  db: D1Database,
  content: LedgerContent,
  guard: Guard,
  audit: AuditEntry,
): Promise<{ id: number; seq: number; hash: string } | { refused: AppendRefusal | "same_person" }> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const head = (await ledgerHead(db, content.village_code)) ?? { seq: 0, hash: GENESIS_HASH };
    const link = await ledgerLink(content, head);
    try {
      const [inserted] = await db.batch([
        insertLink(db, link, guard),
        await recordAudit(db, { ...audit, detail: { ...audit.detail, seq: link.seq, hash: link.hash } }),
      ]);
      const { id } = (inserted as D1Result).results[0] as { id: number };
      return { id, seq: link.seq, hash: link.hash };
    } catch (err) {
      if (failed(err, /CHECK constraint failed/)) return { refused: "guard" };
      if (failed(err, /second person/)) return { refused: "same_person" };
      if (failed(err, /UNIQUE constraint failed: points_ledger\.ref_id/)) return { refused: "duplicate" };
      if (!failed(err, /UNIQUE constraint failed: points_ledger\.(village_code|hash)/)) throw err;
    }
  }
  return { refused: "busy" };
}

export interface HouseholdRow {
  id: number;
  village: string;
  number: string;
  name: string;
}

const HOUSEHOLD = "id, village_code AS village, number, head_name AS name";

/**
 * Registers a household with the hash of its card's code, with its audit entry; null when the village
 * already has that household number.
 * @example await registerHousehold(env.DB, input, await receiptHash(code), staff, now)
 */
export async function registerHousehold(
  db: D1Database,
  input: HouseholdInput,
  codeHash: string,
  audit: AuditEntry,
  at: string,
): Promise<HouseholdRow | null> {
  try {
    const [inserted] = await db.batch([
      db
        .prepare(
          `INSERT INTO points_households (village_code, number, head_name, code_hash, registered_by, registered_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING ${HOUSEHOLD}`,
        )
        .bind(input.village, input.number, input.name, codeHash, audit.actor, at),
      await recordAudit(db, audit),
    ]);
    return (inserted as D1Result<HouseholdRow>).results[0] as HouseholdRow;
  } catch (err) {
    if (failed(err, /UNIQUE constraint failed: points_households\.village_code/)) return null;
    throw err;
  }
}

/**
 * Gives households new card codes (by their hashes), so the cards printed before stop working; one batch
 * with its audit entry (which names the households, never a code).
 * @example await reissueCards(env.DB, [{ id: 4, codeHash }], { action: "points_cards", actorId: null, actor: "cli" })
 */
export async function reissueCards(
  db: D1Database,
  cards: readonly { id: number; codeHash: string }[],
  audit: AuditEntry,
): Promise<void> {
  await db.batch([
    ...cards.map((card) =>
      db.prepare("UPDATE points_households SET code_hash = ?2 WHERE id = ?1").bind(card.id, card.codeHash),
    ),
    await recordAudit(db, audit),
  ]);
}

/** A household by id, or null. @example await householdById(env.DB, 4) */
export function householdById(db: D1Database, id: number): Promise<HouseholdRow | null> {
  return db.prepare(`SELECT ${HOUSEHOLD} FROM points_households WHERE id = ?1`).bind(id).first<HouseholdRow>();
}

/** The household a card's code hash opens, or null. @example await householdByCodeHash(env.DB, hash) */
export function householdByCodeHash(db: D1Database, codeHash: string): Promise<HouseholdRow | null> {
  return db
    .prepare(`SELECT ${HOUSEHOLD} FROM points_households WHERE code_hash = ?1`)
    .bind(codeHash)
    .first<HouseholdRow>();
}

/** A household with its spendable balance. */
export interface HouseholdBalance extends HouseholdRow {
  balance: number;
}

/**
 * A village's register in household-number order, each with its balance (never a card code).
 * @example (await villageHouseholds(env.DB, "371603104201"))[0] // { id: 4, number: "001", name: "张小明", balance: 30, … }
 */
export async function villageHouseholds(db: D1Database, village: string): Promise<HouseholdBalance[]> {
  const { results } = await db
    .prepare(
      `SELECT h.${HOUSEHOLD.replaceAll(", ", ", h.")}, ${BALANCE.replaceAll("?H", "h.id")} AS balance
         FROM points_households AS h WHERE h.village_code = ?1 ORDER BY h.number`,
    )
    .bind(village)
    .all<HouseholdBalance>();
  return results;
}

/** One household's spendable balance. @example await householdBalance(env.DB, 4) // 30 */
export async function householdBalance(db: D1Database, household: number): Promise<number> {
  const row = await db
    .prepare(`SELECT ${BALANCE.replaceAll("?H", "?1")} AS balance`)
    .bind(household)
    .first<{ balance: number }>();
  return row?.balance ?? 0;
}

/** The village's rules now: the last `rules` link, its items and seq (null before the first version). */
export async function currentRules(
  db: D1Database,
  village: string,
): Promise<{ id: number; seq: number; at: string; rules: PointsRule[] } | null> {
  const row = await db
    .prepare(
      `SELECT id, seq, at, detail FROM points_ledger WHERE village_code = ?1 AND kind = 'rules' ORDER BY seq DESC LIMIT 1`,
    )
    .bind(village)
    .first<{ id: number; seq: number; at: string; detail: string }>();
  return row ? { id: row.id, seq: row.seq, at: row.at, rules: JSON.parse(row.detail) as PointsRule[] } : null;
}

/** A ledger line as staff and the household read it. */
export interface LedgerLine {
  id: number;
  kind: "entry" | "reversal" | "redeem";
  household: number;
  number: string;
  name: string;
  rule: string | null;
  /** The rule's title, or the goods taken. */
  title: string;
  points: number;
  date: string;
  reason: string | null;
  recordedBy: string;
  confirmedBy: string | null;
  /** The entry a reversal undoes. */
  reverses: number | null;
  /** The reversal that undid this entry, if any. */
  reversedBy: number | null;
}

const LINE = `SELECT l.id, l.kind, l.household_id AS household, h.number, h.head_name AS name, l.rule_code AS rule,
         COALESCE(json_extract(l.detail, '$.title'), '') AS title, l.points, l.on_date AS date, l.reason,
         l.actor AS recordedBy, c.actor AS confirmedBy,
         CASE WHEN l.kind = 'reversal' THEN l.ref_id END AS reverses, r.id AS reversedBy
    FROM points_ledger AS l
    JOIN points_households AS h ON h.id = l.household_id
    LEFT JOIN points_ledger AS c ON c.kind = 'confirm' AND c.ref_id = l.id
    LEFT JOIN points_ledger AS r ON r.kind = 'reversal' AND r.ref_id = l.id
   WHERE l.kind IN ('entry', 'reversal', 'redeem')`;

/**
 * A household's own ledger, oldest first: entries, reversals and what it took at the shop.
 * @example await householdLedger(env.DB, 4)
 */
export async function householdLedger(db: D1Database, household: number): Promise<LedgerLine[]> {
  const { results } = await db
    .prepare(`${LINE} AND l.household_id = ?1 ORDER BY l.seq`)
    .bind(household)
    .all<LedgerLine>();
  return results;
}

/**
 * A village's ledger lines, newest first (at most `limit`).
 * @example await villageLedger(env.DB, "371603104201", 200)
 */
export async function villageLedger(db: D1Database, village: string, limit: number): Promise<LedgerLine[]> {
  const { results } = await db
    .prepare(`${LINE} AND l.village_code = ?1 ORDER BY l.seq DESC LIMIT ?2`)
    .bind(village, limit)
    .all<LedgerLine>();
  return results;
}

/** One ledger line by id (an entry, a reversal or a redemption), with its village. */
export function ledgerLine(db: D1Database, id: number): Promise<(LedgerLine & { village: string }) | null> {
  return db
    .prepare(`${LINE.replace("SELECT l.id,", "SELECT l.id, l.village_code AS village,")} AND l.id = ?1`)
    .bind(id)
    .first<LedgerLine & { village: string }>();
}

/**
 * A village's whole points chain in seq order, as stored.
 * @example await verifyLedger(await ledgerRows(env.DB, "371603104201"))
 */
export async function ledgerRows(db: D1Database, village: string): Promise<LedgerRow[]> {
  const { results } = await db
    .prepare(`SELECT ${ledgerColumns} FROM points_ledger WHERE village_code = ?1 ORDER BY seq`)
    .bind(village)
    .all<LedgerRow>();
  return results;
}

export interface ShopRow {
  id: number;
  village: string;
  quarter: string;
  opensOn: string;
  closesOn: string;
  goods: { id: number; name: string; price: number }[];
}

/**
 * Sets a quarter's 积分超市 (its window and goods) with its audit entry; null when that quarter's shop is
 * already set.
 * @example await setShop(env.DB, input, audit, now)
 */
export async function setShop(db: D1Database, input: ShopInput, audit: AuditEntry, at: string): Promise<boolean> {
  const shop = "(SELECT id FROM points_shops WHERE village_code = ?1 AND quarter = ?2)";
  try {
    await db.batch([
      db
        .prepare(
          `INSERT INTO points_shops (village_code, quarter, opens_on, closes_on, set_by, set_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6)`,
        )
        .bind(input.village, input.quarter, input.opensOn, input.closesOn, audit.actor, at),
      ...input.goods.map((g) =>
        db
          .prepare(`INSERT INTO points_goods (shop_id, name, price) VALUES (${shop}, ?3, ?4)`)
          .bind(input.village, input.quarter, g.name, g.price),
      ),
      await recordAudit(db, audit),
    ]);
    return true;
  } catch (err) {
    if (failed(err, /UNIQUE constraint failed: points_shops\./)) return false;
    throw err;
  }
}

/** A village's shop of a quarter with its goods, or null. @example await shopOf(env.DB, "371603104201", "2026-Q4") */
export async function shopOf(db: D1Database, village: string, quarter: string): Promise<ShopRow | null> {
  const [shop, goods] = await db.batch<Record<string, unknown>>([
    db
      .prepare(
        `SELECT id, village_code AS village, quarter, opens_on AS opensOn, closes_on AS closesOn
           FROM points_shops WHERE village_code = ?1 AND quarter = ?2`,
      )
      .bind(village, quarter),
    db
      .prepare(
        `SELECT g.id, g.name, g.price FROM points_goods AS g JOIN points_shops AS s ON s.id = g.shop_id
          WHERE s.village_code = ?1 AND s.quarter = ?2 ORDER BY g.id`,
      )
      .bind(village, quarter),
  ]);
  const row = shop?.results[0] as Omit<ShopRow, "goods"> | undefined;
  return row ? { ...row, goods: (goods?.results ?? []) as ShopRow["goods"] } : null;
}

/** Goods by id, with its shop's village, quarter and window, or null. */
export function goodsById(
  db: D1Database,
  id: number,
): Promise<{
  id: number;
  name: string;
  price: number;
  village: string;
  quarter: string;
  opensOn: string;
  closesOn: string;
} | null> {
  return db
    .prepare(
      `SELECT g.id, g.name, g.price, s.village_code AS village, s.quarter, s.opens_on AS opensOn, s.closes_on AS closesOn
         FROM points_goods AS g JOIN points_shops AS s ON s.id = g.shop_id WHERE g.id = ?1`,
    )
    .bind(id)
    .first();
}

/**
 * Every village's points ledger, all links, in village and seq order (for `npm run verify`).
 * @example const rows = await everyLedgerRow(env.DB);
 */
export async function everyLedgerRow(db: D1Database): Promise<LedgerRow[]> {
  const { results } = await db
    .prepare(`SELECT ${ledgerColumns} FROM points_ledger ORDER BY village_code, seq`)
    .all<LedgerRow>();
  return results;
}

/** A household's line on the public board for a quarter: what moved in it, and what it holds now. */
export interface BoardLine {
  number: string;
  name: string;
  /** Confirmed plus and minus entries dated in the quarter, and confirmed reversals made in it. */
  awarded: number;
  deducted: number;
  reversed: number;
  /** Spent at the shop in the quarter (a positive number). */
  redeemed: number;
  /** Spendable now. */
  balance: number;
}

/** A link that counts: a redemption, or an entry or reversal with its confirmation. */
const COUNTS = `(l.kind = 'redeem' OR (l.kind IN ('entry', 'reversal')
  AND EXISTS (SELECT 1 FROM points_ledger AS c WHERE c.kind = 'confirm' AND c.ref_id = l.id)))`;
const IN_QUARTER = "l.on_date BETWEEN ?2 AND ?3";

/**
 * A village's points board for the days `start`..`end` (a quarter), in household-number order; every
 * figure is summed from the ledger's confirmed links.
 * @example await readOne(pointsBoard(env.DB, "371603104201", "2026-10-01", "2026-12-31"))
 */
export function pointsBoard(db: D1Database, village: string, start: string, end: string): Read<BoardLine[]> {
  return allRows<BoardLine>(
    db
      .prepare(
        `SELECT h.number, h.head_name AS name,
              COALESCE(SUM(CASE WHEN l.kind = 'entry' AND l.points > 0 AND ${IN_QUARTER} THEN l.points END), 0) AS awarded,
              COALESCE(SUM(CASE WHEN l.kind = 'entry' AND l.points < 0 AND ${IN_QUARTER} THEN l.points END), 0) AS deducted,
              COALESCE(SUM(CASE WHEN l.kind = 'reversal' AND ${IN_QUARTER} THEN l.points END), 0) AS reversed,
              COALESCE(-SUM(CASE WHEN l.kind = 'redeem' AND ${IN_QUARTER} THEN l.points END), 0) AS redeemed,
              COALESCE(SUM(l.points), 0) AS balance
         FROM points_households AS h
         LEFT JOIN points_ledger AS l ON l.household_id = h.id AND ${COUNTS}
        WHERE h.village_code = ?1
        GROUP BY h.id ORDER BY h.number`,
      )
      .bind(village, start, end),
  );
}

/** The district's or a town's points figures for a period. */
export interface PointsFigures {
  villages: number;
  households: number;
  awarded: number;
  deducted: number;
  reversed: number;
  redeemed: number;
  /** Quarterly 积分超市 set with a window inside the period. */
  shops: number;
}

/**
 * Points figures of the villages whose code starts with `place` (the district, a town or a village) for
 * the days `start`..`end`, from confirmed ledger links.
 * @example await pointsFigures(env.DB, "371603104", "2026-10-01", "2026-12-31")
 */
export async function pointsFigures(db: D1Database, place: string, start: string, end: string): Promise<PointsFigures> {
  const [moves, shops] = await db.batch<Record<string, number>>([
    db
      .prepare(
        `SELECT COUNT(DISTINCT l.village_code) AS villages, COUNT(DISTINCT l.household_id) AS households,
                COALESCE(SUM(CASE WHEN l.kind = 'entry' AND l.points > 0 THEN l.points END), 0) AS awarded,
                COALESCE(SUM(CASE WHEN l.kind = 'entry' AND l.points < 0 THEN -l.points END), 0) AS deducted,
                COALESCE(SUM(CASE WHEN l.kind = 'reversal' THEN abs(l.points) END), 0) AS reversed,
                COALESCE(-SUM(CASE WHEN l.kind = 'redeem' THEN l.points END), 0) AS redeemed
           FROM points_ledger AS l
          WHERE substr(l.village_code, 1, length(?1)) = ?1 AND ${IN_QUARTER} AND ${COUNTS}`,
      )
      .bind(place, start, end),
    db
      .prepare(
        `SELECT COUNT(*) AS shops FROM points_shops
          WHERE substr(village_code, 1, length(?1)) = ?1 AND opens_on BETWEEN ?2 AND ?3`,
      )
      .bind(place, start, end),
  ]);
  return {
    ...(moves?.results[0] as Omit<PointsFigures, "shops">),
    shops: (shops?.results[0] as { shops: number } | undefined)?.shops ?? 0,
  };
}
