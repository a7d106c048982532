/**
 * Writes every village's code (SVG and PNG) and one poster PDF per town into a folder. Everything is
 * checked and rendered before the first file is written, so a bad option leaves nothing half-written.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { t } from "#core/i18n/index.ts";
import { baseUrlProblem, qrBudgetProblem, villageCode, villageSvg } from "#core/qr.ts";
import { townByCode, towns, villageByCode, villages, villagesOfTown } from "#core/reference.ts";
import { type D1Target, withD1 } from "../wrangler.ts";
import { householdCards, issueCards } from "./cards.ts";
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

/**
 * Issues new card codes to every household of `village` and writes their cards' PDF into `out`; nothing is
 * issued for a bad village, and a village with no household gets no file.
 * @example await printHouseholdCards({ persistTo: undefined }, "cards", "371603104201", base) // { file, count: 120, village: "徐万粮村" }
 */
export async function printHouseholdCards(
  target: D1Target,
  out: string,
  code: string | undefined,
  baseUrl: string,
): Promise<{ file: string; count: number; village: string }> {
  const problem = baseUrlProblem(baseUrl);
  if (problem) throw new QrOptionError(`--base-url：${problem}`);
  const village = code === undefined ? undefined : villageByCode(code);
  if (!village)
    throw new QrOptionError(
      `${t("points.print.village", { village: code ?? "", example: villages[0]?.code ?? "" })}\n${t("points.print.usage")}`,
    );
  const cards = await withD1(target, (db) => issueCards(db, village.code));
  if (cards.length === 0) throw new QrOptionError(t("points.print.none", { village: village.name }));
  const pdf = await householdCards(village.code, cards, baseUrl);
  mkdirSync(out, { recursive: true });
  const file = join(out, placeFileName({ code: village.code, name: `${village.name}-积分卡` }, "pdf"));
  writeFileSync(file, pdf);
  return { file, count: cards.length, village: village.name };
}
