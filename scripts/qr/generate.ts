/**
 * Writes every village's code (SVG and PNG) and one poster PDF per town into a folder. Everything is
 * checked and rendered before the first file is written, so a bad option leaves nothing half-written.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { qrBudgetProblem, villageCode, villageSvg } from "#core/qr.ts";
import { townByCode, towns, villagesOfTown } from "#core/reference.ts";
import { codePng } from "./png.ts";
import { townPosters } from "./poster.ts";

export interface QrOptions {
  out: string;
  baseUrl: string;
  /** Only this town's villages (a 9-digit town code). */
  town?: string | undefined;
}

export interface QrRun {
  villages: number;
  /** The town codes a poster PDF was written for. */
  towns: string[];
}

/**
 * A file's name: the code, so files sort as the codes do, and the name, so the print shop and the
 * village can tell posters apart at a glance. Characters a file system refuses are dropped.
 * @example placeFileName({ code: "371603104201", name: "徐万粮村" }, "png") // "371603104201-徐万粮村.png"
 */
export function placeFileName(place: { code: string; name: string }, extension: string): string {
  return `${place.code}-${place.name.replace(/[\\/:*?"<>|\s]/g, "")}.${extension}`;
}

/** Thrown for a bad option; the message is for the person at the command line. */
export class QrOptionError extends Error {}

function selectedTowns(town: string | undefined) {
  if (town === undefined) return towns.filter((t) => villagesOfTown(t.code).length > 0);
  const found = townByCode(town);
  if (!found) throw new QrOptionError(`--town：没有代码为“${town}”的镇街，应是 9 位数字，例如 ${towns[0]?.code}。`);
  if (villagesOfTown(town).length === 0) throw new QrOptionError(`--town：${found.name}没有行政村，不用印海报。`);
  return [found];
}

/**
 * @example await writeVillageCodes({ out: "posters", baseUrl: "https://cunma.example.cn", town: "371603104" })
 * // { villages: 36, towns: ["371603104"] }
 */
export async function writeVillageCodes({ out, baseUrl, town }: QrOptions): Promise<QrRun> {
  const problem = qrBudgetProblem(baseUrl);
  if (problem) throw new QrOptionError(`--base-url：${problem}`);
  const files: [string, string | Buffer][] = [];
  const chosen = selectedTowns(town);
  let count = 0;
  for (const each of chosen) {
    const villages = villagesOfTown(each.code);
    for (const village of villages) {
      const symbol = villageCode(baseUrl, village.code);
      files.push([placeFileName(village, "svg"), villageSvg(symbol)], [placeFileName(village, "png"), codePng(symbol)]);
    }
    files.push([placeFileName(each, "pdf"), await townPosters(each, villages, baseUrl)]);
    count += villages.length;
  }
  mkdirSync(out, { recursive: true });
  for (const [name, content] of files) writeFileSync(join(out, name), content);
  return { villages: count, towns: chosen.map((t) => t.code) };
}
