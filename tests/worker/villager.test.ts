/**
 * What a villager reads and types, through the real worker and D1: phone numbers, the receipt box that
 * keeps a mistake, names instead of internal numbers, natural timeline words, the overdue badge's real
 * date, the village page's quiet items on one line, and the 大字 switch.
 */
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { chinaDate, dateLabel, dueDate, expectedPeriod } from "#core/period.ts";
import { negativePowerById } from "#core/power.ts";
import { dammDigit, formatReceipt } from "#core/report.ts";
import { publishDisclosure } from "../fixtures/d1.ts";
import { reportBody } from "../fixtures/reports.ts";
import { errorOf, filedOf } from "../fixtures/staff.ts";

const BASE = "https://cunma.test";
const VILLAGE = "371603104230";
let ip = 0;
const freshIp = () => `203.0.113.${++ip}`;

function postJson(body: unknown) {
  return SELF.fetch(`${BASE}/api/villages/${VILLAGE}/reports`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "CF-Connecting-IP": freshIp() },
    body: JSON.stringify(body),
  });
}

function postForm(fields: Record<string, string>) {
  return SELF.fetch(`${BASE}/api/villages/${VILLAGE}/reports`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Accept: "text/html",
      "CF-Connecting-IP": freshIp(),
    },
    body: new URLSearchParams(fields).toString(),
  });
}

const count = async () =>
  (
    await env.DB.prepare("SELECT COUNT(*) AS n FROM reports WHERE village_code = ?1")
      .bind(VILLAGE)
      .first<{ n: number }>()
  )?.n;

describe("a phone number, if given", () => {
  it.each([
    ["a mobile number", "13800000000"],
    ["a mobile number with spaces and +86", "+86 139 0000 0000"],
    ["a mobile number in full-width digits", "１３９０５４３１２３４"],
    ["a landline with its area code", "0543-3321234"],
    ["a landline with a 3-digit area code, no dash", "01088886666"],
  ])("accepts %s", async (_, phone) => {
    const response = await postJson(reportBody({ contact: { phone } }));
    expect(response.status).toBe(201);
  });

  it.each([
    ["a landline without its area code", "3321234"],
    ["a number that is too short", "1380000"],
    ["a mobile number with 12 digits", "138000000001"],
    ["a number starting 12", "12800000000"],
    ["words", "打我电话"],
  ])("refuses %s with a Chinese message naming the field, storing nothing", async (_, phone) => {
    const before = await count();
    const response = await postJson(reportBody({ contact: { phone } }));
    expect(response.status).toBe(422);
    const body = await errorOf(response);
    expect(body.error.fields?.phone).toContain("联系电话");
    expect(body.error.fields?.phone).toContain("区号");
    expect(await count()).toBe(before);
  });

  it("refuses it on the plain form too, with the message and the typed number back in the box", async () => {
    const response = await postForm({
      kind: "question",
      topic: "affairs",
      content: "路灯坏了好几天了",
      contact_phone: "3321234",
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain("联系电话不对");
    expect(html).toMatch(/name="contact_phone"[^>]*value="3321234"/);
  });
});

describe("the receipt lookup box", () => {
  const base = "123456789012345";
  const valid = `${base}${dammDigit(base)}`;
  const mistyped = `${base}${(dammDigit(base) + 1) % 10}`;

  it("keeps a mistyped receipt in the box with the message, not cleared", async () => {
    const typed = encodeURIComponent(formatReceipt(mistyped));
    const response = await SELF.fetch(`${BASE}/r/?receipt=${typed}`, { redirect: "follow" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("回执号好像抄错了");
    expect(html).toMatch(new RegExp(`<input id="receipt" name="receipt"[^>]*value="${mistyped}"`));
  });

  it("keeps a well-formed receipt that is not found in the box too", async () => {
    const response = await SELF.fetch(`${BASE}/r/${valid}`, { headers: { "CF-Connecting-IP": freshIp() } });
    expect(response.status).toBe(404);
    expect(await response.text()).toMatch(new RegExp(`name="receipt"[^>]*value="${valid}"`));
  });
});

describe("names, not internal numbers", () => {
  it("names the disclosure a question is about by its title, not its id", async () => {
    const id = await publishDisclosure(env.DB, {
      village: VILLAGE,
      item: "village-relief",
      period: "2026-Q3",
      title: "第三季度临时救助名单",
    });
    const html = await (await SELF.fetch(`${BASE}/v/${VILLAGE}/ask/?disclosure=${id}`)).text();
    expect(html).toContain("您问的是本村公开的“第三季度临时救助名单”");
    expect(html).not.toContain(`第 ${id} 号`);
  });

  it("names the 小微权力 item by its name, not its number", async () => {
    const html = await (await SELF.fetch(`${BASE}/v/${VILLAGE}/report/?power=n06`)).text();
    expect(html).toContain(`“${negativePowerById("n06")?.name}”`);
    expect(html).not.toContain("编号 n06");
  });
});

describe("the receipt page's timeline", () => {
  it("reads naturally for each kind", async () => {
    const words = { question: "收到您的提问", request: "收到您要办的事", misconduct: "收到您反映的问题" };
    for (const [kind, expected] of Object.entries(words)) {
      const response = await postJson(reportBody({ kind, topic: kind === "misconduct" ? "conduct" : "affairs" }));
      const { receipt } = await filedOf(response);
      const html = await (await SELF.fetch(`${BASE}/r/${receipt}`)).text();
      expect(html).toContain(expected);
      expect(html).not.toContain("收到您的我要监督");
      expect(html).not.toContain("收到您的码上");
    }
  });
});

describe("the village page", () => {
  it("says the actual date an overdue item was due", async () => {
    const html = await (await SELF.fetch(`${BASE}/v/${VILLAGE}/`)).text();
    const expected = expectedPeriod("monthly", chinaDate()) as string;
    const ledger = /<li id="i-finance-ledger">([\s\S]*?)<\/li>/.exec(html)?.[1] ?? "";
    expect(ledger).toContain("逾期未公开");
    expect(ledger).toContain(dateLabel(dueDate(expected)));
  });

  it("groups items with nothing published and nothing due into one line per category", async () => {
    const html = await (await SELF.fetch(`${BASE}/v/${VILLAGE}/`)).text();
    expect(html).not.toMatch(/<li id="i-party-discipline">/);
    const line = /<p class="m" data-quiet="party">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? "";
    expect(line).toContain("还没有公开过");
    expect(line).toContain('<span id="i-party-discipline">党员违纪处理</span>');
    expect(html.match(/还没有公开过/g)?.length).toBe(3);
  });

  it("opens every line of a ledger under 看明细（共 N 笔）", async () => {
    const village = "371603104231";
    const rows = Array.from({ length: 8 }, (_, i) => ({
      date: `2026-10-0${i + 1}`,
      voucher: `记${i + 1}`,
      summary: `第${i + 1}笔`,
      category: "管理费用" as const,
      amount: 44_720 + i,
      handler: "王",
      approver: "李",
    }));
    await publishDisclosure(env.DB, {
      village,
      item: "finance-ledger",
      period: "2026-10",
      tables: { kind: "ledger", rows },
    });
    const html = await (await SELF.fetch(`${BASE}/v/${village}/`)).text();
    const ledger = /<li id="i-finance-ledger">([\s\S]*?)<\/li>/.exec(html)?.[1] ?? "";
    expect(ledger).toContain("看明细（共 8 笔）");
    expect(ledger.match(/<tr>/g)?.length).toBe(9); // the header and all 8 lines
    expect(ledger).toContain('<td data-label="金额（元）" class="n">447.20</td>');
  });
});

describe("大字 (GET /settings/size)", () => {
  it("remembers the choice in a cookie and sends the villager back", async () => {
    const response = await SELF.fetch(`${BASE}/settings/size?large=1&back=${encodeURIComponent("/v/371603104201/")}`, {
      redirect: "manual",
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/v/371603104201/");
    expect(response.headers.get("set-cookie")).toMatch(/^size=large;.*Path=\/.*SameSite=Lax/i);
  });

  it("serves every page in large text with that cookie, and in normal text without", async () => {
    for (const path of [`/v/${VILLAGE}/`, "/r/", "/z/371603104/", `/v/${VILLAGE}/ask/`, "/", "/power/"]) {
      const large = await SELF.fetch(`${BASE}${path}`, { headers: { Cookie: "size=large" } });
      expect(await large.text(), path).toMatch(/<html[^>]*class="large"/);
      expect(large.headers.get("vary") ?? "", path).toMatch(/Cookie/i);
      const normal = await SELF.fetch(`${BASE}${path}`);
      expect(await normal.text(), path).not.toMatch(/<html[^>]*class="large"/);
      // no validator shared by both sizes, or a revalidated page would come back in the old size (issue 14:
      // live pages carry an ETag of their own, which names the size)
      const tag = large.headers.get("etag");
      if (tag !== null) expect(tag, path).not.toBe(normal.headers.get("etag"));
    }
  });

  it("points the switch back at the page being read, receipt pages included", async () => {
    const html = await (await SELF.fetch(`${BASE}/r/1234567890123450`)).text();
    expect(html).toContain(`href="/settings/size?large=1&amp;back=${encodeURIComponent("/r/1234567890123450")}"`);
  });

  it.each([
    ["another site", "//evil.example/"],
    ["a backslash trick", "/\\evil.example/"],
    ["an absolute address", "https://evil.example/"],
  ])("refuses to send anyone to %s (400, naming the field)", async (_, back) => {
    const response = await SELF.fetch(`${BASE}/settings/size?large=1&back=${encodeURIComponent(back)}`, {
      redirect: "manual",
    });
    expect(response.status).toBe(400);
    const body = await errorOf(response);
    expect(body.error.fields?.back).toMatch(/[\u4e00-\u9fff]/);
  });

  it("refuses a size it does not know", async () => {
    const response = await SELF.fetch(`${BASE}/settings/size?large=huge`, { redirect: "manual" });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).error.fields?.large).toBeTruthy();
  });
});
