/**
 * Reference data: the district, its towns and villages, the 36-item disclosure catalogue and the four
 * modules. One source of truth (schema/data/*.json) read by the site build, the worker and the scripts.
 *
 * The district is configuration: district.json, towns.json and villages.json are written by
 * `npm run district -- import <villages.csv>`. With `CUNMA_DATA_DIR` set, code running on Node (the site
 * build, `npm run serve`, seed, qr, staff) reads those three files from that directory instead, so another
 * district is built and served without touching schema/data; a worker bundle gets them with wrangler's
 * `--alias` (scripts/lib/district-dir.ts).
 */
import type { z } from "zod";
import catalogue from "./data/catalogue.json" with { type: "json" };
import districtData from "./data/district.json" with { type: "json" };
import modulesData from "./data/modules.json" with { type: "json" };
import townsData from "./data/towns.json" with { type: "json" };
import villagesData from "./data/villages.json" with { type: "json" };
import {
  type Cadence,
  type CatalogueItem,
  type CategoryId,
  type District,
  districtProblems,
  type ModuleId,
  parseData,
  referenceFiles,
  type Town,
  type Village,
} from "./reference-files.ts";

export * from "./reference-files.ts";

const {
  "district.json": districtFile,
  "towns.json": townsFile,
  "villages.json": villagesFile,
  "catalogue.json": catalogueFile,
  "modules.json": modulesFile,
} = referenceFiles;

/** What Node offers this module when it runs there (the site build, the scripts, `npm run serve`). */
interface NodeProcess {
  env: Record<string, string | undefined>;
  getBuiltinModule(id: "node:fs"): { readFileSync(path: string, encoding: "utf8"): string };
}
const nodeProcess = (globalThis as { process?: NodeProcess }).process;

/** Another district's data directory (`CUNMA_DATA_DIR`), when this runs on Node with it set. */
export const districtDir: string | undefined =
  typeof nodeProcess?.getBuiltinModule === "function" ? nodeProcess.env.CUNMA_DATA_DIR || undefined : undefined;

/**
 * A district file validated: from `CUNMA_DATA_DIR` when set, else the one in schema/data. A file the
 * district may leave out (`missing`, e.g. its grids) stands in when the directory has none.
 * @example districtFileData("grids.json", gridsFile, gridsData, { areas: [], grids: [], … })
 */
export function districtFileData<T>(file: string, schema: z.ZodType<T>, builtIn: unknown, missing?: unknown): T {
  if (districtDir === undefined || nodeProcess === undefined) return parseData(file, schema, builtIn);
  const path = `${districtDir}/${file}`;
  let data: unknown;
  try {
    data = JSON.parse(nodeProcess.getBuiltinModule("node:fs").readFileSync(path, "utf8"));
  } catch (error) {
    if (missing !== undefined && (error as { code?: string }).code === "ENOENT") data = missing;
    else throw new Error(`CUNMA_DATA_DIR: cannot read ${path}: ${(error as Error).message}`);
  }
  return parseData(file, schema, data, districtDir);
}

const districtRecord = districtFileData("district.json", districtFile, districtData);
const townList = districtFileData("towns.json", townsFile, townsData);
const villageList = districtFileData("villages.json", villagesFile, villagesData);
const disagreement = districtProblems(districtRecord, townList.towns, villageList);
if (disagreement.length > 0) {
  throw new Error(`${districtDir ?? "schema/data"}: the district's files disagree:\n  ${disagreement.join("\n  ")}`);
}
const catalogueData = parseData("catalogue.json", catalogueFile, catalogue);

export const district: District = districtRecord;
/**
 * What the district is called as a level in plain speech, from the last character of its name: 区, 县, 市
 * or 旗 (区 when the name says none), as in 全{area}首页 or {area}纪委.
 * @example districtArea // "区" for 沾化区, "县" for 青禾县
 */
export const districtArea: string = /[区县市旗]$/.test(districtRecord.name) ? districtRecord.name.slice(-1) : "区";
export const towns: readonly Town[] = townList.towns;
export const villages: readonly Village[] = villageList;
export const categories: readonly { id: CategoryId; name: string }[] = catalogueData.categories;
export const cadences: readonly { id: Cadence; name: string; deadline: string }[] = catalogueData.cadences;
export const catalogueItems: readonly CatalogueItem[] = catalogueData.items;
export const modules: readonly { id: ModuleId; name: string; hint: string }[] = parseData(
  "modules.json",
  modulesFile,
  modulesData,
);

const villageIndex = new Map(villages.map((v) => [v.code, v]));
const townIndex = new Map(towns.map((t) => [t.code, t]));
const itemIndex = new Map(catalogueItems.map((i) => [i.id, i]));
const cadenceIndex = new Map(cadences.map((c) => [c.id, c]));

/** @example villageByCode("371603104201")?.name // "徐万粮村" */
export const villageByCode = (code: string): Village | undefined => villageIndex.get(code);
/** @example townByCode("371603104")?.name // "泊头镇" */
export const townByCode = (code: string): Town | undefined => townIndex.get(code);
/** @example catalogueItemById("finance-ledger")?.cadence // "monthly" */
export const catalogueItemById = (id: string): CatalogueItem | undefined => itemIndex.get(id);
/** @example cadenceById("quarterly").deadline // "每季度首月20日前" */
export const cadenceById = (id: Cadence) => cadenceIndex.get(id) as { id: Cadence; name: string; deadline: string };
/** @example villagesOfTown("371603107").length // 15 */
export const villagesOfTown = (townCode: string): Village[] => villages.filter((v) => v.town === townCode);
