/**
 * The worker writes HTML only through worker/src/html.ts: fragments built with hono's `html` tag, put into
 * pages with `setHtml`. No other file hands a string to HTMLRewriter as markup or escapes text by hand,
 * so a renderer cannot forget to escape.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";

const WORKER = "worker/src";
const HOME = join(WORKER, "html.ts");

const sources = (readdirSync(WORKER, { recursive: true }) as string[])
  .filter((f) => f.endsWith(".ts"))
  .map((f) => join(WORKER, f))
  .filter((f) => f !== HOME);

it("no worker file but html.ts puts markup into a page or escapes text by hand", () => {
  const found = sources.flatMap((file) =>
    readFileSync(file, "utf8")
      .split("\n")
      .map((line, i) => ({ line, at: `${file}:${i + 1}` }))
      .filter(({ line }) => /html:\s*true|escapeHtml|\.replace(All)?\([^)]*["'/]&/.test(line))
      .map(({ line, at }) => `${at}: ${line.trim()}`),
  );
  expect(found).toEqual([]);
});
