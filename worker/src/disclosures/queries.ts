/** D1 reads of published disclosures. */
import type { DisclosureTables } from "../../../schema/disclosure.ts";

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
 * @example const latest = await latestDisclosures(env.DB, "371603104201");
 */
export async function latestDisclosures(db: D1Database, village: string): Promise<PublishedDisclosure[]> {
  const { results } = await db
    .prepare(
      `SELECT id, item_id, period, title, content, tables, published_at, corrects_id, demo
         FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY item_id ORDER BY period DESC, id DESC) AS rank
                 FROM disclosures WHERE village_code = ?1)
        WHERE rank = 1`,
    )
    .bind(village)
    .all<DisclosureRow>();
  return results.map(toDisclosure);
}
