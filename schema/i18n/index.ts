/**
 * UI strings. Every user-facing sentence lives under a flat dotted key in one of the zh-CN/<feature>.json
 * files (one per feature, so features never edit each other's strings); the site and the worker read
 * them through `t()`, so components and handlers never hard-code text.
 */
import { fill } from "./fill.ts";
import cases from "./zh-CN/cases.json" with { type: "json" };
import checkpoints from "./zh-CN/checkpoints.json" with { type: "json" };
import disclosures from "./zh-CN/disclosures.json" with { type: "json" };
import district from "./zh-CN/district.json" with { type: "json" };
import duties from "./zh-CN/duties.json" with { type: "json" };
import grid from "./zh-CN/grid.json" with { type: "json" };
import media from "./zh-CN/media.json" with { type: "json" };
import points from "./zh-CN/points.json" with { type: "json" };
import portal from "./zh-CN/portal.json" with { type: "json" };
import power from "./zh-CN/power.json" with { type: "json" };
import publish from "./zh-CN/publish.json" with { type: "json" };
import qr from "./zh-CN/qr.json" with { type: "json" };
import reports from "./zh-CN/reports.json" with { type: "json" };
import security from "./zh-CN/security.json" with { type: "json" };
import staff from "./zh-CN/staff.json" with { type: "json" };

const strings = {
  ...portal,
  ...reports,
  ...staff,
  ...qr,
  ...cases,
  ...disclosures,
  ...power,
  ...publish,
  ...checkpoints,
  ...security,
  ...district,
  ...grid,
  ...duties,
  ...points,
  ...media,
};

export type StringKey = keyof typeof strings;

/**
 * The string for `key` with `{name}` placeholders filled in.
 * @example t("site.villageCount", { count: 62 }) // "62 个村"
 */
export function t(key: StringKey, values: Record<string, string | number> = {}): string {
  return fill(strings[key], values);
}
