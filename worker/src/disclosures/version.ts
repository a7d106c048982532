/**
 * Checks a version before it joins the chain: the item exists, the period fits its cadence and has
 * begun, and its table (typed in the form or uploaded as CSV) is of the item's kind, with a ledger's
 * lines inside the period. Every failure is a 422 naming the field in Chinese; nothing is written.
 */
import { importCsv } from "#core/csv.ts";
import type { DisclosureTables } from "#core/disclosure.ts";
import { t } from "#core/i18n/index.ts";
import { isValidPeriod, periodKind, periodLabel } from "#core/period.ts";
import { periodBounds } from "#core/publish-periods.ts";
import { type CatalogueItem, cadenceById, catalogueItemById } from "#core/reference.ts";
import { ApiError } from "../errors.ts";

const refuse = (fields: Record<string, string>) => new ApiError(422, "invalid", t("publish.error.invalid"), fields);

/**
 * The catalogue item named by `id`, or a 422 on the `item` field.
 * @example knownItem("finance-quarterly").cadence // "quarterly"
 */
export function knownItem(id: string): CatalogueItem {
  const item = catalogueItemById(id);
  if (!item) throw refuse({ item: t("publish.error.item") });
  return item;
}

/**
 * Throws unless `period` is written as the item's cadence requires and has already begun on `today`.
 * @example checkPeriod(knownItem("finance-quarterly"), "2026-Q3", "2026-11-29") // ok
 */
export function checkPeriod(item: CatalogueItem, period: string, today: string): void {
  if (!isValidPeriod(item.cadence, period)) {
    const example = t(`publish.example.${periodKind(item.cadence)}`);
    throw refuse({ period: t("publish.error.period", { cadence: cadenceById(item.cadence).name, example }) });
  }
  if (periodBounds(period).start > today) {
    throw refuse({ period: t("publish.error.periodFuture", { period: periodLabel(period) }) });
  }
}

const fromBase64 = (base64: string): Uint8Array => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

/**
 * The version's table: as typed, or imported from the CSV (row-by-row errors as `fields`), checked
 * against the item's kind and, for a ledger, the period's dates.
 * @example versionTables(knownItem("finance-ledger"), "2026-10", { csv: base64 }) // { kind: "ledger", rows }
 */
export function versionTables(
  item: CatalogueItem,
  period: string,
  input: { tables?: DisclosureTables | null | undefined; csv?: string | undefined },
): DisclosureTables | null {
  if (input.tables && input.csv) throw refuse({ csv: t("publish.error.tablesAndCsv") });
  let tables = input.tables ?? null;
  if (input.csv) {
    if (!item.table) throw refuse({ csv: t("publish.error.tablesNone") });
    const imported = importCsv(item.table, fromBase64(input.csv));
    if (!imported.ok) {
      const fields = Object.fromEntries(
        imported.errors.map((e) => [`csv.${e.row}${e.field ? `.${e.field}` : ""}`, e.message]),
      );
      throw new ApiError(422, "invalid", t("publish.error.csv", { count: imported.errors.length }), fields);
    }
    tables = imported.tables;
  }
  if (!tables) return null;
  if (!item.table) throw refuse({ tables: t("publish.error.tablesNone") });
  if (tables.kind !== item.table) {
    const kind = t(`publish.kind.${item.table}`);
    throw refuse({ tables: t("publish.error.tablesKind", { kind, given: t(`publish.kind.${tables.kind}`) }) });
  }
  if (tables.kind === "ledger") {
    const { start, end } = periodBounds(period);
    const fields: Record<string, string> = {};
    tables.rows.forEach((row, i) => {
      if (row.date < start || row.date > end) {
        fields[`tables.${i + 1}`] = t("publish.error.rowDate", {
          row: i + 1,
          date: row.date,
          period: periodLabel(period),
        });
      }
    });
    if (Object.keys(fields).length > 0) throw refuse(fields);
  }
  return tables;
}
