/**
 * Disclosure periods and their legal deadlines (村民委员会组织法 §30, the county catalogues, and 沾化's
 * "before the 10th" rule for monthly finances). Pure date arithmetic on China dates (UTC+8, no DST),
 * shared by the site build, the worker and the scripts.
 */
import type { Cadence } from "./reference.ts";

/** A calendar date in China, `YYYY-MM-DD`. */
export type ChinaDate = string;

/**
 * An instant moved to China's wall clock (UTC+8), to read its parts with the getUTC… methods.
 * @example chinaTime("2026-11-29T20:30:00Z").getUTCHours() // 4
 */
export function chinaTime(instant: Date | string): Date {
  return new Date(new Date(instant).getTime() + 8 * 3600_000);
}

/**
 * Today's date in China (UTC+8).
 * @example chinaDate(new Date("2026-11-29T20:00:00Z")) // "2026-11-30"
 */
export function chinaDate(now: Date = new Date()): ChinaDate {
  return chinaTime(now).toISOString().slice(0, 10);
}

/**
 * The calendar date `days` after `date` (before it when negative).
 * @example addDays("2026-11-30", 2) // "2026-12-02"
 */
export function addDays(date: ChinaDate, days: number): ChinaDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The period format a cadence uses: months for monthly and event-driven items. */
export function periodKind(cadence: Cadence): "month" | "quarter" | "year" {
  if (cadence === "quarterly") return "quarter";
  if (cadence === "yearly") return "year";
  return "month";
}

const patterns = { month: /^(\d{4})-(0[1-9]|1[0-2])$/, quarter: /^(\d{4})-Q([1-4])$/, year: /^(\d{4})$/ };

/**
 * Whether `period` is well formed for the cadence: `2026-09`, `2026-Q3` or `2026`.
 * @example isValidPeriod("quarterly", "2026-Q3") // true
 */
export function isValidPeriod(cadence: Cadence, period: string): boolean {
  return patterns[periodKind(cadence)].test(period);
}

/**
 * The latest period whose disclosure deadline has passed on `today`, or null for event-driven items.
 * Monthly: due by the 10th of the next month. Quarterly: by the 20th of the quarter's next month.
 * Yearly: by 20 January of the next year.
 * @example expectedPeriod("quarterly", "2026-11-29") // "2026-Q3"
 */
export function expectedPeriod(cadence: Cadence, today: ChinaDate): string | null {
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  if (cadence === "monthly") {
    const back = d > 10 ? 1 : 2;
    const index = y * 12 + (m - 1) - back;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
  }
  if (cadence === "quarterly") {
    const quarter = Math.floor((m - 1) / 3);
    const firstMonthPassed = (m - 1) % 3 > 0 || d > 20;
    const index = y * 4 + quarter - (firstMonthPassed ? 1 : 2);
    return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
  }
  if (cadence === "yearly") return String(m > 1 || d > 20 ? y - 1 : y - 2);
  return null;
}

/**
 * Whether an item is past its legal cadence: nothing published for the expected period or later.
 * @example isOverdue("monthly", "2026-09", "2026-11-29") // true
 */
export function isOverdue(cadence: Cadence, latestPeriod: string | null, today: ChinaDate): boolean {
  const expected = expectedPeriod(cadence, today);
  if (expected === null) return false;
  return latestPeriod === null || latestPeriod < expected;
}

/**
 * A period as a villager reads it.
 * @example periodLabel("2026-Q3") // "2026年第三季度"
 */
export function periodLabel(period: string): string {
  const quarter = patterns.quarter.exec(period);
  if (quarter) return `${quarter[1]}年第${"一二三四"[Number(quarter[2]) - 1]}季度`;
  const month = patterns.month.exec(period);
  if (month) return `${month[1]}年${Number(month[2])}月`;
  return `${period}年度`;
}

/**
 * The period `steps` before `period` (same kind).
 * @example previousPeriod("2026-Q1", 1) // "2025-Q4"
 */
export function previousPeriod(period: string, steps = 1): string {
  const quarter = patterns.quarter.exec(period);
  if (quarter) {
    const index = Number(quarter[1]) * 4 + Number(quarter[2]) - 1 - steps;
    return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
  }
  const month = patterns.month.exec(period);
  if (month) {
    const index = Number(month[1]) * 12 + Number(month[2]) - 1 - steps;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
  }
  return String(Number(period) - steps);
}

/**
 * The last day a period's disclosure may be published: the 10th of the next month for a month, the 20th
 * of the next quarter's first month for a quarter, 20 January of the next year for a year.
 * @example dueDate("2026-Q3") // "2026-10-20"
 * @example dueDate("2026-12") // "2027-01-10"
 */
export function dueDate(period: string): ChinaDate {
  const quarter = patterns.quarter.exec(period);
  const month = patterns.month.exec(period);
  const [day, monthIndex] = quarter
    ? [20, Number(quarter[1]) * 12 + Number(quarter[2]) * 3]
    : month
      ? [10, Number(month[1]) * 12 + Number(month[2])]
      : [20, (Number(period) + 1) * 12];
  return `${Math.floor(monthIndex / 12)}-${String((monthIndex % 12) + 1).padStart(2, "0")}-${day}`;
}

/**
 * A date as a villager reads it.
 * @example dateLabel("2026-10-20") // "2026年10月20日"
 */
export function dateLabel(date: ChinaDate): string {
  const [y, m, d] = date.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}
