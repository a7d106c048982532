/**
 * Blank CSV templates for each table kind (/staff/publish/template-ledger.csv …): UTF-8 with a BOM so
 * WPS and Excel open the Chinese headers right, the headers schema/csv.ts reads, and one example row.
 */
import type { APIRoute } from "astro";
import { csvColumns } from "#core/csv.ts";
import type { TableKind } from "#core/reference.ts";

const examples: Record<TableKind, string[]> = {
  ledger: ["2026-10-03", "记001", "上级拨付村级组织运转经费", "补助收入", "15000.00", "王会计", "张建国"],
  assets: [
    "ZC-001",
    "村委会办公楼",
    "非经营性",
    "村委会大院",
    "1栋",
    "850000.00",
    "120000.00",
    "2015-06-01",
    "在用",
    "张建国",
  ],
  resources: ["坑塘水面", "村东", "35.5", "CB-2019-03", "张三", "2019-01-01", "2028-12-31", "12000.00", "12000.00"],
};

export function getStaticPaths() {
  return (Object.keys(csvColumns) as TableKind[]).map((kind) => ({ params: { kind } }));
}

export const GET: APIRoute = ({ params }) => {
  const kind = params.kind as TableKind;
  const header = csvColumns[kind].map((c) => c.headers[0]);
  return new Response(`\uFEFF${header.join(",")}\r\n${examples[kind].join(",")}\r\n`, {
    headers: { "Content-Type": "text/csv; charset=utf-8" },
  });
};
