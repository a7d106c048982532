/**
 * The public history of one item's period (/v/<code>/d/<id>/): the version asked for in full (plain
 * summary above the whole table), then every version with its date, reason and what changed since the
 * one before: title or content changed, table rows added, removed or changed. Plain HTML, no JS.
 */
import {
  type DisclosureTables,
  expiringContracts,
  type LedgerRow,
  ledgerTotals,
  moneyFigure,
  plainSummary,
  sentenceMoney,
} from "#core/disclosure.ts";
import { type StringKey, t } from "#core/i18n/index.ts";
import { chinaTime, periodLabel } from "#core/period.ts";
import { catalogueItemById, type Village } from "#core/reference.ts";
import { figureSpans, type Html, html } from "../html.ts";
import type { VersionRow } from "./queries.ts";
import { type CardColumn, cardTable, moneyColumn } from "./render.ts";

type Row = Record<string, string | number>;

const columns: Record<DisclosureTables["kind"], readonly string[]> = {
  ledger: ["date", "voucher", "summary", "category", "amount", "handler", "approver"],
  assets: [
    "no",
    "name",
    "type",
    "location",
    "quantity",
    "originalValue",
    "depreciation",
    "acquired",
    "status",
    "keeper",
  ],
  resources: ["category", "location", "areaMu", "contractNo", "contractor", "start", "end", "annualFee", "paid"],
};
/** Fen columns, shown in 元. */
const money = new Set(["amount", "originalValue", "depreciation", "annualFee", "paid"]);
/** What identifies "the same row" across versions. */
const rowKey: Record<DisclosureTables["kind"], string> = { ledger: "voucher", assets: "no", resources: "contractNo" };

const label = (column: string) => t(`publish.col.${column}` as StringKey);
const cell = (column: string, value: string | number | undefined) =>
  value === undefined ? "" : money.has(column) ? `${(Number(value) / 100).toFixed(2)}元` : String(value);
const rowText = (kind: DisclosureTables["kind"], row: Row) => columns[kind].map((c) => cell(c, row[c])).join(" ");

const parseTables = (v: VersionRow): DisclosureTables | null =>
  v.tables ? (JSON.parse(v.tables) as DisclosureTables) : null;

/** Income and expense totals in one sentence, so in one unit. */
function ledgerTotalsLine(rows: readonly LedgerRow[]): Html {
  const { income, expense } = ledgerTotals(rows);
  const [incomeWords, expenseWords] = sentenceMoney(income, expense);
  return html`<p>${figureSpans(t("publish.history.totals", { income: incomeWords, expense: expenseWords }))}</p>`;
}

/** Date columns: figures like amounts, never broken across lines. */
const dates = new Set(["date", "acquired", "start", "end"]);

function fullTable(tables: DisclosureTables, today: string): Html {
  const cols = columns[tables.kind];
  const expiring = tables.kind === "resources" ? new Set(expiringContracts(tables.rows, today)) : new Set();
  const head: CardColumn[] = cols.map((c) =>
    money.has(c)
      ? { label: moneyColumn(label(c)), figure: true }
      : { label: label(c), figure: dates.has(c) || c === "areaMu" },
  );
  const body = (tables.rows as Row[]).map((row) =>
    cols.map((c, i) => {
      const value = row[c];
      const shown = value === undefined ? "" : money.has(c) ? moneyFigure(Number(value), "元") : value;
      // the flag goes in the first cell, which may wrap, not in a figure that must stay on one line
      const flag =
        i === 0 && expiring.has(row as never) ? html` <b class="tag late">${t("publish.history.expiring")}</b>` : "";
      return html`${shown}${flag}`;
    }),
  );
  const totals = tables.kind === "ledger" ? ledgerTotalsLine(tables.rows) : "";
  return html`<h2>${t("publish.history.table", { count: tables.rows.length })}</h2><div class="scroll">${cardTable(head, body)}</div>${totals}`;
}

/**
 * What changed from `before` to `after`, one plain sentence per change.
 * @example versionChanges(first, correction) // ["第 2 行改了：金额 由 9800.50元 改为 9080.50元"]
 */
export function versionChanges(before: VersionRow, after: VersionRow): string[] {
  const changes: string[] = [];
  const field = (name: "fieldTitle" | "fieldContent", a: string, b: string) => {
    if (a !== b)
      changes.push(t("publish.history.changedField", { field: t(`publish.history.${name}`), before: a, after: b }));
  };
  field("fieldTitle", before.title, after.title);
  field("fieldContent", before.content, after.content);
  const [old, now] = [parseTables(before), parseTables(after)];
  if (!old && !now) return changes;
  const kind = (now ?? old)?.kind as DisclosureTables["kind"];
  const key = rowKey[kind];
  const oldRows = (old?.rows ?? []) as Row[];
  const newRows = (now?.rows ?? []) as Row[];
  const oldByKey = new Map(oldRows.map((r) => [String(r[key]), r]));
  const newKeys = new Set(newRows.map((r) => String(r[key])));
  newRows.forEach((row, i) => {
    const was = oldByKey.get(String(row[key]));
    if (!was) {
      changes.push(t("publish.history.rowAdded", { row: rowText(kind, row) }));
      return;
    }
    const cells = columns[kind]
      .filter((c) => was[c] !== row[c])
      .map((c) =>
        t("publish.history.cellChanged", { field: label(c), before: cell(c, was[c]), after: cell(c, row[c]) }),
      );
    if (cells.length > 0) changes.push(t("publish.history.rowChanged", { n: i + 1, changes: cells.join("；") }));
  });
  for (const row of oldRows) {
    if (!newKeys.has(String(row[key]))) changes.push(t("publish.history.rowRemoved", { row: rowText(kind, row) }));
  }
  return changes;
}

const day = (iso: string) => {
  const china = chinaTime(iso);
  return `${china.getUTCFullYear()}年${china.getUTCMonth() + 1}月${china.getUTCDate()}日`;
};

/**
 * The page's title and the inner HTML of its main part.
 * @example historyPage(village, versions, 12, "2026-11-29").html
 */
export function historyPage(
  village: Village,
  versions: readonly VersionRow[],
  id: number,
  today: string,
): { title: string; html: Html } {
  const shown = versions.find((v) => v.id === id) as VersionRow;
  const item = catalogueItemById(shown.item_id);
  const title = t("publish.history.title", { item: item?.name ?? shown.item_id, period: periodLabel(shown.period) });
  const tables = parseTables(shown);
  const latest = versions.at(-1) as VersionRow;
  const parts = [
    html`<p class="sub"><a href="/v/${village.code}/#i-${shown.item_id}">${t("publish.history.back", { village: village.name })}</a></p>`,
    html`<h1>${figureSpans(title)}</h1>`,
    html`<p class="m">${t("publish.history.lead")}</p>`,
  ];
  if (latest.id !== shown.id) {
    parts.push(html`<p class="late"><a href="/v/${village.code}/d/${latest.id}/">${t("village.corrected")}</a></p>`);
  }
  parts.push(html`<h2>${figureSpans(shown.title)}</h2>`);
  if (tables)
    parts.push(
      html`<p class="plain"><b>${t("publish.history.summary")}：</b>${figureSpans(plainSummary(tables, today))}</p>`,
    );
  parts.push(html`<p class="body">${shown.content}</p>`);
  if (tables) parts.push(fullTable(tables, today));
  const items = versions.map((_, i) => versionItem(village, versions, i, shown.id, latest.id));
  parts.push(html`<h2>${t("publish.history.versions")}</h2><ol class="versions">${items}</ol>`);
  parts.push(
    html`<p><a href="/v/${village.code}/ask/?topic=affairs&amp;disclosure=${shown.id}">${t("publish.history.ask")}</a></p>`,
  );
  return { title, html: html`${parts}` };
}

/** One version in the list: its date, the reason for a correction, what changed since the one before. */
function versionItem(
  village: Village,
  versions: readonly VersionRow[],
  i: number,
  shown: number,
  latest: number,
): Html {
  const v = versions[i] as VersionRow;
  const current = v.id === latest ? html` <b class="tag">${t("publish.history.current")}</b>` : "";
  const name = t("publish.history.version", { n: i + 1 });
  const heading = v.id === shown ? html`<b>${name}</b>` : html`<a href="/v/${village.code}/d/${v.id}/">${name}</a>`;
  const reason = v.correction_reason
    ? html`<p>${t("publish.history.reason", { reason: v.correction_reason })}</p>`
    : "";
  const before = versions[i - 1];
  const changes = before ? versionChanges(before, v) : [];
  const list = changes.length
    ? changes.map((c) => html`<li>${c}</li>`)
    : html`<li>${t("publish.history.noChange")}</li>`;
  const changed = before ? html`<p class="m">${t("publish.history.changes")}</p><ul class="changes">${list}</ul>` : "";
  return html`<li id="v${v.id}"><p>${heading} · ${figureSpans(t("publish.history.publishedAt", { date: day(v.published_at) }))}${current}</p>${reason}${changed}<p class="m hash">${t("publish.history.hash", { hash: v.hash })}</p></li>`;
}
