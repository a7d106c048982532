/** D1 reads and writes of signed checkpoints and of the village chain heads they record. */
import type { ChainHead, Checkpoint } from "#core/checkpoint.ts";

/** The tables that hold a hash chain per village (village_code, seq, hash): disclosures and points ledgers. */
export type VillageChainTable = "disclosures" | "points_ledger";

/**
 * Every village's chain head in `table` (villages with no link are left out).
 * @example (await villageHeads(env.DB)).get("371603104201") // { length: 12, head: "9f2c…" }
 */
export async function villageHeads(
  db: D1Database,
  table: VillageChainTable = "disclosures",
): Promise<Map<string, ChainHead>> {
  // two index lookups per village (UNIQUE (village_code, seq)), not a walk through every link: the cron
  // asks every minute, and a scan of the district's links stalls the pages served beside it
  const { results } = await db
    .prepare(
      `SELECT v.code AS village, d.seq AS length, d.hash AS head FROM villages AS v
         JOIN ${table} AS d ON d.village_code = v.code
          AND d.seq = (SELECT MAX(seq) FROM ${table} WHERE village_code = v.code)
        ORDER BY v.code`,
    )
    .all<{ village: string } & ChainHead>();
  return new Map(results.map((r) => [r.village, { length: r.length, head: r.head }]));
}

/**
 * The hash of each named village's link in `table` at the given length (one query for the whole district).
 * @example await hashesAt(env.DB, { "371603104201": 12 }) // Map { "371603104201" => "9f2c…" }
 */
export async function hashesAt(
  db: D1Database,
  lengths: Record<string, number>,
  table: VillageChainTable = "disclosures",
): Promise<Map<string, string>> {
  const { results } = await db
    .prepare(
      `SELECT d.village_code AS village, d.hash FROM json_each(?1) AS want
         JOIN ${table} AS d ON d.village_code = want.key AND d.seq = want.value`,
    )
    .bind(JSON.stringify(lengths))
    .all<{ village: string; hash: string }>();
  return new Map(results.map((r) => [r.village, r.hash]));
}

const parse = (row: { body: string } | null) => (row ? (JSON.parse(row.body) as Checkpoint) : null);

/** The newest checkpoint, or null. @example await latestCheckpoint(env.DB) */
export async function latestCheckpoint(db: D1Database): Promise<Checkpoint | null> {
  return parse(await db.prepare("SELECT body FROM checkpoints ORDER BY time DESC LIMIT 1").first<{ body: string }>());
}

/** When the newest checkpoint was made, or null (cheap: the time alone). @example await latestCheckpointTime(env.DB) */
export async function latestCheckpointTime(db: D1Database): Promise<string | null> {
  const row = await db.prepare("SELECT time FROM checkpoints ORDER BY time DESC LIMIT 1").first<{ time: string }>();
  return row?.time ?? null;
}

/**
 * Checkpoints made before `before` (ISO time; all when null), newest first.
 * @example await checkpointsBefore(env.DB, "2026-12-01T00:00:00.000Z", 10)
 */
export async function checkpointsBefore(db: D1Database, before: string | null, limit: number): Promise<Checkpoint[]> {
  const { results } = await db
    .prepare("SELECT body FROM checkpoints WHERE ?1 IS NULL OR time < ?1 ORDER BY time DESC LIMIT ?2")
    .bind(before, limit)
    .all<{ body: string }>();
  return results.map((r) => JSON.parse(r.body) as Checkpoint);
}

/**
 * Stores a checkpoint unless another was made after `notAfter`; true when it was stored. The guard is
 * inside the INSERT, so two racing writers cannot both store one within the interval.
 * @example await insertCheckpoint(env.DB, checkpoint, new Date(Date.now() - 60_000).toISOString())
 */
export async function insertCheckpoint(db: D1Database, checkpoint: Checkpoint, notAfter: string): Promise<boolean> {
  const result = await db
    .prepare(
      `INSERT INTO checkpoints (time, body) SELECT ?1, ?2
        WHERE NOT EXISTS (SELECT 1 FROM checkpoints WHERE time > ?3)`,
    )
    .bind(checkpoint.time, JSON.stringify(checkpoint), notAfter)
    .run();
  return result.meta.changes === 1;
}
