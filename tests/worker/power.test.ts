import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { negativePowers, positivePowers } from "#core/power.ts";

const page = async (path: string) => {
  const response = await SELF.fetch(`https://cunma.test${path}`, { redirect: "manual" });
  return { status: response.status, type: response.headers.get("content-type"), html: await response.text() };
};
const reportLinks = (html: string) =>
  [...html.matchAll(/<a [^>]*data-report-link[^>]*>/g)].map((m) => /href="([^"]*)"/.exec(m[0])?.[1]);

describe("GET /v/<code>/power/", () => {
  it("points every 我要监督 link at this village's misconduct form, prefilled, with JS off", async () => {
    const { status, type, html } = await page("/v/371603104201/power/");
    expect(status).toBe(200);
    expect(type).toContain("text/html");
    const links = reportLinks(html);
    expect(links).toHaveLength(negativePowers.length);
    expect(links.sort()).toEqual(
      negativePowers.map((n) => `/v/371603104201/report/?topic=conduct&power=${n.id}`).sort(),
    );
    expect(html).toContain("这是徐万粮村的小微权力清单");
    expect(html).toContain('href="/v/371603104201/"');
    expect(html).not.toContain("请先回到全区首页");
    // Item links are relative, so they stay inside the village's power pages.
    expect(html).toContain('href="p01/"');
  });

  it("does the same on an item page, for positive and negative items", async () => {
    for (const id of ["p09", "n14"]) {
      const { status, html } = await page(`/v/371603101201/power/${id}/`);
      expect(status).toBe(200);
      expect(reportLinks(html)).toEqual([`/v/371603101201/report/?topic=conduct&power=${id}`]);
    }
    const { html } = await page("/v/371603101201/power/p09/");
    expect(html).toContain('role="img"');
    expect(html).toContain(positivePowers.find((p) => p.id === "p09")?.name);
  });

  it("leaves the plain /power/ pages pointing at the district index with the choose-your-village hint", async () => {
    const { status, html } = await page("/power/");
    expect(status).toBe(200);
    expect(new Set(reportLinks(html))).toEqual(new Set(["/"]));
    expect(html).toContain("请先回到全区首页");
  });

  it("answers unknown villages and items with the friendly 404 page", async () => {
    for (const path of ["/v/371603104999/power/", "/v/371603104201/power/p99/", "/v/371603104201/power/x/"]) {
      const { status, html } = await page(path);
      expect(status, path).toBe(404);
      expect(html).toContain("没有找到这个页面");
    }
  });

  it("redirects addresses without the trailing slash", async () => {
    const response = await SELF.fetch("https://cunma.test/v/371603104201/power/n14", { redirect: "manual" });
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toBe("/v/371603104201/power/n14/");
    const list = await SELF.fetch("https://cunma.test/v/371603104201/power", { redirect: "manual" });
    expect(list.headers.get("location")).toBe("/v/371603104201/power/");
  });
});
