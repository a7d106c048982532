/**
 * Overdue disclosures for inspectors and the town page: for every village of an area, each catalogue
 * item with a legal cadence whose expected period (schema/period.ts) has not been published.
 */
import { expectedPeriod, isOverdue } from "#core/period.ts";
import { villages as allVillages, type Cadence, catalogueItems, type Village } from "#core/reference.ts";
import { type LatestPeriodRow, latestPeriods } from "./queries.ts";

export interface OverdueDisclosure {
  village: string;
  item: string;
  cadence: Cadence;
  /** The period that should have been published by now. */
  expected: string;
  /** The latest period published, or null when never. */
  latest: string | null;
}

/**
 * Every overdue (village, item) pair, villages in code order, items in catalogue order.
 * @example overdueDisclosures(villagesOfTown("371603104"), rows, "2026-11-29").length
 */
export function overdueDisclosures(
  villages: readonly Village[],
  latest: readonly LatestPeriodRow[],
  today: string,
): OverdueDisclosure[] {
  const published = new Map(latest.map((r) => [`${r.village} ${r.item}`, r.period]));
  const overdue: OverdueDisclosure[] = [];
  for (const village of villages) {
    for (const item of catalogueItems) {
      const period = published.get(`${village.code} ${item.id}`) ?? null;
      if (!isOverdue(item.cadence, period, today)) continue;
      const expected = expectedPeriod(item.cadence, today) as string;
      overdue.push({ village: village.code, item: item.id, cadence: item.cadence, expected, latest: period });
    }
  }
  return overdue;
}

/**
 * How many items each village has overdue (0 for villages with none).
 * @example overdueCounts(villages, overdue).get("371603104201") // 3
 */
export function overdueCounts(
  villages: readonly Village[],
  overdue: readonly OverdueDisclosure[],
): Map<string, number> {
  const counts = new Map(villages.map((v) => [v.code, 0]));
  for (const o of overdue) counts.set(o.village, (counts.get(o.village) ?? 0) + 1);
  return counts;
}

/**
 * The overdue disclosures of an area (the district code, a town code or a village code) on `today`.
 * @example await overdueInArea(env.DB, "371603104", chinaDate())
 */
export async function overdueInArea(
  db: D1Database,
  area: string,
  today: string,
): Promise<{ villages: Village[]; overdue: OverdueDisclosure[] }> {
  const villages = allVillages.filter((v) => v.code.startsWith(area));
  return { villages, overdue: overdueDisclosures(villages, await latestPeriods(db, area), today) };
}
