/** D1 writes of the reference data (towns and villages) that schema/data/*.json holds. */
import type { Town, Village } from "../../../schema/reference.ts";

/**
 * Upserts for every town and village, safe to run again (no REPLACE: disclosures and cases point at
 * villages), for one batch.
 * @example await db.batch(referenceStatements(db, towns, villages));
 */
export function referenceStatements(
  db: D1Database,
  towns: readonly Town[],
  villages: readonly Village[],
): D1PreparedStatement[] {
  const town = db.prepare(
    "INSERT INTO towns (code, name) VALUES (?1, ?2) ON CONFLICT (code) DO UPDATE SET name = excluded.name",
  );
  const village = db.prepare(
    `INSERT INTO villages (code, town_code, name, demo) VALUES (?1, ?2, ?3, ?4)
     ON CONFLICT (code) DO UPDATE SET town_code = excluded.town_code, name = excluded.name, demo = excluded.demo`,
  );
  return [
    ...towns.map((t) => town.bind(t.code, t.name)),
    ...villages.map((v) => village.bind(v.code, v.town, v.name, v.demo ? 1 : 0)),
  ];
}
