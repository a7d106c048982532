/**
 * Working-day arithmetic for case deadlines: Monday to Friday, less public holidays, plus make-up
 * working days (调休), from schema/data/holidays.json. Dates are China dates `YYYY-MM-DD`.
 */
import calendar from "./data/holidays.json" with { type: "json" };
import { addDays } from "./period.ts";

export interface WorkCalendar {
  holidays: readonly string[];
  workdays: readonly string[];
}

export const defaultCalendar: WorkCalendar = calendar;

/**
 * Whether offices are open on `date`.
 * @example isWorkingDay("2026-10-01") // false (国庆)
 */
export function isWorkingDay(date: string, cal: WorkCalendar = defaultCalendar): boolean {
  if (cal.workdays.includes(date)) return true;
  if (cal.holidays.includes(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The date `n` working days after `date` (the day itself not counted).
 * @example addWorkingDays("2026-11-27", 3) // "2026-12-02" (Fri + 3 → Wed)
 */
export function addWorkingDays(date: string, n: number, cal: WorkCalendar = defaultCalendar): string {
  let day = date;
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    if (isWorkingDay(day, cal)) left--;
  }
  return day;
}

/**
 * Working days from `from` to `to` (exclusive of `from`, inclusive of `to`); negative when `to` is earlier.
 * @example workingDaysBetween("2026-11-27", "2026-12-02") // 3
 */
export function workingDaysBetween(from: string, to: string, cal: WorkCalendar = defaultCalendar): number {
  if (to < from) return -workingDaysBetween(to, from, cal);
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day, cal)) count++;
  return count;
}
