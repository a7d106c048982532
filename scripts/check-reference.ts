/**
 * Checks the reference data before the site is built: 438 villages with unique 12-digit codes inside
 * their town, a 36-item catalogue with known categories and cadences, the 小微权力清单 with unique ids and
 * every field filled. A broken data file stops the build.
 */
import { negativePowers, positivePowers, powerListProblems } from "../schema/power.ts";
import { cadences, catalogueItems, categories, towns, villages } from "../schema/reference.ts";

const problems: string[] = [];
const codes = new Set<string>();
for (const v of villages) {
  if (!/^\d{12}$/.test(v.code) || !v.code.startsWith(v.town)) problems.push(`village ${v.code}: bad code`);
  if (codes.has(v.code)) problems.push(`village ${v.code}: duplicate`);
  codes.add(v.code);
}
for (const t of towns) {
  const count = villages.filter((v) => v.town === t.code).length;
  if (count !== t.villages) problems.push(`town ${t.code}: ${count} villages, expected ${t.villages}`);
}
for (const item of catalogueItems) {
  if (!categories.some((c) => c.id === item.category)) problems.push(`item ${item.id}: unknown category`);
  if (!cadences.some((c) => c.id === item.cadence)) problems.push(`item ${item.id}: unknown cadence`);
}
problems.push(...powerListProblems(positivePowers, negativePowers));
if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(
  `reference data ok: ${towns.length} towns, ${villages.length} villages, ${catalogueItems.length} catalogue items, ${positivePowers.length} + ${negativePowers.length} power list items`,
);
