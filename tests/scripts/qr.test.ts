import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import jsQR from "jsqr";
import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { t } from "#core/i18n/index.ts";
import { QUIET_ZONE, qrPayload, villageUrl } from "#core/qr.ts";
import { district, towns, villages, villagesOfTown } from "#core/reference.ts";
import { configuredBaseUrl, PLACEHOLDER_BASE_URL, placeholderWarning } from "../../scripts/qr/config.ts";
import { placeFileName } from "../../scripts/qr/generate.ts";
import { PIXELS_PER_MODULE } from "../../scripts/qr/png.ts";
import { READABLE_PT } from "../../scripts/qr/poster.ts";

const run = promisify(execFile);
const out = mkdtempSync(join(tmpdir(), "cunma-qr-"));
const baseUrl = configuredBaseUrl();
const townsWithVillages = towns.filter((t) => villagesOfTown(t.code).length > 0);

/** Runs the real CLI with Node 24, as `npm run qr -- …` does. */
function qrCli(...args: string[]) {
  return run(process.execPath, ["scripts/qr.ts", ...args]).then(
    (done) => ({ code: 0, ...done }),
    (failed: { code: number; stdout: string; stderr: string }) => failed,
  );
}

/** A file as named for a village or a town: its code and its name (issue 12). */
const fileOf = (code: string, extension: string) => {
  const place = villages.find((v) => v.code === code) ?? towns.find((t) => t.code === code);
  if (!place) throw new Error(`no village or town ${code}`);
  return placeFileName(place, extension);
};

function readPng(code: string, folder = out): PNG {
  return PNG.sync.read(readFileSync(join(folder, fileOf(code, "png"))));
}

function decode(png: PNG): string | undefined {
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height, { inversionAttempts: "dontInvert" })?.data;
}

/** A block of modules (symbol coordinates, quiet zone excluded) to paint over. */
interface Damage {
  name: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/**
 * Two ways a noticeboard code gets damaged, each ≥ 20% of the symbol and clear of the three finder
 * patterns with their separators and format strips (rows/cols 0–8 at the top-left, the last 8 at the
 * other two): a smudge in the middle, and a strip torn off the bottom edge.
 */
const damages: Damage[] = [
  { name: "middle", row: 10, col: 9, rows: 14, cols: 16 },
  { name: "torn bottom edge", row: 18, col: 9, rows: 15, cols: 15 },
];

/** Paints the block white on a copy of the PNG and returns it with the fraction of the symbol's pixels covered. */
function cover(png: PNG, { row, col, rows, cols }: Damage): { damaged: PNG; fraction: number } {
  const modules = png.width / PIXELS_PER_MODULE - 2 * QUIET_ZONE;
  const inFinderZone = (r: number, c: number) =>
    (r < 9 && c < 9) || (r < 9 && c >= modules - 8) || (r >= modules - 8 && c < 9);
  for (const [r, c] of [
    [row, col],
    [row, col + cols - 1],
    [row + rows - 1, col],
    [row + rows - 1, col + cols - 1],
  ]) {
    expect(inFinderZone(r as number, c as number)).toBe(false);
  }
  const damaged = new PNG({ width: png.width, height: png.height });
  png.data.copy(damaged.data);
  const left = (QUIET_ZONE + col) * PIXELS_PER_MODULE;
  const right = left + cols * PIXELS_PER_MODULE;
  let covered = 0;
  for (let y = (QUIET_ZONE + row) * PIXELS_PER_MODULE; y < (QUIET_ZONE + row + rows) * PIXELS_PER_MODULE; y++) {
    damaged.data.fill(255, (y * png.width + left) * 4, (y * png.width + right) * 4);
    covered += right - left;
  }
  return { damaged, fraction: covered / (modules * PIXELS_PER_MODULE) ** 2 };
}

beforeAll(async () => {
  const result = await qrCli("--out", out);
  // quiet, unless wrangler.toml still holds the placeholder address: then the warning, before and after
  const warning = placeholderWarning(baseUrl);
  expect(result.stderr).toBe(warning ? `${warning}\n\n${warning}\n` : "");
  expect(result.code).toBe(0);
}, 300_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("npm run qr: the codes", () => {
  it("writes an SVG and a PNG for every village of the district", () => {
    expect(villages.length).toBe(438);
    const missing = villages.filter(
      (v) => !existsSync(join(out, fileOf(v.code, "svg"))) || !existsSync(join(out, fileOf(v.code, "png"))),
    );
    expect(missing).toEqual([]);
  });

  it("every PNG decodes with jsQR to exactly its village's address, also with 20% of it covered", () => {
    const wrong: string[] = [];
    for (const village of villages) {
      const png = readPng(village.code);
      const expected = qrPayload(baseUrl, village.code);
      if (decode(png) !== expected) wrong.push(`${village.code} intact`);
      for (const damage of damages) {
        const { damaged, fraction } = cover(png, damage);
        expect(fraction).toBeGreaterThanOrEqual(0.2);
        if (decode(damaged) !== expected) wrong.push(`${village.code} ${damage.name}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(qrPayload(baseUrl, "371603104201")).toBe("HTTPS://CUNMA.EXAMPLE.CN/V/371603104201");
    expect(new URL(qrPayload(baseUrl, "371603104201")).origin).toBe(new URL(baseUrl).origin);
  }, 300_000);

  it("a code with a third of it covered no longer decodes (so the 20% test can fail)", () => {
    const png = readPng("371603104201");
    const { damaged, fraction } = cover(png, { name: "third", row: 9, col: 9, rows: 20, cols: 18 });
    expect(fraction).toBeGreaterThan(0.33);
    expect(decode(damaged)).toBeUndefined();
  });

  it("keeps a white quiet zone of 4 modules around the symbol", () => {
    const png = readPng("371603104201");
    const quiet = PIXELS_PER_MODULE * QUIET_ZONE;
    const dark = [];
    for (let y = 0; y < png.height; y++) {
      for (let x = 0; x < png.width; x++) {
        const inside = x >= quiet && y >= quiet && x < png.width - quiet && y < png.height - quiet;
        if (!inside && png.data[(y * png.width + x) * 4] !== 255) dark.push([x, y]);
      }
    }
    expect(dark).toEqual([]);
  });
});

describe("npm run qr: the posters", () => {
  it.each(townsWithVillages.map((t) => [t.name, t.code]))(
    "%s: one A4 page per village, its name as text",
    async (_, town) => {
      const pdf = readFileSync(join(out, fileOf(town, "pdf")));
      const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
      const expected = villagesOfTown(town);
      expect(doc.numPages).toBe(expected.length);
      for (const [index, village] of expected.entries()) {
        const page = await doc.getPage(index + 1);
        expect(page.view.map(Math.round)).toEqual([0, 0, 595, 842]);
        const text = (await page.getTextContent()).items.map((item) => ("str" in item ? item.str : "")).join("");
        expect(text).toContain(village.name);
        expect(text).toContain(villageUrl(baseUrl, village.code));
        expect(text).toContain(`村代码 ${village.code}`);
        expect(text).toContain(district.contact);
        expect(text.includes("演示数据")).toBe(village.demo);
      }
    },
  );

  it("prints the symbol at least 12 cm wide", async () => {
    const doc = await getDocument({
      data: new Uint8Array(readFileSync(join(out, fileOf("371603107", "pdf")))),
      verbosity: 0,
    }).promise;
    const operators = await (await doc.getPage(1)).getOperatorList();
    // The symbol is the one path with thousands of segments; its bounding box is [x0, y0, x1, y1] in points.
    const paths = operators.fnArray.flatMap((fn, i) => (fn === OPS.constructPath ? [operators.argsArray[i]] : []));
    const symbol = paths.reduce((a, b) => (a[1][0].length > b[1][0].length ? a : b));
    const [x0, y0, x1, y1] = Object.values(symbol[2] as Record<string, number>) as [number, number, number, number];
    const cm = (points: number) => (points / 72) * 2.54;
    expect(cm(x1 - x0)).toBeGreaterThanOrEqual(12);
    expect(cm(y1 - y0)).toBeCloseTo(cm(x1 - x0), 1);
  });

  it("embeds only the glyphs used, not the whole 8 MB font", () => {
    const font = statSync("node_modules/@embedpdf/fonts-sc/fonts/NotoSansHans-Regular.otf").size;
    for (const town of townsWithVillages)
      expect(statSync(join(out, fileOf(town.code, "pdf"))).size).toBeLessThan(font / 10);
  });
});

describe("npm run qr: what the poster says (issue 12)", () => {
  it("names every file by its code and its name", () => {
    expect(fileOf("371603104201", "png")).toBe("371603104201-徐万粮村.png");
    expect(existsSync(join(out, "371603104201-徐万粮村.svg"))).toBe(true);
    expect(existsSync(join(out, `371603104-${towns.find((t) => t.code === "371603104")?.name}.pdf`))).toBe(true);
  });

  it("never mixes up 码上办 and 我要监督 in the tagline", () => {
    const tagline = t("qr.poster.headline");
    expect(tagline).not.toMatch(/监督码上办|码上办监督|码上监督办/);
    for (const part of ["码上问", "码上办", "我要监督"]) expect(tagline).toContain(part);
  });

  it("prints the scan instruction and the fake-code warning in at least 16 pt", async () => {
    const doc = await getDocument({
      data: new Uint8Array(readFileSync(join(out, fileOf("371603104", "pdf")))),
      verbosity: 0,
    }).promise;
    const items = (await (await doc.getPage(1)).getTextContent()).items.flatMap((item) =>
      "str" in item && item.str.trim()
        ? [{ text: item.str, size: Math.hypot(item.transform[2], item.transform[3]) }]
        : [],
    );
    const village = villagesOfTown("371603104")[0]?.name as string;
    const mustRead = [t("qr.poster.scan"), t("qr.poster.checkTitle"), t("qr.poster.check", { village })].join("");
    const warning = items.filter((item) => item.text.length >= 4 && mustRead.includes(item.text.trim()));
    expect(warning.map((item) => item.text).join("")).toContain("假二维码");
    expect(warning.map((item) => item.text).join("")).toContain("扫一扫");
    for (const item of warning) expect(item.size, item.text).toBeGreaterThanOrEqual(READABLE_PT);
    expect(READABLE_PT).toBeGreaterThanOrEqual(16);
  });
});

describe("npm run qr: bad options", () => {
  it("names the field and writes nothing for an unknown town", async () => {
    const target = join(out, "unknown-town");
    const result = await qrCli("--out", target, "--town", "371603999");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("--town：没有代码为“371603999”的镇街");
    expect(existsSync(target)).toBe(false);
  });

  it("refuses a base URL with a path, and one too long for a version-4 code", async () => {
    const target = join(out, "bad-base");
    const withPath = await qrCli("--out", target, "--base-url", "https://cunma.example.cn/cunma");
    expect(withPath.code).toBe(1);
    expect(withPath.stderr).toContain("--base-url：PUBLIC_BASE_URL 只能是网站根地址");
    const tooLong = await qrCli("--out", target, "--base-url", `https://${"a".repeat(40)}.example.cn`);
    expect(tooLong.code).toBe(1);
    expect(tooLong.stderr).toContain("二维码超过第 4 版");
    expect(existsSync(target)).toBe(false);
  });

  it("asks for --out", async () => {
    const result = await qrCli();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("--out：请指定输出文件夹");
  });

  it("writes one town only with --town, and takes --base-url", async () => {
    const target = join(out, "one-town");
    const result = await qrCli("--out", target, "--town", "371603107", "--base-url", "http://127.0.0.1:8787");
    expect(result.code).toBe(0);
    expect(existsSync(join(target, fileOf("371603107", "pdf")))).toBe(true);
    expect(existsSync(join(target, fileOf("371603104", "pdf")))).toBe(false);
    expect(decode(readPng("371603107201", target))).toBe("HTTP://127.0.0.1:8787/V/371603107201");
  });
});

describe("npm run qr: the placeholder address", () => {
  it("warns loudly on stderr, first and again at the end, when it encodes the placeholder", async () => {
    const target = join(out, "placeholder");
    const result = await qrCli("--out", target, "--town", "371603107", "--base-url", PLACEHOLDER_BASE_URL);
    expect(result.code).toBe(0);
    expect(decode(readPng("371603107201", target))).toBe(`${PLACEHOLDER_BASE_URL.toUpperCase()}/V/371603107201`);
    const warnings = result.stderr.split("\n").filter((line) => line.includes(`示例地址 ${PLACEHOLDER_BASE_URL}`));
    expect(warnings).toHaveLength(2);
    expect(result.stderr.trimEnd().split("\n").at(-1)).toContain("PUBLIC_BASE_URL");
  });

  it("says nothing on stderr for a real address", async () => {
    const result = await qrCli(
      "--out",
      join(out, "real"),
      "--town",
      "371603107",
      "--base-url",
      "https://cm.zhanhua.gov.cn",
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
  });
});
