/**
 * Issue 15, 代办: a grid worker carries a villager's words into the system for a village of their grids.
 * The case goes in through the intake's own statements, marked as filed by staff (counted apart), with a
 * receipt shown once for the slip; a misconduct report goes only to the town's discipline inspectors; no
 * grid worker files for a village outside their grids, and nothing is half-written.
 */
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { ApiErrorBody } from "../../worker/src/errors.ts";
import { getCase, staffGet, staffPost } from "../fixtures/cases.ts";
import { answered, loginAs, publicClient, refused, staffClient, staffHeaders, TEST_ORIGIN } from "../fixtures/staff.ts";

const GRID = "37160310420101"; // 泊头镇徐万粮村第1网格
const VILLAGE = "371603104201";

const cases = (cookie?: string) => staffClient(cookie).api.staff.grid.cases;
type BehalfBody = Parameters<ReturnType<typeof cases>["$post"]>[0]["json"];

const behalf = (extra: Partial<BehalfBody> = {}): BehalfBody => ({
  grid: GRID,
  kind: "request",
  topic: "livelihood",
  content: "王奶奶家门口的排水沟堵了，下雨就进水，她腿脚不好，请帮忙疏通。",
  contact: { name: "王奶奶", phone: "13800000000" },
  ...extra,
});

const counts = async () =>
  env.DB.prepare(
    `SELECT (SELECT COUNT(*) FROM reports) AS reports, (SELECT COUNT(*) FROM grid_cases) AS filed,
            (SELECT COUNT(*) FROM report_events) AS events`,
  ).first<{ reports: number; filed: number; events: number }>();

describe("代办: filing on a villager's behalf", () => {
  it("makes a case of the grid's village marked as filed by staff, with a receipt for the slip", async () => {
    const { cookie, staff } = await loginAs(env.DB, { role: "grid_worker", scope: GRID });
    const filed = await answered(cases(cookie).$post({ json: behalf() }), 201);
    expect(filed.receipt).toMatch(/^\d{16}$/);
    expect(filed.url).toBe(`/r/${filed.receipt}`);
    expect(filed.village).toBe(VILLAGE);
    const row = await env.DB.prepare(
      `SELECT r.village_code, r.kind, r.filed_by, r.queue, r.contact_name, r.contact_phone, g.way, g.grid_id
         FROM reports r JOIN grid_cases g ON g.report_id = r.id WHERE r.id = ?1`,
    )
      .bind(filed.id)
      .first();
    expect(row).toEqual({
      village_code: VILLAGE,
      kind: "request",
      filed_by: staff.username,
      queue: "village",
      contact_name: "王奶奶",
      contact_phone: "13800000000",
      way: "behalf",
      grid_id: GRID,
    });
    // the villager follows it with the slip's receipt
    const pub = await answered(publicClient().api.reports[":receipt"].$get({ param: { receipt: filed.receipt } }), 200);
    expect(pub.state).toBe("received");
    // no staff route shows the receipt again
    const detail = await (await staffGet(cookie, `/api/staff/reports/${filed.id}`)).text();
    expect(detail).not.toContain(filed.receipt);
    expect(JSON.parse(detail).case.filedByStaff).toBe(true);
  });

  it("sends a misconduct report to the town's discipline inspectors only", async () => {
    const { cookie } = await loginAs(env.DB, { role: "grid_worker", scope: GRID });
    const { id } = await answered(
      cases(cookie).$post({
        json: behalf({
          kind: "misconduct",
          topic: "conduct",
          content: "村会计把救灾物资拉回了自己家。",
          contact: undefined,
        }),
      }),
      201,
    );
    const secretary = await loginAs(env.DB, { role: "village_secretary", scope: VILLAGE });
    expect((await getCase(secretary.cookie, id)).status).toBe(404);
    const inspector = await loginAs(env.DB, { role: "town_inspector", scope: "371603104" });
    expect((await getCase(inspector.cookie, id)).status).toBe(200);
    // the grid worker who filed it learns only that the town has it
    const own = await answered(getCase(cookie, id));
    expect(own.case).toMatchObject({ movedToTown: true });
    expect(JSON.stringify(own)).not.toContain("救灾物资");
    // another grid worker of the same grid never sees it
    const other = await loginAs(env.DB, { role: "grid_worker", scope: GRID });
    expect((await getCase(other.cookie, id)).status).toBe(404);
  });

  it("refuses a grid outside the worker's grids, other roles and bad fields, writing nothing", async () => {
    const { cookie } = await loginAs(env.DB, { role: "grid_worker", scope: GRID });
    const before = await counts();
    const elsewhere = await refused(cases(cookie).$post({ json: behalf({ grid: "37160310420201" }) }), 403);
    expect(elsewhere.error.message).toMatch(/网格/);
    for (const role of ["village_secretary", "town_inspector", "district_admin"] as const) {
      const other = await loginAs(env.DB, { role });
      expect((await cases(other.cookie).$post({ json: behalf() })).status, role).toBe(403);
    }
    // a kind outside the list: the typed client cannot send it
    const bad = await staffPost(cookie, "/api/staff/grid/cases", {
      ...behalf(),
      grid: "3716031042010",
      kind: "gossip",
      content: "短",
      contact: { phone: "12345" },
    });
    expect(bad.status).toBe(422);
    const fields = ((await bad.json()) as ApiErrorBody).error.fields ?? {};
    expect(Object.keys(fields).sort()).toEqual(["content", "grid", "kind", "phone"]);
    for (const message of Object.values(fields)) expect(message).toMatch(/[\u4e00-\u9fff]/);
    const unknown = await cases(cookie).$post({ json: behalf({ grid: "37160310420199" }) });
    expect(unknown.status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it("answers 401 without a session and 403 to a cross-site post", async () => {
    const { cookie } = await loginAs(env.DB, { role: "grid_worker", scope: GRID });
    expect((await cases().$post({ json: behalf() })).status).toBe(401);
    const cross = await SELF.fetch(`${TEST_ORIGIN}/api/staff/grid/cases`, {
      method: "POST",
      headers: staffHeaders(cookie, { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" }),
      body: JSON.stringify(behalf()),
    });
    expect(cross.status).toBe(403);
  });
});
