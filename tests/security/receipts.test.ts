/**
 * Issue 10, item 3: the receipt is the villager's secret. It is stored only as a slow hash; no staff route,
 * in any role, ever answers with a receipt (JSON, CSV or error), so no cadre can rate their own answer.
 * Staff may find a case by a receipt a villager reads out; cases staff file on a villager's behalf are
 * marked, show their receipt once (on the slip), and their ratings are counted apart. Every rating is audited.
 */
import { env, SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { StaffFigures } from "#core/case.ts";
import { quarterOf } from "#core/meeting.ts";
import { chinaDate } from "#core/period.ts";
import { dammDigit, formatReceipt, receiptHash } from "#core/report.ts";
import type { StaffRole } from "#core/staff.ts";
import { villageCaseRows } from "../../worker/src/reports/queries.ts";
import { casesFragment } from "../../worker/src/reports/render.ts";
import { act, fileReport, fullCase, listCases, staffGet, staffPost } from "../fixtures/cases.ts";
import { answered, answerOf, errorOf, filedOf, loginAs, staffClient, TEST_ORIGIN } from "../fixtures/staff.ts";

// 下洼镇 (371603105): no other security test files cases here
const TOWN = "371603105";
const VILLAGE = "371603105201";

const rate = (receipt: string, rating: string) =>
  SELF.fetch(`${TEST_ORIGIN}/api/reports/${receipt}/rating`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "CF-Connecting-IP": "192.0.2.77" },
    body: JSON.stringify({ rating }),
  });

/** Every way a receipt can be written out: plain, in groups of four, with dashes; and its hash. */
async function receiptForms(receipt: string): Promise<string[]> {
  return [receipt, formatReceipt(receipt), receipt.replace(/(\d{4})(?=\d)/g, "$1-"), await receiptHash(receipt)];
}

async function answer(cookie: string, id: number) {
  await act(cookie, id, "triage", { route: "village" });
  await act(cookie, id, "assign", { responsible: "村委会", measures: "核实答复" });
  await act(cookie, id, "answer", { answer: "已经核实，情况如下：施工单位是县公路站，账目和凭证一致。" });
}

interface World {
  receipts: string[];
  ids: number[];
  meetingReceipts: string[];
  meetingIds: number[];
  misconduct: { id: number; receipt: string };
  question: { id: number; receipt: string };
}

let world: World;

beforeAll(async () => {
  const inspector = await loginAs(env.DB, { role: "town_inspector", scope: TOWN });
  const secretary = await loginAs(env.DB, { role: "village_secretary", scope: VILLAGE });
  const question = await fileReport(VILLAGE, { contact: { name: "王大爷", phone: "13800000000" } });
  const request = await fileReport(VILLAGE, { kind: "request", topic: "livelihood", content: "村东头路灯坏了三盏。" });
  const misconduct = await fileReport(VILLAGE, { kind: "misconduct", topic: "conduct", content: "村会计白条记账。" });
  const rated = await fileReport(VILLAGE);
  await answer(inspector.cookie, rated.id);
  await answer(inspector.cookie, request.id);
  expect((await rate(rated.receipt, "unsatisfied")).status).toBe(200);
  const today = chinaDate();
  const record = staffClient(secretary.cookie).api.staff.meetings.$post({
    json: {
      village: VILLAGE,
      quarter: quarterOf(today),
      heldOn: today,
      place: "村委会议室",
      attendees: 30,
      questions: [
        { kind: "question", topic: "affairs", content: "村东坑塘承包费今年收了没有？" },
        { kind: "request", topic: "livelihood", content: "后街路灯坏了，请尽快修。" },
      ],
    },
  });
  const meetingReceipts = (await answered(record, 201)).questions.map((q) => q.receipt);
  const meetingIds = await Promise.all(
    meetingReceipts.map(async (r) => {
      return (await listCases(inspector.cookie, { receipt: r })).cases[0]?.id as number;
    }),
  );
  world = {
    receipts: [question, request, misconduct, rated].map((c) => c.receipt).concat(meetingReceipts),
    ids: [question, request, misconduct, rated].map((c) => c.id).concat(meetingIds),
    meetingReceipts,
    meetingIds,
    misconduct,
    question,
  };
}, 60_000);

const people: { role: StaffRole; scope: string }[] = [
  { role: "district_admin", scope: "371603" },
  { role: "town_inspector", scope: TOWN },
  { role: "village_secretary", scope: VILLAGE },
];

describe("no staff route shows a receipt", () => {
  for (const who of people) {
    it(`${who.role}: no list, case, export, figure, audit page, action answer or error holds a receipt`, async () => {
      const { cookie } = await loginAs(env.DB, who);
      const gets = [
        "/api/staff/me",
        "/api/staff/reports",
        "/api/staff/reports?state=closed",
        "/api/staff/reports?state=",
        `/api/staff/reports?village=${VILLAGE}`,
        "/api/staff/reports.csv",
        "/api/staff/reports.csv?state=",
        "/api/staff/figures",
        "/api/staff/figures.csv",
        `/api/staff/figures?town=${TOWN}`,
        "/api/staff/disclosures/overdue",
        "/api/staff/disclosures/overdue.csv",
        `/api/staff/meetings?village=${VILLAGE}`,
        "/api/staff/audit",
        "/api/staff/audit/verify",
        "/api/staff/reports/999999",
        ...world.ids.flatMap((id) => [`/api/staff/reports/${id}`, `/api/staff/reports/${id}/contact`]),
        ...world.receipts.map((r) => `/api/staff/reports?receipt=${r}`),
        ...world.receipts.map((r) => `/api/staff/reports.csv?receipt=${r}`),
      ];
      const bodies: { what: string; text: string }[] = [];
      for (const path of gets) bodies.push({ what: path, text: await (await staffGet(cookie, path)).text() });
      for (const id of world.ids) {
        for (const [action, body] of [
          ["notes", { note: "内部记录" }],
          ["triage", { route: "village" }],
          ["answer", { answer: "短" }],
          ["merge", { into: world.ids[0] }],
        ] as const) {
          const res = await staffPost(cookie, `/api/staff/reports/${id}/${action}`, body);
          bodies.push({ what: `${action} ${id}`, text: await res.text() });
        }
      }
      for (const receipt of world.receipts) {
        for (const form of await receiptForms(receipt)) {
          for (const body of bodies) expect(body.text.includes(form), `a receipt in ${body.what}`).toBe(false);
        }
      }
    }, 60_000);
  }

  it("the database holds no receipt, only hashes: a leaked copy gives no receipt to rate with", async () => {
    const dump = JSON.stringify([
      (await env.DB.prepare("SELECT * FROM reports").all()).results,
      (await env.DB.prepare("SELECT * FROM report_events").all()).results,
      (await env.DB.prepare("SELECT * FROM audit_log").all()).results,
      (await env.DB.prepare("SELECT * FROM meeting_questions").all()).results,
    ]);
    for (const receipt of world.receipts) {
      expect(dump).not.toContain(receipt);
      expect(dump).toContain(await receiptHash(receipt));
    }
  });

  it("receiptHash is deterministic, 64 hex digits, and differs for a receipt one digit apart", async () => {
    const digits = "123456789012345";
    const receipt = digits + String(dammDigit(digits));
    const other = `2${receipt.slice(1, 15)}`;
    expect(await receiptHash(receipt)).toBe(await receiptHash(receipt));
    expect(await receiptHash(receipt)).toMatch(/^[0-9a-f]{64}$/);
    expect(await receiptHash(receipt)).not.toBe(await receiptHash(other + String(dammDigit(other))));
  });
});

describe("the public routes look up by hash", () => {
  it("keep their status codes: 200 known, 400 mistyped check digit, 404 unknown", async () => {
    const { receipt } = await fileReport(VILLAGE);
    const ip = { "CF-Connecting-IP": "192.0.2.80" };
    expect((await SELF.fetch(`${TEST_ORIGIN}/api/reports/${receipt}`, { headers: ip })).status).toBe(200);
    const wrong = `${receipt.slice(0, 15)}${(Number(receipt[15]) + 1) % 10}`;
    expect((await SELF.fetch(`${TEST_ORIGIN}/api/reports/${wrong}`, { headers: ip })).status).toBe(400);
    const digits = "999999999999999";
    const unknown = digits + String(dammDigit(digits));
    expect((await SELF.fetch(`${TEST_ORIGIN}/api/reports/${unknown}`, { headers: ip })).status).toBe(404);
    expect((await rate(unknown, "satisfied")).status).toBe(404);
  });

  it("a faithful retry of a submission still gets its own receipt back", async () => {
    const key = crypto.randomUUID();
    const post = () =>
      SELF.fetch(`${TEST_ORIGIN}/api/villages/${VILLAGE}/reports`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "Idempotency-Key": key, "CF-Connecting-IP": "192.0.2.81" },
        body: JSON.stringify({ kind: "question", topic: "affairs", content: "村里的账什么时候公开？" }),
      });
    const first = await filedOf(await post());
    const again = await post();
    expect(again.status).toBe(201);
    expect((await filedOf(again)).receipt).toBe(first.receipt);
    const stored = await env.DB.prepare("SELECT COUNT(*) AS n FROM reports WHERE receipt_hash = ?1")
      .bind(await receiptHash(first.receipt))
      .first<{ n: number }>();
    expect(stored?.n).toBe(1);
  });
});

describe("staff find a case by a receipt read out to them", () => {
  it("GET /api/staff/reports?receipt= finds it within the member's scope, never a receipt in the answer", async () => {
    const admin = await loginAs(env.DB, { role: "district_admin" });
    const inspector = await loginAs(env.DB, { role: "town_inspector", scope: TOWN });
    const stranger = await loginAs(env.DB, { role: "town_inspector", scope: "371603104" });
    const secretary = await loginAs(env.DB, { role: "village_secretary", scope: VILLAGE });
    const found = async (cookie: string, receipt: string) => {
      const res = await staffGet(cookie, `/api/staff/reports?receipt=${encodeURIComponent(receipt)}`);
      expect(res.status).toBe(200);
      return (await answerOf(res, staffClient().api.staff.reports.$get)).cases.map((c) => c.id);
    };
    const { question, misconduct } = world;
    expect(await found(admin.cookie, question.receipt)).toEqual([question.id]);
    expect(await found(inspector.cookie, formatReceipt(question.receipt))).toEqual([question.id]);
    expect(await found(secretary.cookie, question.receipt)).toEqual([question.id]);
    expect(await found(inspector.cookie, misconduct.receipt)).toEqual([misconduct.id]);
    // out of scope answers exactly like a receipt nobody has
    const digits = "888888888888888";
    const unknown = digits + String(dammDigit(digits));
    const nobody = await (await staffGet(secretary.cookie, `/api/staff/reports?receipt=${unknown}`)).json();
    const hidden = await (await staffGet(secretary.cookie, `/api/staff/reports?receipt=${misconduct.receipt}`)).json();
    expect(hidden).toEqual(nobody);
    expect(await found(stranger.cookie, question.receipt)).toEqual([]);
    // a mistyped receipt is a 400 naming the field
    const wrong = `${question.receipt.slice(0, 15)}${(Number(question.receipt[15]) + 1) % 10}`;
    const bad = await staffGet(inspector.cookie, `/api/staff/reports?receipt=${wrong}`);
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).error.fields?.receipt).toBeTruthy();
    // every search is audited, without the receipt
    const audit = await env.DB.prepare(
      "SELECT target, detail FROM audit_log WHERE action = 'report_receipt_search' AND actor = ?1",
    )
      .bind(inspector.staff.username)
      .all<{ target: string | null; detail: string }>();
    expect(audit.results.map((r) => r.target)).toEqual([`report:${question.id}`, `report:${misconduct.id}`]);
    expect(JSON.stringify(audit.results)).not.toContain(question.receipt);
  });
});

describe("cases staff file on a villager's behalf", () => {
  it("show their receipt once, on the slip, are marked as filed by staff, and never show it again", async () => {
    const inspector = await loginAs(env.DB, { role: "town_inspector", scope: TOWN });
    for (const id of world.meetingIds) {
      const view = await fullCase(inspector.cookie, id);
      expect(view.case.filedByStaff).toBe(true);
    }
    const web = await fullCase(inspector.cookie, world.question.id);
    expect(web.case.filedByStaff).toBe(false);
  });

  it("have their ratings counted apart, with their own denominator, in every figure", async () => {
    const village = "371603105202";
    const inspector = await loginAs(env.DB, { role: "town_inspector", scope: TOWN });
    const secretary = await loginAs(env.DB, { role: "village_secretary", scope: village });
    const today = chinaDate();
    const recorded = staffClient(secretary.cookie).api.staff.meetings.$post({
      json: {
        village,
        quarter: quarterOf(today),
        heldOn: today,
        place: "村委会议室",
        attendees: 20,
        questions: [{ kind: "question", topic: "affairs", content: "村里的机动地今年包给谁了？" }],
      },
    });
    const slip = (await answered(recorded)).questions[0]?.receipt as string;
    const [byStaff] = (await listCases(inspector.cookie, { receipt: slip })).cases;
    const byVillager = await fileReport(village);
    await answer(inspector.cookie, byStaff?.id as number);
    await answer(inspector.cookie, byVillager.id);
    expect((await rate(slip, "satisfied")).status).toBe(200);
    expect((await rate(byVillager.receipt, "basic")).status).toBe(200);

    const figures = await answered(staffClient(inspector.cookie).api.staff.figures.$get({ query: {} }));
    const mine = figures.groups.find((g) => g.code === village)?.figures as StaffFigures;
    expect(mine).toMatchObject({ received: 2, rated: 1, satisfied: 0, basic: 1, unsatisfied: 0 });
    expect(mine.staffFiled).toEqual({ received: 1, rated: 1, satisfied: 1, basic: 0, unsatisfied: 0 });

    const csv = await (await staffClient(inspector.cookie).api.staff["figures.csv"].$get({ query: {} })).text();
    expect(csv.split("\r\n")[0]).toContain("代为登记");

    const fragment = casesFragment(await villageCaseRows(env.DB, village));
    expect(fragment).toContain("1 人评价，满意 0 人、基本满意 1 人");
    expect(fragment).toContain("代为登记");
  });
});

describe("every rating is audited", () => {
  it("with the case and the rating, never the receipt or the client", async () => {
    const inspector = await loginAs(env.DB, { role: "town_inspector", scope: TOWN });
    const { id, receipt } = await fileReport(VILLAGE);
    await answer(inspector.cookie, id);
    expect((await rate(receipt, "satisfied")).status).toBe(200);
    const rows = await env.DB.prepare("SELECT at, actor, actor_id, action, detail FROM audit_log WHERE target = ?1")
      .bind(`report:${id}`)
      .all<{ at: string; actor: string; actor_id: number | null; action: string; detail: string | null }>();
    const rated = rows.results.filter((r) => r.action === "report_rate");
    expect(rated).toHaveLength(1);
    expect(rated[0]).toMatchObject({ actor: "villager", actor_id: null });
    // a villager's action keeps its date only, like the report itself: no time of day
    expect(rated[0]?.at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(JSON.parse(rated[0]?.detail ?? "{}")).toEqual({ rating: "satisfied", filedByStaff: false });
    const all = JSON.stringify(rows.results);
    expect(all).not.toContain(receipt);
    expect(all).not.toContain("192.0.2.77");
    // a refused rating (already closed) writes nothing
    expect((await rate(receipt, "basic")).status).toBe(409);
    const after = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM audit_log WHERE target = ?1 AND action = 'report_rate'",
    )
      .bind(`report:${id}`)
      .first<{ n: number }>();
    expect(after?.n).toBe(1);
  });
});
