/**
 * Writes schema/data/villages.json: the 438 villages of 沾化区 with 12-digit codes.
 * Real names (DOMAIN.md) come first in their town; the rest are generated, deterministic, and marked
 * `demo: true` so every page that shows them can say 演示数据. Run once; the output is reference data.
 *
 * @example
 *   node scripts/generate-villages.ts
 */
import { writeFileSync } from "node:fs";
import towns from "#core/data/towns.json" with { type: "json" };
import { prng } from "./lib/prng.ts";

const realNames: Record<string, string[]> = {
  "371603104": ["徐万粮村", "泊头村"],
  "371603101": ["毛家巷一村", "大下洼村", "东下洼村"],
  "371603107": ["河东村"],
  "371603103": ["北集村", "冯家村"],
  "371603102": ["古城村"],
  "371603106": ["黄升店村"],
  "371603105": ["大高村"],
  "371603203": ["下河村"],
  "371603204": ["利国一村", "利国二村", "利国三村", "利国四村", "利国五村"],
};

const surnames = [
  ..."王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段漕钱汤尹黎易常武乔贺赖龚文",
];
const shapes = ["{s}家村", "{s}庄村", "{d}{s}村", "{s}家庄村", "{s}官村", "{s}集村", "{s}王村", "{d}{s}家村"];
const directions = [..."东西南北前后大小"];

const villages: { code: string; town: string; name: string; demo: boolean }[] = [];
for (const town of towns.towns) {
  const random = prng(Number(town.code.slice(-4)));
  const taken = new Set<string>();
  const names = [...(realNames[town.code] ?? [])];
  names.forEach((n) => {
    taken.add(n);
  });
  while (names.length < town.villages) {
    const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)] as T;
    const name = pick(shapes).replace("{s}", pick(surnames)).replace("{d}", pick(directions));
    if (!taken.has(name)) {
      taken.add(name);
      names.push(name);
    }
  }
  const realCount = realNames[town.code]?.length ?? 0;
  names.forEach((name, i) => {
    villages.push({ code: `${town.code}${String(201 + i)}`, town: town.code, name, demo: i >= realCount });
  });
}

writeFileSync(new URL("../schema/data/villages.json", import.meta.url), `${JSON.stringify(villages, null, 1)}\n`);
console.log(`wrote ${villages.length} villages`);
