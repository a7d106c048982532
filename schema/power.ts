/**
 * The district's 小微权力清单 (GB/T 41371-2022, GB/T 41374-2022, after 宁海36条): positive items say
 * how a village power is exercised, step by step; negative items name the conduct that is prohibited.
 * One source (schema/data/power-*.json) read by the site build, the worker and the reference check.
 */
import negativeData from "./data/power-negative.json" with { type: "json" };
import positiveData from "./data/power-positive.json" with { type: "json" };

export const powerCategories = ["决策", "财务", "资产资源", "工程", "民生", "便民服务", "印章"] as const;
export type PowerCategory = (typeof powerCategories)[number];

export interface PositivePower {
  id: string;
  category: PowerCategory;
  name: string;
  /** Laws, regulations and standards the power rests on. */
  basis: string[];
  responsible: string;
  /** The process, in order; drawn as the flowchart. */
  steps: string[];
  supervision: string;
  risks: string[];
  controls: string[];
  timeLimit: string;
}

export interface NegativePower {
  id: string;
  category: PowerCategory;
  name: string;
  /** The prohibited conduct in plain words. */
  description: string;
  basis: string[];
}

export const positivePowers = positiveData as readonly PositivePower[];
export const negativePowers = negativeData as readonly NegativePower[];

const positiveIndex = new Map(positivePowers.map((p) => [p.id, p]));
const negativeIndex = new Map(negativePowers.map((n) => [n.id, n]));

/** @example positivePowerById("p09")?.name // "财务报销（日常开支）" */
export const positivePowerById = (id: string): PositivePower | undefined => positiveIndex.get(id);
/** @example negativePowerById("n06")?.name // "白条记账" */
export const negativePowerById = (id: string): NegativePower | undefined => negativeIndex.get(id);
/** @example powerById("n14")?.name // "合同到期不发包" */
export const powerById = (id: string): PositivePower | NegativePower | undefined =>
  positiveIndex.get(id) ?? negativeIndex.get(id);

/**
 * Items of a list grouped by category, in the standard category order, empty categories left out.
 * @example byPowerCategory(negativePowers)[0] // ["决策", [...]]
 */
export function byPowerCategory<T extends { category: PowerCategory }>(items: readonly T[]): [PowerCategory, T[]][] {
  return powerCategories
    .map((category): [PowerCategory, T[]] => [category, items.filter((i) => i.category === category)])
    .filter(([, list]) => list.length > 0);
}

const filled = (value: unknown) =>
  typeof value === "string" ? value.trim().length > 0 : Array.isArray(value) && value.length > 0 && value.every(filled);

/**
 * What is wrong with the lists (empty when nothing): ids unique across both lists and well formed,
 * known categories, every field present and non-empty, at least two steps for a flowchart.
 * @example powerListProblems(positivePowers, negativePowers) // []
 */
export function powerListProblems(positive: readonly PositivePower[], negative: readonly NegativePower[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const check = (item: PositivePower | NegativePower, pattern: RegExp, fields: readonly string[]) => {
    if (!pattern.test(item.id)) problems.push(`power ${item.id}: id must match ${pattern}`);
    if (seen.has(item.id)) problems.push(`power ${item.id}: duplicate id`);
    seen.add(item.id);
    if (!powerCategories.includes(item.category)) problems.push(`power ${item.id}: unknown category ${item.category}`);
    for (const field of fields) {
      if (!filled((item as unknown as Record<string, unknown>)[field]))
        problems.push(`power ${item.id}: ${field} missing`);
    }
  };
  for (const item of positive) {
    check(item, /^p\d{2}$/, ["name", "basis", "responsible", "steps", "supervision", "risks", "controls", "timeLimit"]);
    if (item.steps.length < 2) problems.push(`power ${item.id}: a flowchart needs at least two steps`);
  }
  for (const item of negative) check(item, /^n\d{2}$/, ["name", "description", "basis"]);
  return problems;
}
