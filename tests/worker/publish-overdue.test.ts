/**
 * GET /api/staff/disclosures/overdue[.csv]: an item past its legal cadence appears for the village and
 * disappears once the secretary publishes it; each role sees only its own scope.
 */
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { chinaDate, expectedPeriod } from "#core/period.ts";
import type { Answer } from "../../worker/src/client.ts";
import { answered, loginAs, staffClient, staffHeaders, TEST_ORIGIN } from "../fixtures/staff.ts";

const QUARTER = expectedPeriod("quarterly", chinaDate()) as string;

const get = (path: string, cookie: string) => SELF.fetch(`${TEST_ORIGIN}${path}`, { headers: staffHeaders(cookie) });
/** GET /api/staff/disclosures/overdue through the typed client, for one town or the member's whole scope. */
const overdue = (cookie: string, town?: string) =>
  staffClient(cookie).api.staff.disclosures.overdue.$get({ query: town === undefined ? {} : { town } });
type OverdueBody = Answer<Awaited<ReturnType<typeof overdue>>>;

const lateItems = (body: OverdueBody, village: string) =>
  body.towns
    .flatMap((t) => t.late)
    .find((v) => v.code === village)
    ?.items.map((i) => i.item) ?? [];

describe("overdue disclosures for inspectors", () => {
  it("an item appears while overdue and disappears once published", async () => {
    const village = "371603104220";
    const inspector = await loginAs(env.DB, { role: "town_inspector", scope: "371603104" });
    const before = await answered(overdue(inspector.cookie, "371603104"), 200);
    expect(before.towns.map((t) => t.code)).toEqual(["371603104"]);
    expect(before.villages).toBe(before.towns[0]?.villages);
    expect(lateItems(before, village)).toContain("village-dibao");
    const row = before.towns[0]?.late.find((v) => v.code === village)?.items.find((i) => i.item === "village-dibao");
    expect(row).toMatchObject({ expected: QUARTER, latest: null });

    const secretary = await loginAs(env.DB, { role: "village_secretary", scope: village });
    const published = await staffClient(secretary.cookie).api.staff.disclosures.$post({
      json: { village, item: "village-dibao", period: QUARTER, title: "低保名单", content: "名单无变动。" },
    });
    expect(published.status).toBe(201);

    const after = await answered(overdue(inspector.cookie, "371603104"));
    expect(lateItems(after, village)).not.toContain("village-dibao");
    expect(after.overdue).toBe(before.overdue - 1);

    // the secretary sees only their own village
    const own = await answered(overdue(secretary.cookie));
    expect(own.area).toBe(village);
    expect(own.villages).toBe(1);
    expect(own.towns[0]?.late.map((v) => v.code) ?? []).toEqual(lateItems(own, village).length ? [village] : []);
  });

  it("is scoped: an inspector's other town and a secretary's town list are 403; the district sees every town", async () => {
    const inspector = await loginAs(env.DB, { role: "town_inspector", scope: "371603104" });
    expect((await overdue(inspector.cookie, "371603105")).status).toBe(403);
    const secretary = await loginAs(env.DB, { role: "village_secretary", scope: "371603104221" });
    expect((await overdue(secretary.cookie, "371603105")).status).toBe(403);
    expect((await overdue(inspector.cookie, "999999999")).status).toBe(404);
    const admin = await loginAs(env.DB, { role: "district_admin" });
    const all = await answered(overdue(admin.cookie));
    expect(all.villages).toBe(438);
    expect(all.towns).toHaveLength(11);
    const one = await answered(overdue(admin.cookie, "371603107"));
    expect(one.villages).toBe(15);
    expect((await SELF.fetch(`${TEST_ORIGIN}/api/staff/disclosures/overdue`)).status).toBe(401);
  });

  it("exports the list as UTF-8 CSV with a BOM, one line per overdue item, and audits the export", async () => {
    const inspector = await loginAs(env.DB, { role: "town_inspector", scope: "371603107" });
    const json = await answered(overdue(inspector.cookie));
    const res = await get("/api/staff/disclosures/overdue.csv", inspector.cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trim().split("\r\n");
    expect(lines[0]).toBe('"镇街","村","村代码","事项","公开频次","应公开期间","最近公开期间"');
    expect(lines).toHaveLength(json.overdue + 1);
    expect(lines[1]).toContain("滨海镇");
    const audit = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'overdue_export' AND actor = ?1",
    )
      .bind(inspector.staff.username)
      .first<{ n: number }>();
    expect(audit?.n).toBe(1);
  });
});
