/**
 * The byte budget as served: each village page with its live parts filled from a full set of demo
 * disclosures must fit one TCP round trip (≤ 14,600 bytes gzip for HTML with its CSS).
 */
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { chinaDate } from "#core/period.ts";
import { villages } from "#core/reference.ts";
import { demoDisclosures } from "../../scripts/demo-data.ts";
import { insertVersion } from "../fixtures/d1.ts";

const BUDGET = 14_600;

async function gzipSize(body: ReadableStream<Uint8Array>): Promise<number> {
  const compressed = body.pipeThrough(new CompressionStream("gzip"));
  return (await new Response(compressed).arrayBuffer()).byteLength;
}

async function seedDemo(codes: readonly string[]): Promise<void> {
  for (const code of codes) {
    const village = villages.find((v) => v.code === code) as (typeof villages)[number];
    const chain = await demoDisclosures(village, chinaDate());
    await env.DB.batch(chain.map((d) => insertVersion(env.DB, d, true)));
  }
}

describe("village page budget as served", () => {
  it("every village page with its demo disclosures filled in stays within 14,600 bytes gzip", async () => {
    const codes = villages.map((v) => v.code);
    await seedDemo(codes);
    const sizes: { code: string; bytes: number }[] = [];
    for (const code of codes) {
      const response = await SELF.fetch(`https://cunma.test/v/${code}/`);
      expect(response.status).toBe(200);
      sizes.push({ code, bytes: await gzipSize(response.body as ReadableStream<Uint8Array>) });
    }
    const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    expect(largest.bytes, `largest page ${largest.code}`).toBeLessThanOrEqual(BUDGET);
    // the live parts really are there: a filled page is much larger than its static shell
    expect(Math.min(...sizes.map((s) => s.bytes))).toBeGreaterThan(4_000);
  }, 120_000);
});
