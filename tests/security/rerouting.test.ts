/**
 * Issue 10, item 13: re-routing tells the secretary. A village's question that the town takes over (the
 * township route, the discipline route, or a transfer) stays in the secretary's list as "转镇里办理" with
 * no further detail, the same whichever way it went, and no count shifts. Nothing of a case that went to
 * discipline ever reaches the secretary.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { villageCaseRows } from "../../worker/src/reports/queries.ts";
import { act, fileReport, getCase, listCases, postAction, staffGet } from "../fixtures/cases.ts";
import { answered, loginAs, refused, staffClient } from "../fixtures/staff.ts";

// 冯家镇 (371603106) is used by no other security test
const TOWN = "371603106";
const VILLAGE = "371603106201";

const list = (cookie: string, state?: "open" | "answered") => listCases(cookie, state ? { state } : {});
const received = async (cookie: string) =>
  (await answered(staffClient(cookie).api.staff.figures.$get({ query: {} }))).total.received;
const withoutId = <T extends { id: number }>({ id: _id, ...rest }: T) => rest;

describe("a village question the town takes over", () => {
  it("stays in the secretary's list as 转镇里办理, the same for the township and the discipline routes", async () => {
    const secretary = await loginAs(env.DB, { role: "village_secretary", scope: VILLAGE });
    const inspector = await loginAs(env.DB, { role: "town_inspector", scope: TOWN });
    const kept = await fileReport(VILLAGE, { content: "村里的账什么时候公开？" });
    const township = await fileReport(VILLAGE, { content: "镇里修路占了我家的地。" });
    const discipline = await fileReport(VILLAGE, { content: "村主任收了承包户两千块钱好处费。" });
    const transferred = await fileReport(VILLAGE, { content: "邻镇的养殖场污水流到我们村。" });
    const before = await list(secretary.cookie, "open");
    expect(before.total).toBe(4);
    const receivedBefore = await received(secretary.cookie);
    const publicBefore = (await villageCaseRows(env.DB, VILLAGE)).length;

    await act(inspector.cookie, kept.id, "triage", { route: "village" });
    await act(inspector.cookie, township.id, "triage", { route: "township" });
    await act(inspector.cookie, discipline.id, "triage", { route: "discipline" });
    await act(inspector.cookie, discipline.id, "notes", { note: "纪委内部：已调取承包合同。" });
    await act(inspector.cookie, discipline.id, "assign", { responsible: "镇纪委 李某", measures: "约谈村主任" });
    await act(inspector.cookie, transferred.id, "transfer", { town: "371603105" });

    for (const query of [undefined, "open"] as const) {
      const after = await list(secretary.cookie, query);
      expect(after.total, query).toBe(4);
      const line = (id: number) => {
        const found = after.cases.find((c) => c.id === id);
        if (!found) throw new Error(`case ${id} is not listed`);
        return found;
      };
      expect(line(kept.id).movedToTown).toBeFalsy();
      const [first, ...others] = [township, discipline, transferred].map((c) => line(c.id));
      const stubs = [first, ...others];
      for (const stub of stubs) expect(stub?.movedToTown).toBe(true);
      if (!first) throw new Error("no stub");
      for (const other of others) expect(withoutId(other)).toEqual(withoutId(first));
      expect(others).toHaveLength(2);
      const text = JSON.stringify(stubs);
      for (const secret of ["承包户", "好处费", "镇里修路", "养殖场", "discipline", "township", "李某", "handling"]) {
        expect(text).not.toContain(secret);
      }
    }
    expect(await received(secretary.cookie)).toBe(receivedBefore);
    expect((await villageCaseRows(env.DB, VILLAGE)).length).toBe(publicBefore);

    // opening one gives the same stub whichever way it went; acting on one is refused the same way
    const open = async (id: number) => {
      const view = await answered(getCase(secretary.cookie, id), 200);
      expect(view.case.id).toBe(id);
      return JSON.stringify({ ...view, case: withoutId(view.case) });
    };
    const detail = await open(discipline.id);
    expect(await open(township.id)).toBe(detail);
    expect(await open(transferred.id)).toBe(detail);
    expect(detail).toContain("movedToTown");
    for (const secret of ["好处费", "纪委内部", "李某", "约谈", "discipline"]) expect(detail).not.toContain(secret);
    const note = async (id: number) => {
      const res = await postAction(secretary.cookie, id, "notes", { note: "书记想问问进展" });
      return `${res.status} ${await res.text()}`;
    };
    const refused = await note(discipline.id);
    expect(refused).toMatch(/^403 /);
    expect(await note(township.id)).toBe(refused);
    expect(await note(transferred.id)).toBe(refused);

    // the CSV export lists it the same way
    const csv = await (await staffGet(secretary.cookie, "/api/staff/reports.csv")).text();
    expect(csv.match(/转镇里办理/g)).toHaveLength(3);
    for (const secret of ["好处费", "镇里修路", "养殖场", "约谈"]) expect(csv).not.toContain(secret);
  });

  it("shows no progress of the town's handling: the stub stays open and unchanged until the end", async () => {
    const village = "371603106202";
    const secretary = await loginAs(env.DB, { role: "village_secretary", scope: village });
    const inspector = await loginAs(env.DB, { role: "town_inspector", scope: TOWN });
    const moved = await fileReport(village, { content: "村主任把集体的树卖了。" });
    await act(inspector.cookie, moved.id, "triage", { route: "discipline" });
    const stubBefore = (await list(secretary.cookie)).cases.find((c) => c.id === moved.id);
    const figuresBefore = await (await staffGet(secretary.cookie, "/api/staff/figures")).text();
    await act(inspector.cookie, moved.id, "assign", { responsible: "镇纪委", measures: "核查" });
    await act(inspector.cookie, moved.id, "answer", { answer: "经核查，树木出售经过村民代表会议。" });
    expect((await list(secretary.cookie)).cases.find((c) => c.id === moved.id)).toEqual(stubBefore);
    expect((await list(secretary.cookie, "open")).total).toBe(1);
    expect((await list(secretary.cookie, "answered")).total).toBe(0);
    expect(await (await staffGet(secretary.cookie, "/api/staff/figures")).text()).toBe(figuresBefore);
  });

  it("a case that went to discipline never comes back to the village's cadres", async () => {
    const inspector = await loginAs(env.DB, { role: "town_inspector", scope: TOWN });
    const moved = await fileReport(VILLAGE, { content: "会计把补贴款挪用了。" });
    await act(inspector.cookie, moved.id, "triage", { route: "discipline" });
    await act(inspector.cookie, moved.id, "triage", { route: "township" });
    for (const route of ["village", "neighbours"] as const) {
      const { error } = await refused(postAction(inspector.cookie, moved.id, "triage", { route }), 422);
      expect(error.fields?.route).toBeTruthy();
    }
  });

  it("a misconduct report still never exists for the secretary, moved or not", async () => {
    const village = "371603106203";
    const secretary = await loginAs(env.DB, { role: "village_secretary", scope: village });
    const m = await fileReport(village, { kind: "misconduct", topic: "conduct", content: "村支书优亲厚友。" });
    expect((await list(secretary.cookie)).total).toBe(0);
    expect((await getCase(secretary.cookie, m.id)).status).toBe(404);
  });
});
