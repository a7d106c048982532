/**
 * 积分公示 (issue 16): the village's board for a quarter shows masked names, what moved and what each
 * household holds, and adds up to the ledger; the rules are listed; the village page links to it; the
 * district and town figures count points awarded, reversed, redeemed and the shops held.
 */
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { quarterOf } from "#core/meeting.ts";
import { chinaDate } from "#core/period.ts";
import { maskName } from "#core/points.ts";
import { confirmedEntry, householdOf, points, pointsVillage } from "../fixtures/points.ts";
import { answered, publicClient, TEST_ORIGIN } from "../fixtures/staff.ts";

const TODAY = chinaDate();
const QUARTER = quarterOf(TODAY);

describe("the points board", () => {
  it("shows masked names, the quarter's moves and balances, totals that add up to the ledger, and the rules", async () => {
    const v = await pointsVillage("371603106201", 2);
    const [a, b] = [householdOf(v, 0), householdOf(v, 1)];
    await confirmedEntry(v, a.id, "A2", TODAY);
    const wrong = await confirmedEntry(v, a.id, "A1", TODAY);
    await confirmedEntry(v, b.id, "B1", TODAY);
    const reversal = await answered(
      points(v.admin).entries[":id"].reversal.$post({ param: { id: String(wrong) }, json: { reason: "重复记了" } }),
      201,
    );
    await answered(points(v.supervisor).entries[":id"].confirm.$post({ param: { id: String(reversal.id) } }), 200);
    // recorded but not confirmed: not on the board
    await answered(
      points(v.admin).entries.$post({
        json: { village: v.village, household: b.id, rule: "A2", date: TODAY, reason: "待核实" },
      }),
      201,
    );

    const res = await SELF.fetch(`${TEST_ORIGIN}/v/${v.village}/points/`);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain(maskName(a.name));
    expect(page).not.toContain(a.name);
    expect(page).not.toContain(b.name);
    const cells = [...page.matchAll(/<td class="n">([^<]*)<\/td>/g)].map((m) => m[1]);
    // a: +15 awarded, 0 deducted, -5 reversed, 0 redeemed, +10 now; b: 0, -3, 0, 0, -3; totals
    expect(cells).toEqual(["+15", "0", "-5", "0", "+10", "0", "-3", "0", "0", "-3", "+15", "-3", "-5", "0", "+7"]);
    const ledger = await env.DB.prepare(
      `SELECT SUM(points) AS n FROM points_ledger AS l WHERE village_code = ?1 AND kind IN ('entry', 'reversal')
         AND EXISTS (SELECT 1 FROM points_ledger AS c WHERE c.kind = 'confirm' AND c.ref_id = l.id)`,
    )
      .bind(v.village)
      .first<{ n: number }>();
    expect(ledger?.n).toBe(7);
    expect(page).toContain("庭院整洁");
    expect(page).toContain("乱堆乱放");
    expect(page).toContain("积分账指纹");

    const village = await (await SELF.fetch(`${TEST_ORIGIN}/v/${v.village}/`)).text();
    expect(village).toContain(`href="/v/${v.village}/points/"`);
    expect(village).toContain("2 户，本季共加 15 分");
    // the catalogue's 积分评定结果 is the board itself: it links there instead of standing as not published
    const item = village.slice(village.indexOf('data-item="village-points"'));
    expect(item.slice(0, item.indexOf("</div>"))).toContain(`href="/v/${v.village}/points/"`);
  });

  it("masks every name but its first and last character", () => {
    expect(maskName("张小明")).toBe("张*明");
    expect(maskName("李四")).toBe("李*");
    expect(maskName("欧阳小明")).toBe("欧**明");
    expect(maskName("张小明", "full")).toBe("张小明");
  });

  it("district and town figures: awarded, deducted, reversed, redeemed, shops held", async () => {
    const v = await pointsVillage("371603106202");
    const household = householdOf(v).id;
    await confirmedEntry(v, household, "A2", TODAY);
    const figures = publicClient().api.figures.points;
    const town = await answered(figures.$get({ query: { period: QUARTER, place: "371603106" } }));
    expect(town).toMatchObject({ place: "371603106", period: QUARTER });
    expect(town.awarded).toBeGreaterThanOrEqual(10);
    const district = await answered(figures.$get({ query: { period: QUARTER } }));
    expect(district.awarded).toBeGreaterThanOrEqual(town.awarded);
    const bad = await SELF.fetch(`${TEST_ORIGIN}/api/figures/points?period=${QUARTER}&place=123`);
    expect(bad.status).toBe(400);
    const page = await (await SELF.fetch(`${TEST_ORIGIN}/z/371603106/`)).text();
    expect(page).toContain(`加分 ${town.awarded} 分`);
  });

  it("a card scanned in capitals opens the household's page", async () => {
    const v = await pointsVillage("371603106203");
    const { card } = householdOf(v);
    const res = await SELF.fetch(`${TEST_ORIGIN}/H/${card.code}`, { redirect: "manual" });
    expect(res.status).toBe(301);
    expect(res.headers.get("Location")).toBe(`/h/${card.code}`);
  });
});
