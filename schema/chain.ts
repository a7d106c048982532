/**
 * Verifies a village's hash chain of published disclosures: every row's hash is recomputed from its own
 * columns (as scripts/seed.ts and the publishing route write them) and must link to the row before it.
 * Pure: the worker's chain route and `npm run verify` both feed it rows read from D1.
 */
import { type DisclosureContent, type DisclosureTables, disclosureHash, GENESIS_HASH } from "./disclosure.ts";

/** One `disclosures` row, with the columns the hash covers, exactly as stored. */
export interface ChainRow {
  id: number;
  seq: number;
  village_code: string;
  item_id: string;
  period: string;
  title: string;
  content: string;
  tables: string | null;
  published_by: string;
  published_at: string;
  corrects_id: number | null;
  correction_reason: string | null;
  prev_hash: string;
  hash: string;
}

/** The SQL column list a chain check reads (callers add FROM/WHERE/ORDER BY seq). */
export const chainColumns =
  "id, seq, village_code, item_id, period, title, content, tables, published_by, published_at, corrects_id, correction_reason, prev_hash, hash";

/** Why a link is broken: a missing or repeated seq, a prev_hash that is not the previous hash, content changed. */
export type ChainBreak = "seq_gap" | "prev_hash_mismatch" | "tables_not_json" | "hash_mismatch";

export interface ChainResult {
  valid: boolean;
  /** Rows checked. */
  length: number;
  /** The last row's stored hash (the genesis hash for an empty chain). */
  head: string;
  brokenAt?: { seq: number; id: number; reason: ChainBreak };
}

/** The columns of a row that hold its content (everything but its id and its place in the chain). */
export type ContentColumns = Omit<ChainRow, "id" | "seq" | "prev_hash" | "hash">;

/**
 * Text as D1 keeps it: stored as UTF-8, so a lone surrogate comes back as U+FFFD. (JSON.stringify already
 * escapes lone surrogates, so a table's JSON keeps them exactly.)
 */
const asStored = (text: string) => text.toWellFormed();

/**
 * The columns that store `content`, each field picked by name so nothing else can reach a row or its
 * hash, with text as D1 will keep it. The inverse of {@link rowContent}.
 * @example contentColumns(content).tables // '{"kind":"ledger","rows":[…]}'
 */
export function contentColumns(content: DisclosureContent): ContentColumns {
  return {
    village_code: asStored(content.village),
    item_id: asStored(content.item),
    period: asStored(content.period),
    title: asStored(content.title),
    content: asStored(content.content),
    tables: content.tables === null ? null : JSON.stringify(content.tables),
    published_by: asStored(content.publishedBy),
    published_at: asStored(content.publishedAt),
    corrects_id: content.corrects,
    correction_reason: content.reason === null ? null : asStored(content.reason),
  };
}

/**
 * The next link of a chain: the columns to store and the hash over the content read back from exactly
 * those columns, so what is hashed is what is stored, however the content arrived.
 * @example const link = await chainLink(content, { seq: 0, hash: GENESIS_HASH }); // link.seq === 1
 */
export async function chainLink(
  content: DisclosureContent,
  head: { seq: number; hash: string },
): Promise<Omit<ChainRow, "id">> {
  const columns = contentColumns(content);
  const stored = rowContent(columns) as DisclosureContent;
  return { ...columns, seq: head.seq + 1, prev_hash: head.hash, hash: await disclosureHash(stored, head.hash) };
}

/**
 * The content a row's hash covers, rebuilt from its columns; null when its tables are not JSON.
 * @example await disclosureHash(rowContent(row)!, row.prev_hash) === row.hash
 */
export function rowContent(row: ContentColumns): DisclosureContent | null {
  let tables: DisclosureTables | null = null;
  if (row.tables !== null) {
    try {
      tables = JSON.parse(row.tables) as DisclosureTables;
    } catch {
      return null;
    }
  }
  return {
    village: row.village_code,
    item: row.item_id,
    period: row.period,
    title: row.title,
    content: row.content,
    tables,
    publishedBy: row.published_by,
    publishedAt: row.published_at,
    corrects: row.corrects_id,
    reason: row.correction_reason,
  };
}

/**
 * Recomputes a chain given its rows in seq order and names the first broken link.
 * @example await verifyChain(rows) // { valid: true, length: 12, head: "9f2c…" }
 */
export function verifyChain(rows: readonly ChainRow[]): Promise<ChainResult> {
  return verifyLinks(rows, async (row, prevHash) => {
    const content = rowContent(row);
    return content ? disclosureHash(content, prevHash) : null;
  });
}

/** A link of any hash chain kept in a table: its row id, its place in the chain and its hashes. */
export interface Link {
  id: number;
  seq: number;
  prev_hash: string;
  hash: string;
}

/**
 * Recomputes any chain from its rows in seq order, given how one row's hash is computed from its own
 * columns and the previous hash (null when the row cannot be read back), and names the first broken link.
 * Disclosures and the points ledgers are checked by it.
 * @example await verifyLinks(rows, (row, prev) => ledgerHash(row, prev)) // { valid: true, length: 40, head: "…" }
 */
export async function verifyLinks<R extends Link>(
  rows: readonly R[],
  hashOf: (row: R, prevHash: string) => Promise<string | null>,
): Promise<ChainResult> {
  let prevHash = GENESIS_HASH;
  for (const [index, row] of rows.entries()) {
    const broken = (reason: ChainBreak): ChainResult => ({
      valid: false,
      length: rows.length,
      head: rows.at(-1)?.hash ?? GENESIS_HASH,
      brokenAt: { seq: row.seq, id: row.id, reason },
    });
    if (row.seq !== index + 1) return broken("seq_gap");
    if (row.prev_hash !== prevHash) return broken("prev_hash_mismatch");
    const hash = await hashOf(row, prevHash);
    if (hash === null) return broken("tables_not_json");
    if (hash !== row.hash) return broken("hash_mismatch");
    prevHash = row.hash;
  }
  return { valid: true, length: rows.length, head: prevHash };
}
