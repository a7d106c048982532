/**
 * POST /api/staff/disclosures and /corrections through the real worker and D1: who may publish, the
 * Chinese field errors, CSV in UTF-8 and GBK, corrections as new versions on a chain that still
 * verifies, the village page and the history page with JS off, and concurrent appends.
 */
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { DisclosureTables } from "#core/disclosure.ts";
import { chinaDate, expectedPeriod, periodLabel } from "#core/period.ts";
import { periodBounds } from "#core/publish-periods.ts";
import { ledgerCsv, ledgerGbkBase64, ledgerWithErrorsGbkBase64, resourcesGbkBase64 } from "../fixtures/csv-samples.ts";
import { answered, errorOf, loginAs, publicClient, staffClient, staffHeaders, TEST_ORIGIN } from "../fixtures/staff.ts";

const TODAY = chinaDate();
const QUARTER = expectedPeriod("quarterly", TODAY) as string;
const { start: QSTART, end: QEND } = periodBounds(QUARTER);

const ledger = (rows: [string, string, string, string, number][]): Extract<DisclosureTables, { kind: "ledger" }> => ({
  kind: "ledger",
  rows: rows.map(([date, voucher, summary, category, amount]) => ({
    date,
    voucher,
    summary,
    category: category as never,
    amount,
    handler: "王会计",
    approver: "张建国",
  })),
});

const quarterLedger = ledger([
  [QSTART, "记001", "上级拨付运转经费", "补助收入", 1_500_000],
  [QEND, "记002", "村内道路维修", "公益支出", 980_050],
]);

function post(path: string, cookie: string | undefined, body: unknown): Promise<Response> {
  return SELF.fetch(`${TEST_ORIGIN}${path}`, {
    method: "POST",
    headers: staffHeaders(cookie),
    body: JSON.stringify(body),
  });
}

const disclosures = (cookie: string | undefined) => staffClient(cookie).api.staff.disclosures;
type PublishBody = Parameters<ReturnType<typeof disclosures>["$post"]>[0]["json"];
type CorrectionBody = Parameters<ReturnType<typeof disclosures>[":id"]["corrections"]["$post"]>[0]["json"];
/** POST /api/staff/disclosures through the typed client. */
const publish = (cookie: string | undefined, json: PublishBody) => disclosures(cookie).$post({ json });
/** POST /api/staff/disclosures/{id}/corrections through the typed client. */
const correct = (cookie: string, id: number, json: CorrectionBody) =>
  disclosures(cookie)[":id"].corrections.$post({ param: { id: String(id) }, json });

const base64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

const count = async (sql: string, ...values: unknown[]) =>
  (
    await env.DB.prepare(sql)
      .bind(...values)
      .first<{ n: number }>()
  )?.n ?? 0;

const page = async (path: string) => {
  const res = await SELF.fetch(`${TEST_ORIGIN}${path}`);
  return { status: res.status, html: await res.text() };
};

function itemHtml(html: string, item: string): string {
  const match = new RegExp(`<li id="i-${item}">([\\s\\S]*?)</li>`).exec(html);
  if (!match) throw new Error(`item ${item} not on the page`);
  return match[1] as string;
}

describe("who may publish", () => {
  it("the village's secretary publishes their own village; another village is 403; nothing is stored", async () => {
    const { cookie } = await loginAs(env.DB, { role: "village_secretary", scope: "371603104205" });
    const body = {
      village: "371603104205",
      item: "village-dibao",
      period: QUARTER,
      title: "低保名单",
      content: "本季度低保名单无变动。",
    };
    const ok = await publish(cookie, body);
    expect(ok.status).toBe(201);
    const published = await ok.json();
    expect(published.seq).toBe(1);
    expect(published.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(published.url).toBe(`/v/371603104205/d/${published.id}/`);

    const other = await publish(cookie, { ...body, village: "371603104206" });
    expect(other.status).toBe(403);
    expect((await errorOf(other)).error.message).toContain("本村");
    expect(await count("SELECT COUNT(*) AS n FROM disclosures WHERE village_code = ?1", "371603104206")).toBe(0);
  });

  it("a town inspector may not publish, even in their town; the district admin may, anywhere; no session is 401", async () => {
    const inspector = await loginAs(env.DB, { role: "town_inspector", scope: "371603104" });
    const body = {
      village: "371603104207",
      item: "village-dibao",
      period: QUARTER,
      title: "低保名单",
      content: "无变动。",
    };
    const refused = await publish(inspector.cookie, body);
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).error.message).toContain("书记");
    const admin = await loginAs(env.DB, { role: "district_admin" });
    expect((await publish(admin.cookie, body)).status).toBe(201);
    expect((await publish(undefined, { ...body, item: "village-relief" })).status).toBe(401);
  });

  it("having misconduct reports against the village changes nothing, and nothing of them is in the answer", async () => {
    const village = "371603104208";
    const res = await SELF.fetch(`${TEST_ORIGIN}/api/villages/${village}/reports`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() },
      body: JSON.stringify({ kind: "misconduct", topic: "conduct", content: "书记优亲厚友，低保给了亲戚。" }),
    });
    expect(res.status).toBe(201);
    const { cookie } = await loginAs(env.DB, { role: "village_secretary", scope: village });
    const ok = await publish(cookie, {
      village,
      item: "village-dibao",
      period: QUARTER,
      title: "低保名单",
      content: "名单经民主评议。",
    });
    expect(ok.status).toBe(201);
    expect(await ok.text()).not.toContain("优亲厚友");
  });
});

describe("validation, in Chinese, naming the field", () => {
  it("refuses a missing title, a period of the wrong shape or still ahead, a wrong table, an unknown item", async () => {
    const village = "371603104209";
    const { cookie } = await loginAs(env.DB, { role: "village_secretary", scope: village });
    const base = {
      village,
      item: "finance-quarterly",
      period: QUARTER,
      title: "季度收支",
      content: "本季度收支如下。",
    };
    const cases: [object, string, RegExp][] = [
      [{ ...base, title: "  " }, "title", /标题/],
      [{ ...base, content: "" }, "content", /公开内容/],
      [{ ...base, period: "2026-09" }, "period", /每季度公开.*2026-Q3/],
      [{ ...base, period: "2999-Q1" }, "period", /还没到/],
      [{ ...base, item: "no-such-item" }, "item", /事项/],
      [{ ...base, tables: { kind: "assets", rows: [] } }, "tables.1", /表格/],
      [
        {
          ...base,
          tables: {
            kind: "resources",
            rows: [
              {
                category: "耕地",
                location: "村北",
                areaMu: 10,
                contractNo: "C1",
                contractor: "张",
                start: "2020-01-01",
                end: "2030-01-01",
                annualFee: 1,
                paid: 1,
              },
            ],
          },
        },
        "tables",
        /收支明细.*资源和合同台账/,
      ],
      [{ ...base, item: "party-meetings", period: "2026-10", tables: quarterLedger }, "tables", /不需要/],
      [{ ...base, tables: ledger([["2020-01-05", "记009", "错期的账", "管理费用", 100]]) }, "tables.1", /不在.*内/],
    ];
    for (const [body, field, message] of cases) {
      // bodies the typed client cannot send (wrong types, missing fields): this table goes raw
      const res = await post("/api/staff/disclosures", cookie, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      const { error } = await errorOf(res);
      expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(error.fields?.[field], `${field} of ${JSON.stringify(body)}: ${JSON.stringify(error.fields)}`).toMatch(
        message,
      );
    }
    const bad = await SELF.fetch(`${TEST_ORIGIN}/api/staff/disclosures`, {
      method: "POST",
      headers: staffHeaders(cookie),
      body: "{not json",
    });
    expect(bad.status).toBe(400);
    expect(await count("SELECT COUNT(*) AS n FROM disclosures WHERE village_code = ?1", village)).toBe(0);
  });

  it("a second publication of the same period is a 409 that points to 更正", async () => {
    const village = "371603104210";
    const { cookie } = await loginAs(env.DB, { role: "village_secretary", scope: village });
    const body = { village, item: "village-relief", period: QUARTER, title: "临时救助", content: "本季度救助两户。" };
    expect((await publish(cookie, body)).status).toBe(201);
    const again = await publish(cookie, { ...body, title: "改过的" });
    expect(again.status).toBe(409);
    expect((await errorOf(again)).error.message).toContain("更正");
    expect(await count("SELECT COUNT(*) AS n FROM disclosures WHERE village_code = ?1", village)).toBe(1);
  });
});

describe("CSV upload through the route", () => {
  const village = "371603104211";

  it("imports a UTF-8 file and a GBK file (as WPS and Excel save them) into amounts in fen", async () => {
    const { cookie } = await loginAs(env.DB, { role: "village_secretary", scope: village });
    const body = { village, item: "finance-ledger", title: "2026年10月财务收支明细", content: "十月收支如下。" };
    const utf8 = await publish(cookie, {
      ...body,
      period: "2026-10",
      csv: base64(`\uFEFF${ledgerCsv}`),
    });
    expect(utf8.status).toBe(201);
    const first = await utf8.json();
    expect(first.summary).toBe(
      "收入 1.50万元，支出 1.02万元，结余 0.48万元。最大一笔支出是“村内道路维修（东西大街, 含材料）”9800.50元。",
    );

    const quarterly = await publish(cookie, {
      ...body,
      item: "finance-quarterly",
      period: "2026-Q4",
      csv: ledgerGbkBase64,
    });
    expect(quarterly.status).toBe(201);
    const stored = await env.DB.prepare("SELECT tables FROM disclosures WHERE id = ?1")
      .bind((await quarterly.json()).id)
      .first<{ tables: string }>();
    const tables = JSON.parse(stored?.tables ?? "null") as Extract<DisclosureTables, { kind: "ledger" }>;
    expect(tables.rows.map((r) => r.amount)).toEqual([1_500_000, 980_050, 35_600]);
    expect(tables.rows[2]?.summary).toBe('办公用品"A4纸"');
  });

  it("a GBK file with bad rows answers each row's error as fields and stores nothing", async () => {
    const { cookie } = await loginAs(env.DB, { role: "village_secretary", scope: village });
    const before = await count("SELECT COUNT(*) AS n FROM disclosures");
    const audits = await count("SELECT COUNT(*) AS n FROM audit_log");
    const res = await publish(cookie, {
      village,
      item: "finance-ledger",
      period: "2026-09",
      title: "九月",
      content: "九月收支。",
      csv: ledgerWithErrorsGbkBase64,
    });
    expect(res.status).toBe(422);
    const { error } = await errorOf(res);
    expect(error.message).toContain("这次什么都没有保存");
    const messages = Object.values(error.fields ?? {});
    expect(messages).toContain("第3行「金额」不是数字。");
    expect(messages.some((m) => m.startsWith("第4行「类别」只能填"))).toBe(true);
    expect(messages.some((m) => m.startsWith("第5行「日期」不是有效日期"))).toBe(true);
    expect(Object.keys(error.fields ?? {})).toContain("csv.3.金额");
    expect(await count("SELECT COUNT(*) AS n FROM disclosures")).toBe(before);
    expect(await count("SELECT COUNT(*) AS n FROM audit_log")).toBe(audits);
  });

  it("a resources file for a ledger item is refused as the wrong kind of table", async () => {
    const { cookie } = await loginAs(env.DB, { role: "village_secretary", scope: village });
    const res = await publish(cookie, {
      village,
      item: "finance-contracts",
      period: QUARTER,
      title: "合同",
      content: "本季度合同履行情况。",
      csv: resourcesGbkBase64,
    });
    expect(res.status).toBe(201);
    const wrong = await publish(cookie, {
      village,
      item: "finance-quarterly",
      period: QUARTER,
      title: "季度",
      content: "季度。",
      csv: resourcesGbkBase64,
    });
    expect(wrong.status).toBe(422);
    expect(Object.values((await errorOf(wrong)).error.fields ?? {}).join()).toContain("缺少「日期」");
  });
});

describe("the village page and the history page, with JS off", () => {
  it("shows the new item at once: plain summary above the table, a chart of the periods, a link to its history", async () => {
    const village = "371603104212";
    const { cookie } = await loginAs(env.DB, { role: "village_secretary", scope: village });
    const before = itemHtml((await page(`/v/${village}/`)).html, "finance-quarterly");
    expect(before).toContain("逾期未公开");

    const earlier = "2026-Q2" < QUARTER ? "2026-Q2" : "2025-Q4";
    const bounds = periodBounds(earlier);
    await publish(cookie, {
      village,
      item: "finance-quarterly",
      period: earlier,
      title: "上季度收支",
      content: "上季度。",
      tables: ledger([[bounds.start, "记001", "运转经费", "补助收入", 800_000]]),
    });
    const res = await publish(cookie, {
      village,
      item: "finance-quarterly",
      period: QUARTER,
      title: "本季度收支汇总<b>",
      content: "本季度收支已经民主理财小组审核。",
      tables: quarterLedger,
    });
    const { id } = await res.json();
    const served = await page(`/v/${village}/`);
    const html = itemHtml(served.html, "finance-quarterly");
    expect(html).not.toContain("逾期未公开");
    expect(html).toContain("本季度收支汇总&lt;b&gt;");
    expect(html).toContain(periodLabel(QUARTER));
    // one unit per sentence (issue 12): 1.5万元 and 9800.5元 are no longer said side by side
    const summary = html.indexOf('收入 <span class="n">1.50万元</span>，支出 <span class="n">0.98万元</span>');
    expect(summary).toBeGreaterThan(-1);
    expect(summary).toBeLessThan(html.indexOf("<table"));
    expect(html).toMatch(/<svg role="img" aria-label="[^"]*收入1\.50万元、支出0\.98万元/);
    expect(html).toContain(`href="/v/${village}/d/${id}/"`);
    // complete with JS off: no inline script; only the optional 读给我听 module (issue 12) is loaded
    expect(served.html).not.toMatch(/<script(?! type="module" src="\/_astro\/)/);

    const history = await page(`/v/${village}/d/${id}/`);
    expect(history.status).toBe(200);
    expect(history.html).toContain("村内道路维修");
    expect(history.html).toContain('<td data-label="金额（元）" class="n">9800.50</td>');
    expect(history.html.indexOf("一句话说明")).toBeLessThan(history.html.indexOf("<table"));
    expect((await page(`/v/371603104213/d/${id}/`)).status).toBe(404);
    expect((await page(`/v/${village}/d/99999999/`)).status).toBe(404);
  });
});

describe("corrections", () => {
  it("appends a new version with its reason; the chain verifies; both pages say 已更正 and what changed", async () => {
    const village = "371603104214";
    const { cookie } = await loginAs(env.DB, { role: "village_secretary", scope: village });
    const first = await (
      await publish(cookie, {
        village,
        item: "finance-quarterly",
        period: QUARTER,
        title: "本季度收支汇总",
        content: "本季度收支如下。",
        tables: quarterLedger,
      })
    ).json();

    // no reason: the typed client cannot send it
    const noReason = await post(`/api/staff/disclosures/${first.id}/corrections`, cookie, {
      title: "本季度收支汇总",
      content: "本季度收支如下。",
    });
    expect(noReason.status).toBe(422);
    expect((await errorOf(noReason)).error.fields?.reason).toContain("更正的原因");

    const corrected = quarterLedger.rows.map((r) => (r.voucher === "记002" ? { ...r, amount: 908_050 } : r));
    const res = await correct(cookie, first.id, {
      title: "本季度收支汇总（更正）",
      content: "本季度收支如下。",
      reason: "记002 金额录入错误，以发票为准",
      tables: {
        kind: "ledger",
        rows: [
          ...corrected,
          {
            ...(quarterLedger.rows[0] as (typeof corrected)[number]),
            voucher: "记003",
            summary: "办公用品",
            category: "管理费用",
            amount: 35_600,
          },
        ],
      },
    });
    expect(res.status).toBe(201);
    const second = await res.json();
    expect(second.corrects).toBe(first.id);
    expect(second.seq).toBe(first.seq + 1);
    expect(second.prevHash).toBe(first.hash);

    const stale = await correct(cookie, first.id, {
      title: "再改",
      content: "再改。",
      reason: "在旧版本上改",
    });
    expect(stale.status).toBe(409);
    const other = await loginAs(env.DB, { role: "village_secretary", scope: "371603104215" });
    expect(
      (
        await correct(other.cookie, second.id, {
          title: "x",
          content: "y",
          reason: "别村来改",
        })
      ).status,
    ).toBe(403);

    const chain = await answered(publicClient().api.villages[":code"].chain.$get({ param: { code: village } }));
    expect(chain).toMatchObject({ valid: true, length: 2 });
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'disclosure_correct' AND target = ?1",
        `disclosure:${village}#2`,
      ),
    ).toBe(1);

    const village_ = itemHtml((await page(`/v/${village}/`)).html, "finance-quarterly");
    expect(village_).toContain("已更正");
    expect(village_).toContain(`/v/${village}/d/${second.id}/`);

    const history = (await page(`/v/${village}/d/${second.id}/`)).html;
    expect(history).toContain("第 1 版");
    expect(history).toContain("第 2 版");
    expect(history).toContain("更正原因：记002 金额录入错误，以发票为准");
    expect(history).toContain("「标题」改了");
    expect(history).toContain("第 2 行改了：金额 由 9800.50元 改为 9080.50元");
    expect(history).toContain("新增一行：");
    // a correction of the words alone keeps the table
    const third = await correct(cookie, second.id, {
      title: "本季度收支汇总（更正）",
      content: "本季度收支如下，已经民主理财小组审核。",
      reason: "补充审核情况",
    });
    expect(third.status).toBe(201);
    const kept = await env.DB.prepare("SELECT tables FROM disclosures WHERE id = ?1")
      .bind((await third.json()).id)
      .first<{ tables: string }>();
    expect(JSON.parse(kept?.tables ?? "null").rows).toHaveLength(3);

    const old = (await page(`/v/${village}/d/${first.id}/`)).html;
    expect(old).toContain("第 3 版");
    expect(old).toContain("已更正");
  });
});

describe("appending under concurrency", () => {
  it("parallel publications of one village all land, each on its own seq, and the chain verifies", async () => {
    const village = "371603104216";
    const { cookie } = await loginAs(env.DB, { role: "village_secretary", scope: village });
    const items = ["village-dibao", "village-relief", "village-disability", "village-veterans", "village-points"];
    const results = await Promise.all(
      items.map((item) => publish(cookie, { village, item, period: QUARTER, title: item, content: "同时公开。" })),
    );
    expect(results.map((r) => r.status)).toEqual(items.map(() => 201));
    const seqs = (await Promise.all(results.map((r) => r.json()))).map((p) => p.seq).sort();
    expect(seqs).toEqual([1, 2, 3, 4, 5]);
    const chain = await answered(publicClient().api.villages[":code"].chain.$get({ param: { code: village } }));
    expect(chain).toMatchObject({ valid: true, length: 5 });
  });
});
