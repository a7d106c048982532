/**
 * Staff figures by period: `?period=2026-11` (month), `2026-Q4` (quarter) or `2026` (year) counts the
 * cases received in that period, in the JSON and the CSV alike; a malformed period is a 400 naming it.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { act, fileReport, staffGet } from "../fixtures/cases.ts";
import { answered, loginAs, refused, staffClient } from "../fixtures/staff.ts";

const TOWN = "371603106";
const VILLAGE = "371603106201";

async function receivedOn(date: string, answered = false, cookie = "") {
  const { id } = await fileReport(VILLAGE);
  if (answered) {
    await act(cookie, id, "triage", { route: "village" });
    await act(cookie, id, "assign", { responsible: "村委会", measures: "核实答复" });
    await act(cookie, id, "answer", { answer: "已经核实，账目和凭证一致。" });
  }
  await env.DB.prepare("UPDATE reports SET received_on = ?2 WHERE id = ?1").bind(id, date).run();
  return id;
}

describe("figures by period", () => {
  it("count only the cases received in the month, quarter or year asked for", async () => {
    const { cookie } = await loginAs(env.DB, { role: "town_inspector", scope: TOWN });
    await receivedOn("2025-12-15");
    await receivedOn("2026-10-02", true, cookie);
    await receivedOn("2026-11-03");
    await receivedOn("2026-11-20", true, cookie);

    const get = (period?: string) =>
      answered(staffClient(cookie).api.staff.figures.$get({ query: period ? { period } : {} }), 200);
    const all = await get();
    expect(all.period).toBeNull();
    expect(all.total.received).toBe(4);

    const month = await get("2026-11");
    expect(month.period).toEqual({ code: "2026-11", label: "2026年11月", start: "2026-11-01", end: "2026-11-30" });
    expect(month.total.received).toBe(2);
    expect(month.total.answered).toBe(1);
    expect(month.groups.find((g) => g.code === VILLAGE)?.figures.received).toBe(2);

    const quarter = await get("2026-Q4");
    expect(quarter.period?.label).toBe("2026年第四季度");
    expect(quarter.total.received).toBe(3);
    expect(quarter.total.answered).toBe(2);

    const year = await get("2025");
    expect(year.total.received).toBe(1);
    // an old open case is overdue, and it is counted in the period it was received in
    expect(year.total.overdue).toBe(1);
    expect((await get("2026")).total.received).toBe(3);
  });

  it("the CSV follows the same period, with on-time answers beside the cases still overdue", async () => {
    const { cookie } = await loginAs(env.DB, { role: "town_inspector", scope: TOWN });
    await receivedOn("2024-03-05");
    await receivedOn("2024-03-28");
    await receivedOn("2024-05-10");
    const res = await staffGet(cookie, "/api/staff/figures.csv?period=2024-03");
    expect(res.status).toBe(200);
    const [header, ...rows] = (await res.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    const cells = (header ?? "").split(",");
    expect(cells.indexOf('"超期未办"') - cells.indexOf('"按期答复"')).toBe(1);
    const total = rows.at(-1)?.split(",") ?? [];
    expect(total[0]).toBe('"合计"');
    expect(total[1]).toBe('"2"');
    expect(res.headers.get("Content-Disposition")).toContain("2024-03");
  });

  it("refuses a malformed period with a 400 naming the field", async () => {
    const { cookie } = await loginAs(env.DB, { role: "town_inspector", scope: TOWN });
    for (const period of ["2026-13", "2026-Q5", "26", "2026-11-01", "now"]) {
      const { error } = await refused(staffClient(cookie).api.staff.figures.$get({ query: { period } }), 400);
      expect(Object.keys(error.fields ?? {}), period).toEqual(["period"]);
      expect((await staffGet(cookie, `/api/staff/figures.csv?period=${period}`)).status).toBe(400);
    }
  });
});
