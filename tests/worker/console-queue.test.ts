/**
 * The inspector's queue: new cases come right after the overdue (and reopened) ones, never in the middle;
 * GET /api/staff/queue counts what needs action in the member's scope (new, overdue, reopened).
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { chinaDate } from "#core/period.ts";
import { act, fileReport, fullCase, listCases } from "../fixtures/cases.ts";
import { publishDisclosure } from "../fixtures/d1.ts";
import { answered, loginAs, staffClient } from "../fixtures/staff.ts";

const TOWN = "371603107"; // 滨海镇
const VILLAGE = "371603107201";

const setDeadline = (id: number, deadline: string) =>
  env.DB.prepare("UPDATE reports SET deadline = ?2 WHERE id = ?1").bind(id, deadline).run();

async function handling(cookie: string) {
  const { id } = await fileReport(VILLAGE);
  await act(cookie, id, "triage", { route: "village" });
  await act(cookie, id, "assign", { responsible: "村委会", measures: "核实答复" });
  return id;
}

describe("the queue's order", () => {
  it("puts overdue first, then new cases, then the rest by deadline, answered ones after", async () => {
    const { cookie } = await loginAs(env.DB, { role: "town_inspector", scope: TOWN });
    const today = chinaDate();
    const dueToday = await handling(cookie);
    await setDeadline(dueToday, today);
    const overdue = await handling(cookie);
    await setDeadline(overdue, "2026-01-05");
    const answered = await handling(cookie);
    await act(cookie, answered, "answer", { answer: "已经核实，账目和凭证一致。" });
    const fresh = (await fileReport(VILLAGE)).id;

    const { cases } = await listCases(cookie, { state: "open" });
    expect(cases.map((c) => c.id)).toEqual([overdue, fresh, dueToday, answered]);
  });
});

describe("what needs action", () => {
  it("counts new, overdue and reopened cases in the member's scope only", async () => {
    const { cookie } = await loginAs(env.DB, { role: "town_inspector", scope: TOWN });
    const before = await answered(staffClient(cookie).api.staff.queue.$get());
    await fileReport(VILLAGE);
    await fileReport(VILLAGE);
    await fileReport("371603104201"); // another town
    const late = await handling(cookie);
    await setDeadline(late, "2026-01-05");
    const after = await answered(staffClient(cookie).api.staff.queue.$get(), 200);
    expect(after.new - before.new).toBe(2);
    expect(after.overdue - before.overdue).toBe(1);
    expect(after.reopened).toBe(before.reopened);
    expect((await staffClient().api.staff.queue.$get()).status).toBe(401);
  });
});

describe("what a question is about", () => {
  it("names the disclosure or the 小微权力 item by its title on the case page", async () => {
    const { cookie } = await loginAs(env.DB, { role: "town_inspector", scope: TOWN });
    const disclosure = await publishDisclosure(env.DB, {
      village: VILLAGE,
      item: "finance-ledger",
      period: "2026-10",
      title: "2026年10月收支明细",
    });
    const asked = await fileReport(VILLAGE, { disclosure });
    const power = await fileReport(VILLAGE, {
      kind: "misconduct",
      topic: "conduct",
      power: "n06",
      content: "村会计白条记账，账目不清。",
    });
    const plain = await fileReport(VILLAGE);
    const subject = async (id: number) => (await fullCase(cookie, id)).case.subject;
    expect(await subject(asked.id)).toMatchObject({
      kind: "disclosure",
      title: "2026年10月收支明细",
      detail: expect.stringContaining("2026年10月"),
      url: `/v/${VILLAGE}/d/${disclosure}/`,
    });
    expect(await subject(power.id)).toMatchObject({ kind: "powerNegative", title: "白条记账" });
    expect(await subject(plain.id)).toBeNull();
  });
});
