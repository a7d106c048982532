/**
 * `npm run district -- import <villages.csv>`: makes the portal another district's. Reads the village list
 * the district office already has (统计用区划代码 / 城乡划分代码 style, UTF-8 or GBK; see schema/district.ts)
 * and writes district.json, towns.json and villages.json (and an empty grids.json when the grids there
 * name other villages) into schema/data, or into `--out DIR` (default
 * `CUNMA_DATA_DIR` when set). What the list cannot say comes from options, else from the district.json
 * already there when it is the same district. On any error it names each line, writes nothing and exits 1.
 *
 * @example
 *   npm run district -- import 村名单.csv --contact "某某县纪委监委信访举报电话 0000-1234567"
 *   CUNMA_DATA_DIR=/srv/boxing npm run district -- import boxing.csv --province 山东省 --city 滨州市
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { type DistrictSettings, importDistrict } from "#core/district.ts";
import type { GridsFile } from "#core/grid.ts";
import { t } from "#core/i18n/index.ts";
import type { District } from "#core/reference.ts";
import { noGrids } from "#core/reference-files.ts";

/** The settings kept from the district.json already in `out`, if it exists. */
function currentSettings(out: string): Partial<District> {
  const file = join(out, "district.json");
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Partial<District>;
  } catch {
    return {};
  }
}

/** Whether the grids.json in `out` exists and names only villages of `codes`. */
function gridsFit(out: string, codes: Set<string>): boolean {
  const file = join(out, "grids.json");
  if (!existsSync(file)) return false;
  try {
    const grids = JSON.parse(readFileSync(file, "utf8")) as GridsFile;
    return [...grids.grids, ...grids.liaisons].every((each) => codes.has(each.village));
  } catch {
    return false;
  }
}

/**
 * Imports `csv` into `out`; returns the lines to print and whether it worked. Nothing is written unless
 * every row is valid; the three files are each written whole (a temporary file renamed over the old one).
 * @example importDistrictFile("villages.csv", "schema/data", { contact: "…" })
 */
export function importDistrictFile(
  csv: string,
  out: string,
  options: DistrictSettings,
): { ok: boolean; lines: string[] } {
  if (!existsSync(csv)) return { ok: false, lines: [t("district.import.noFile", { file: csv })] };
  if (!existsSync(out)) return { ok: false, lines: [t("district.import.noOut", { out })] };
  const result = importDistrict(readFileSync(csv), { ...options, current: currentSettings(out) });
  if (!result.ok) return { ok: false, lines: [t("district.import.failed"), ...result.errors] };
  const files: Record<string, unknown> = { ...result.files };
  // grids.json belongs to the district too: one that names villages the new list lacks is left empty
  if (!gridsFit(out, new Set(result.files["villages.json"].map((v) => v.code)))) files["grids.json"] = noGrids;
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(out, `${name}.tmp`), `${JSON.stringify(content, null, 1)}\n`);
  }
  for (const name of Object.keys(files)) renameSync(join(out, `${name}.tmp`), join(out, name));
  const done = t("district.import.done", {
    district: result.files["district.json"].name,
    towns: result.files["towns.json"].towns.length,
    villages: result.files["villages.json"].length,
    encoding: result.encoding.toUpperCase(),
    out,
  });
  return { ok: true, lines: [done] };
}

function main(argv: string[]): void {
  const text = { type: "string" } as const;
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { out: text, name: text, province: text, city: text, office: text, contact: text },
  });
  const [command, csv] = positionals;
  if (command !== "import" || csv === undefined || positionals.length !== 2) {
    console.error(t("district.import.usage"));
    process.exit(1);
  }
  const out = values.out ?? process.env.CUNMA_DATA_DIR ?? fileURLToPath(new URL("../schema/data", import.meta.url));
  const { ok, lines } = importDistrictFile(csv, out, values);
  (ok ? console.log : console.error)(lines.join("\n"));
  if (!ok) process.exit(1);
}

if (import.meta.main) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    if (!(error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) throw error;
    console.error(`${t("district.import.usage")}\n（${(error as Error).message}）`);
    process.exit(1);
  }
}
