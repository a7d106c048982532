/**
 * Issue 13, any district: the district is configuration. `npm run district -- import` writes a made-up
 * second district (青禾县, two towns, five villages) from its CSV into a data directory of its own; with
 * CUNMA_DATA_DIR pointing there, the site build, `npm run qr`, the worker bundle and `npm run serve` are
 * that district's, and schema/data (沾化区, the demo) is never touched.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import iconv from "iconv-lite";
import jsQR from "jsqr";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importDistrict } from "#core/district.ts";
import { districtAliases } from "../../scripts/lib/district-dir.ts";
import { root } from "../../scripts/wrangler.ts";
import { reportBody } from "../fixtures/reports.ts";

const run = promisify(execFile);
const node = process.execPath;
const work = mkdtempSync(join(tmpdir(), "cunma-district-"));
const dataDir = join(work, "data");
const siteDir = join(work, "dist");
const csv = join(root, "tests/fixtures/district/villages.csv");
const CONTACT = "青禾县纪委监委信访举报电话 0000-1234567";
const BASE_URL = "https://cunma.example.cn";
const hashOf = (dir: string) =>
  readdirSync(dir)
    .sort()
    .map((f) => `${f}:${readFileSync(join(dir, f), "utf8").length}`)
    .join();
const demoData = hashOf(join(root, "schema/data"));

/** A script of this repo run with Node 24 for the other district, as `npm run …` with CUNMA_DATA_DIR does. */
function script(name: string, args: string[], env: Record<string, string> = { CUNMA_DATA_DIR: dataDir }) {
  return run(node, [join(root, "scripts", name), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  }).then(
    (done) => ({ code: 0, ...done }),
    (failed: { code: number; stdout: string; stderr: string }) => failed,
  );
}

const page = (path: string) => readFileSync(join(siteDir, path, "index.html"), "utf8");

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("npm run district -- import: refused lists", () => {
  it("names every bad line in Chinese, reading GBK as WPS saves it, and writes nothing", async () => {
    const bad = [
      "代码,名称,镇街",
      "379901100201,东岗村,青禾镇",
      "37990110020,西岗村,青禾镇",
      "379901100201,北岗村,青禾镇",
      "379901101201,,白石乡",
      "379901100203,柳村,白石乡",
      "389901100204,外村,青禾镇",
      "379901000205,无镇村,青禾镇",
      "379901102201,空镇村,",
    ].join("\r\n");
    const file = join(work, "bad.csv");
    writeFileSync(file, iconv.encode(bad, "gbk"));
    const out = join(work, "refused");
    mkdirSync(out);
    const result = await script("district.ts", ["import", file, "--out", out, "--contact", CONTACT]);
    expect(result.code).toBe(1);
    const errors = result.stderr.split("\n");
    expect(errors).toContain("第 3 行：代码“37990110020”不是 12 位数字。");
    expect(errors).toContain("第 4 行：代码 379901100201 和第 2 行重复。");
    expect(errors).toContain("第 5 行：名称是空的。");
    expect(errors).toContain(
      "第 6 行：代码 379901100203 的前 9 位 379901100 在第 2 行是“青禾镇”，这里写的是“白石乡”。",
    );
    expect(errors).toContain("第 7 行：代码 389901100204 不在本区县：第 2 行的代码以 379901 开头，全表都应以它开头。");
    expect(errors).toContain("第 8 行：村代码 379901000205 的第 7 到 9 位是 000，不属于任何镇街。");
    expect(errors).toContain("第 9 行：镇街是空的，请写上这个村所在的镇街。");
    expect(readdirSync(out)).toEqual([]);
  });

  it("refuses a town written with two codes, a hidden character, a missing header or contact line", () => {
    const bytes = (lines: string[]) => new TextEncoder().encode(lines.join("\n"));
    const header = "统计用区划代码,名称,乡镇";
    const twoCodes = importDistrict(bytes([header, "379901100201,东岗村,青禾镇", "379901101201,柳湾村,青禾镇"]), {
      contact: CONTACT,
      name: "青禾县",
      province: "某省",
      city: "某市",
    });
    expect(twoCodes).toEqual({
      ok: false,
      errors: ["第 3 行：“青禾镇”在第 2 行的代码以 379901100 开头，这里的 379901101201 对不上。"],
    });
    const hidden = importDistrict(bytes([header, "379901100201,东\u202e岗村,青禾镇"]), { contact: CONTACT });
    expect(hidden.ok || hidden.errors[0]).toMatch(/^第 2 行：名称“.*”里有看不见的字符/);
    const noHeader = importDistrict(bytes(["379901100201,东岗村,青禾镇"]));
    expect(noHeader.ok || noHeader.errors[0]).toMatch(/^第 1 行：前 5 行里没有找到表头/);
    const noContact = importDistrict(bytes([header, "379901000000,青禾县,", "379901100201,东岗村,青禾镇"]), {
      province: "某省",
      city: "某市",
    });
    expect(noContact.ok || noContact.errors).toEqual([
      "缺少海报上的联系电话那一行（例如“某某区纪委监委信访举报电话 0000-0000000”）：表里没有这一行，请用 --contact 指定。",
    ]);
  });
});

describe("npm run district -- import: what the list does not say", () => {
  const list = readFileSync(csv);
  const current = {
    code: "379901",
    name: "青禾县",
    city: "示例市",
    province: "山东省",
    office: "青禾县纪委",
    contact: CONTACT,
    // a district that shows full names on its points boards keeps that choice too
    pointsNames: "full" as const,
  };

  it("keeps the office, contact line and points-name choice of the same district's current file", () => {
    const again = importDistrict(list, { current });
    expect(again.ok && again.files["district.json"]).toEqual(current);
  });

  it("takes nothing from another district's file (沾化区's contact line never lands on 青禾县's posters)", () => {
    const other = importDistrict(list, { current: { ...current, code: "371603", contact: "沾化区纪委监委 0543" } });
    expect(other.ok || other.errors).toEqual([expect.stringContaining("请用 --contact 指定")]);
  });
});

describe("a second district, built and served from its own data directory", () => {
  let server: ChildProcess | undefined;
  let base = "";

  beforeAll(async () => {
    mkdirSync(dataDir);
    const imported = await script("district.ts", ["import", csv, "--out", dataDir, "--contact", CONTACT], {});
    expect(imported.stderr).toBe("");
    expect(imported.stdout).toContain("已导入青禾县：2 个镇街，5 个村（UTF-8）");
    const astro = join(root, "node_modules/.bin/astro");
    await run(astro, ["build", "--root", "site", "--outDir", siteDir], {
      cwd: root,
      env: { ...process.env, CUNMA_DATA_DIR: dataDir, ASTRO_TELEMETRY_DISABLED: "1" },
      maxBuffer: 64 * 1024 * 1024,
    });
  }, 300_000);

  afterAll(() => {
    server?.kill("SIGTERM");
  });

  it("writes the district's files (no grids yet) and leaves schema/data (沾化区) as it was", () => {
    expect(readdirSync(dataDir).sort()).toEqual(["district.json", "grids.json", "towns.json", "villages.json"]);
    // 沾化区's demo grids name villages this district does not have: it starts with none
    expect(JSON.parse(readFileSync(join(dataDir, "grids.json"), "utf8"))).toEqual({
      demo: false,
      areas: [],
      grids: [],
      liaisons: [],
    });
    expect(JSON.parse(readFileSync(join(dataDir, "district.json"), "utf8"))).toEqual({
      code: "379901",
      name: "青禾县",
      city: "示例市",
      province: "山东省",
      office: "青禾县纪委监委",
      contact: CONTACT,
      pointsNames: "masked",
    });
    expect(JSON.parse(readFileSync(join(dataDir, "villages.json"), "utf8"))[0]).toEqual({
      code: "379901100201",
      town: "379901100",
      name: "东岗村",
      demo: false,
    });
    expect(hashOf(join(root, "schema/data"))).toBe(demoData);
  });

  it("stops the build when the directory's files disagree, naming the directory and the field", async () => {
    const broken = join(work, "broken");
    mkdirSync(broken);
    for (const file of ["district.json", "villages.json"]) {
      writeFileSync(join(broken, file), readFileSync(join(dataDir, file)));
    }
    const towns = JSON.parse(readFileSync(join(dataDir, "towns.json"), "utf8"));
    towns.towns[1].villages = 4;
    towns.towns.push({ code: "371603104", name: "泊头镇", villages: 0 });
    writeFileSync(join(broken, "towns.json"), JSON.stringify(towns));
    const result = await script("check-reference.ts", [], { CUNMA_DATA_DIR: broken });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(`${broken}: the district's files disagree`);
    expect(result.stderr).toContain("towns.1.villages: 4, but 3 villages");
    expect(result.stderr).toContain("towns.2.code: 371603104 is not in district 379901");
  });

  it("builds its district, town and village pages, and none of 沾化区", () => {
    const home = page("");
    expect(home).toContain("青禾县 · 一村一码");
    expect(home).toContain('href="/z/379901101/"');
    expect(home).toContain("青禾县纪委监委 · 一村一码 码上监督");
    const town = page("z/379901101");
    for (const name of ["柳湾村", "石桥村", "南坡村"]) expect(town).toContain(name);
    const village = page("v/379901100201");
    expect(village).toContain("东岗村");
    expect(village).toContain('href="/z/379901100/"');
    expect(readdirSync(join(siteDir, "v")).sort()).toEqual([
      "379901100201",
      "379901100202",
      "379901101201",
      "379901101202",
      "379901101203",
    ]);
    for (const html of [home, town, village]) expect(html).not.toMatch(/沾化|滨州|371603/);
    // a county is a 县: its pages say 全县, never 全区
    const notFound = readFileSync(join(siteDir, "404.html"), "utf8");
    expect(notFound).toContain("全县首页");
    expect(page("power")).toContain("去全县首页找村");
    for (const html of [home, town, village, notFound, page("power")]) expect(html).not.toContain("全区");
  });

  it("prints its posters: codes that open its villages, its name and contact line on every page", async () => {
    const out = join(work, "qr");
    const result = await script("qr.ts", ["--out", out, "--base-url", BASE_URL]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("已生成 5 个村的二维码和 2 份镇街海报");
    const png = PNG.sync.read(readFileSync(join(out, "379901101202-石桥村.png")));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height, { inversionAttempts: "dontInvert" });
    expect(decoded?.data).toBe("HTTPS://CUNMA.EXAMPLE.CN/V/379901101202");
    const pdf = readFileSync(join(out, "379901101-白石乡.pdf"));
    const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
    expect(doc.numPages).toBe(3);
    const text = (await (await doc.getPage(2)).getTextContent()).items
      .map((item) => ("str" in item ? item.str : ""))
      .join("");
    expect(text).toContain("石桥村");
    expect(text).toContain("山东省示例市青禾县 · 白石乡");
    expect(text).toContain(CONTACT);
    expect(text).toContain("只有镇、县纪委看得到");
    expect(text).not.toContain("沾化");
  });

  it("bundles its villages into the worker with wrangler (dry run), not 沾化区's", async () => {
    const out = join(work, "bundle");
    const wrangler = join(root, "node_modules/.bin/wrangler");
    await run(wrangler, ["deploy", "--dry-run", "--outdir", out, "--assets", siteDir, ...districtAliases(dataDir)], {
      cwd: root,
      env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
    });
    const bundle = readFileSync(join(out, "index.js"), "utf8");
    // esbuild writes non-ASCII characters as \uXXXX escapes
    const escaped = (text: string) =>
      text.replace(/[^\x20-\x7e]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`);
    expect(bundle).toContain(escaped("东岗村"));
    expect(bundle).toContain(escaped("青禾县纪委监委"));
    expect(bundle).toContain('"379901101203"');
    expect(bundle).not.toContain(escaped("徐万粮村"));
    expect(bundle).not.toContain("371603");
  }, 120_000);

  it("takes a report for its own village and refuses one for a 沾化区 village", async () => {
    const started = spawn(node, [join(root, "scripts/serve.ts"), "--dev"], {
      cwd: root,
      env: {
        ...process.env,
        CUNMA_DATA_DIR: dataDir,
        SITE_DIR: siteDir,
        DATA_DIR: join(work, "sqlite"),
        PORT: "0",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    server = started;
    base = await new Promise<string>((resolve, reject) => {
      let output = "";
      started.stdout?.on("data", (chunk: Buffer) => {
        output += chunk;
        const match = /serving on (http:\/\/[\d.]+:\d+)/.exec(output);
        if (match?.[1]) resolve(match[1]);
      });
      started.stderr?.on("data", (chunk: Buffer) => {
        output += chunk;
      });
      started.on("exit", (code) => reject(new Error(`serve exited ${code}:\n${output}`)));
    });
    const report = (village: string) =>
      fetch(`${base}/api/villages/${village}/reports`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "Idempotency-Key": `district-${village}` },
        body: JSON.stringify(reportBody()),
      });
    const accepted = await report("379901101203");
    expect(accepted.status).toBe(201);
    expect((await accepted.json()).receipt).toMatch(/^\d{16}$/);
    expect((await report("371603104201")).status).toBe(404);

    const village = await fetch(`${base}/v/379901101203/`);
    expect(village.status).toBe(200);
    expect(await village.text()).toContain("南坡村");
    expect((await fetch(`${base}/v/371603104201/`)).status).toBe(404);
  }, 120_000);
});

it("keeps its temporary files apart from the repo", () => {
  expect(existsSync(join(root, "site/dist/v/379901100201"))).toBe(false);
});
