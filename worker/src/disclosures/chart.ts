/**
 * A tiny inline-SVG bar chart of a ledger item's income (green) and expense (red) over its last few
 * periods, for the village page: two paths and a label per period, a few hundred bytes. The figures
 * themselves are in its accessible name.
 */
import { moneyUnit, moneyWords } from "#core/disclosure.ts";
import { t } from "#core/i18n/index.ts";
import { periodLabel } from "#core/period.ts";
import { type Html, html } from "../html.ts";
import type { PeriodTotals } from "./queries.ts";

const SLOT = 40;
const BAR = 13;
const BASE = 46;
const TALL = 42;

/** "2026-10" → "10月", "2026-Q3" → "Q3", "2026" → "2026". */
const shortLabel = (period: string) =>
  /-\d\d$/.test(period) ? `${Number(period.slice(5))}月` : period.slice(5) || period;

/**
 * The chart for one item's periods (any order); empty when there are fewer than two to compare.
 * @example ledgerChart([{ item, period: "2026-09", income: 100, expense: 80 }, …])
 */
export function ledgerChart(periods: readonly PeriodTotals[]): Html | "" {
  if (periods.length < 2) return "";
  const sorted = [...periods].sort((a, b) => (a.period < b.period ? -1 : 1));
  const max = Math.max(1, ...sorted.flatMap((p) => [p.income, p.expense]));
  const bar = (x: number, value: number) => {
    const h = Math.max(1, Math.round((value / max) * TALL));
    return `M${x} ${BASE}v-${h}h${BAR}v${h}z`;
  };
  const income = sorted.map((p, i) => bar(i * SLOT + 6, p.income)).join("");
  const expense = sorted.map((p, i) => bar(i * SLOT + 6 + BAR, p.expense)).join("");
  const labels = sorted.map((p, i) => html`<text x="${i * SLOT + 6 + BAR}" y="58">${shortLabel(p.period)}</text>`);
  // one sentence, so one unit for every period in it
  const unit = moneyUnit(...sorted.flatMap((p) => [p.income, p.expense]));
  const name = sorted
    .map((p) =>
      t("publish.village.chartPeriod", {
        period: periodLabel(p.period),
        income: moneyWords(p.income, unit),
        expense: moneyWords(p.expense, unit),
      }),
    )
    .join("；");
  const caption = t("publish.village.chart", { count: sorted.length });
  return html`<p class="m">${caption}</p><svg role="img" aria-label="${name}" viewBox="0 0 ${sorted.length * SLOT} 60" width="${sorted.length * SLOT * 1.2}" font-size="9" text-anchor="middle"><path fill="#2e7d32" d="${income}"/><path fill="#c8102e" d="${expense}"/>${labels}</svg>`;
}
