/**
 * Reference data: the district, its towns and villages, the 36-item disclosure catalogue and the four
 * modules. One source of truth (schema/data/*.json) read by the site build, the worker and the scripts.
 */
import { z } from "zod";
import catalogue from "./data/catalogue.json" with { type: "json" };
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

const townsFile = z.object({
  district: z.object({
    code: digits(6),
    name: text,
    city: text,
    province: text,
    contact: text,
    /** How public points boards show household heads' names: masked (张*明) unless the district says full. */
    pointsNames: z.enum(["masked", "full"]).default("masked"),
  }),
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
export function parseData<T>(file: string, schema: z.ZodType<T>, data: unknown): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const lines = result.error.issues.slice(0, 20).map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`schema/data/${file} is not valid:\n${lines.join("\n")}`);
}

const townList = parseData("towns.json", townsFile, townsData);
const villageList = parseData("villages.json", villagesFile, villagesData);
const catalogueData = parseData("catalogue.json", catalogueFile, catalogue);

export type Town = z.infer<typeof townsFile>["towns"][number];
export interface Village {
  code: string;
  town: string;
  name: string;
  /** The name was generated for the demo, not taken from a public source. */
  demo: boolean;
}
export type CatalogueItem = z.infer<typeof catalogueFile>["items"][number];

export const district = townList.district;
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
