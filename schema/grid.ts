/**
 * The grid (网格化管理): 12 first-level grids (the towns), 74 second-level grids (管区), 586 third-level
 * grids each inside one village, each village in one 管区; the grid workers (网格员) of each grid and the
 * 包联干部 assigned to each village. One source (schema/data/grids.json, written by
 * scripts/generate-grids.ts and labelled 演示数据) read by the site build, the worker and the scripts,
 * validated with zod when it loads.
 */
import { z } from "zod";
import gridsData from "./data/grids.json" with { type: "json" };
import { districtDir, districtFileData, townByCode, type Village, villageByCode } from "./reference.ts";
import { noGrids } from "./reference-files.ts";

const text = z.string().trim().min(1, "must not be empty");
const digits = (n: number) => z.string().regex(new RegExp(`^\\d{${n}}$`), `must be ${n} digits`);
const phone = z.string().regex(/^0\d{2,3}-\d{7,8}$|^1[3-9]\d{9}$/, "must be a phone number");
const person = z.object({ name: text, phone });

/** Adds a "duplicate" issue for each repeated id. */
const uniqueIds = (list: readonly { id: string }[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  list.forEach((item, i) => {
    if (seen.has(item.id)) ctx.addIssue({ code: "custom", path: [i, "id"], message: "duplicate" });
    seen.add(item.id);
  });
};

export const gridsFile = z
  .object({
    /** Generated, not taken from a public source: pages say 演示数据. */
    demo: z.boolean(),
    areas: z.array(z.object({ id: digits(11), town: digits(9), name: text })).superRefine(uniqueIds),
    grids: z
      .array(z.object({ id: digits(14), village: digits(12), area: digits(11), name: text, workers: z.array(person) }))
      .superRefine(uniqueIds),
    liaisons: z.array(person.extend({ village: digits(12), post: text })),
  })
  .superRefine((file, ctx) => {
    const areaTown = new Map(file.areas.map((a) => [a.id, a.town]));
    const villageArea = new Map<string, string>();
    file.areas.forEach((a, i) => {
      if (!townByCode(a.town) || !a.id.startsWith(a.town))
        ctx.addIssue({ code: "custom", path: ["areas", i, "town"], message: "not a town, or not its prefix" });
    });
    file.grids.forEach((g, i) => {
      const village = villageByCode(g.village);
      const at = (field: string, message: string) =>
        ctx.addIssue({ code: "custom", path: ["grids", i, field], message });
      if (!village || !g.id.startsWith(g.village)) at("village", "not a village, or not its prefix");
      else if (areaTown.get(g.area) !== village.town) at("area", "not a 管区 of the village's town");
      else if ((villageArea.get(g.village) ?? g.area) !== g.area) at("area", "the village is in another 管区");
      villageArea.set(g.village, g.area);
    });
    file.liaisons.forEach((l, i) => {
      if (!villageByCode(l.village))
        ctx.addIssue({ code: "custom", path: ["liaisons", i, "village"], message: "not a village" });
    });
  });

export type GridsFile = z.infer<typeof gridsFile>;
/** A second-level grid (管区): some villages of one town. */
export type GridArea = GridsFile["areas"][number];
/** A third-level grid: a part of one village, with its grid workers. */
export type Grid = GridsFile["grids"][number];
/** A 包联干部: a town cadre assigned to a village. */
export type Liaison = GridsFile["liaisons"][number];

// another district's grids.json comes from its own directory (CUNMA_DATA_DIR), or there are none yet
// (pages then leave the grid parts out)
const data = districtFileData("grids.json", gridsFile, gridsData, noGrids);

export const gridDataIsDemo = data.demo;
export const gridAreas: readonly GridArea[] = data.areas;
export const grids: readonly Grid[] = data.grids;
export const liaisons: readonly Liaison[] = data.liaisons;

const gridIndex = new Map(grids.map((g) => [g.id, g]));
const areaIndex = new Map(gridAreas.map((a) => [a.id, a]));

/** @example gridById("37160310420101")?.village // "371603104201" */
export const gridById = (id: string): Grid | undefined => gridIndex.get(id);
/** @example gridAreaById("37160310401")?.town // "371603104" */
export const gridAreaById = (id: string): GridArea | undefined => areaIndex.get(id);
/** @example gridsOfVillage("371603104201").length // 1 or more */
export const gridsOfVillage = (village: string): Grid[] => grids.filter((g) => g.village === village);
/** @example liaisonsOfVillage("371603104201").length // 2 or 3 */
export const liaisonsOfVillage = (village: string): Liaison[] => liaisons.filter((l) => l.village === village);
/** The 管区 a village is in. @example villageArea("371603104201")?.name // "泊头第1管区" */
export const villageArea = (village: string): GridArea | undefined =>
  gridAreaById(gridsOfVillage(village)[0]?.area ?? "");

/**
 * A grid as staff read it: town, village and grid.
 * @example gridName("37160310420101") // "泊头镇徐万粮村第1网格"
 */
export function gridName(id: string): string {
  const grid = gridById(id);
  const village: Village | undefined = grid && villageByCode(grid.village);
  if (!grid || !village) return id;
  return `${townByCode(village.town)?.name ?? ""}${village.name}${grid.name}`;
}

/** The counts the district publishes (DOMAIN.md): what the grid data must add up to. */
export const gridCounts = { areas: 74, grids: 586, workers: 1406, liaisons: 902 } as const;

/**
 * What is wrong with the grid as a whole (empty when nothing): the published counts, every village in
 * at least one grid, every town with villages in at least one 管区.
 * @example gridProblems(grids, gridAreas, liaisons, villages) // []
 */
export function gridProblems(
  list: readonly Grid[],
  areas: readonly GridArea[],
  people: readonly Liaison[],
  allVillages: readonly Village[],
): string[] {
  const problems: string[] = [];
  // a district that has not loaded its grids yet has none, which is not an error
  if (list.length === 0) return problems;
  const workers = list.reduce((sum, g) => sum + g.workers.length, 0);
  const counted = { areas: areas.length, grids: list.length, workers, liaisons: people.length };
  // the published counts are 沾化's: they hold for its (demo) grid data only
  if (districtDir === undefined) {
    for (const [what, expected] of Object.entries(gridCounts)) {
      const got = counted[what as keyof typeof counted];
      if (got !== expected) problems.push(`grid: ${got} ${what}, expected ${expected}`);
    }
  }
  const gridded = new Set(list.map((g) => g.village));
  for (const v of allVillages) if (!gridded.has(v.code)) problems.push(`village ${v.code}: in no grid`);
  return problems;
}
