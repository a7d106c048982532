import { env, SELF } from "cloudflare:test";
import jsQR from "jsqr";
import { describe, expect, it } from "vitest";
import { villageByCode } from "#core/reference.ts";

const village = "371603104201";
const PIXELS_PER_MODULE = 6;

/**
 * Paints the served SVG's path (runs of `M x y hN v1 h-N z`) onto an RGBA bitmap, so a decoder that is
 * not the encoder can read what a secretary would print.
 */
function rasterize(svg: string): { data: Uint8ClampedArray; side: number } {
  const modules = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1]);
  const side = modules * PIXELS_PER_MODULE;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  const path = /<path d="([^"]+)"/.exec(svg)?.[1] ?? "";
  for (const [, x, y, run] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
    for (let py = Number(y) * PIXELS_PER_MODULE; py < (Number(y) + 1) * PIXELS_PER_MODULE; py++) {
      for (let px = Number(x) * PIXELS_PER_MODULE; px < (Number(x) + Number(run)) * PIXELS_PER_MODULE; px++) {
        data.fill(0, (py * side + px) * 4, (py * side + px) * 4 + 3);
      }
    }
  }
  return { data, side };
}

describe("GET /v/<code>/qr.svg", () => {
  it("serves a cacheable SVG that decodes to the village's address on PUBLIC_BASE_URL", async () => {
    const response = await SELF.fetch(`https://cunma.test/v/${village}/qr.svg`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("image/svg+xml");
    expect(response.headers.get("cache-control")).toContain("public");
    const { data, side } = rasterize(await response.text());
    expect(side).toBe((33 + 8) * PIXELS_PER_MODULE);
    const decoded = jsQR(data, side, side);
    expect(decoded?.data).toBe(`${env.PUBLIC_BASE_URL.toUpperCase()}/V/${village}`);
    expect(decoded?.version).toBeLessThanOrEqual(4);
  });

  it("is linked from the village page, so a secretary can reprint it", async () => {
    const page = await (await SELF.fetch(`https://cunma.test/v/${village}/`)).text();
    const href = /<a href="([^"]+)" download="([^"]+)">下载本村二维码/.exec(page);
    expect(href?.[1]).toBe(`/v/${village}/qr.svg`);
    expect(href?.[2]).toBe(`${village}-${villageByCode(village)?.name}.svg`); // code and name (issue 12)
    const svg = await SELF.fetch(new URL(href?.[1] ?? "", "https://cunma.test/"));
    expect(svg.status).toBe(200);
  });

  it("answers an unknown or malformed village with the friendly 404 page", async () => {
    for (const path of ["/v/371603104999/qr.svg", "/v/37160310420x/qr.svg"]) {
      const response = await SELF.fetch(`https://cunma.test${path}`);
      expect(response.status).toBe(404);
      expect(await response.text()).toContain("没有找到这个页面");
    }
  });
});

describe("GET /V/<code> (what the printed code encodes)", () => {
  it("redirects the upper-case address, with or without its slash, to the village page", async () => {
    for (const path of [`/V/${village}`, `/V/${village}/`]) {
      const response = await SELF.fetch(`HTTPS://CUNMA.TEST${path}`, { redirect: "manual" });
      expect(response.status).toBe(301);
      expect(response.headers.get("location")).toBe(`/v/${village}/`);
    }
  });

  it("lands on the village's own page when followed", async () => {
    const response = await SELF.fetch(`HTTPS://CUNMA.TEST/V/${village}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(`<h1>${villageByCode(village)?.name}</h1>`);
  });

  it("does not redirect an unknown village", async () => {
    const response = await SELF.fetch("https://cunma.test/V/371603104999", { redirect: "manual" });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("没有找到这个页面");
  });
});
