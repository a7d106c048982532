/**
 * The district figures of 一季一晒 and disclosure, from rows: per town and in total, items disclosed
 * and meetings held, each beside its denominator (the villages there, the ratings given).
 */
import { district, towns, villagesOfTown } from "#core/reference.ts";
import type { TownFigureRow } from "./queries.ts";

type Counts = Omit<TownFigureRow, "town">;

const zero: Counts = {
  items: 0,
  versions: 0,
  corrections: 0,
  villagesPublished: 0,
  meetings: 0,
  villagesMet: 0,
  questions: 0,
  satisfied: 0,
  basic: 0,
  unsatisfied: 0,
};

const add = (a: Counts, b: Counts): Counts =>
  Object.fromEntries(Object.keys(zero).map((k) => [k, a[k as keyof Counts] + b[k as keyof Counts]])) as Counts;

/**
 * Figures by town and for the district; `villages` is each group's denominator, `rated` the ratings'.
 * @example disclosureFigures(await figureRows(env.DB)).total.meetings
 */
export function disclosureFigures(rows: readonly TownFigureRow[]) {
  const byTown = towns
    .filter((tw) => villagesOfTown(tw.code).length > 0)
    .map((tw) => {
      const { town: _, ...counts } = rows.find((r) => r.town === tw.code) ?? { town: tw.code, ...zero };
      const villages = villagesOfTown(tw.code).length;
      return {
        code: tw.code,
        name: tw.name,
        villages,
        ...counts,
        rated: counts.satisfied + counts.basic + counts.unsatisfied,
      };
    });
  const total = byTown.reduce<Counts>((sum, tw) => add(sum, tw), zero);
  const villages = byTown.reduce((n, tw) => n + tw.villages, 0);
  return {
    district: { code: district.code, name: district.name },
    total: { villages, ...total, rated: total.satisfied + total.basic + total.unsatisfied },
    towns: byTown,
  };
}
