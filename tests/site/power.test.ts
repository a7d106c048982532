/**
 * The built 小微权力清单 pages (site/dist, from `npm run build`): both lists grouped by category, one page
 * per item, an accessible flowchart for each positive item that fits a 360 px phone, 我要监督 everywhere.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { negativePowers, positivePowers, powerCategories, powerListProblems } from "#core/power.ts";
import { villages } from "#core/reference.ts";
import { flowchartSvg, wrapStep } from "../../site/src/pages/power/_flowchart.ts";

const dist = new URL("../../site/dist/", import.meta.url).pathname;
const page = (path: string) => readFileSync(join(dist, path, "index.html"), "utf8");
const fromCharRefs = (text: string) =>
  text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));

describe("the power lists", () => {
  it("hold the district's 48 positive and 32 negative items, complete and with unique ids", () => {
    expect(positivePowers).toHaveLength(48);
    expect(negativePowers).toHaveLength(32);
    expect(powerListProblems(positivePowers, negativePowers)).toEqual([]);
    for (const category of powerCategories) expect(positivePowers.some((p) => p.category === category)).toBe(true);
  });

  it("reports a duplicate id and a missing field, so the build stops", () => {
    const [first] = positivePowers as [(typeof positivePowers)[number]];
    const problems = powerListProblems(
      [first, { ...first, steps: [] }],
      [{ ...(negativePowers[0] as (typeof negativePowers)[number]), basis: [] }],
    );
    expect(problems).toContain("power p01: duplicate id");
    expect(problems).toContain("power p01: steps missing");
    expect(problems).toContain("power n01: basis missing");
  });
});

describe("the flowchart", () => {
  it("wraps a long step so every line fits inside the 300-unit box", () => {
    const lines = wrapStep("1. 这是一个非常非常长的办事步骤名称需要换行才能放得下的情况");
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join("")).toBe("1. 这是一个非常非常长的办事步骤名称需要换行才能放得下的情况");
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(16);
  });

  it("draws one box per step, top to bottom, no wider than 320 units", () => {
    const svg = flowchartSvg("x", ["甲", "乙", "丙"], "标题", "说明");
    expect(svg.match(/<rect /g)).toHaveLength(3);
    expect(svg.match(/<line /g)).toHaveLength(2);
    const ys = [...svg.matchAll(/<rect x="\d+" y="(\d+)"/g)].map((m) => Number(m[1]));
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(svg).toMatch(/viewBox="0 0 320 \d+"/);
  });
});

describe("the built /power/ pages", () => {
  it("lists both lists by category on /power/, with 我要监督 leading to the district index", () => {
    const html = page("power");
    for (const p of positivePowers) expect(html).toContain(`href="${p.id}/"`);
    const report = [...html.matchAll(/<a href="([^"]*)" data-report-link data-power="(n\d\d)"/g)];
    expect(report.map((m) => m[2])).toEqual(
      powerCategories.flatMap((c) => negativePowers.filter((n) => n.category === c).map((n) => n.id)),
    );
    expect(new Set(report.map((m) => m[1]))).toEqual(new Set(["/"]));
    expect(html).toContain("请先回到全区首页");
    for (const category of powerCategories) expect(html).toContain(`<h3>${category}</h3>`);
  });

  it("draws each positive item's steps as an accessible SVG plus an ordered list", () => {
    for (const p of positivePowers) {
      const html = page(`power/${p.id}`);
      const svg = /<svg [^>]*>[\s\S]*?<\/svg>/.exec(html)?.[0] ?? "";
      expect(svg, p.id).toContain('role="img"');
      expect(svg).toContain(`aria-labelledby="ft-${p.id} fd-${p.id}"`);
      expect(svg).toContain(`<title id="ft-${p.id}">${p.name}流程图</title>`);
      const desc = fromCharRefs(/<desc[^>]*>([^<]*)<\/desc>/.exec(svg)?.[1] ?? "");
      for (const step of p.steps) expect(desc).toContain(step);
      const width = Number(/viewBox="0 0 (\d+) /.exec(svg)?.[1]);
      expect(width).toBeLessThanOrEqual(320);
      // The text drawn in the boxes, in order, is every step.
      const drawn = [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => fromCharRefs(m[1] as string)).join("");
      expect(drawn).toBe(p.steps.map((s, i) => `${i + 1}. ${s}`).join(""));
      const list = /<ol class="sr"[^>]*>([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? "";
      expect([...list.matchAll(/<li[^>]*>([^<]*)<\/li>/g)].map((m) => fromCharRefs(m[1] as string))).toEqual(p.steps);
      expect(html).toContain(`data-report-link data-power="${p.id}"`);
      expect(html).toContain(p.timeLimit);
    }
  });

  it("gives each negative item a page with its description and 我要监督", () => {
    for (const n of negativePowers) {
      const html = page(`power/${n.id}`);
      expect(html).toContain(n.description);
      expect(html).toContain(`data-report-link data-power="${n.id}"`);
    }
  });

  it("links every village page's 干部作风 module to its own power list", () => {
    for (const village of villages) {
      const html = page(`v/${village.code}`);
      const conduct = html.slice(html.indexOf('id="conduct"'));
      expect(conduct).toContain(`href="/v/${village.code}/power/"`);
    }
  });
});
