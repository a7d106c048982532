import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { chinaDate, expectedPeriod, periodLabel, previousPeriod } from "#core/period.ts";
import { publishDisclosure } from "../fixtures/d1.ts";

/** The HTML of one catalogue item's <li> on a served village page. */
function itemHtml(page: string, item: string): string {
  const match = new RegExp(`<li id="i-${item}">([\\s\\S]*?)</li>`).exec(page);
  if (!match) throw new Error(`item ${item} not on the page`);
  return match[1] as string;
}

describe("GET /v/<code>/", () => {
  it("fills each item's latest disclosure from D1 and clears the overdue badge", async () => {
    const village = "371603104202";
    const expected = expectedPeriod("monthly", chinaDate()) as string;

    const before = await (await SELF.fetch(`https://cunma.test/v/${village}/`)).text();
    expect(itemHtml(before, "finance-ledger")).toContain("逾期未公开");
    expect(itemHtml(before, "finance-ledger")).toContain(periodLabel(expected));

    await publishDisclosure(env.DB, {
      village,
      item: "finance-ledger",
      period: previousPeriod(expected),
      title: "上个月的账",
    });
    await publishDisclosure(env.DB, {
      village,
      item: "finance-ledger",
      period: expected,
      title: "本月收支明细<script>",
      tables: {
        kind: "ledger",
        rows: [
          {
            date: "2026-10-03",
            voucher: "记001",
            summary: "村级运转经费",
            category: "补助收入",
            amount: 12_500_000,
            handler: "王",
            approver: "李",
          },
          {
            date: "2026-10-09",
            voucher: "记002",
            summary: "道路维修",
            category: "公益支出",
            amount: 9_800_000,
            handler: "王",
            approver: "李",
          },
        ],
      },
    });

    const response = await SELF.fetch(`https://cunma.test/v/${village}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    const html = itemHtml(await response.text(), "finance-ledger");
    expect(html).not.toContain("逾期未公开");
    expect(html).toContain("本月收支明细&lt;script&gt;");
    expect(html).not.toContain("上个月的账");
    expect(html.replace(/<[^>]+>/g, "")).toContain("收入 12.50万元，支出 9.80万元，结余 2.70万元");
  });

  it("marks a quarterly item overdue when only an older quarter is published", async () => {
    const village = "371603104203";
    const expected = expectedPeriod("quarterly", chinaDate()) as string;
    await publishDisclosure(env.DB, { village, item: "village-dibao", period: previousPeriod(expected) });
    const html = itemHtml(await (await SELF.fetch(`https://cunma.test/v/${village}/`)).text(), "village-dibao");
    expect(html).toContain("逾期未公开");
    expect(html).toContain(periodLabel(previousPeriod(expected)));
  });

  it("never marks an event-driven item overdue", async () => {
    // issue 12: items with nothing published and nothing due share one line per category
    const page = await (await SELF.fetch("https://cunma.test/v/371603104204/")).text();
    const line = /<p class="m" data-quiet="village">([\s\S]*?)<\/p>/.exec(page)?.[1] ?? "";
    expect(line).toContain('<span id="i-village-four-two">');
    expect(line).toContain("还没有公开过");
    expect(line).not.toContain("逾期未公开");
  });

  it("answers an unknown village with the friendly 404 page", async () => {
    const response = await SELF.fetch("https://cunma.test/v/371603104999/");
    expect(response.status).toBe(404);
    const text = await response.text();
    expect(text).toContain("没有找到这个页面");
    expect(text).toContain('href="/"');
  });

  it("redirects a code without its trailing slash", async () => {
    const response = await SELF.fetch("https://cunma.test/v/371603104201", { redirect: "manual" });
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toBe("/v/371603104201/");
  });
});
