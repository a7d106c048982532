/**
 * Period arithmetic the publish form and the worker share: which periods a secretary may choose, and
 * which dates a period covers. Pure and free of zod, so the form's script stays small.
 */
import { periodKind, previousPeriod } from "./period.ts";
import type { Cadence } from "./reference.ts";

/** How many periods the form offers (the current one and those before it). */
export const PERIOD_CHOICES = 8;

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The first and last day a period covers.
 * @example periodBounds("2026-Q3") // { start: "2026-07-01", end: "2026-09-30" }
 */
export function periodBounds(period: string): { start: string; end: string } {
  const [year, part] = period.split("-") as [string, string | undefined];
  const y = Number(year);
  const [first, last] = !part
    ? [1, 12]
    : part.startsWith("Q")
      ? [Number(part[1]) * 3 - 2, Number(part[1]) * 3]
      : [Number(part), Number(part)];
  const lastDay = new Date(Date.UTC(y, last, 0)).getUTCDate();
  return { start: `${year}-${pad(first)}-01`, end: `${year}-${pad(last)}-${pad(lastDay)}` };
}

/**
 * The period of a cadence's kind that contains `today`.
 * @example currentPeriod("quarterly", "2026-11-29") // "2026-Q4"
 */
export function currentPeriod(cadence: Cadence, today: string): string {
  const [y, m] = today.split("-").map(Number) as [number, number];
  const kind = periodKind(cadence);
  if (kind === "year") return String(y);
  if (kind === "quarter") return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
  return `${y}-${pad(m)}`;
}

/**
 * The periods a secretary may publish for, newest first: the current one and the ones before it.
 * @example recentPeriods("yearly", "2026-11-29", 3) // ["2026", "2025", "2024"]
 */
export function recentPeriods(cadence: Cadence, today: string, count = PERIOD_CHOICES): string[] {
  const periods = [currentPeriod(cadence, today)];
  while (periods.length < count) periods.push(previousPeriod(periods.at(-1) as string));
  return periods;
}
