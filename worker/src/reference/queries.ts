/** D1 writes of the reference data (towns and villages) that schema/data/*.json holds. */
import type { Town, Village } from "#core/reference.ts";

/**
 * Upserts of every town and every village, safe to run again (no REPLACE: disclosures and cases point at
 * villages), for one batch. Each list is bound as one JSON value, so the whole district is two statements.
 * @example await db.batch(referenceStatements(db, towns, villages));
 */
export function referenceStatements(
  db: D1Database,
  towns: readonly Town[],
  villages: readonly Village[],
): D1PreparedStatement[] {
  return [
    db
      .prepare(
        `INSERT INTO towns (code, name)
         SELECT json_extract(value, '$.code'), json_extract(value, '$.name') FROM json_each(?1) WHERE true
         ON CONFLICT (code) DO UPDATE SET name = excluded.name`,
      )
      .bind(JSON.stringify(towns.map((t) => ({ code: t.code, name: t.name })))),
    db
      .prepare(
        `INSERT INTO villages (code, town_code, name, demo)
         SELECT json_extract(value, '$.code'), json_extract(value, '$.town'), json_extract(value, '$.name'),
                json_extract(value, '$.demo') FROM json_each(?1) WHERE true
         ON CONFLICT (code) DO UPDATE SET town_code = excluded.town_code, name = excluded.name, demo = excluded.demo`,
      )
      .bind(JSON.stringify(villages.map((v) => ({ code: v.code, town: v.town, name: v.name, demo: v.demo ? 1 : 0 })))),
  ];
}
