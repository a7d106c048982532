/**
 * Staff figures computed from rows (received, closed, answered on time, median days, satisfaction with
 * its denominator) by town and by village, and the CSV exports Excel and WPS open.
 */

import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { chinaDate } from "#core/period.ts";
import { act, fileReport, staffGet } from "../fixtures/cases.ts";
import { answered, loginAs, staffClient, TEST_ORIGIN } from "../fixtures/staff.ts";

// 利国乡 is used by no other case test in this file
const TOWN = "371603204";
const V1 = "371603204201";
const V2 = "371603204202";

const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function answer(cookie: string, id: number) {
  await act(cookie, id, "triage", { route: "village" });
  await act(cookie, id, "assign", { responsible: "村委会", measures: "核实答复" });
  await act(cookie, id, "answer", { answer: "已经核实，情况如下：账目和凭证一致。" });
}

describe("figures", () => {
  it("are computed from the town's rows, by village, and the district's by town", async () => {
    const inspector = await loginAs(env.DB, { role: "town_inspector", scope: TOWN });
    const admin = await loginAs(env.DB, { role: "district_admin" });
    const today = chinaDate();
    const a = await fileReport(V1);
    const b = await fileReport(V1);
    const c = await fileReport(V1);
    const d = await fileReport(V2, { kind: "misconduct", topic: "conduct", content: "村会计白条记账，账目不清。" });
    const dup = await fileReport(V2);
    await answer(inspector.cookie, a.id);
    await answer(inspector.cookie, b.id);
    await act(inspector.cookie, dup.id, "merge", { into: c.id });
    // a was received 4 days ago and answered today; b's deadline had passed when it was answered
    await env.DB.prepare("UPDATE reports SET received_on = ?2 WHERE id = ?1").bind(a.id, shift(today, -4)).run();
    await env.DB.prepare("UPDATE reports SET deadline = ?2 WHERE id = ?1").bind(b.id, shift(today, -1)).run();
    await SELF.fetch(`${TEST_ORIGIN}/api/reports/${a.receipt}/rating`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ rating: "satisfied" }),
    });

    const figures = (cookie: string, town?: string) =>
      staffClient(cookie).api.staff.figures.$get({ query: town === undefined ? {} : { town } });
    const town = await answered(figures(inspector.cookie));
    expect(town.scope).toMatchObject({ level: "town", code: TOWN });
    expect(town.total).toMatchObject({
      received: 4,
      closed: 1,
      answered: 2,
      answeredOnTime: 1,
      medianDays: 2,
      rated: 1,
      satisfied: 1,
    });
    const v1 = town.groups.find((g) => g.code === V1);
    const v2 = town.groups.find((g) => g.code === V2);
    expect(v1).toMatchObject({ name: "利国一村", figures: expect.objectContaining({ received: 3, answered: 2 }) });
    expect(v2?.figures.received).toBe(1);
    expect(d.id).toBeGreaterThan(0);

    const district = await answered(figures(admin.cookie));
    expect(district.scope.level).toBe("district");
    expect(district.groups.find((g) => g.code === TOWN)?.figures).toMatchObject({
      received: 4,
      closed: 1,
      answered: 2,
    });
    const drill = await answered(figures(admin.cookie, TOWN));
    expect(drill.total.received).toBe(4);
    expect((await figures(inspector.cookie, "371603104")).status).toBe(403);
    expect((await figures(inspector.cookie, "nope")).status).toBe(400);
  });
});

describe("CSV exports", () => {
  it("are UTF-8 with a BOM, quote every cell and defuse formulas in villagers' text", async () => {
    const inspector = await loginAs(env.DB, { role: "town_inspector", scope: TOWN });
    const { id, receipt } = await fileReport(V1, { content: '=HYPERLINK("http://x","点我") 账目"不清"' });
    const res = await staffGet(inspector.cookie, `/api/staff/reports.csv?village=${V1}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toMatch(/attachment; filename="cases-\d{4}-\d{2}-\d{2}\.csv"/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    // no receipt column: a receipt is the villager's secret (issue 10, item 3)
    expect(text.split("\r\n")[0]).not.toContain("回执号");
    expect(text).toContain(`"${id}"`);
    expect(text).not.toContain(receipt);
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""点我"") 账目""不清"""`);

    const figures = await staffGet(inspector.cookie, "/api/staff/figures.csv");
    const figureBytes = new Uint8Array(await figures.arrayBuffer());
    expect([...figureBytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const figureText = new TextDecoder().decode(figureBytes);
    expect(figureText).toContain('"利国一村"');
    expect(figureText).toContain('"合计"');
  });

  it("refuse bad filters with a 400", async () => {
    const inspector = await loginAs(env.DB, { role: "town_inspector", scope: TOWN });
    expect((await staffGet(inspector.cookie, "/api/staff/reports.csv?state=lost")).status).toBe(400);
    const list = staffClient(inspector.cookie).api.staff.reports;
    expect((await list.$get({ query: { page: "0" } })).status).toBe(400);
    expect((await list.$get({ query: { village: "123" } })).status).toBe(400);
  });
});
