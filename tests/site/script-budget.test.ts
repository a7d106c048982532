/**
 * The JS budget (DESIGN.md): a form page's enhancement and a staff page's script weigh at most 10 KB gzip,
 * counted as the browser loads them: each module script of the built page with every chunk it imports.
 * The staff scripts carry Hono's typed client (hono/client), so this is where its weight shows.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { villages } from "#core/reference.ts";

const dist = new URL("../../site/dist/", import.meta.url).pathname;
const BUDGET = 10 * 1024;

/** A built JS file and the chunks it imports statically, each once. */
function withImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(dist, "_astro", file), "utf8");
  for (const [, chunk] of code.matchAll(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g))
    withImports(chunk as string, seen);
  return seen;
}

/** The gzip bytes of every script a built page loads, its imports included. */
function scriptBytes(path: string): number {
  const html = readFileSync(join(dist, path, "index.html"), "utf8");
  const files = new Set<string>();
  for (const [, src] of html.matchAll(/<script[^>]+src="\/_astro\/([^"]+\.js)"/g)) withImports(src as string, files);
  return [...files].reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, "_astro", f)), { level: 9 }).length, 0);
}

const village = villages[0]?.code as string;
const staffPages = readdirSync(join(dist, "staff"), { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith("index.html"))
  .map((f) => join("staff", f.replace(/\/?index\.html$/, "")));
const formPages = readdirSync(join(dist, "v", village), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => join("v", village, d.name))
  .filter((p) => /<form/.test(readFileSync(join(dist, p, "index.html"), "utf8")));

describe("the JS budget", () => {
  it("finds the staff pages and the village's form pages", () => {
    expect(staffPages.length).toBeGreaterThanOrEqual(8);
    expect(formPages.length).toBeGreaterThanOrEqual(1);
  });

  it.each([...staffPages, ...formPages])("%s loads at most 10 KB gzip of JS, imports included", (path) => {
    expect(scriptBytes(path)).toBeLessThanOrEqual(BUDGET);
  });

  it("counts the staff scripts' imports (the typed client's chunk among them)", () => {
    expect(scriptBytes("staff/cases/case")).toBeGreaterThan(3_000);
  });
});
