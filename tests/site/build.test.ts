/**
 * Checks the built site (site/dist, produced by `npm run build` before the tests): every page exists,
 * the district index reaches every village, and the static pages keep the page rules.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { towns, villages } from "#core/reference.ts";

const dist = new URL("../../site/dist/", import.meta.url).pathname;
const page = (path: string) => readFileSync(join(dist, path, "index.html"), "utf8");

describe("the built site", () => {
  it("has a page for each of the 438 villages and 12 town-level units", () => {
    expect(villages).toHaveLength(438);
    expect(readdirSync(join(dist, "v")).sort()).toEqual(villages.map((v) => v.code).sort());
    expect(towns).toHaveLength(12);
    for (const town of towns) expect(existsSync(join(dist, "z", town.code, "index.html"))).toBe(true);
  });

  it("links every village from the district index, so a villager finds theirs without the code", () => {
    const index = page("");
    const linked = new Set([...index.matchAll(/href="\/v\/(\d{12})\/"/g)].map((m) => m[1]));
    expect(linked.size).toBe(438);
    for (const town of towns) expect(index).toContain(`href="/z/${town.code}/"`);
  });

  it("lists each town's villages on its town page", () => {
    for (const town of towns) {
      const html = page(`z/${town.code}`);
      const linked = [...html.matchAll(/href="\/v\/(\d{12})\/"/g)].map((m) => m[1]);
      expect(linked.sort()).toEqual(
        villages
          .filter((v) => v.town === town.code)
          .map((v) => v.code)
          .sort(),
      );
    }
  });

  it("keeps every village page lean, in Chinese, with one h1, landmarks, no fonts or third parties", () => {
    for (const village of villages) {
      const html = page(`v/${village.code}`);
      expect(html).toMatch(/^<!DOCTYPE html><html lang="zh-CN">/i);
      expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
      expect(html).toContain("<main>");
      expect(html).toContain("<header>");
      expect(html).toContain("<footer>");
      expect(html).toContain(village.name);
      expect(html).not.toMatch(/@font-face|<link[^>]+stylesheet|<script[^>]+src=["']https?:/i);
      expect(html).not.toMatch(/(src|href)=["']https?:\/\//i);
      // the static shell alone must leave room for the live parts within 14,600 bytes
      expect(gzipSync(html, { level: 9 }).length).toBeLessThan(7_000);
    }
  });

  it("keeps the form pages' enhancement JS (outbox, hold-to-talk recorder) within 10 KB gzip", () => {
    for (const form of ["ask", "help", "report"]) {
      const html = page(`v/${villages[0]?.code}/${form}`);
      const scripts = [...html.matchAll(/<script[^>]*\bsrc="(\/_astro\/[^"]+)"/g)].map((m) => m[1] as string);
      expect(scripts.length).toBeGreaterThan(0);
      const total = scripts.reduce((n, src) => n + gzipSync(readFileSync(join(dist, src)), { level: 9 }).length, 0);
      expect(total, form).toBeLessThan(10 * 1024);
    }
  });

  it("marks generated names as demo data", () => {
    const demo = villages.find((v) => v.demo) as (typeof villages)[number];
    expect(page(`v/${demo.code}`)).toContain("演示数据");
    expect(page("")).toContain("演示数据");
  });

  it("sets an 18 px base font with the system font stack", () => {
    const html = page(`v/${villages[0]?.code}`);
    expect(html).toContain("font-size:112.5%");
    expect(html).toMatch(/font-family:system-ui/);
  });
});
