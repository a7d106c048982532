/**
 * A district's villages imported from the list its office already has: 统计用区划代码 / 城乡划分代码 style,
 * one row per place with its 12-digit code, its name and (for a village) its town, in UTF-8 or GBK. Rows
 * for the province, the city, the district itself and its towns (codes ending in zeros, as the statistics
 * bureau lists them) are optional and give their names. Either every row is valid and the three files of
 * schema/data that make a district (district.json, towns.json, villages.json) come out validated by the
 * same zod schemas the loader uses, or the result is a list of Chinese errors, each naming its line.
 * Pure: nothing here reads or writes a file.
 */
import { decodeCsv, parseCsv } from "./csv.ts";
import { t } from "./i18n/index.ts";
import {
  type District,
  districtProblems,
  parseData,
  referenceFiles,
  type Town,
  type Village,
} from "./reference-files.ts";
import { hiddenCharacter } from "./text.ts";

/** What the list cannot say, given at the command line (or kept from the district's current file). */
export interface DistrictSettings {
  name?: string | undefined;
  province?: string | undefined;
  city?: string | undefined;
  /** The discipline office; defaults to the district's name + 纪委监委. */
  office?: string | undefined;
  contact?: string | undefined;
  /** The district's current record: what the list and the options leave open is kept from it, if its code is the list's. */
  current?: Partial<District> | undefined;
}

export interface DistrictFiles {
  "district.json": District;
  "towns.json": { towns: Town[] };
  "villages.json": Village[];
}

export type DistrictImport = { ok: true; encoding: string; files: DistrictFiles } | { ok: false; errors: string[] };

type Level = "province" | "city" | "district" | "town" | "village";

const MAX_ERRORS = 50;
const HEADER_SEARCH_ROWS = 5;
/** Accepted headers for each column, compared without spaces. */
const HEADERS = {
  code: ["统计用区划代码", "区划代码", "统计代码", "行政区划代码", "代码", "code"],
  name: ["名称", "村名", "村名称", "村居名称", "单位名称", "name"],
  town: ["镇街", "乡镇", "乡镇街道", "乡镇（街道）", "镇（街道）", "所属乡镇", "所属镇街", "乡镇名称", "town"],
} as const;

/** What each setting is called when it is missing. */
const MISSING = {
  name: "district.import.what.name",
  province: "district.import.what.province",
  city: "district.import.what.city",
  contact: "district.import.what.contact",
} as const;

/**
 * A place's level from its code's trailing zeros, as the statistics bureau assigns them.
 * @example levelOf("371603104000") // "town"
 * @example levelOf("371603104201") // "village"
 */
export function levelOf(code: string): Level {
  if (code.endsWith("0000000000")) return "province";
  if (code.endsWith("00000000")) return "city";
  if (code.endsWith("000000")) return "district";
  if (code.endsWith("000")) return "town";
  return "village";
}

/**
 * A village or community committee's name as a villager says it: 任集村委会 → 任集村, 富国社区居委会 → 富国社区.
 * @example placeName(" 任集村民委员会 ") // "任集村"
 */
export function placeName(name: string): string {
  return name
    .trim()
    .replace(/(村民委员会|村委会)$/, "村")
    .replace(/(社区)?(居民委员会|居委会)$/, "社区");
}

const squash = (header: string) =>
  header
    .replace(/[\s\uFEFF]/g, "")
    .replace(/\(/g, "（")
    .replace(/\)/g, "）");

/** The header row (index) and each column's position, or null when none of the first rows is one. */
function findHeader(records: string[][]): { at: number; code: number; name: number; town: number } | null {
  for (let at = 0; at < Math.min(HEADER_SEARCH_ROWS, records.length); at++) {
    const cells = (records[at] as string[]).map(squash);
    const find = (names: readonly string[]) => cells.findIndex((cell) => names.includes(cell));
    const [code, name, town] = [find(HEADERS.code), find(HEADERS.name), find(HEADERS.town)];
    if (code >= 0 && name >= 0) return { at, code, name, town };
  }
  return null;
}

/** What the rows say, gathered while each row is checked. */
interface Gathered {
  districtCode?: { code: string; line: number };
  names: Partial<Record<"province" | "city" | "district", string>>;
  ancestors: { code: string; line: number }[];
  townByPrefix: Map<string, { name: string; line: number }>;
  prefixByTown: Map<string, { prefix: string; line: number }>;
  codes: Map<string, number>;
  villages: Village[];
}

/** Registers a town's name for its 9-digit prefix; the error if either was seen with another. */
function registerTown(g: Gathered, prefix: string, town: string, code: string, line: number): string | null {
  const named = g.townByPrefix.get(prefix);
  if (named && named.name !== town) {
    return t("district.import.townName", { code, prefix, first: named.line, other: named.name, town });
  }
  const placed = g.prefixByTown.get(town);
  if (placed && placed.prefix !== prefix) {
    return t("district.import.townPrefix", { town, first: placed.line, prefix: placed.prefix, code });
  }
  if (!named) g.townByPrefix.set(prefix, { name: town, line });
  if (!placed) g.prefixByTown.set(town, { prefix, line });
  return null;
}

/** Checks one row and adds what it says; returns its error, if any. */
function takeRow(g: Gathered, cells: { code: string; name: string; town: string }, line: number): string | null {
  const { code } = cells;
  if (!/^\d{12}$/.test(code)) return t("district.import.notCode", { code });
  const name = placeName(cells.name);
  if (name === "") return t("district.import.emptyName");
  if (hiddenCharacter(name) !== null) return t("district.import.hiddenName", { name });
  const first = g.codes.get(code);
  if (first !== undefined) return t("district.import.duplicate", { code, first });
  g.codes.set(code, line);
  const level = levelOf(code);
  if (level === "province" || level === "city") {
    g.names[level] = name;
    g.ancestors.push({ code, line });
    return null;
  }
  g.districtCode ??= { code: code.slice(0, 6), line };
  const district = g.districtCode.code;
  if (!code.startsWith(district)) {
    return t("district.import.otherDistrict", { code, first: g.districtCode.line, district });
  }
  if (level === "district") {
    g.names.district = name;
    return null;
  }
  const prefix = code.slice(0, 9);
  if (level === "town") return registerTown(g, prefix, name, code, line);
  if (prefix.endsWith("000")) return t("district.import.noTown", { code });
  const town = placeName(cells.town);
  if (town === "") return t("district.import.emptyTown");
  if (hiddenCharacter(town) !== null) return t("district.import.hiddenName", { name: town });
  const problem = registerTown(g, prefix, town, code, line);
  if (problem === null) g.villages.push({ code, town: prefix, name, demo: false });
  return problem;
}

/** The district record from the rows and the settings, or the errors saying what is missing. */
function districtRecord(g: Gathered, settings: DistrictSettings): District | string[] {
  const code = g.districtCode?.code ?? "";
  const kept = settings.current?.code === code ? settings.current : {};
  const name = settings.name ?? g.names.district ?? kept.name;
  const values = {
    name,
    province: settings.province ?? g.names.province ?? kept.province,
    city: settings.city ?? g.names.city ?? kept.city,
    contact: settings.contact ?? kept.contact,
  };
  const missing = (Object.keys(values) as (keyof typeof values)[]).filter((key) => !values[key]?.trim());
  if (missing.length > 0) {
    return missing.map((key) => t("district.import.missing", { what: t(MISSING[key]), option: `--${key}` }));
  }
  return {
    code,
    name: name as string,
    province: values.province as string,
    city: values.city as string,
    office: settings.office ?? kept.office ?? `${name}纪委监委`,
    contact: values.contact as string,
    pointsNames: kept.pointsNames ?? "masked",
  };
}

/** The three files, ordered by code, validated exactly as the loader validates them. */
function districtFiles(g: Gathered, district: District): DistrictFiles {
  const villages = [...g.villages].sort((a, b) => a.code.localeCompare(b.code));
  const towns = [...g.townByPrefix.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, { name }]) => ({ code, name, villages: villages.filter((v) => v.town === code).length }));
  const files: DistrictFiles = {
    "district.json": parseData("district.json", referenceFiles["district.json"], district),
    "towns.json": parseData("towns.json", referenceFiles["towns.json"], { towns }),
    "villages.json": parseData("villages.json", referenceFiles["villages.json"], villages),
  };
  const problems = districtProblems(district, towns, villages);
  if (problems.length > 0) throw new Error(problems.join("\n"));
  return files;
}

/**
 * The district files from a village list (the CSV's bytes), or every error, each naming its line.
 * @example importDistrict(readFileSync("villages.csv"), { contact: "某某县纪委监委 0000-1234567" })
 */
export function importDistrict(bytes: Uint8Array, settings: DistrictSettings = {}): DistrictImport {
  const { text, encoding } = decodeCsv(bytes);
  const parsed = parseCsv(text);
  if ("unclosedAt" in parsed) {
    return {
      ok: false,
      errors: [t("district.import.line", { line: parsed.unclosedAt, message: t("district.import.unclosed") })],
    };
  }
  const header = findHeader(parsed.records);
  if (header === null)
    return { ok: false, errors: [t("district.import.line", { line: 1, message: t("district.import.noHeader") })] };
  const g: Gathered = {
    names: {},
    ancestors: [],
    townByPrefix: new Map(),
    prefixByTown: new Map(),
    codes: new Map(),
    villages: [],
  };
  const errors: string[] = [];
  const fail = (line: number, message: string) => errors.push(t("district.import.line", { line, message }));
  parsed.records.slice(header.at + 1).forEach((record, i) => {
    if (record.every((cell) => cell.trim() === "")) return;
    const cell = (at: number) => (at >= 0 ? (record[at] ?? "").trim() : "");
    const line = header.at + 2 + i;
    const problem = takeRow(g, { code: cell(header.code), name: cell(header.name), town: cell(header.town) }, line);
    if (problem !== null) fail(line, problem);
  });
  const district = g.districtCode?.code;
  for (const { code, line } of g.ancestors) {
    if (district && !district.startsWith(code.slice(0, levelOf(code) === "province" ? 2 : 4))) {
      fail(line, t("district.import.notAncestor", { code, district }));
    }
  }
  if (g.villages.length === 0 && errors.length === 0) errors.push(t("district.import.noVillages"));
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_ERRORS) };
  const record = districtRecord(g, settings);
  if (Array.isArray(record)) return { ok: false, errors: record };
  return { ok: true, encoding, files: districtFiles(g, record) };
}
