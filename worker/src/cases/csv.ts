/**
 * CSV for Excel and WPS: UTF-8 with a BOM, CRLF lines, every cell quoted, and cells that a spreadsheet
 * would run as a formula (villagers' text could start with "=") prefixed with an apostrophe.
 */

const cell = (value: string | number | null | undefined): string => {
  const text = value === null || value === undefined ? "" : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
};

/**
 * A CSV file's text, BOM first.
 * @example csvText(["编号"], [[1]]) // "\uFEFF\"编号\"\r\n\"1\"\r\n"
 */
export function csvText(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(",")).join("\r\n")}\r\n`;
}

/**
 * A download response for `text`.
 * @example return csvResponse(csvText(header, rows), "cases-2026-11-29.csv");
 */
export function csvResponse(text: string, filename: string): Response {
  return new Response(text, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
