/**
 * A case's whole life through the real routes: intake → triage → assign → answer → the villager reads
 * the answer by receipt → the rating closes it; "unsatisfied" reopens once and raises it to the town;
 * unrated answers close themselves; deadlines and overdue in working days; wrong states and bad input.
 */
import { createScheduledController, env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import calendar from "#core/data/holidays.json" with { type: "json" };
import { chinaDate } from "#core/period.ts";
import { addWorkingDays } from "#core/workdays.ts";
import worker from "../../worker/src/index.ts";
import { act, auditOf, fileReport, fullCase, getCase, listCases, postAction, staffPost } from "../fixtures/cases.ts";
import { answered, loginAs, publicClient, refused, TEST_ORIGIN } from "../fixtures/staff.ts";

const VILLAGE = "371603104201";
const TOWN = "371603104";

const publicView = (receipt: string) => answered(publicClient().api.reports[":receipt"].$get({ param: { receipt } }));

const rate = (receipt: string, rating: string) =>
  SELF.fetch(`${TEST_ORIGIN}/api/reports/${receipt}/rating`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ rating }),
  });

const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Counted independently of schema/workdays.ts: weekdays, less holidays, plus make-up days. */
function officeDaysAfter(from: string, to: string): number {
  let n = 0;
  for (let d = shift(from, 1); d <= to; d = shift(d, 1)) {
    const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
    const open = calendar.workdays.includes(d) || (!calendar.holidays.includes(d) && weekday !== 0 && weekday !== 6);
    if (open) n++;
  }
  return n;
}

async function answeredCase(cookie: string, village = VILLAGE) {
  const report = await fileReport(village);
  await act(cookie, report.id, "triage", { route: "village" });
  await act(cookie, report.id, "assign", { responsible: "村会计 张某", measures: "查账后公开施工合同" });
  await act(cookie, report.id, "answer", { answer: "施工单位是滨州某路桥公司，合同已在公开栏贴出。" });
  return report;
}

describe("the full path of a question", () => {
  it("goes from intake to a rated close, and the villager reads the answer by receipt", async () => {
    const { cookie } = await loginAs(env.DB, { role: "town_inspector", scope: TOWN });
    const { id, receipt } = await fileReport(VILLAGE, { contact: { name: "王大爷", phone: "13800000000" } });
    const today = chinaDate();

    const list = await listCases(cookie, { state: "open" });
    const line = list.cases.find((c) => c.id === id);
    expect(line).toMatchObject({ state: "received", deadline: addWorkingDays(today, 3), overdueDays: 0 });
    expect(JSON.stringify(list)).not.toContain("13800000000");

    const triaged = await act(cookie, id, "triage", { route: "village" });
    expect(triaged.case).toMatchObject({ state: "accepted", route: "village" });
    expect(triaged.events.map((e) => [e.kind, e.public])).toEqual([
      ["received", true],
      ["triaged", false],
      ["accepted", true],
    ]);
    expect(JSON.stringify(triaged)).not.toContain("13800000000");

    const assigned = await act(cookie, id, "assign", { responsible: "村会计 张某", measures: "查账后公开施工合同" });
    expect(assigned.case).toMatchObject({
      state: "handling",
      responsible: "村会计 张某",
      measures: "查账后公开施工合同",
      deadlineSet: addWorkingDays(today, 3),
    });

    await act(cookie, id, "notes", { note: "举报人是三组的老王，别外传" });
    const answered = await act(cookie, id, "answer", { answer: "施工单位是滨州某路桥公司，合同已在公开栏贴出。" });
    expect(answered.case).toMatchObject({ state: "answered", answeredOn: today });

    const seen = await publicView(receipt);
    expect(seen.state).toBe("answered");
    expect(seen.answer).toBe("施工单位是滨州某路桥公司，合同已在公开栏贴出。");
    expect(seen.timeline.map((e) => e.kind)).toEqual(["received", "accepted", "assigned", "answered"]);
    expect(JSON.stringify(seen)).not.toMatch(/老王|triaged|note|张某/);

    expect((await rate(receipt, "satisfied")).status).toBe(200);
    const closed = await fullCase(cookie, id);
    expect(closed.case).toMatchObject({ state: "closed", rating: "satisfied", closedOn: today });
    expect((await publicView(receipt)).state).toBe("closed");

    expect((await auditOf(`report:${id}`)).map((a) => a.action)).toEqual([
      "report_triage",
      "report_assign",
      "report_note",
      "report_answer",
      "report_rate",
    ]);
  });

  it("a misconduct report is accepted by the discipline inspector, due in 5 then 60 working days", async () => {
    const { cookie } = await loginAs(env.DB, { role: "town_inspector", scope: TOWN });
    const { id } = await fileReport(VILLAGE, {
      kind: "misconduct",
      topic: "conduct",
      content: "村主任优亲厚友，把低保给了亲戚。",
    });
    const today = chinaDate();
    const before = await fullCase(cookie, id);
    expect(before.case.deadline).toBe(addWorkingDays(today, 5));

    const wrong = await refused(postAction(cookie, id, "triage", { route: "village" }), 422);
    expect(wrong.error.fields?.route).toContain("纪委");

    const accepted = await act(cookie, id, "triage", { route: "discipline" });
    expect(accepted.case).toMatchObject({
      state: "accepted",
      route: "discipline",
      deadline: addWorkingDays(today, 60),
    });
  });
});

describe("the villager's rating", () => {
  it("unsatisfied reopens the case once, raises it to the town and to the top; a second unsatisfied closes it", async () => {
    const { cookie } = await loginAs(env.DB, { role: "town_inspector", scope: TOWN });
    const secretary = await loginAs(env.DB, { role: "village_secretary", scope: VILLAGE });
    const other = await fileReport(VILLAGE);
    const { id, receipt } = await answeredCase(cookie);

    expect((await rate(receipt, "unsatisfied")).status).toBe(200);
    const reopened = await fullCase(cookie, id);
    expect(reopened.case).toMatchObject({
      state: "handling",
      reopened: true,
      route: "township",
      rating: "unsatisfied",
    });
    expect(reopened.actions).toContain("answer");

    const list = await listCases(cookie, { state: "open" });
    const order = list.cases.map((c) => c.id);
    expect(order.indexOf(id)).toBeLessThan(order.indexOf(other.id));

    // raised to the town: the village secretary may read it but no longer answer it
    const notTheirs = await postAction(secretary.cookie, id, "answer", { answer: "已经处理好了，请放心。" });
    expect(notTheirs.status).toBe(403);

    await act(cookie, id, "answer", { answer: "镇里复核了合同和付款凭证，已在公开栏补充公开明细。" });
    expect((await publicView(receipt)).answer).toBe("镇里复核了合同和付款凭证，已在公开栏补充公开明细。");
    expect((await rate(receipt, "unsatisfied")).status).toBe(200);
    const final = await fullCase(cookie, id);
    expect(final.case).toMatchObject({ state: "closed", rating: "unsatisfied", reopened: true });
    expect((await rate(receipt, "satisfied")).status).toBe(409);
  });

  it("basic satisfaction closes an answered case too", async () => {
    const { cookie } = await loginAs(env.DB, { role: "district_admin" });
    const { id, receipt } = await answeredCase(cookie);
    expect((await rate(receipt, "basic")).status).toBe(200);
    const view = await fullCase(cookie, id);
    expect(view.case).toMatchObject({ state: "closed", rating: "basic" });
  });
});

describe("auto-close of unrated answers", () => {
  it("closes a case answered AUTO_CLOSE_DAYS ago when staff next read, and keeps a younger one open", async () => {
    const { cookie } = await loginAs(env.DB, { role: "town_inspector", scope: TOWN });
    const old = await answeredCase(cookie);
    const young = await answeredCase(cookie);
    const today = chinaDate();
    const days = Number(env.AUTO_CLOSE_DAYS);
    expect(days).toBeGreaterThan(0);
    await env.DB.prepare("UPDATE reports SET answered_on = ?2 WHERE id = ?1").bind(old.id, shift(today, -days)).run();
    await env.DB.prepare("UPDATE reports SET answered_on = ?2 WHERE id = ?1")
      .bind(young.id, shift(today, 1 - days))
      .run();

    const list = await listCases(cookie);
    expect(list.cases.find((c) => c.id === old.id)).toMatchObject({ state: "closed" });
    expect(list.cases.find((c) => c.id === young.id)).toMatchObject({ state: "answered" });
    const seen = await publicView(old.receipt);
    expect(seen.state).toBe("closed");
    expect(seen.timeline.at(-1)?.kind).toBe("closed");
    const audit = await env.DB.prepare("SELECT detail FROM audit_log WHERE action = 'reports_auto_close'").all<{
      detail: string;
    }>();
    expect(audit.results.some((r) => (JSON.parse(r.detail).ids as number[]).includes(old.id))).toBe(true);
    expect((await rate(old.receipt, "satisfied")).status).toBe(409);
  });

  it("the daily cron closes them too", async () => {
    const { cookie } = await loginAs(env.DB, { role: "town_inspector", scope: TOWN });
    const old = await answeredCase(cookie);
    await env.DB.prepare("UPDATE reports SET answered_on = ?2 WHERE id = ?1")
      .bind(old.id, shift(chinaDate(), -30))
      .run();
    await worker.scheduled(createScheduledController({ cron: "0 17 * * *" }), env);
    const row = await env.DB.prepare("SELECT state, closed_on FROM reports WHERE id = ?1").bind(old.id).first();
    expect(row).toEqual({ state: "closed", closed_on: chinaDate() });
  });
});

describe("deadlines and overdue in working days", () => {
  it("counts overdue in working days, lists overdue first and filters them", async () => {
    const { cookie } = await loginAs(env.DB, { role: "town_inspector", scope: TOWN });
    const onTime = await fileReport(VILLAGE);
    const late = await fileReport(VILLAGE, {
      kind: "request",
      topic: "livelihood",
      content: "家里低保一直没批下来，请帮忙问问。",
    });
    const today = chinaDate();
    const deadline = shift(today, -10);
    await act(cookie, late.id, "triage", { route: "village" });
    await act(cookie, late.id, "assign", { responsible: "民政专干", measures: "入户核实" });
    // ten calendar days pass beyond the deadline (always a weekend among them)
    await env.DB.prepare("UPDATE reports SET deadline = ?2 WHERE id = ?1").bind(late.id, deadline).run();

    const expected = officeDaysAfter(deadline, today);
    expect(expected).toBeLessThan(10);
    const detail = await fullCase(cookie, late.id);
    expect(detail.case.overdueDays).toBe(expected);

    const list = await listCases(cookie);
    expect(list.cases[0]).toMatchObject({ id: late.id, overdueDays: expected });
    expect(list.overdueTotal).toBeGreaterThanOrEqual(1);
    const overdueOnly = await listCases(cookie, { overdue: "1" });
    expect(overdueOnly.cases.map((c) => c.id)).toContain(late.id);
    expect(overdueOnly.cases.map((c) => c.id)).not.toContain(onTime.id);
  });

  it("assign takes a date deadline that is not in the past, defaulting from the kind", async () => {
    const { cookie } = await loginAs(env.DB, { role: "town_inspector", scope: TOWN });
    const { id } = await fileReport(VILLAGE, {
      kind: "request",
      topic: "livelihood",
      content: "村里路灯坏了三个月了。",
    });
    await act(cookie, id, "triage", { route: "township" });
    const today = chinaDate();
    const past = await refused(
      postAction(cookie, id, "assign", { responsible: "镇城建办", measures: "更换路灯", deadline: shift(today, -1) }),
      422,
    );
    expect(past.error.fields?.deadline).toContain("不能早于今天");
    const bad = await refused(
      postAction(cookie, id, "assign", { responsible: "", measures: "", deadline: "明天" }),
      422,
    );
    expect(Object.keys(bad.error.fields ?? {}).sort()).toEqual(["deadline", "measures", "responsible"]);
    const dflt = await act(cookie, id, "assign", { responsible: "镇城建办", measures: "更换路灯" });
    expect(dflt.case.deadlineSet).toBe(addWorkingDays(today, 15));
    const chosen = await act(cookie, id, "assign", {
      responsible: "镇城建办",
      measures: "更换路灯",
      deadline: shift(today, 3),
    });
    expect(chosen.case.deadlineSet).toBe(shift(today, 3));
    // raising a case already being handled keeps its owner, deadline and state
    const raised = await act(cookie, id, "triage", { route: "discipline" });
    expect(raised.case).toMatchObject({ state: "handling", route: "discipline", responsible: "镇城建办" });
  });
});

describe("wrong states and bad input leave nothing written", () => {
  it("answers 409 with a clear message and writes no event or audit row", async () => {
    const { cookie } = await loginAs(env.DB, { role: "town_inspector", scope: TOWN });
    const { id } = await fileReport(VILLAGE);
    const count = async () => {
      const row = await env.DB.prepare(
        "SELECT (SELECT COUNT(*) FROM report_events WHERE report_id = ?1) AS events, (SELECT COUNT(*) FROM audit_log) AS audit",
      )
        .bind(id)
        .first();
      return row;
    };
    const before = await count();
    const early = await refused(postAction(cookie, id, "answer", { answer: "已经处理好了，请放心。" }), 409);
    expect(early.error.message).toContain("请先定责");
    const assign = await postAction(cookie, id, "assign", { responsible: "张某", measures: "查" });
    expect(assign.status).toBe(409);
    expect(await count()).toEqual(before);

    // a malformed body and a route outside the list: the typed client cannot send these
    const badJson = await staffPost(cookie, `/api/staff/reports/${id}/triage`, "{nope");
    expect(badJson.status).toBe(400);
    const badRoute = await staffPost(cookie, `/api/staff/reports/${id}/triage`, { route: "elsewhere" });
    expect(badRoute.status).toBe(422);
    const shortAnswer = await postAction(cookie, id, "answer", { answer: "好" });
    expect(shortAnswer.status).toBe(422);
    expect(await count()).toEqual(before);

    await answeredCase(cookie).then(async (done) => {
      const again = await refused(postAction(cookie, done.id, "triage", { route: "township" }), 409);
      expect(again.error.message).toContain("已答复");
    });
  });
});

describe("merge and transfer", () => {
  it("merges a duplicate into another case: the duplicate closes, the villager is told, figures skip it", async () => {
    const { cookie } = await loginAs(env.DB, { role: "town_inspector", scope: TOWN });
    const first = await fileReport(VILLAGE);
    const dup = await fileReport(VILLAGE);
    const misconduct = await fileReport(VILLAGE, {
      kind: "misconduct",
      topic: "conduct",
      content: "会计白条记账，账目不清。",
    });

    const mixed = await postAction(cookie, misconduct.id, "merge", { into: first.id });
    expect(mixed.status).toBe(422);
    const self = await postAction(cookie, dup.id, "merge", { into: dup.id });
    expect(self.status).toBe(422);

    const merged = await act(cookie, dup.id, "merge", { into: first.id });
    expect(merged.case).toMatchObject({ state: "closed", mergedInto: first.id });
    expect((await publicView(dup.receipt)).timeline.map((e) => e.kind)).toContain("merged");
    const target = await fullCase(cookie, first.id);
    expect(target.events).toContainEqual(expect.objectContaining({ kind: "merged", body: `#${dup.id}` }));
    const again = await postAction(cookie, dup.id, "merge", { into: first.id });
    expect(again.status).toBe(409);
  });

  it("transfers a case to another town: it leaves the first town's queue and appears in the other's", async () => {
    const botou = await loginAs(env.DB, { role: "town_inspector", scope: TOWN });
    const xiawa = await loginAs(env.DB, { role: "town_inspector", scope: "371603101" });
    const secretary = await loginAs(env.DB, { role: "village_secretary", scope: VILLAGE });
    const { id } = await fileReport(VILLAGE);

    const same = await postAction(botou.cookie, id, "transfer", { town: TOWN });
    expect(same.status).toBe(422);
    expect((await getCase(xiawa.cookie, id)).status).toBe(404);
    const res = await postAction(botou.cookie, id, "transfer", { town: "371603101" });
    expect(res.status).toBe(200);
    expect((await getCase(botou.cookie, id)).status).toBe(404);
    // the secretary saw it, so it stays in their list as 转镇里办理, with no detail (issue 10, item 13)
    const moved = await answered(getCase(secretary.cookie, id), 200);
    expect(moved.case).toMatchObject({
      movedToTown: true,
      townName: "泊头镇",
    });
    const there = await fullCase(xiawa.cookie, id);
    expect(there.case).toMatchObject({ townName: "下洼镇", transferred: true });
    await act(xiawa.cookie, id, "triage", { route: "township" });
  });
});
