/**
 * Reference data: the district, its towns and villages, the 36-item disclosure catalogue and the four
 * modules. One source of truth (schema/data/*.json) read by the site build, the worker and the scripts.
 */
import catalogue from "./data/catalogue.json" with { type: "json" };
import modulesData from "./data/modules.json" with { type: "json" };
import townsData from "./data/towns.json" with { type: "json" };
import villagesData from "./data/villages.json" with { type: "json" };

export type Cadence = "monthly" | "quarterly" | "yearly" | "immediate" | "on_change";
export type CategoryId = "party" | "village" | "finance";
export type TableKind = "ledger" | "assets" | "resources";
export type ModuleId = "affairs" | "policy" | "livelihood" | "conduct";

export interface Town {
  code: string;
  name: string;
  villages: number;
}
export interface Village {
  code: string;
  town: string;
  name: string;
  /** The name was generated for the demo, not taken from a public source. */
  demo: boolean;
}
export interface CatalogueItem {
  id: string;
  category: CategoryId;
  name: string;
  cadence: Cadence;
  table: TableKind | null;
}

export const district = townsData.district;
export const towns: readonly Town[] = townsData.towns;
export const villages: readonly Village[] = villagesData;
export const categories = catalogue.categories as readonly { id: CategoryId; name: string }[];
export const cadences = catalogue.cadences as readonly { id: Cadence; name: string; deadline: string }[];
export const catalogueItems = catalogue.items as readonly CatalogueItem[];
export const modules = modulesData as readonly { id: ModuleId; name: string; hint: string }[];

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
