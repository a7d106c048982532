/**
 * What the correction form reads before it publishes: a version in full (every row, to fill the form),
 * the periods a village has already published (to flag them when chosen), and the difference a
 * correction would make (rows added, removed, changed), computed without writing anything.
 */
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { DisclosureTables } from "#core/disclosure.ts";
import { publishDisclosure } from "../fixtures/d1.ts";
import { answered, loginAs, refused, staffClient, staffHeaders, TEST_ORIGIN } from "../fixtures/staff.ts";

const VILLAGE = "371603106201"; // 黄升店村
const OTHER = "371603106202";
const ledger: DisclosureTables = {
  kind: "ledger",
  rows: [
    {
      date: "2026-10-03",
      voucher: "记001",
      summary: "上级拨付运转经费",
      category: "补助收入",
      amount: 1_500_000,
      handler: "王会计",
      approver: "张建国",
    },
    {
      date: "2026-10-12",
      voucher: "记002",
      summary: "村内道路维修",
      category: "公益支出",
      amount: 980_050,
      handler: "王会计",
      approver: "张建国",
    },
    {
      date: "2026-10-20",
      voucher: "记003",
      summary: "办公用品",
      category: "管理费用",
      amount: 32_000,
      handler: "李出纳",
      approver: "张建国",
    },
  ],
};

/** The ledger moved to another month of 2026 (`"09"`), rows in the same order. */
const ledgerIn = (month: string): DisclosureTables => ({
  kind: "ledger",
  rows: ledger.rows.map((r) => ({ ...r, date: r.date.replace("-10-", `-${month}-`) })),
});

const disclosures = (cookie: string) => staffClient(cookie).api.staff.disclosures;
const version = (cookie: string, id: number) => disclosures(cookie)[":id"].$get({ param: { id: String(id) } });
type PreviewBody = Parameters<ReturnType<typeof disclosures>[":id"]["corrections"]["preview"]["$post"]>[0]["json"];
const preview = (cookie: string, id: number, json: PreviewBody) =>
  disclosures(cookie)[":id"].corrections.preview.$post({ param: { id: String(id) }, json });
const versions = async () =>
  ((await env.DB.prepare("SELECT COUNT(*) AS n FROM disclosures").first<{ n: number }>())?.n ?? 0) as number;

describe("a version in full", () => {
  it("gives the secretary every row, the village, item and period by name, and whether it is the latest", async () => {
    const id = await publishDisclosure(env.DB, {
      village: VILLAGE,
      item: "finance-ledger",
      period: "2026-10",
      tables: ledger,
    });
    const { cookie } = await loginAs(env.DB, { role: "village_secretary", scope: VILLAGE });
    expect(await answered(version(cookie, id), 200)).toMatchObject({
      id,
      village: VILLAGE,
      villageName: "黄升店村",
      item: "finance-ledger",
      itemName: expect.any(String),
      period: "2026-10",
      periodLabel: "2026年10月",
      latest: true,
      tables: ledger,
    });
  });

  it("is a 404 for a village the member does not serve, and for no such version", async () => {
    const id = await publishDisclosure(env.DB, {
      village: OTHER,
      item: "finance-ledger",
      period: "2026-10",
      tables: ledger,
    });
    const { cookie } = await loginAs(env.DB, { role: "village_secretary", scope: VILLAGE });
    expect((await version(cookie, id)).status).toBe(404);
    expect((await version(cookie, 999999)).status).toBe(404);
    // another route under the same prefix, not a version id
    const overdue = await SELF.fetch(`${TEST_ORIGIN}/api/staff/disclosures/overdue`, { headers: staffHeaders(cookie) });
    expect(overdue.status).not.toBe(404);
  });
});

describe("the periods already published", () => {
  it("lists each item's published periods with the latest version's id", async () => {
    const a = await publishDisclosure(env.DB, { village: VILLAGE, item: "finance-quarterly", period: "2026-Q2" });
    const b = await publishDisclosure(env.DB, { village: VILLAGE, item: "finance-quarterly", period: "2026-Q3" });
    await publishDisclosure(env.DB, { village: OTHER, item: "finance-quarterly", period: "2026-Q1" });
    const { cookie } = await loginAs(env.DB, { role: "village_secretary", scope: VILLAGE });
    const { periods } = await answered(disclosures(cookie).periods.$get({ query: { village: VILLAGE } }), 200);
    const quarterly = periods.filter((p) => p.item === "finance-quarterly");
    expect(quarterly).toEqual(
      expect.arrayContaining([
        { item: "finance-quarterly", period: "2026-Q2", id: a },
        { item: "finance-quarterly", period: "2026-Q3", id: b },
      ]),
    );
    expect(quarterly.some((p) => p.period === "2026-Q1")).toBe(false);
    expect((await disclosures(cookie).periods.$get({ query: { village: OTHER } })).status).toBe(403);
  });
});

describe("the difference a correction would make", () => {
  it("names rows added, removed and changed, and the text changed, writing nothing", async () => {
    const id = await publishDisclosure(env.DB, {
      village: VILLAGE,
      item: "finance-ledger",
      period: "2026-09",
      title: "2026年9月收支明细",
      content: "本月收支明细如下。",
      tables: ledgerIn("09"),
    });
    const { cookie } = await loginAs(env.DB, { role: "village_secretary", scope: VILLAGE });
    const rows = ledgerIn("09").rows as Extract<DisclosureTables, { kind: "ledger" }>["rows"];
    const corrected: DisclosureTables = {
      kind: "ledger",
      rows: [
        rows[0] as (typeof rows)[number],
        { ...(rows[1] as (typeof rows)[number]), amount: 908_050 },
        {
          ...(rows[0] as (typeof rows)[number]),
          voucher: "记004",
          summary: "卖玉米秸秆",
          category: "经营收入",
          amount: 50_000,
        },
      ],
    };
    const before = await versions();
    const body = await answered(
      preview(cookie, id, { title: "2026年9月收支明细", content: "本月收支明细如下（更正）。", tables: corrected }),
      200,
    );
    expect(body.rows).toBe(3);
    expect(body.changes).toHaveLength(4);
    expect(body.changes.join("\n")).toContain("9800.50元");
    expect(body.changes.join("\n")).toContain("9080.50元");
    expect(body.changes.some((c) => c.startsWith("新增一行") && c.includes("卖玉米秸秆"))).toBe(true);
    expect(body.changes.some((c) => c.startsWith("删掉一行") && c.includes("办公用品"))).toBe(true);
    expect(body.changes.some((c) => c.includes("内容"))).toBe(true);
    expect(await versions()).toBe(before);
  });

  it("keeps the table when none is sent, as the correction route does, and says nothing changed", async () => {
    const id = await publishDisclosure(env.DB, {
      village: VILLAGE,
      item: "finance-ledger",
      period: "2026-08",
      title: "八月",
      content: "内容",
      tables: ledgerIn("08"),
    });
    const { cookie } = await loginAs(env.DB, { role: "village_secretary", scope: VILLAGE });
    const res = await preview(cookie, id, { title: "八月", content: "内容" });
    expect(await res.json()).toEqual({ changes: [], rows: 3 });
    const gone = await answered(preview(cookie, id, { title: "八月", content: "内容", tables: null }));
    expect(gone.rows).toBe(0);
    expect(gone.changes.filter((c) => c.startsWith("删掉一行"))).toHaveLength(3);
  });

  it("refuses what the correction route refuses: another village, bad rows, a version no longer the latest", async () => {
    const id = await publishDisclosure(env.DB, {
      village: OTHER,
      item: "finance-ledger",
      period: "2026-07",
      tables: ledger,
    });
    const { cookie } = await loginAs(env.DB, { role: "village_secretary", scope: VILLAGE });
    expect((await preview(cookie, id, { title: "t", content: "c" })).status).toBe(403);
    const own = await publishDisclosure(env.DB, {
      village: VILLAGE,
      item: "finance-ledger",
      period: "2026-06",
      tables: ledger,
    });
    const bad = await preview(cookie, own, {
      title: "t",
      content: "c",
      csv: btoa(
        String.fromCharCode(
          ...new TextEncoder().encode(
            "日期,凭证号,摘要,类别,金额,经手人,审批人\r\n2026-10-01,记9,x,补助收入,abc,王,张",
          ),
        ),
      ),
    });
    const refusal = await refused(Promise.resolve(bad), 422);
    const correction = await disclosures(cookie)[":id"].corrections.$post({
      param: { id: String(own) },
      json: { title: "t", content: "c", reason: "改正一处笔误。" },
    });
    expect(correction.status).toBe(201);
    const stale = await preview(cookie, own, { title: "t", content: "c2" });
    expect(stale.status).toBe(409);
    expect(Object.keys(refusal.error.fields ?? {})[0]).toMatch(/^csv\.\d/);
  });
});
