/**
 * Issue 15: at 定责 the inspector names the responsible body from the published lists (free text still
 * possible); the case page names the item, the villager's timeline names the body, and the figures count
 * cases by item. An id that is in neither list is refused, naming the field, and nothing is written.
 */
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { responsibleItem } from "#core/duties.ts";
import { act, fileReport } from "../fixtures/cases.ts";
import { answered, loginAs, publicClient, refused, staffClient, TEST_ORIGIN } from "../fixtures/staff.ts";

const VILLAGE = "371603104207";

describe("定责 from the lists", () => {
  it("names a list item on the case, in the villager's timeline and in the figures", async () => {
    const { cookie } = await loginAs(env.DB, { role: "town_inspector", scope: "371603104" });
    const { id, receipt } = await fileReport(VILLAGE, { kind: "request", topic: "livelihood" });
    await act(cookie, id, "triage", { route: "township" });
    const item = responsibleItem("m004");
    if (!item) throw new Error("m004 is in neither list");
    const view = await act(cookie, id, "assign", { responsible: item.body, measures: "现场查看", duty: "m004" });
    expect(view.case).toMatchObject({ duty: { id: "m004", list: "matter", name: item.name, body: item.body } });
    const pub = await answered(publicClient().api.reports[":receipt"].$get({ param: { receipt } }));
    expect(pub.timeline.find((e) => e.kind === "assigned")?.body).toBe(item.body);
    const figures = await answered(staffClient(cookie).api.staff.figures.$get({ query: {} }));
    expect(figures.duties.find((d) => d.id === "m004")?.cases).toBeGreaterThanOrEqual(1);
  });

  it("keeps free text for what no list covers, and never publishes it", async () => {
    const { cookie } = await loginAs(env.DB, { role: "town_inspector", scope: "371603104" });
    const { id, receipt } = await fileReport(VILLAGE);
    await act(cookie, id, "triage", { route: "township" });
    const view = await act(cookie, id, "assign", { responsible: "镇长 张某某", measures: "约谈" });
    expect(view.case).toMatchObject({ duty: null, responsible: "镇长 张某某" });
    const pub = await (await SELF.fetch(`${TEST_ORIGIN}/api/reports/${receipt}`)).text();
    expect(pub).not.toContain("张某某");
  });

  it("refuses an item in neither list, naming the field, writing nothing", async () => {
    const { cookie } = await loginAs(env.DB, { role: "town_inspector", scope: "371603104" });
    const { id } = await fileReport(VILLAGE);
    await act(cookie, id, "triage", { route: "township" });
    for (const duty of ["d999", "x1", "toString"]) {
      const { error } = await refused(
        staffClient(cookie).api.staff.reports[":id"].assign.$post({
          param: { id: String(id) },
          json: { responsible: "某单位", measures: "查", duty },
        }),
        422,
      );
      expect(Object.keys(error.fields ?? {}), duty).toEqual(["duty"]);
    }
    const row = await env.DB.prepare("SELECT state, responsible, duty_item FROM reports WHERE id = ?1")
      .bind(id)
      .first();
    expect(row).toEqual({ state: "accepted", responsible: null, duty_item: null });
  });
});
