/**
 * Writes schema/data/grids.json: the district's grid (网格) in three levels, with who works it. DOMAIN.md
 * gives only the counts (12 first-level grids = the towns, 74 second-level 管区, 586 third-level grids,
 * 1,406 grid workers, 902 包联干部 for the 438 villages); no public source names them, so every name and
 * number here is generated, deterministic (the project's one seeded PRNG), and the file says `demo: true`
 * so every page that shows it can say 演示数据. Run once; the output is reference data.
 *
 * @example
 *   node scripts/generate-grids.ts
 */
import { writeFileSync } from "node:fs";
import { towns, villages } from "#core/reference.ts";
import { prng } from "./lib/prng.ts";

const AREAS = 74;
const GRIDS = 586;
const WORKERS = 1406;
const LIAISONS = 902;

const surnames = [
  ..."王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶",
];
const given = [..."建国军华明玉秀英文强海平红霞志刚立新春梅德福振庆宝荣兰凤云丽金成光永"];
const posts = [
  "镇党委委员",
  "镇人大副主席",
  "镇武装部长",
  "镇便民服务中心主任",
  "镇经管站站长",
  "镇农业综合服务中心干部",
];

const random = prng(371603);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const personName = () => `${pick(surnames)}${pick(given)}${random() < 0.6 ? pick(given) : ""}`;
/** A demo landline of the district's 0543 area (never a mobile number someone might own). */
const phone = () => `0543-73${String(Math.floor(random() * 100_000)).padStart(5, "0")}`;

/** Splits `total` into parts proportional to `weights`, each at least `min` (largest remainder). */
function apportion(total: number, weights: readonly number[], min: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const spare = total - min * weights.length;
  const exact = weights.map((w) => (spare * w) / sum);
  const parts = exact.map((x) => min + Math.floor(x));
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; parts.reduce((a, b) => a + b, 0) < total; k++)
    (parts[(order[k] as readonly [number, number])[1]] as number)++;
  return parts;
}

const peopled = towns.filter((t) => t.villages > 0);
const areaCounts = apportion(
  AREAS,
  peopled.map((t) => t.villages),
  1,
);
const areas: { id: string; town: string; name: string }[] = [];
const villageArea = new Map<string, string>();
peopled.forEach((town, i) => {
  const own = villages.filter((v) => v.town === town.code);
  const count = areaCounts[i] as number;
  const sizes = apportion(own.length, Array(count).fill(1), 1);
  let next = 0;
  sizes.forEach((size, k) => {
    const id = `${town.code}${String(k + 1).padStart(2, "0")}`;
    areas.push({ id, town: town.code, name: `${town.name.replace(/(镇|乡|街道)$/, "")}第${k + 1}管区` });
    for (const v of own.slice(next, next + size)) villageArea.set(v.code, id);
    next += size;
  });
});

const gridCounts = villages.map(() => 1);
for (let extra = GRIDS - villages.length; extra > 0; extra--) {
  const i = Math.floor(random() * villages.length);
  if ((gridCounts[i] as number) < 4) gridCounts[i] = (gridCounts[i] as number) + 1;
  else extra++;
}
const workerCounts = apportion(WORKERS, Array(GRIDS).fill(1), 2);
const grids: { id: string; village: string; area: string; name: string; workers: { name: string; phone: string }[] }[] =
  [];
villages.forEach((village, i) => {
  for (let k = 1; k <= (gridCounts[i] as number); k++) {
    const workers = Array.from({ length: workerCounts[grids.length] as number }, () => ({
      name: personName(),
      phone: phone(),
    }));
    grids.push({
      id: `${village.code}${String(k).padStart(2, "0")}`,
      village: village.code,
      area: villageArea.get(village.code) as string,
      name: `第${k}网格`,
      workers,
    });
  }
});

const liaisonCounts = apportion(LIAISONS, Array(villages.length).fill(1), 2);
const liaisons = villages.flatMap((village, i) =>
  Array.from({ length: liaisonCounts[i] as number }, () => ({
    village: village.code,
    name: personName(),
    post: pick(posts),
    phone: phone(),
  })),
);

const file = { demo: true, areas, grids, liaisons };
writeFileSync(new URL("../schema/data/grids.json", import.meta.url), `${JSON.stringify(file)}\n`);
console.log(`wrote ${areas.length} 管区, ${grids.length} grids, ${liaisons.length} 包联干部`);
