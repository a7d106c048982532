/**
 * Issue 15: 排查上报, 百姓夜话 and what a grid worker sees. A grid worker sees only the cases they filed and
 * the cases of their grids' villages that are not misconduct reports, and never the contact details of
 * anyone else's case, in any list, export, detail or error.
 */
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { gridsOfVillage, liaisonsOfVillage, villageArea } from "#core/grid.ts";
import { chinaDate } from "#core/period.ts";
import type { ApiErrorBody } from "../../worker/src/errors.ts";
import { act, fileReport, getCase, listCases, postAction, staffGet, staffPost } from "../fixtures/cases.ts";
import { answered, loginAs, publicClient, refused, staffClient, TEST_ORIGIN } from "../fixtures/staff.ts";

const GRID = "37160310420101"; // 泊头镇徐万粮村第1网格
const VILLAGE = "371603104201";
const NEIGHBOUR = "371603104202";
const NEIGHBOUR_GRID = "37160310420201";
const TODAY = chinaDate();

const listIds = async (cookie: string) => (await listCases(cookie)).cases.map((c) => c.id);
const grid = (cookie: string) => staffClient(cookie).api.staff.grid;
type TalkBody = Parameters<ReturnType<typeof grid>["talks"]["$post"]>[0]["json"];
const contactOf = (cookie: string, id: number) =>
  staffClient(cookie).api.staff.reports[":id"].contact.$get({ param: { id: String(id) } });

describe("what a grid worker sees", () => {
  it("their grids' villages' cases and their own filings, never others' misconduct or contact details", async () => {
    const { cookie } = await loginAs(env.DB, { role: "grid_worker", scope: GRID });
    const question = await fileReport(VILLAGE, { contact: { name: "李大娘", phone: "13700000000" } });
    const misconduct = await fileReport(VILLAGE, {
      kind: "misconduct",
      topic: "conduct",
      content: "村主任把集体的树卖了钱自己收着。",
      contact: { phone: "13600000000" },
    });
    const neighbours = await fileReport(NEIGHBOUR, { contact: { name: "赵大爷", phone: "13500000000" } });
    // another grid worker files for the neighbouring village
    const other = await loginAs(env.DB, { role: "grid_worker", scope: NEIGHBOUR_GRID });
    const theirs = await answered(
      grid(other.cookie).cases.$post({
        json: {
          grid: NEIGHBOUR_GRID,
          kind: "request",
          topic: "livelihood",
          content: "赵大爷家的低保卡丢了，想补办。",
          contact: { name: "赵大爷", phone: "13500000001" },
        },
      }),
      201,
    );
    const theirId = theirs.id;

    const ids = await listIds(cookie);
    expect(ids).toContain(question.id);
    expect(ids).not.toContain(misconduct.id);
    expect(ids).not.toContain(neighbours.id);
    expect(ids).not.toContain(theirId);
    for (const id of [misconduct.id, neighbours.id, theirId]) {
      expect((await getCase(cookie, id)).status, `case ${id}`).toBe(404);
      expect((await contactOf(cookie, id)).status, `contact ${id}`).toBe(404);
    }
    expect((await contactOf(cookie, question.id)).status).toBe(403);
    const everything = [
      await (await staffGet(cookie, "/api/staff/reports")).text(),
      await (await staffGet(cookie, "/api/staff/reports.csv")).text(),
      await (await staffGet(cookie, `/api/staff/reports/${question.id}`)).text(),
      await (await staffGet(cookie, "/api/staff/grid/cases")).text(),
      await (await staffGet(cookie, "/api/staff/figures")).text(),
    ].join("\n");
    for (const secret of ["李大娘", "13700000000", "13600000000", "赵大爷", "13500000000", "13500000001", "树卖了"]) {
      expect(everything).not.toContain(secret);
    }
    expect(everything).not.toContain(question.receipt);
  });

  it("lists their own filings with their state, and the contact they took down for their own only", async () => {
    const { cookie } = await loginAs(env.DB, { role: "grid_worker", scope: GRID });
    const { id } = await answered(
      grid(cookie).cases.$post({
        json: {
          grid: GRID,
          kind: "question",
          topic: "policy",
          content: "孙大爷问今年的养老金什么时候涨。",
          contact: { name: "孙大爷" },
        },
      }),
    );
    const inspector = await loginAs(env.DB, { role: "town_inspector", scope: "371603104" });
    await act(inspector.cookie, id, "triage", { route: "township" });
    const mine = await answered(grid(cookie).cases.$get());
    const line = mine.cases.find((c) => c.id === id);
    expect(line).toMatchObject({ way: "behalf", kind: "question", state: "accepted", contactName: "孙大爷" });
    // a note of what the villager said later: never a rating
    const note = await postAction(cookie, id, "notes", { note: "孙大爷说已经有人给他打过电话了。" });
    expect(note.status, await note.clone().text()).toBe(200);
    const row = await env.DB.prepare("SELECT rating, state FROM reports WHERE id = ?1").bind(id).first();
    expect(row).toEqual({ rating: null, state: "accepted" });
  });
});

describe("the public village page", () => {
  it("names the village's grid workers and 包联干部 and how to reach them, labelled 演示数据", async () => {
    const page = await (await SELF.fetch(`${TEST_ORIGIN}/v/${VILLAGE}/`)).text();
    for (const grid of gridsOfVillage(VILLAGE)) {
      for (const worker of grid.workers) {
        expect(page).toContain(worker.name);
        expect(page).toContain(`href="tel:${worker.phone}"`);
      }
    }
    for (const liaison of liaisonsOfVillage(VILLAGE)) expect(page).toContain(liaison.name);
    expect(page).toContain(villageArea(VILLAGE)?.name);
    expect(page).toContain("演示数据");
  });
});

describe("排查上报: a problem found on patrol", () => {
  it("becomes a request of the grid's village with its 特别关注 category and no villager behind it", async () => {
    const { cookie, staff } = await loginAs(env.DB, { role: "grid_worker", scope: GRID });
    const body = await answered(
      grid(cookie).patrols.$post({
        json: { grid: GRID, category: "safety", content: "村西头变压器旁边的电线垂得很低，孩子放学从这里走。" },
      }),
      201,
    );
    expect("receipt" in body ? body.receipt : undefined).toBeUndefined();
    const row = await env.DB.prepare(
      `SELECT r.kind, r.topic, r.contact_name, r.contact_phone, r.filed_by, g.way, g.category
         FROM reports r JOIN grid_cases g ON g.report_id = r.id WHERE r.id = ?1`,
    )
      .bind(body.id)
      .first();
    expect(row).toEqual({
      kind: "request",
      topic: "livelihood",
      contact_name: null,
      contact_phone: null,
      filed_by: staff.username,
      way: "patrol",
      category: "safety",
    });
    // a category outside the list: the typed client cannot send it
    const bad = await staffPost(cookie, "/api/staff/grid/patrols", { grid: GRID, category: "gossip", content: "短" });
    expect(bad.status).toBe(422);
    expect(Object.keys(((await bad.json()) as ApiErrorBody).error.fields ?? {}).sort()).toEqual([
      "category",
      "content",
    ]);
  });
});

describe("百姓夜话: an evening talk", () => {
  const talk = (extra: Partial<TalkBody> = {}): TalkBody => ({
    grid: GRID,
    heldOn: TODAY,
    place: "张家大院",
    attendees: 23,
    requests: [
      { kind: "request", topic: "livelihood", content: "后街的路灯坏了三盏，晚上出门摸黑。" },
      { kind: "question", topic: "affairs", content: "村里的坑塘今年包给谁了，包了多少钱？" },
    ],
    ...extra,
  });

  it("records the talk and turns each request into a case with its own receipt; the village page lists it", async () => {
    const { cookie } = await loginAs(env.DB, { role: "grid_worker", scope: GRID });
    const saved = await answered(grid(cookie).talks.$post({ json: talk() }), 201);
    expect(saved.requests).toHaveLength(2);
    expect(new Set(saved.requests.map((r) => r.receipt)).size).toBe(2);
    for (const r of saved.requests) {
      const pub = await SELF.fetch(`${TEST_ORIGIN}/api/reports/${r.receipt}`);
      expect(pub.status).toBe(200);
    }
    const links = await env.DB.prepare("SELECT way, talk_id FROM grid_cases WHERE talk_id = ?1").bind(saved.id).all();
    expect(links.results).toEqual([
      { way: "talk", talk_id: saved.id },
      { way: "talk", talk_id: saved.id },
    ]);
    const recent = await answered(publicClient().api.villages[":code"].talks.$get({ param: { code: VILLAGE } }));
    expect(recent.talks[0]).toMatchObject({ heldOn: TODAY, place: "张家大院", attendees: 23, requests: 2 });
    expect(JSON.stringify(recent)).not.toContain("路灯");
    const page = await (await SELF.fetch(`${TEST_ORIGIN}/v/${VILLAGE}/`)).text();
    expect(page).toContain("张家大院，23 人参加，收集诉求 2 条，已办结 0 条");
    expect(page).not.toContain("路灯");
  });

  it("refuses a misconduct request, a day ahead, a grid not theirs, writing nothing", async () => {
    const { cookie } = await loginAs(env.DB, { role: "grid_worker", scope: GRID });
    const count = () => env.DB.prepare("SELECT COUNT(*) AS n FROM grid_talks").first<{ n: number }>();
    const before = await count();
    const talks = grid(cookie).talks;
    // a misconduct request at a talk: the typed client cannot send it
    const misconduct = await staffPost(cookie, "/api/staff/grid/talks", {
      ...talk(),
      requests: [{ kind: "misconduct", topic: "conduct", content: "会计乱花钱的事要反映。" }],
    });
    expect(misconduct.status).toBe(422);
    expect(Object.keys(((await misconduct.json()) as ApiErrorBody).error.fields ?? {})).toEqual(["requests.1"]);
    const ahead = await refused(talks.$post({ json: talk({ heldOn: "2999-01-01" }) }), 422);
    expect(Object.keys(ahead.error.fields ?? {})).toEqual(["heldOn"]);
    expect((await talks.$post({ json: talk({ grid: NEIGHBOUR_GRID }) })).status).toBe(403);
    expect(await count()).toEqual(before);
  });
});
