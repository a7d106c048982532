/**
 * Another district's data directory (`CUNMA_DATA_DIR`) for the worker bundle. Node reads the district's
 * files from there by itself (schema/reference.ts); a bundle built by wrangler (dev, deploy) embeds the
 * files schema/reference.ts imports, so wrangler is told to take them from that directory instead.
 */
import { resolve } from "node:path";
import { districtDir } from "#core/reference.ts";

/** The files of schema/data that make up a district, as schema/reference.ts imports them. */
export const DISTRICT_FILES = ["district.json", "towns.json", "villages.json", "grids.json"] as const;

/**
 * wrangler's `--alias` arguments that bundle `dir`'s district files in place of schema/data's; none
 * without a directory.
 * @example districtAliases("/srv/boxing") // ["--alias", "./data/district.json:/srv/boxing/district.json", …]
 */
export function districtAliases(dir: string | undefined = districtDir): string[] {
  if (dir === undefined) return [];
  return DISTRICT_FILES.flatMap((file) => ["--alias", `./data/${file}:${resolve(dir, file)}`]);
}
