/**
 * Checks the reference data before the site is built: the district's villages with unique 12-digit codes
 * inside their town, a 36-item catalogue with known categories and cadences, the 小微权力清单 with unique
 * ids and every field filled. A broken data file stops the build. The fields, and that the district's
 * towns and villages agree, are validated when schema/reference.ts loads (its error names the file and
 * each bad field); this adds the rest.
 */
import { dutyLists, listProblems } from "#core/duties.ts";
import { gridAreas, gridProblems, grids, liaisons } from "#core/grid.ts";
import { negativePowers, positivePowers, powerListProblems } from "#core/power.ts";
import { cadences, catalogueItems, categories, district, districtDir, towns, villages } from "#core/reference.ts";

const problems: string[] = [];
for (const item of catalogueItems) {
  if (!categories.some((c) => c.id === item.category)) problems.push(`item ${item.id}: category not listed`);
  if (!cadences.some((c) => c.id === item.cadence)) problems.push(`item ${item.id}: cadence not listed`);
}
problems.push(...powerListProblems(positivePowers, negativePowers));
problems.push(...gridProblems(grids, gridAreas, liaisons, villages));
problems.push(...listProblems(dutyLists));
if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(
  `reference data ok: ${district.name}${districtDir ? ` (from ${districtDir})` : ""}, ${towns.length} towns, ${villages.length} villages, ${catalogueItems.length} catalogue items, ${positivePowers.length} + ${negativePowers.length} power list items, ${gridAreas.length} 管区, ${grids.length} grids, ${liaisons.length} 包联干部, ${dutyLists.duties.length} duties, ${dutyLists.matters.length} matters`,
);
