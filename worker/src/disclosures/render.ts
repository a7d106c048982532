/**
 * The live parts of a village page as HTML fragments: each catalogue item's latest disclosure, or the
 * overdue badge where the item is past its legal cadence.
 */

import { type DisclosureTables, plainSummary, yuanWords } from "../../../schema/disclosure.ts";
import { expectedPeriod, isOverdue, periodLabel } from "../../../schema/period.ts";
import { type CatalogueItem, cadenceById } from "../../../schema/reference.ts";
import { t } from "../../../site/src/i18n/index.ts";
import { escapeHtml } from "../html.ts";
import type { PublishedDisclosure } from "./queries.ts";

/** Rows shown inline; the rest stay behind the count so the page fits its byte budget. */
const INLINE_ROWS = 5;
const EXCERPT_CHARS = 70;

/** 2026-11-05T… → 11月5日 (in China time). */
function dayLabel(iso: string): string {
  const china = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return `${china.getUTCMonth() + 1}月${china.getUTCDate()}日`;
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS)}…` : flat;
}

function ledgerTable(tables: Extract<DisclosureTables, { kind: "ledger" }>): string {
  const rows = tables.rows
    .slice(0, INLINE_ROWS)
    .map(
      (r) =>
        `<tr><td>${escapeHtml(r.date.slice(5))}</td><td>${escapeHtml(r.summary)}</td><td>${escapeHtml(r.category)}</td><td>${yuanWords(r.amount)}</td></tr>`,
    )
    .join("");
  const more = tables.rows.length > INLINE_ROWS ? `<p>${t("village.tableShown", { count: INLINE_ROWS })}</p>` : "";
  return `<details><summary>${t("village.tableMore", { count: tables.rows.length })}</summary><table><tr><th>日期</th><th>事由</th><th>类别</th><th>金额</th></tr>${rows}</table>${more}</details>`;
}

/**
 * The inner HTML of one catalogue item's live slot.
 * @example itemFragment(item, latest.get(item.id), "2026-11-29", "371603104201", ledgerChart(totals))
 */
export function itemFragment(
  item: CatalogueItem,
  latest: PublishedDisclosure | undefined,
  today: string,
  village: string,
  chart = "",
): string {
  const overdue = isOverdue(item.cadence, latest?.period ?? null, today);
  const parts: string[] = [];
  if (overdue) {
    const expected = expectedPeriod(item.cadence, today) as string;
    parts.push(
      `<p class="late"><strong>${t("village.overdue")}</strong> ${t("village.overdueDetail", { period: periodLabel(expected), deadline: cadenceById(item.cadence).deadline })}</p>`,
    );
  }
  if (!latest) {
    if (!overdue) parts.push(`<p class="m">${t("village.notPublished")}</p>`);
    return parts.join("");
  }
  const corrected = latest.corrected ? ` <b class="tag">${t("village.corrected")}</b>` : "";
  parts.push(
    `<p class="m">${t("village.published", { period: periodLabel(latest.period), date: dayLabel(latest.publishedAt) })}${corrected}</p>`,
  );
  parts.push(`<p><b>${escapeHtml(latest.title)}</b></p>`);
  if (latest.tables) parts.push(`<p class="plain">${escapeHtml(plainSummary(latest.tables, today))}</p>`);
  if (latest.content) parts.push(`<p>${escapeHtml(excerpt(latest.content))}</p>`);
  parts.push(chart);
  if (latest.tables?.kind === "ledger") parts.push(ledgerTable(latest.tables));
  parts.push(`<p><a href="/v/${village}/d/${latest.id}/">${t("publish.village.detail")}</a></p>`);
  return parts.join("");
}
