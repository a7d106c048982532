/** D1 writes and reads of what grid workers file: the link from a case to the grid and the way it came. */

/** How a grid worker's case came in: 代办, 排查上报 or a 百姓夜话 request. */
export type GridWay = "behalf" | "patrol" | "talk";

/**
 * Links the case with receipt hash `receiptHash` to the grid it was filed for (after the case's own
 * statements, in the same batch).
 * @example gridCaseStatement(env.DB, { receiptHash, way: "behalf", grid: "37160310420101", filedBy: "xwl-wg" })
 */
export function gridCaseStatement(
  db: D1Database,
  link: { receiptHash: string; way: GridWay; grid: string; filedBy: string; category?: string; talk?: number },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO grid_cases (report_id, way, grid_id, category, talk_id, filed_by)
       VALUES ((SELECT id FROM reports WHERE receipt_hash = ?1), ?2, ?3, ?4, ?5, ?6)`,
    )
    .bind(link.receiptHash, link.way, link.grid, link.category ?? null, link.talk ?? null, link.filedBy);
}

/**
 * The id of the case with receipt hash `hash` (just filed), for the answer.
 * @example await caseIdByHash(env.DB, filed.hash) // 12
 */
export async function caseIdByHash(db: D1Database, hash: string): Promise<number> {
  const row = await db.prepare("SELECT id FROM reports WHERE receipt_hash = ?1").bind(hash).first<{ id: number }>();
  return row?.id ?? 0;
}
