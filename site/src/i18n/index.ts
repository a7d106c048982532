/**
 * UI strings. Every user-facing sentence lives under a flat dotted key in one of the zh-CN/<feature>.json
 * files (one per feature, so features never edit each other's strings); the site and the worker read
 * them through `t()`, so components and handlers never hard-code text.
 */
import portal from "./zh-CN/portal.json" with { type: "json" };

const strings = { ...portal };

export type StringKey = keyof typeof strings;

/**
 * The string for `key` with `{name}` placeholders filled in.
 * @example t("site.villageCount", { count: 62 }) // "62 个村"
 */
export function t(key: StringKey, values: Record<string, string | number> = {}): string {
  return strings[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}
