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
import { z } from "zod";
import catalogue from "./data/catalogue.json" with { type: "json" };
import districtData from "./data/district.json" with { type: "json" };
import modulesData from "./data/modules.json" with { type: "json" };
import townsData from "./data/towns.json" with { type: "json" };
import villagesData from "./data/villages.json" with { type: "json" };

export const cadenceIds = ["monthly", "quarterly", "yearly", "immediate", "on_change"] as const;
export type Cadence = (typeof cadenceIds)[number];
export type CategoryId = "party" | "village" | "finance";
export type TableKind = "ledger" | "assets" | "resources";
export type ModuleId = "affairs" | "policy" | "livelihood" | "conduct";

const text = z.string().trim().min(1, "must not be empty");
const digits = (n: number) => z.string().regex(new RegExp(`^\\d{${n}}$`), `must be ${n} digits`);
const categoryId = z.enum(["party", "village", "finance"]);

const districtFile = z.object({
  code: digits(6),
  name: text,
  city: text,
  province: text,
  /** The discipline office that receives misconduct reports, e.g. 沾化区纪委监委. */
  office: text,
  /** The line printed on posters and pages: who to call, and the number. */
  contact: text,
});
const townsFile = z.object({
  towns: z.array(z.object({ code: digits(9), name: text, villages: z.number().int().nonnegative() })).min(1),
});
const villagesFile = z
  .array(z.object({ code: digits(12), town: digits(9), name: text, demo: z.boolean() }))
  .min(1)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((v, i) => {
      if (!v.code.startsWith(v.town)) ctx.addIssue({ code: "custom", path: [i, "code"], message: "not in its town" });
      if (seen.has(v.code)) ctx.addIssue({ code: "custom", path: [i, "code"], message: "duplicate" });
      seen.add(v.code);
    });
  });
const catalogueFile = z.object({
  categories: z.array(z.object({ id: categoryId, name: text })),
  cadences: z.array(z.object({ id: z.enum(cadenceIds), name: text, deadline: text })),
  items: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z]+(-[a-z]+)+$/, "must be kebab-case"),
        category: categoryId,
        name: text,
        cadence: z.enum(cadenceIds),
        table: z.enum(["ledger", "assets", "resources"]).nullable(),
      }),
    )
    .min(1)
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((item, i) => {
        if (seen.has(item.id)) ctx.addIssue({ code: "custom", path: [i, "id"], message: "duplicate" });
        seen.add(item.id);
      });
    }),
});
const modulesFile = z.array(
  z.object({ id: z.enum(["affairs", "policy", "livelihood", "conduct"]), name: text, hint: text }),
);

/** The zod schema of each file in schema/data/ that this module reads. */
export const referenceFiles = {
  "district.json": districtFile,
  "towns.json": townsFile,
  "villages.json": villagesFile,
  "catalogue.json": catalogueFile,
  "modules.json": modulesFile,
} as const;

/**
 * `data` validated by `schema`, or an error naming the file and every bad field (so a broken data file
 * stops the build, the worker and the scripts at load, never a page halfway).
 * @example parseData("modules.json", modulesFile, modulesData)
 */
export function parseData<T>(file: string, schema: z.ZodType<T>, data: unknown, dir = "schema/data"): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const lines = result.error.issues.slice(0, 20).map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`${dir}/${file} is not valid:\n${lines.join("\n")}`);
}

/** What Node offers this module when it runs there (the site build, the scripts, `npm run serve`). */
interface NodeProcess {
  env: Record<string, string | undefined>;
  getBuiltinModule(id: "node:fs"): { readFileSync(path: string, encoding: "utf8"): string };
}
const nodeProcess = (globalThis as { process?: NodeProcess }).process;

/** Another district's data directory (`CUNMA_DATA_DIR`), when this runs on Node with it set. */
export const districtDir: string | undefined =
  typeof nodeProcess?.getBuiltinModule === "function" ? nodeProcess.env.CUNMA_DATA_DIR || undefined : undefined;

/** A district file validated: from `CUNMA_DATA_DIR` when set, else the one in schema/data. */
function districtFileData<T>(file: string, schema: z.ZodType<T>, builtIn: unknown): T {
  if (districtDir === undefined || nodeProcess === undefined) return parseData(file, schema, builtIn);
  const path = `${districtDir}/${file}`;
  let data: unknown;
  try {
    data = JSON.parse(nodeProcess.getBuiltinModule("node:fs").readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`CUNMA_DATA_DIR: cannot read ${path}: ${(error as Error).message}`);
  }
  return parseData(file, schema, data, districtDir);
}

/**
 * What is wrong between the district's three files: a town outside the district, a village in a town
 * that is not listed, or a town whose village count is not its villages'. Empty when they agree.
 * @example districtProblems(district, towns, villages) // []
 */
export function districtProblems(
  of: { code: string },
  townList: readonly Town[],
  villageList: readonly Village[],
): string[] {
  const problems: string[] = [];
  const counts = new Map<string, number>();
  for (const v of villageList) counts.set(v.town, (counts.get(v.town) ?? 0) + 1);
  for (const [i, town] of townList.entries()) {
    if (!town.code.startsWith(of.code)) problems.push(`towns.${i}.code: ${town.code} is not in district ${of.code}`);
    const count = counts.get(town.code) ?? 0;
    if (count !== town.villages) problems.push(`towns.${i}.villages: ${town.villages}, but ${count} villages`);
    counts.delete(town.code);
  }
  for (const code of counts.keys()) problems.push(`villages: town ${code} is not in towns.json`);
  return problems;
}

const districtRecord = districtFileData("district.json", districtFile, districtData);
const townList = districtFileData("towns.json", townsFile, townsData);
const villageList = districtFileData("villages.json", villagesFile, villagesData);
const disagreement = districtProblems(districtRecord, townList.towns, villageList);
if (disagreement.length > 0) {
  throw new Error(`${districtDir ?? "schema/data"}: the district's files disagree:\n  ${disagreement.join("\n  ")}`);
}
const catalogueData = parseData("catalogue.json", catalogueFile, catalogue);

export type District = z.infer<typeof districtFile>;
export type Town = z.infer<typeof townsFile>["towns"][number];
export interface Village {
  code: string;
  town: string;
  name: string;
  /** The name was generated for the demo, not taken from a public source. */
  demo: boolean;
}
export type CatalogueItem = z.infer<typeof catalogueFile>["items"][number];

export const district: District = districtRecord;
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
