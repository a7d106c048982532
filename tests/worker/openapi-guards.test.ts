/**
 * The staff guards belong to the /api/staff sub-app, not to the order features are mounted in: every
 * staff route the app answers (read from the routes themselves) refuses a request without a session
 * with 401, and a cross-site write with 403, before any handler runs. Login alone is open.
 */
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createApp } from "../../worker/src/app.ts";
import { errorOf, loginAs, TEST_ORIGIN } from "../fixtures/staff.ts";

/** Every staff route, its params filled with something well formed. */
const staffRoutes = createApp()
  .routes.filter((r) => r.method !== "ALL" && r.path.startsWith("/api/staff/") && r.path !== "/api/staff/login")
  .map((r) => ({ method: r.method, path: r.path.replace(/:(\w+)(\{[^/]*\})?/g, "1") }));

const sameSite = { Origin: TEST_ORIGIN, "Sec-Fetch-Site": "same-origin", "Content-Type": "application/json" };

describe("the /api/staff guards", () => {
  it("cover more than a handful of routes", () => {
    expect(staffRoutes.length).toBeGreaterThan(20);
  });

  it("answer 401 to every staff route without a session", async () => {
    const answers = await Promise.all(
      staffRoutes.map(async ({ method, path }) => {
        const res = await SELF.fetch(`${TEST_ORIGIN}${path}`, {
          method,
          headers: sameSite,
          ...(method === "GET" ? {} : { body: "{}" }),
        });
        return `${method} ${path} ${res.status}`;
      }),
    );
    expect(answers.filter((a) => !a.endsWith(" 401"))).toEqual([]);
  });

  it("answer 403 to every staff write from another site, even with a live session", async () => {
    const { cookie } = await loginAs(env.DB, { role: "district_admin", scope: "371603" });
    const writes = staffRoutes.filter((r) => r.method !== "GET");
    expect(writes.length).toBeGreaterThan(5);
    for (const { method, path } of writes) {
      const res = await SELF.fetch(`${TEST_ORIGIN}${path}`, {
        method,
        headers: { Cookie: cookie, Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
        body: "{}",
      });
      expect(`${method} ${path} ${res.status}`).toBe(`${method} ${path} 403`);
      expect((await errorOf(res)).error.code).toBe("cross_site");
    }
  }, 60_000);
});
