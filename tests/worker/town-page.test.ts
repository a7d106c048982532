import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { chinaDate, expectedPeriod, previousPeriod } from "#core/period.ts";
import { catalogueItems, type Village, villagesOfTown } from "#core/reference.ts";
import { overdueDisclosures, overdueInArea } from "../../worker/src/disclosures/overdue.ts";
import { publishDisclosure } from "../fixtures/d1.ts";

const town = "371603107";
const required = catalogueItems.filter((i) => expectedPeriod(i.cadence, chinaDate()) !== null);

/** The status text in a village's slot on the served town page. */
async function statuses(): Promise<Map<string, string>> {
  const response = await SELF.fetch(`https://cunma.test/z/${town}/`);
  expect(response.status).toBe(200);
  const html = await response.text();
  return new Map(
    [...html.matchAll(/data-village-status="(\d{12})"[^>]*>([\s\S]*?)<\/span>/g)].map((m) => [
      m[1] as string,
      (m[2] as string).replace(/<[^>]+>/g, ""),
    ]),
  );
}

describe("GET /z/<code>/", () => {
  it("shows each village's overdue count, and 按时公开 once everything due is published", async () => {
    const [onTime, partly, untouched] = villagesOfTown(town) as [Village, Village, Village];
    const today = chinaDate();
    for (const item of required) {
      await publishDisclosure(env.DB, {
        village: onTime.code,
        item: item.id,
        period: expectedPeriod(item.cadence, today) as string,
      });
    }
    // Only an older period for the monthly ledger, and the quarterly 低保 list on time.
    const ledgerDue = expectedPeriod("monthly", today) as string;
    await publishDisclosure(env.DB, {
      village: partly.code,
      item: "finance-ledger",
      period: previousPeriod(ledgerDue),
    });
    await publishDisclosure(env.DB, {
      village: partly.code,
      item: "village-dibao",
      period: expectedPeriod("quarterly", today) as string,
    });

    const shown = await statuses();
    expect(shown.size).toBe(villagesOfTown(town).length);
    expect(shown.get(onTime.code)).toBe("按时公开");
    expect(shown.get(partly.code)).toBe(`${required.length - 1} 项逾期未公开`);
    expect(shown.get(untouched.code)).toBe(`${required.length} 项逾期未公开`);

    // Publishing the missing month brings the count down by one.
    await publishDisclosure(env.DB, { village: partly.code, item: "finance-ledger", period: ledgerDue });
    expect((await statuses()).get(partly.code)).toBe(`${required.length - 2} 项逾期未公开`);
  });

  it("lists which item is overdue for which period, per village of the area", async () => {
    const { villages, overdue } = await overdueInArea(env.DB, town, chinaDate());
    expect(villages).toHaveLength(15);
    const first = villages[0]?.code as string;
    expect(overdue.filter((o) => o.village === first)).toEqual([]);
    const second = overdue.filter((o) => o.village === villages[1]?.code);
    const ledger = second.find((o) => o.item === "finance-ledger");
    expect(ledger).toBeUndefined();
    const budget = second.find((o) => o.item === "finance-budget");
    expect(budget).toMatchObject({ cadence: "yearly", expected: expectedPeriod("yearly", chinaDate()), latest: null });
  });

  it("computes the overdue list from rows for a fixed date", () => {
    const village = { code: "371603107201", town, name: "河东村", demo: false };
    const overdue = overdueDisclosures(
      [village],
      [
        { village: village.code, item: "finance-ledger", period: "2026-09" },
        { village: village.code, item: "finance-quarterly", period: "2026-Q3" },
      ],
      "2026-11-29",
    );
    expect(overdue.find((o) => o.item === "finance-ledger")).toEqual({
      village: village.code,
      item: "finance-ledger",
      cadence: "monthly",
      expected: "2026-10",
      latest: "2026-09",
    });
    expect(overdue.some((o) => o.item === "finance-quarterly")).toBe(false);
    expect(overdue.some((o) => o.item === "village-four-two")).toBe(false);
    expect(overdue).toHaveLength(required.length - 1);
  });

  it("answers an unknown town with the friendly 404 and redirects a code without its slash", async () => {
    const missing = await SELF.fetch("https://cunma.test/z/371603999/");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("没有找到这个页面");
    const redirect = await SELF.fetch(`https://cunma.test/z/${town}`, { redirect: "manual" });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get("location")).toBe(`/z/${town}/`);
  });
});
