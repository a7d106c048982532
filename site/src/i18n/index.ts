/**
 * UI strings. Every user-facing sentence lives in zh-CN.json under a flat dotted key; the site and the
 * worker read them through `t()`, so components and handlers never hard-code text.
 */
import strings from "./zh-CN.json" with { type: "json" };

export type StringKey = keyof typeof strings;

/**
 * The string for `key` with `{name}` placeholders filled in.
 * @example t("site.villageCount", { count: 62 }) // "62 个村"
 */
export function t(key: StringKey, values: Record<string, string | number> = {}): string {
  return strings[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}
