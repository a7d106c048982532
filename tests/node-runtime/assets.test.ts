/**
 * Revalidating a static file of the self-hosted site: a proxy that compresses it (nginx's gzip, as in
 * docs/deploy-self-hosted.md) makes its ETag weak (`W/"…"`), and browsers send that back. If-None-Match
 * compares weakly (RFC 9110), so the weak tag, a list naming it and `*` all get 304, as on Cloudflare.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { assetsBinding } from "../../worker/node/assets.ts";

const dir = mkdtempSync(join(tmpdir(), "cunma-assets-"));
writeFileSync(join(dir, "app.js"), "console.log('村码');\n");
const assets = assetsBinding(dir);
const get = (headers: Record<string, string> = {}) => assets.fetch("http://x/app.js", { headers });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("If-None-Match on a static file", () => {
  it("gets 304 for its own tag, made weak by a compressing proxy, in a list, or *", async () => {
    const tag = (await get()).headers.get("ETag") ?? "";
    expect(tag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    for (const ifNoneMatch of [tag, `W/${tag}`, `"other", W/${tag}`, "*"]) {
      const res = await get({ "If-None-Match": ifNoneMatch });
      expect(res.status, ifNoneMatch).toBe(304);
      expect(await res.text()).toBe("");
    }
  });

  it("gets the file for another tag", async () => {
    const res = await get({ "If-None-Match": 'W/"1-1", "2-2"' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("村码");
  });
});
