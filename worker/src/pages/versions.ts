/**
 * Per-village data versions (migration 0010): what a cached filled page of a village is keyed by. The
 * triggers of 0010 replace a village's version whenever its disclosures, public cases, their timelines or
 * its meetings change, in the same statement as the write; those of 0011 and 0012 do the same for its
 * evening talks (百姓夜话) and its points ledger, households and shops. A feature that adds another table shown on a
 * village's public pages adds {@link bumpVillage} to the batch of every write to it (or a trigger like
 * those of 0010 in its own migration).
 */
import { sha256Hex } from "#core/hash.ts";

/** The version of a village no write has touched yet. */
export const UNTOUCHED = "0";

const BUMP = `INSERT INTO village_versions (village_code, version) VALUES (?1, lower(hex(randomblob(8))))
  ON CONFLICT (village_code) DO UPDATE SET version = excluded.version`;

/**
 * The statement that gives a village a fresh data version, for the same `batch` as the write that changes
 * what its public pages show; once that batch commits, no cached page of the village is served again.
 * Leave it out of writes no public page shows (a misconduct report): a changing version is itself a signal.
 * @example await db.batch([insertAttachment(db, report, file), bumpVillage(db, "371603104201")]);
 */
export function bumpVillage(db: D1Database, village: string): D1PreparedStatement {
  return db.prepare(BUMP).bind(village);
}

/**
 * A village's current data version ({@link UNTOUCHED} when nothing has been written for it yet).
 * @example const version = await villageVersion(env.DB, "371603104201"); // "9f3c0a6e5d1b2a47"
 */
export async function villageVersion(db: D1Database, village: string): Promise<string> {
  const row = await db
    .prepare("SELECT version FROM village_versions WHERE village_code = ?1")
    .bind(village)
    .first<{ version: string }>();
  return row?.version ?? UNTOUCHED;
}

/**
 * The data version of a town: a digest of the versions of all its villages, so it changes whenever any of
 * them does (a village never written to counts as {@link UNTOUCHED}).
 * @example const version = await townVersion(env.DB, "371603104"); // "5b1e0c7d9a2f4e61"
 */
export async function townVersion(db: D1Database, town: string): Promise<string> {
  const row = await db
    .prepare(
      `SELECT group_concat(v, ',') AS versions FROM (
         SELECT village_code || ':' || version AS v FROM village_versions
          WHERE village_code BETWEEN ?1 || '000' AND ?1 || '999' ORDER BY village_code)`,
    )
    .bind(town)
    .first<{ versions: string | null }>();
  if (!row?.versions) return UNTOUCHED;
  return (await sha256Hex(row.versions)).slice(0, 16);
}
