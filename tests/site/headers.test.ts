/**
 * The built site keeps what the CSP (script-src 'self') needs: no inline script, no inline event handler,
 * no javascript: URL in any page; and site/dist/_headers carries exactly the worker's security headers.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { headersFile } from "../../scripts/lib/static-headers.ts";

const dist = new URL("../../site/dist/", import.meta.url).pathname;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(path);
    return entry.name.endsWith(".html") ? [path] : [];
  });
}

describe("the built site under its CSP", () => {
  it("has no inline script, inline handler or javascript: URL in any page", () => {
    const pages = htmlFiles(dist);
    expect(pages.length).toBeGreaterThan(1800);
    const offences: string[] = [];
    for (const path of pages) {
      const html = readFileSync(path, "utf8");
      for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
        // a data block (type="application/json") is never run; anything else must come from a file
        if (!/\bsrc=/i.test(tag) && !/type="application\/json"/i.test(tag)) offences.push(`${path}: ${tag}`);
      }
      for (const [handler] of html.matchAll(/<[^>]+\son[a-z]+\s*=/gi)) offences.push(`${path}: ${handler}`);
      if (/(href|src|action)=["']?\s*javascript:/i.test(html)) offences.push(`${path}: javascript: URL`);
    }
    expect(offences.slice(0, 5)).toEqual([]);
  });

  it("serves the static assets with the worker's own security headers (_headers)", async () => {
    const file = readFileSync(join(dist, "_headers"), "utf8");
    expect(file).toBe(await headersFile());
    expect(file).toMatch(/^\/\*$/m);
    expect(file).toContain("frame-ancestors 'none'");
    expect(file).toContain("x-content-type-options: nosniff");
    expect(file).toContain("referrer-policy: no-referrer");
  });
});
