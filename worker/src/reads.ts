/**
 * Reads that can share one round trip to D1: a statement and how its rows become the value a caller
 * wants, so a page needing five reads sends them as one `batch`.
 */

/** One read: its statement and what its result rows become. */
export interface Read<T> {
  statement: D1PreparedStatement;
  read(rows: unknown[]): T;
}

/**
 * A read of every row, each mapped by `map`.
 * @example const read = allRows<{ id: number }>(db.prepare("SELECT id FROM towns"));
 */
export function allRows<Row, T = Row>(statement: D1PreparedStatement, map?: (row: Row) => T): Read<T[]> {
  return { statement, read: (rows) => (map ? (rows as Row[]).map(map) : (rows as T[])) };
}

/**
 * A read of the first row, or null when there is none.
 * @example const read = firstRow<{ seq: number }>(db.prepare("SELECT seq FROM disclosures LIMIT 1"));
 */
export function firstRow<Row>(statement: D1PreparedStatement): Read<Row | null> {
  return { statement, read: (rows) => (rows[0] as Row | undefined) ?? null };
}

type Values<R extends readonly Read<unknown>[]> = { [K in keyof R]: R[K] extends Read<infer T> ? T : never };

/**
 * Several reads in one `batch` (one round trip, one consistent snapshot), their values in order.
 * @example const [latest, head] = await readAll(db, [latestDisclosures(db, code), chainHead(db, code)]);
 */
export async function readAll<const R extends readonly Read<unknown>[]>(db: D1Database, reads: R): Promise<Values<R>> {
  const results = await db.batch(reads.map((r) => r.statement));
  return reads.map((r, i) => r.read(results[i]?.results ?? [])) as Values<R>;
}

/**
 * One read on its own.
 * @example const head = await readOne(chainHead(db, code));
 */
export async function readOne<T>(read: Read<T>): Promise<T> {
  return read.read((await read.statement.all()).results);
}
