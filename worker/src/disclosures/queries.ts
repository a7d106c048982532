/** D1 reads of published disclosures. */
import { type ChainRow, chainColumns } from "#core/chain.ts";
import { type DisclosureTables, incomeCategories } from "#core/disclosure.ts";
import { allRows, firstRow, type Read, readOne } from "../reads.ts";

export interface PublishedDisclosure {
  id: number;
  item: string;
  period: string;
  title: string;
  content: string;
  tables: DisclosureTables | null;
  publishedAt: string;
  corrected: boolean;
  demo: boolean;
}

interface DisclosureRow {
  id: number;
  item_id: string;
  period: string;
  title: string;
  content: string;
  tables: string | null;
  published_at: string;
  corrects_id: number | null;
  demo: number;
}

const toDisclosure = (row: DisclosureRow): PublishedDisclosure => ({
  id: row.id,
  item: row.item_id,
  period: row.period,
  title: row.title,
  content: row.content,
  tables: row.tables ? (JSON.parse(row.tables) as DisclosureTables) : null,
  publishedAt: row.published_at,
  corrected: row.corrects_id !== null,
  demo: row.demo === 1,
});

/**
 * The latest version of the latest period of every catalogue item a village has published.
 * @example const [latest] = await readAll(env.DB, [latestDisclosures(env.DB, "371603104201")]);
 */
export function latestDisclosures(db: D1Database, village: string): Read<PublishedDisclosure[]> {
  return allRows(
    db
      .prepare(
        `SELECT id, item_id, period, title, content, tables, published_at, corrects_id, demo
         FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY item_id ORDER BY period DESC, id DESC) AS rank
                 FROM disclosures WHERE village_code = ?1)
        WHERE rank = 1`,
      )
      .bind(village),
    toDisclosure,
  );
}

/**
 * A village's whole chain, in seq order, with the columns its hashes cover.
 * @example await verifyChain(await chainRows(env.DB, "371603104201"))
 */
export async function chainRows(db: D1Database, village: string): Promise<ChainRow[]> {
  const { results } = await db
    .prepare(`SELECT ${chainColumns} FROM disclosures WHERE village_code = ?1 ORDER BY seq`)
    .bind(village)
    .all<ChainRow>();
  return results;
}

export interface LatestPeriodRow {
  village: string;
  item: string;
  period: string;
}

/**
 * The latest period each village under `area` (the district, a town or one village, by code prefix)
 * has published for each item; one query for a whole town or the district.
 * @example await latestPeriods(env.DB, "371603104")
 */
export async function latestPeriods(db: D1Database, area: string): Promise<LatestPeriodRow[]> {
  const { results } = await db
    .prepare(
      `SELECT village_code AS village, item_id AS item, MAX(period) AS period
         FROM disclosures WHERE substr(village_code, 1, length(?1)) = ?1
        GROUP BY village_code, item_id`,
    )
    .bind(area)
    .all<LatestPeriodRow>();
  return results;
}

/** One stored version, as the history page and the publishing route read it. */
export interface VersionRow extends ChainRow {
  demo: number;
}

/**
 * A version by id, or null.
 * @example const version = await versionById(env.DB, 12);
 */
export function versionById(db: D1Database, id: number): Promise<VersionRow | null> {
  return db.prepare(`SELECT ${chainColumns}, demo FROM disclosures WHERE id = ?1`).bind(id).first<VersionRow>();
}

/**
 * Every version of one item's period in a village, oldest first (the first publication, then corrections).
 * @example await periodVersions(env.DB, "371603104201", "finance-quarterly", "2026-Q3")
 */
export async function periodVersions(
  db: D1Database,
  village: string,
  item: string,
  period: string,
): Promise<VersionRow[]> {
  const { results } = await db
    .prepare(
      `SELECT ${chainColumns}, demo FROM disclosures
        WHERE village_code = ?1 AND item_id = ?2 AND period = ?3 ORDER BY id`,
    )
    .bind(village, item, period)
    .all<VersionRow>();
  return results;
}

/**
 * The read of the last link of a village's chain (null when it has none yet), for a batch.
 * @example const [head] = await readAll(env.DB, [chainHeadRead(env.DB, "371603104201")]);
 */
export function chainHeadRead(db: D1Database, village: string): Read<{ seq: number; hash: string } | null> {
  return firstRow(
    db.prepare("SELECT seq, hash FROM disclosures WHERE village_code = ?1 ORDER BY seq DESC LIMIT 1").bind(village),
  );
}

/**
 * The last link of a village's chain (null when it has none yet).
 * @example const head = await chainHead(env.DB, "371603104201");
 */
export function chainHead(db: D1Database, village: string): Promise<{ seq: number; hash: string } | null> {
  return readOne(chainHeadRead(db, village));
}

/**
 * The INSERT appending a version, for one batch with its audit row. It is guarded in SQL: a first
 * publication only while the period has no version, a correction only of the period's latest version.
 * When the guard fails the seq becomes 0, the CHECK (seq >= 1) aborts the whole batch, and nothing is
 * written; a racing append of the same seq fails on UNIQUE (village_code, seq).
 * @example await db.batch([appendVersion(env.DB, await chainLink(content, head)), auditRow]);
 */
export function appendVersion(db: D1Database, v: Omit<ChainRow, "id">): D1PreparedStatement {
  const guard =
    v.corrects_id === null
      ? "NOT EXISTS (SELECT 1 FROM disclosures WHERE village_code = ?1 AND item_id = ?2 AND period = ?3)"
      : "(SELECT MAX(id) FROM disclosures WHERE village_code = ?1 AND item_id = ?2 AND period = ?3) = ?9";
  return db
    .prepare(
      `INSERT INTO disclosures (village_code, item_id, period, title, content, tables, published_by, published_at,
                                corrects_id, correction_reason, seq, prev_hash, hash)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, CASE WHEN ${guard} THEN ?11 ELSE 0 END, ?12, ?13)
       RETURNING id`,
    )
    .bind(
      v.village_code,
      v.item_id,
      v.period,
      v.title,
      v.content,
      v.tables,
      v.published_by,
      v.published_at,
      v.corrects_id,
      v.correction_reason,
      v.seq,
      v.prev_hash,
      v.hash,
    );
}

export interface RecentVersion {
  id: number;
  item: string;
  period: string;
  title: string;
  content: string;
  publishedAt: string;
  corrected: boolean;
}

/**
 * A village's latest version of each period it published, newest first.
 * @example await recentVersions(env.DB, "371603104201", 30)
 */
export async function recentVersions(db: D1Database, village: string, limit: number): Promise<RecentVersion[]> {
  const { results } = await db
    .prepare(
      `SELECT id, item_id, period, title, content, published_at, corrects_id FROM disclosures
        WHERE id IN (SELECT MAX(id) FROM disclosures WHERE village_code = ?1 GROUP BY item_id, period)
        ORDER BY id DESC LIMIT ?2`,
    )
    .bind(village, limit)
    .all<{
      id: number;
      item_id: string;
      period: string;
      title: string;
      content: string;
      published_at: string;
      corrects_id: number | null;
    }>();
  return results.map((r) => ({
    id: r.id,
    item: r.item_id,
    period: r.period,
    title: r.title,
    content: r.content,
    publishedAt: r.published_at,
    corrected: r.corrects_id !== null,
  }));
}

export interface PeriodTotals {
  item: string;
  period: string;
  income: number;
  expense: number;
}

/**
 * Income and expense (fen) of the latest version of each period of a village's ledger items, summed in
 * SQL from the stored rows, newest period first, at most `perItem` periods per item.
 * @example const [totals] = await readAll(env.DB, [ledgerTotalsByPeriod(env.DB, "371603104201", 6)]);
 */
export function ledgerTotalsByPeriod(db: D1Database, village: string, perItem: number): Read<PeriodTotals[]> {
  return allRows<PeriodTotals>(
    db
      .prepare(
        `WITH latest AS (
         SELECT id, item_id, period, tables,
                ROW_NUMBER() OVER (PARTITION BY item_id ORDER BY period DESC) AS n
           FROM disclosures
          WHERE id IN (SELECT MAX(id) FROM disclosures
                        WHERE village_code = ?1 AND tables IS NOT NULL AND json_extract(tables, '$.kind') = 'ledger'
                        GROUP BY item_id, period))
       SELECT item_id AS item, period,
              SUM(CASE WHEN json_extract(r.value, '$.category') IN (SELECT value FROM json_each(?3))
                       THEN json_extract(r.value, '$.amount') ELSE 0 END) AS income,
              SUM(CASE WHEN json_extract(r.value, '$.category') IN (SELECT value FROM json_each(?3))
                       THEN 0 ELSE json_extract(r.value, '$.amount') END) AS expense
         FROM latest, json_each(latest.tables, '$.rows') AS r
        WHERE n <= ?2
        GROUP BY item_id, period
        ORDER BY item_id, period DESC`,
      )
      .bind(village, perItem, JSON.stringify(incomeCategories)),
  );
}

export interface TownFigureRow {
  town: string;
  items: number;
  versions: number;
  corrections: number;
  villagesPublished: number;
  meetings: number;
  villagesMet: number;
  questions: number;
  satisfied: number;
  basic: number;
  unsatisfied: number;
}

/**
 * Per town, counted from rows: items disclosed (distinct village × item × period), versions,
 * corrections, villages that published; meetings held, villages that held one, questions raised and
 * the 评 tallies.
 * @example await figureRows(env.DB)
 */
export async function figureRows(db: D1Database): Promise<TownFigureRow[]> {
  const [disclosed, met] = await db.batch<Record<string, number | string>>([
    db.prepare(
      `SELECT substr(village_code, 1, 9) AS town, COUNT(DISTINCT village_code || ' ' || item_id || ' ' || period) AS items,
              COUNT(*) AS versions, COUNT(corrects_id) AS corrections, COUNT(DISTINCT village_code) AS villagesPublished
         FROM disclosures GROUP BY town`,
    ),
    db.prepare(
      `SELECT substr(village_code, 1, 9) AS town, COUNT(*) AS meetings, COUNT(DISTINCT village_code) AS villagesMet,
              SUM((SELECT COUNT(*) FROM meeting_questions AS q WHERE q.meeting_id = m.id)) AS questions,
              SUM(satisfied) AS satisfied, SUM(basic) AS basic, SUM(unsatisfied) AS unsatisfied
         FROM meetings AS m GROUP BY town`,
    ),
  ]);
  const towns = new Set([...(disclosed?.results ?? []), ...(met?.results ?? [])].map((r) => String(r.town)));
  return [...towns].map((town) => {
    const d = disclosed?.results.find((r) => r.town === town) ?? {};
    const m = met?.results.find((r) => r.town === town) ?? {};
    const n = (row: Record<string, number | string>, key: string) => Number(row[key] ?? 0);
    return {
      town,
      items: n(d, "items"),
      versions: n(d, "versions"),
      corrections: n(d, "corrections"),
      villagesPublished: n(d, "villagesPublished"),
      meetings: n(m, "meetings"),
      villagesMet: n(m, "villagesMet"),
      questions: n(m, "questions"),
      satisfied: n(m, "satisfied"),
      basic: n(m, "basic"),
      unsatisfied: n(m, "unsatisfied"),
    };
  });
}

/**
 * Every period a village has published, per item, with its latest version's id.
 * @example await publishedPeriods(env.DB, "371603104201") // [{ item: "finance-ledger", period: "2026-10", id: 12 }, …]
 */
export async function publishedPeriods(
  db: D1Database,
  village: string,
): Promise<{ item: string; period: string; id: number }[]> {
  const { results } = await db
    .prepare(
      `SELECT item_id AS item, period, MAX(id) AS id FROM disclosures WHERE village_code = ?1
        GROUP BY item_id, period ORDER BY item_id, period`,
    )
    .bind(village)
    .all<{ item: string; period: string; id: number }>();
  return results;
}

/**
 * One INSERT appending many versions at once (a JSON array bound as one value: one round trip, however
 * many rows), for seeding an empty database with demo chains already linked. Unlike {@link appendVersion}
 * it checks nothing: the chain check of every reader does.
 * @example await db.batch([appendVersions(db, chain, { demo: true })]);
 */
export function appendVersions(
  db: D1Database,
  rows: readonly Omit<ChainRow, "id">[],
  options: { demo?: boolean } = {},
): D1PreparedStatement {
  const field = (name: keyof ChainRow) => `json_extract(value, '$.${name}')`;
  const columns = [
    "village_code",
    "item_id",
    "period",
    "title",
    "content",
    "tables",
    "published_by",
    "published_at",
    "corrects_id",
    "correction_reason",
    "seq",
    "prev_hash",
    "hash",
  ] as const;
  return db
    .prepare(
      `INSERT INTO disclosures (${columns.join(", ")}, demo)
       SELECT ${columns.map(field).join(", ")}, ?2 FROM json_each(?1) ORDER BY key`,
    )
    .bind(JSON.stringify(rows), options.demo ? 1 : 0);
}

/**
 * Every village's chain rows, village by village in seq order (what `npm run verify` checks).
 * @example const rows = await everyChainRow(env.DB);
 */
export async function everyChainRow(db: D1Database): Promise<ChainRow[]> {
  const { results } = await db
    .prepare(`SELECT ${chainColumns} FROM disclosures ORDER BY village_code, seq`)
    .all<ChainRow>();
  return results;
}

/** How many versions are published district-wide. @example await disclosureCount(env.DB) // 0 before seeding */
export async function disclosureCount(db: D1Database): Promise<number> {
  return (await db.prepare("SELECT COUNT(*) AS n FROM disclosures").first<{ n: number }>())?.n ?? 0;
}
