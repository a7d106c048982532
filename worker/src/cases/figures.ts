/**
 * The staff figures, computed from case rows: received, closed, answered (and on time), overdue still
 * open, median days to answer, and the ratings behind satisfaction with their denominator; the ratings of
 * cases staff filed on a villager's behalf apart, with their own.
 */
import { currentDeadline, overdueDays, type StaffFigures } from "#core/case.ts";
import { responsibleItem } from "#core/duties.ts";
import { periodLabel } from "#core/period.ts";
import { periodBounds } from "#core/publish-periods.ts";
import { caseFigures } from "#core/report.ts";
import type { FigureRow } from "./queries.ts";

/**
 * @example staffFigures([{ village, town, kind: "question", state: "closed", deadline: null, receivedOn: "2026-11-02", answeredOn: "2026-11-03", rating: "satisfied", filedByStaff: false, movedToTown: false }], "2026-11-29").answeredOnTime // 1
 */
export function staffFigures(rows: readonly FigureRow[], today: string): StaffFigures {
  // a case the town took over from a secretary's village counts as received, nothing more
  const own = rows.filter((r) => !r.movedToTown);
  const onTime = own.filter(
    (r) =>
      r.answeredOn !== null &&
      r.answeredOn <=
        currentDeadline({ kind: r.kind, state: "accepted", receivedOn: r.receivedOn, deadline: r.deadline }),
  );
  return {
    ...caseFigures(rows),
    closed: own.filter((r) => r.state === "closed").length,
    answeredOnTime: onTime.length,
    overdue: own.filter((r) => overdueDays(r, today) > 0).length,
  };
}

/**
 * Figures per group (town or village code), in the order of `groups`, each computed from its own rows.
 * @example figuresBy(rows, ["371603104201"], (r) => r.village, today)
 */
export function figuresBy(
  rows: readonly FigureRow[],
  groups: readonly string[],
  key: (row: FigureRow) => string,
  today: string,
): { code: string; figures: StaffFigures }[] {
  return groups.map((code) => ({
    code,
    figures: staffFigures(
      rows.filter((r) => key(r) === code),
      today,
    ),
  }));
}

/**
 * The rows of cases received in `period` (`2026-11`, `2026-Q4`, `2026`; null: all), and the period as
 * the answer names it.
 * @example receivedIn(rows, "2026-Q4").period // { code: "2026-Q4", label: "2026年第四季度", start: "2026-10-01", end: "2026-12-31" }
 */
export function receivedIn(rows: readonly FigureRow[], period: string | null) {
  if (period === null) return { rows, period: null };
  const { start, end } = periodBounds(period);
  return {
    rows: rows.filter((r) => r.receivedOn >= start && r.receivedOn <= end),
    period: { code: period, label: periodLabel(period), start, end },
  };
}

/**
 * Cases by the 三张清单 item named at 定责, most first: each item with its body and how many cases.
 * @example dutyFigures(rows)[0] // { id: "m004", list: "matter", name: "农村人居环境整治", body: "…", cases: 3 }
 */
export function dutyFigures(rows: readonly FigureRow[]) {
  const counts = new Map<string, number>();
  for (const r of rows) if (r.duty) counts.set(r.duty, (counts.get(r.duty) ?? 0) + 1);
  return [...counts]
    .flatMap(([id, cases]) => {
      const item = responsibleItem(id);
      return item ? [{ ...item, cases }] : [];
    })
    .sort((a, b) => b.cases - a.cases || a.id.localeCompare(b.id));
}
