/**
 * Role × route matrix for every staff case route: no session, each role in scope and out of scope.
 * A misconduct report never exists for a village secretary (404, the same body as a case that does
 * not exist), and another town's cases never exist for a town inspector.
 */
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { StaffRole } from "#core/staff.ts";
import { verifyAudit } from "../../worker/src/audit/queries.ts";
import { act, auditOf, fileReport, listCases, postAction, staffGet, staffPost } from "../fixtures/cases.ts";
import { answered, loginAs, staffClient, staffHeaders, TEST_ORIGIN } from "../fixtures/staff.ts";

const VILLAGE = "371603104201";

type Who = { name: string; role: StaffRole; scope: string; inScope: boolean };
const people: Who[] = [
  { name: "district admin", role: "district_admin", scope: "371603", inScope: true },
  { name: "town inspector of the town", role: "town_inspector", scope: "371603104", inScope: true },
  { name: "town inspector of another town", role: "town_inspector", scope: "371603101", inScope: false },
  { name: "secretary of the village", role: "village_secretary", scope: VILLAGE, inScope: true },
  { name: "secretary of a neighbouring village", role: "village_secretary", scope: "371603104202", inScope: false },
  { name: "grid worker of a grid in the village", role: "grid_worker", scope: "37160310420101", inScope: true },
  { name: "grid worker of a neighbouring village", role: "grid_worker", scope: "37160310420201", inScope: false },
  // the points people of the village itself see none of its cases (issue 16)
  { name: "points administrator of the village", role: "points_admin", scope: VILLAGE, inScope: false },
  { name: "points supervisor of the village", role: "points_supervisor", scope: VILLAGE, inScope: false },
];
/** The roles on the inspectors' side of the wall (schema/access.ts: seeMisconduct). */
const inspectorSide = (who: Who) => who.role === "district_admin" || who.role === "town_inspector";

const caseRoutes = (id: number, other: number) => [
  { method: "GET", path: `/api/staff/reports/${id}` },
  { method: "GET", path: `/api/staff/reports/${id}/contact` },
  { method: "POST", path: `/api/staff/reports/${id}/triage`, body: { route: "discipline" } },
  { method: "POST", path: `/api/staff/reports/${id}/assign`, body: { responsible: "张某", measures: "核实" } },
  { method: "POST", path: `/api/staff/reports/${id}/answer`, body: { answer: "已经核实处理，请放心。" } },
  { method: "POST", path: `/api/staff/reports/${id}/notes`, body: { note: "内部记录" } },
  { method: "POST", path: `/api/staff/reports/${id}/merge`, body: { into: other } },
  { method: "POST", path: `/api/staff/reports/${id}/transfer`, body: { town: "371603105" } },
];
const listRoutes = ["/api/staff/reports", "/api/staff/reports.csv", "/api/staff/figures", "/api/staff/figures.csv"];

const call = (cookie: string | undefined, r: { method: string; path: string; body?: unknown }) =>
  r.method === "GET" ? staffGet(cookie, r.path) : staffPost(cookie, r.path, r.body);

describe("without a session", () => {
  it("every staff case route answers 401", async () => {
    const { id } = await fileReport(VILLAGE);
    for (const r of [...caseRoutes(id, id), ...listRoutes.map((path) => ({ method: "GET", path }))]) {
      const res = await call(undefined, r);
      expect(res.status, `${r.method} ${r.path}`).toBe(401);
      expect(await res.text()).not.toContain("十月份");
    }
  });
});

describe("a misconduct report", () => {
  for (const who of people) {
    it(`${who.name}: ${who.inScope && inspectorSide(who) ? "can read and act" : "gets 404 everywhere"}`, async () => {
      const { cookie } = await loginAs(env.DB, { role: who.role, scope: who.scope });
      const received = async () =>
        (await answered(staffClient(cookie).api.staff.figures.$get({ query: {} }))).total.received;
      const receivedBefore = await received();
      const m = await fileReport(VILLAGE, {
        kind: "misconduct",
        topic: "conduct",
        content: "村支书把低保名额给了自家亲戚。",
        contact: { phone: "13900000000" },
      });
      const other = await fileReport(VILLAGE, {
        kind: "misconduct",
        topic: "conduct",
        content: "同一件事：低保给了亲戚。",
      });
      const missing = await (await staffGet(cookie, "/api/staff/reports/999999")).text();
      const allowed = who.inScope && inspectorSide(who);
      for (const r of caseRoutes(m.id, other.id)) {
        if (allowed) continue;
        const res = await call(cookie, r);
        expect(res.status, `${r.method} ${r.path}`).toBe(404);
        expect(await res.text()).toBe(missing);
      }
      const list = await (await staffGet(cookie, "/api/staff/reports")).text();
      const csv = await (await staffGet(cookie, "/api/staff/reports.csv")).text();
      const receivedAfter = await received();
      if (!allowed) {
        expect(list).not.toContain(m.receipt);
        expect(csv).not.toContain("低保");
        expect(csv).not.toContain("13900000000");
        expect(receivedAfter).toBe(receivedBefore);
        return;
      }
      // the case is listed, never its receipt (issue 10, item 3)
      expect(list).toContain(`"id":${m.id},`);
      expect(list).not.toContain(m.receipt);
      expect(list).not.toContain("低保");
      expect(csv).toContain("村支书把低保名额给了自家亲戚。");
      expect(csv).toContain("13900000000");
      expect(receivedAfter).toBe(receivedBefore + 2);
      expect((await staffGet(cookie, `/api/staff/reports/${m.id}`)).status).toBe(200);
      const contact = await answered(
        staffClient(cookie).api.staff.reports[":id"].contact.$get({ param: { id: String(m.id) } }),
      );
      expect(contact.contact).toEqual({ name: null, phone: "13900000000" });
      await act(cookie, m.id, "triage", { route: "discipline" });
      await act(cookie, m.id, "assign", { responsible: "镇纪委 李某", measures: "调取低保审批材料" });
      await act(cookie, m.id, "notes", { note: "已约谈" });
      await act(cookie, m.id, "answer", { answer: "经核查，反映的问题属实，已依规处理。" });
      await act(cookie, other.id, "merge", { into: m.id });
    });
  }
});

describe("a question", () => {
  for (const who of people) {
    it(`${who.name}: ${who.inScope ? "reads it" : "gets 404 everywhere"}`, async () => {
      const { cookie } = await loginAs(env.DB, { role: who.role, scope: who.scope });
      const q = await fileReport(VILLAGE, { contact: { name: "王大爷", phone: "13800000000" } });
      const dup = await fileReport(VILLAGE);
      const routes = caseRoutes(q.id, dup.id);
      if (!who.inScope) {
        for (const r of routes) expect((await call(cookie, r)).status, `${r.method} ${r.path}`).toBe(404);
        expect(await (await staffGet(cookie, "/api/staff/reports")).text()).not.toContain(q.receipt);
        return;
      }
      const detail = await (await staffGet(cookie, `/api/staff/reports/${q.id}`)).text();
      expect(detail).not.toContain(q.receipt);
      expect(detail).not.toContain("13800000000");
      if (who.role === "grid_worker") {
        // issue 15: a grid worker reads the cases of their grids' villages, never a reporter's contact,
        // and may add what a villager tells them as a note, nothing more
        expect(JSON.parse(detail).case.hasContact).toBe(false);
        expect((await staffGet(cookie, `/api/staff/reports/${q.id}/contact`)).status).toBe(403);
        const csv = await (await staffGet(cookie, "/api/staff/reports.csv")).text();
        expect(csv).toContain(`"${q.id}"`);
        expect(csv).not.toContain("13800000000");
        expect(csv).not.toContain("王大爷");
        for (const r of routes.filter((r) => /triage|merge|transfer|assign|answer$/.test(r.path))) {
          expect((await call(cookie, r)).status, r.path).toBe(403);
        }
        await act(cookie, q.id, "notes", { note: "王大爷又来问了一次" });
        return;
      }
      if (who.role === "village_secretary") {
        expect(JSON.parse(detail).case.hasContact).toBe(false);
        expect((await staffGet(cookie, `/api/staff/reports/${q.id}/contact`)).status).toBe(403);
        const csv = await (await staffGet(cookie, "/api/staff/reports.csv")).text();
        expect(csv).toContain(`"${q.id}"`);
        expect(csv).not.toContain(q.receipt);
        expect(csv).not.toContain("13800000000");
        expect(csv).not.toContain("联系电话");
        // a secretary cannot route, merge or transfer; may answer only what is routed to the village
        for (const r of routes.filter((r) => /triage|merge|transfer|assign|answer$/.test(r.path))) {
          expect((await call(cookie, r)).status, r.path).toBe(403);
        }
        await act(cookie, q.id, "notes", { note: "书记已电话联系" });
        const inspector = await loginAs(env.DB, { role: "town_inspector", scope: "371603104" });
        await act(inspector.cookie, q.id, "triage", { route: "village" });
        await act(cookie, q.id, "assign", { responsible: "村会计", measures: "查账" });
        await act(cookie, q.id, "answer", { answer: "施工单位是某路桥公司，合同已公开。" });
        return;
      }
      expect(JSON.parse(detail).case.hasContact).toBe(true);
      await act(cookie, q.id, "triage", { route: "village" });
      await act(cookie, q.id, "assign", { responsible: "村会计", measures: "查账" });
      await act(cookie, q.id, "answer", { answer: "施工单位是某路桥公司，合同已公开。" });
      await act(cookie, q.id, "notes", { note: "已答复" });
      await act(cookie, dup.id, "merge", { into: q.id });
      const moved = await fileReport(VILLAGE);
      expect((await postAction(cookie, moved.id, "transfer", { town: "371603105" })).status).toBe(200);
    });
  }

  it("a secretary's figures and counts never single out a misconduct report", async () => {
    const village = "371603204201";
    const { cookie } = await loginAs(env.DB, { role: "village_secretary", scope: village });
    await fileReport(village);
    await fileReport(village, { kind: "misconduct", topic: "conduct", content: "村会计白条记账。" });
    const list = await listCases(cookie);
    expect(list.total).toBe(1);
    const figures = await answered(staffClient(cookie).api.staff.figures.$get({ query: {} }));
    expect(figures.total.received).toBe(1);
    expect(figures.groups).toEqual([
      expect.objectContaining({ code: village, figures: expect.objectContaining({ received: 1 }) }),
    ]);
    expect((await staffClient(cookie).api.staff.figures.$get({ query: { town: "371603204" } })).status).toBe(403);
  });
});

describe("the audit log", () => {
  it("records every read of a misconduct report and of contact details, and the chain verifies", async () => {
    const inspector = await loginAs(env.DB, { role: "town_inspector", scope: "371603104" });
    const m = await fileReport(VILLAGE, { kind: "misconduct", topic: "conduct", content: "村主任吃拿卡要。" });
    const q = await fileReport(VILLAGE, { contact: { name: "王大爷", phone: "13800000000" } });

    await staffGet(inspector.cookie, `/api/staff/reports/${m.id}`);
    await staffGet(inspector.cookie, `/api/staff/reports/${m.id}`);
    await staffGet(inspector.cookie, `/api/staff/reports/${q.id}`);
    await staffGet(inspector.cookie, `/api/staff/reports/${q.id}/contact`);

    expect(await auditOf(`report:${m.id}`)).toEqual([
      { action: "report_read", actor: inspector.staff.username, detail: null },
      { action: "report_read", actor: inspector.staff.username, detail: null },
    ]);
    expect((await auditOf(`report:${q.id}`)).map((a) => a.action)).toEqual(["report_contact_read"]);
    expect(JSON.stringify(await auditOf(`report:${q.id}`))).not.toContain("13800000000");

    await staffGet(inspector.cookie, "/api/staff/reports.csv");
    const exported = await env.DB.prepare(
      "SELECT detail FROM audit_log WHERE action = 'reports_export' ORDER BY seq DESC",
    ).first<{ detail: string }>();
    const detail = JSON.parse(exported?.detail ?? "{}") as { misconduct: number[]; contacts: number[] };
    expect(detail.misconduct).toContain(m.id);
    expect(detail.contacts).toContain(q.id);
    expect((await verifyAudit(env.DB)).valid).toBe(true);
  });
});

describe("cross-site requests", () => {
  it("refuses an action posted from another site even with a valid session, and writes nothing", async () => {
    const { cookie } = await loginAs(env.DB, { role: "town_inspector", scope: "371603104" });
    const { id } = await fileReport(VILLAGE);
    const res = await SELF.fetch(`${TEST_ORIGIN}/api/staff/reports/${id}/triage`, {
      method: "POST",
      headers: staffHeaders(cookie, { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" }),
      body: JSON.stringify({ route: "village" }),
    });
    expect(res.status).toBe(403);
    const row = await env.DB.prepare("SELECT state, route FROM reports WHERE id = ?1").bind(id).first();
    expect(row).toEqual({ state: "received", route: null });
    expect(await auditOf(`report:${id}`)).toEqual([]);
  });
});
