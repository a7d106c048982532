/**
 * The shapes of the reference data files in schema/data, validated with zod, and the checks between a
 * district's files. Nothing here reads a file: the loader (reference.ts) and the district import
 * (district.ts) both use it, so a district can be imported where none is loaded yet.
 */
import { z } from "zod";

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
  /** How public points boards show household heads' names: masked (张*明) unless the district says full. */
  pointsNames: z.enum(["masked", "full"]).default("masked"),
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

/**
 * The grids.json of a district that has no grid data yet: no 管区, no grids, no 包联干部 (schema/grid.ts
 * validates the file; this is here so the district import can write it without loading any district).
 * @example writeFileSync("grids.json", JSON.stringify(noGrids))
 */
export const noGrids = { demo: false, areas: [], grids: [], liaisons: [] } as const;
