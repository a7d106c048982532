/**
 * The import direction is a Biome rule (biome.json, `noRestrictedImports` per folder) and `npm run check`
 * fails on a break. These cases prove the rule can fail: each hostile import is linted as if it were a file
 * in that folder, and must be refused; the allowed ones must pass.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";

const BIOME = resolve("node_modules/@biomejs/biome/bin/biome");
let root = "";
let report = "";

/** Every probe becomes a file in a scratch copy of the tree's layout, linted with the repository's biome.json. */
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "cunma-imports-"));
  copyFileSync("biome.json", join(root, "biome.json"));
  [...refused, ...allowed].forEach(([path, source], i) => {
    const file = join(root, probePath(path, i));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${source}\nexport const z = x;\n`);
  });
  const run = spawnSync(process.execPath, [BIOME, "lint", "--max-diagnostics=1000", "."], {
    cwd: root,
    encoding: "utf8",
  });
  report = `${run.stdout}${run.stderr}`;
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const probePath = (path: string, i: number) => path.replace(/x\.ts$/, `probe${i}.ts`);

function refusedAt(path: string, i: number): boolean {
  const file = probePath(path, i);
  return report.split("\n").some((line) => line.startsWith(`${file}:`) && line.includes("noRestrictedImports"));
}

const refused: [string, string][] = [
  ["worker/src/cases/x.ts", 'import { x } from "../../../site/src/pages/power/_flowchart.ts";'],
  ["worker/src/cases/x.ts", 'import { x } from "../../../scripts/lib/dev-vars.ts";'],
  ["worker/src/cases/x.ts", 'import { x } from "../../../schema/ids.ts";'],
  ["schema/x.ts", 'import { x } from "../worker/src/app.ts";'],
  ["schema/x.ts", 'import { x } from "../site/src/pages/power/_flowchart.ts";'],
  ["schema/x.ts", 'import { x } from "../scripts/lib/dev-vars.ts";'],
  ["site/src/pages/x.ts", 'import { x } from "../../../worker/src/app.ts";'],
  ["site/src/pages/x.ts", 'import { x } from "../../../schema/ids.ts";'],
  ["site/src/scripts/x.ts", 'import { x } from "../../../worker/src/contract/router.ts";'],
  ["scripts/x.ts", 'import { x } from "../worker/src/cases/queries.ts";'],
  ["scripts/x.ts", 'import { x } from "../site/src/pages/power/_flowchart.ts";'],
  ["tests/worker/x.ts", 'import { x } from "../../schema/ids.ts";'],
];

const allowed: [string, string][] = [
  ["worker/src/cases/x.ts", 'import { x } from "#core/ids.ts";'],
  ["worker/src/cases/x.ts", 'import { x } from "../reports/queries.ts";'],
  ["site/src/pages/x.ts", 'import { x } from "#core/i18n/index.ts";'],
  ["site/src/scripts/x.ts", 'import { x } from "../../../worker/src/client.ts";'],
  ["scripts/x.ts", 'import { x } from "../worker/src/scripting.ts";'],
  ["schema/x.ts", 'import { x } from "./i18n/index.ts";'],
];

it.each(refused.map((probe, i) => [...probe, i] as const))("refuses in %s: %s", (path, _source, i) => {
  expect(refusedAt(path, i), report).toBe(true);
});

it.each(allowed.map((probe, i) => [...probe, refused.length + i] as const))("allows in %s: %s", (path, _s, i) => {
  expect(refusedAt(path, i), report).toBe(false);
});
