/**
 * The live parts of a village page as HTML fragments: each catalogue item's latest disclosure, or the
 * overdue badge where the item is past its legal cadence.
 */

import { type DisclosureTables, moneyFigure, plainSummary } from "#core/disclosure.ts";
import { t } from "#core/i18n/index.ts";
import { chinaTime, dateLabel, dueDate, expectedPeriod, isOverdue, periodLabel } from "#core/period.ts";
import type { CatalogueItem } from "#core/reference.ts";
import { figureSpans, type Html, html, tHtml } from "../html.ts";
import type { PublishedDisclosure } from "./queries.ts";

/**
 * A ledger with at most this many lines opens in full on the village page; a longer one links to its
 * own page, so "看明细（共 N 笔）" always shows all N lines and the page keeps its byte budget.
 */
const INLINE_ROWS = 12;
const EXCERPT_CHARS = 70;

/** 2026-11-05T… → 11月5日 (in China time). */
function dayLabel(iso: string): string {
  const china = chinaTime(iso);
  return `${china.getUTCMonth() + 1}月${china.getUTCDate()}日`;
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS)}…` : flat;
}

/** A table column: its header, and whether its cells are figures (a date, an amount) never broken. */
export interface CardColumn {
  label: string;
  figure?: boolean;
}

/**
 * A table that turns into one card per row on a narrow screen (CSS only: each cell carries its column's
 * name in data-label). Figure cells never wrap. A cell is text, or a fragment built by `html`.
 * @example cardTable([{ label: "日期", figure: true }, { label: "摘要" }], [["10-05", "修路"]])
 */
export function cardTable(columns: readonly CardColumn[], rows: readonly (readonly (string | Html)[])[]): Html {
  const head = columns.map((c) => html`<th scope="col">${c.label}</th>`);
  const cells = (row: readonly (string | Html)[]) =>
    row.map((cell, i) => {
      const column = columns[i] as CardColumn;
      return column.figure
        ? html`<td data-label="${column.label}" class="n">${cell}</td>`
        : html`<td data-label="${column.label}">${cell}</td>`;
    });
  return html`<table class="cards"><thead><tr>${head}</tr></thead><tbody>${rows.map((r) => html`<tr>${cells(r)}</tr>`)}</tbody></table>`;
}

/** A money column's header: every amount in a table is in 元 with two decimals, so no line hides its 分. */
export const moneyColumn = (label: string) => t("village.moneyColumn", { column: label });

function ledgerTable(tables: Extract<DisclosureTables, { kind: "ledger" }>, detailUrl: string): Html {
  const count = tables.rows.length;
  if (count > INLINE_ROWS) return html`<p><a href="${detailUrl}">${t("village.tableMore", { count })}</a></p>`;
  const columns: CardColumn[] = [
    { label: t("publish.col.date"), figure: true },
    { label: t("publish.col.summary") },
    { label: t("publish.col.category") },
    { label: moneyColumn(t("publish.col.amount")), figure: true },
  ];
  const rows = tables.rows.map((r) => [r.date.slice(5), r.summary, r.category, moneyFigure(r.amount, "元")]);
  return html`<details><summary>${t("village.tableMore", { count })}</summary>${cardTable(columns, rows)}</details>`;
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
  chart: Html | "" = "",
): Html {
  const overdue = isOverdue(item.cadence, latest?.period ?? null, today);
  const parts: Html[] = [];
  if (overdue) {
    const expected = expectedPeriod(item.cadence, today) as string;
    parts.push(
      html`<p class="late"><strong>${t("village.overdue")}</strong> ${figureSpans(t("village.overdueDetail", { period: periodLabel(expected), date: dateLabel(dueDate(expected)) }))}</p>`,
    );
  }
  if (!latest) return html`${parts}`;
  const corrected = latest.corrected ? html` <b class="tag">${t("village.corrected")}</b>` : "";
  parts.push(
    html`<p class="m">${figureSpans(t("village.published", { period: periodLabel(latest.period), date: dayLabel(latest.publishedAt) }))}${corrected}</p>`,
  );
  parts.push(html`<p><b>${figureSpans(latest.title)}</b></p>`);
  if (latest.tables) parts.push(html`<p class="plain">${figureSpans(plainSummary(latest.tables, today))}</p>`);
  if (latest.content) parts.push(html`<p>${excerpt(latest.content)}</p>`);
  const detailUrl = `/v/${village}/d/${latest.id}/`;
  const ledger = latest.tables?.kind === "ledger" ? ledgerTable(latest.tables, detailUrl) : "";
  return html`${parts}${chart}${ledger}<p><a href="${detailUrl}">${t("publish.village.detail")}</a></p>`;
}

/**
 * One short line naming a category's items that have nothing published and nothing due yet (published
 * as things happen), each keeping its anchor so links to it still land.
 * @example quietItemsLine([catalogueItemById("party-discipline")!]) // "还没有公开过（有事时才公开）：<span id=…>党员违纪处理</span>"
 */
export function quietItemsLine(items: readonly CatalogueItem[]): Html {
  const names = items.map((item, i) => html`${i === 0 ? "" : "、"}<span id="i-${item.id}">${item.name}</span>`);
  return tHtml("village.notPublished", { items: html`${names}` });
}
