/**
 * 积分制 and 积分超市 (issue 16): two people for every entry, reversals, spending never beyond the balance
 * (also under a burst of redemptions), the shop's window, the ledger append-only and hash-chained, and
 * each village's points people kept to their own village.
 */
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { quarterOf } from "#core/meeting.ts";
import { chinaDate } from "#core/period.ts";
import { verifyLedger } from "#core/points.ts";
import { periodBounds } from "#core/publish-periods.ts";
import type { StaffRole } from "#core/staff.ts";
import { ledgerRows } from "../../worker/src/points/queries.ts";
import { staffGet, staffPost } from "../fixtures/cases.ts";
import { confirmedEntry, expectPost, pointsVillage, RULES } from "../fixtures/points.ts";
import { loginAs, staffHeaders, TEST_ORIGIN } from "../fixtures/staff.ts";
import { withoutTriggers } from "../fixtures/tamper.ts";

interface Household {
  id: number;
  number: string;
  name: string;
  balance: number;
}
interface VillagePoints {
  households: Household[];
  ledger: { id: number; kind: string; points: number; confirmedBy: string | null; reversedBy: number | null }[];
}

const entryBody = (village: string, household: number, rule = "A1") => ({
  village,
  household,
  rule,
  date: "2026-11-02",
  reason: "参加了村里组织的清扫",
});

async function balanceOf(cookie: string, village: string, household: number): Promise<number> {
  const res = await staffGet(cookie, `/api/staff/points?village=${village}`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as VillagePoints;
  return (body.households.find((h) => h.id === household) as Household).balance;
}

describe("two people, always", () => {
  it("an entry counts only once a points supervisor, not its recorder, confirms it", async () => {
    const v = await pointsVillage("371603104220");
    const household = (v.households[0] as { id: number }).id;
    const entry = await expectPost<{ id: number }>(
      v.admin,
      "/api/staff/points/entries",
      entryBody(v.village, household, "A2"),
      201,
    );
    expect(await balanceOf(v.admin, v.village, household)).toBe(0);

    // the recorder cannot confirm: a points administrator has no confirming role at all
    const self = await staffPost(v.admin, `/api/staff/points/entries/${entry.id}/confirm`, {});
    expect(self.status).toBe(403);
    // nor can the secretary, who may record
    const secretary = (await loginAs(env.DB, { role: "village_secretary", scope: v.village })).cookie;
    expect((await staffPost(secretary, `/api/staff/points/entries/${entry.id}/confirm`, {})).status).toBe(403);
    expect(await balanceOf(v.admin, v.village, household)).toBe(0);

    await expectPost(v.supervisor, `/api/staff/points/entries/${entry.id}/confirm`, {}, 200);
    expect(await balanceOf(v.admin, v.village, household)).toBe(10);
    // once only
    expect((await staffPost(v.supervisor, `/api/staff/points/entries/${entry.id}/confirm`, {})).status).toBe(409);
    expect(await balanceOf(v.admin, v.village, household)).toBe(10);
  });

  it("the database itself refuses a confirmation by the one who recorded the entry", async () => {
    const v = await pointsVillage("371603104221");
    const entry = await expectPost<{ id: number }>(
      v.admin,
      "/api/staff/points/entries",
      entryBody(v.village, (v.households[0] as { id: number }).id),
      201,
    );
    const recorder = await env.DB.prepare("SELECT actor, household_id FROM points_ledger WHERE id = ?1")
      .bind(entry.id)
      .first<{ actor: string; household_id: number }>();
    const forged = env.DB.prepare(
      `INSERT INTO points_ledger (village_code, kind, household_id, ref_id, points, on_date, actor, at, seq, prev_hash, hash)
       VALUES (?1, 'confirm', ?2, ?3, 0, '2026-11-03', ?4, '2026-11-03T00:00:00Z', 999, 'x', 'forged')`,
    ).bind(v.village, recorder?.household_id, entry.id, recorder?.actor);
    await expect(forged.run()).rejects.toThrow(/second person/);
  });

  it("a secretary records, a supervisor confirms", async () => {
    const v = await pointsVillage("371603104222");
    const secretary = (await loginAs(env.DB, { role: "village_secretary", scope: v.village })).cookie;
    const household = (v.households[0] as { id: number }).id;
    const entry = await expectPost<{ id: number }>(
      secretary,
      "/api/staff/points/entries",
      entryBody(v.village, household, "B1"),
      201,
    );
    await expectPost(v.supervisor, `/api/staff/points/entries/${entry.id}/confirm`, {}, 200);
    expect(await balanceOf(v.admin, v.village, household)).toBe(-3);
  });
});

describe("reversals", () => {
  it("undo a confirmed entry by a new entry with a reason, which counts once confirmed; never twice", async () => {
    const v = await pointsVillage("371603104223");
    const household = (v.households[0] as { id: number }).id;
    const pending = await expectPost<{ id: number }>(
      v.admin,
      "/api/staff/points/entries",
      entryBody(v.village, household),
      201,
    );
    // an unconfirmed entry is simply left unconfirmed
    expect(
      (await staffPost(v.admin, `/api/staff/points/entries/${pending.id}/reversal`, { reason: "记错了" })).status,
    ).toBe(409);
    const id = await confirmedEntry(v, household, "A2");
    expect(await balanceOf(v.admin, v.village, household)).toBe(10);
    const noReason = await staffPost(v.admin, `/api/staff/points/entries/${id}/reversal`, { reason: " " });
    expect(noReason.status).toBe(422);
    expect(((await noReason.json()) as { error: { fields: Record<string, string> } }).error.fields.reason).toContain(
      "原因",
    );
    const reversal = await expectPost<{ id: number; points: number }>(
      v.admin,
      `/api/staff/points/entries/${id}/reversal`,
      { reason: "这一户不在本村清扫名单里，记错了" },
      201,
    );
    expect(reversal.points).toBe(-10);
    expect(await balanceOf(v.admin, v.village, household)).toBe(10);
    await expectPost(v.supervisor, `/api/staff/points/entries/${reversal.id}/confirm`, {}, 200);
    expect(await balanceOf(v.admin, v.village, household)).toBe(0);
    expect((await staffPost(v.admin, `/api/staff/points/entries/${id}/reversal`, { reason: "再撤一次" })).status).toBe(
      409,
    );
    expect(await balanceOf(v.admin, v.village, household)).toBe(0);
  });
});

describe("the ledger is never changed", () => {
  it("refuses an update and a delete", async () => {
    const v = await pointsVillage("371603104224");
    const id = await confirmedEntry(v, (v.households[0] as { id: number }).id, "A1");
    await expect(env.DB.prepare("UPDATE points_ledger SET points = 500 WHERE id = ?1").bind(id).run()).rejects.toThrow(
      /append-only/,
    );
    await expect(env.DB.prepare("DELETE FROM points_ledger WHERE id = ?1").bind(id).run()).rejects.toThrow(
      /append-only/,
    );
  });

  it("is hash-chained: a row changed behind the triggers' back is caught, and the public check says where", async () => {
    const v = await pointsVillage("371603104225");
    const id = await confirmedEntry(v, (v.households[0] as { id: number }).id, "A1");
    expect((await verifyLedger(await ledgerRows(env.DB, v.village))).valid).toBe(true);
    await withoutTriggers(env.DB, "points_ledger", [
      env.DB.prepare("UPDATE points_ledger SET points = 500 WHERE id = ?1").bind(id),
    ]);
    const result = await verifyLedger(await ledgerRows(env.DB, v.village));
    expect(result).toMatchObject({ valid: false, brokenAt: { id, reason: "hash_mismatch" } });
    const res = await SELF.fetch(`${TEST_ORIGIN}/api/villages/${v.village}/points/chain`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ valid: false, brokenAt: { id, reason: "hash_mismatch" } });
  });
});

describe("each village's own", () => {
  it("another village's points people can neither record, confirm, reverse nor read", async () => {
    const v = await pointsVillage("371603104226");
    const household = (v.households[0] as { id: number }).id;
    const entry = await expectPost<{ id: number }>(
      v.admin,
      "/api/staff/points/entries",
      entryBody(v.village, household),
      201,
    );
    const other = "371603105201";
    const otherAdmin = (await loginAs(env.DB, { role: "points_admin", scope: other })).cookie;
    const otherSupervisor = (await loginAs(env.DB, { role: "points_supervisor", scope: other })).cookie;
    const town = (await loginAs(env.DB, { role: "town_inspector", scope: "371603104" })).cookie;

    expect((await staffPost(otherAdmin, "/api/staff/points/entries", entryBody(v.village, household))).status).toBe(
      403,
    );
    // its own village, another village's household
    expect((await staffPost(otherAdmin, "/api/staff/points/entries", entryBody(other, household))).status).toBe(422);
    expect((await staffPost(otherAdmin, "/api/staff/points/rules", { village: v.village, rules: RULES })).status).toBe(
      403,
    );
    expect(
      (await staffPost(otherAdmin, "/api/staff/points/households", { village: v.village, number: "9", name: "李四" }))
        .status,
    ).toBe(403);
    expect((await staffPost(otherSupervisor, `/api/staff/points/entries/${entry.id}/confirm`, {})).status).toBe(404);
    expect(
      (await staffPost(otherAdmin, `/api/staff/points/entries/${entry.id}/reversal`, { reason: "x" })).status,
    ).toBe(404);
    expect((await staffGet(otherAdmin, `/api/staff/points?village=${v.village}`)).status).toBe(403);
    // the town inspector watches but never records
    expect((await staffGet(town, `/api/staff/points?village=${v.village}`)).status).toBe(200);
    expect((await staffPost(town, "/api/staff/points/entries", entryBody(v.village, household))).status).toBe(403);
    expect((await staffPost(town, `/api/staff/points/entries/${entry.id}/confirm`, {})).status).toBe(403);
    const rows = await env.DB.prepare("SELECT COUNT(*) AS n FROM points_ledger WHERE kind = 'confirm' AND ref_id = ?1")
      .bind(entry.id)
      .first<{ n: number }>();
    expect(rows?.n).toBe(0);
  });

  it("a household's card code is answered once, and no list holds it", async () => {
    const v = await pointsVillage("371603104227");
    const { card } = v.households[0] as { card: { code: string; url: string } };
    expect(card.code).toMatch(/^\d{16}$/);
    expect(card.url).toBe(`/h/${card.code}`);
    const list = await (await staffGet(v.admin, `/api/staff/points?village=${v.village}`)).text();
    expect(list).not.toContain(card.code);
    const stored = await env.DB.prepare("SELECT * FROM points_households WHERE village_code = ?1")
      .bind(v.village)
      .all();
    expect(JSON.stringify(stored.results)).not.toContain(card.code);
    const audit = await env.DB.prepare("SELECT * FROM audit_entries").all();
    expect(JSON.stringify(audit.results)).not.toContain(card.code);
  });
});

// a past quarter: its whole window lies before the staff sessions' time, which the request's time may not pass
const QUARTER = quarterOf(chinaDate(new Date(Date.now() - 100 * 86_400_000)));
const day = (n: number) => {
  const start = new Date(`${periodBounds(QUARTER).start}T00:00:00Z`);
  return new Date(start.getTime() + n * 86_400_000).toISOString().slice(0, 10);
};
const at = (date: string) => ({ "X-Cunma-Now": `${date}T04:00:00.000Z` });
const redeem = (cookie: string, body: unknown, date: string) =>
  SELF.fetch(`${TEST_ORIGIN}/api/staff/points/redemptions`, {
    method: "POST",
    headers: staffHeaders(cookie, at(date)),
    body: JSON.stringify(body),
  });

/** A village whose household 1 has 10 confirmed points and whose shop is open `window` this quarter. */
async function shopVillage(village: string, window: [string, string]) {
  const v = await pointsVillage(village);
  const household = (v.households[0] as { id: number }).id;
  await confirmedEntry(v, household, "A2");
  const shop = await expectPost<{ goods: { id: number; name: string; price: number }[] }>(
    v.admin,
    "/api/staff/points/shops",
    {
      village,
      quarter: QUARTER,
      opensOn: window[0],
      closesOn: window[1],
      goods: [
        { name: "洗衣粉", price: 3 },
        { name: "食用油", price: 15 },
      ],
    },
    201,
  );
  const [soap, oil] = shop.goods.map((g) => g.id) as [number, number];
  return { v, household, soap, oil };
}

describe("积分超市", () => {
  const opens = day(10);
  const closes = day(20);
  const inside = day(15);

  it("opens only in the window the village set", async () => {
    const { v, household, soap } = await shopVillage("371603104228", [opens, closes]);
    const before = await redeem(v.admin, { household, goods: soap }, day(9));
    expect(before.status).toBe(409);
    expect(((await before.json()) as { error: { code: string } }).error.code).toBe("shop_closed");
    expect((await redeem(v.admin, { household, goods: soap }, day(21))).status).toBe(409);
    const res = await redeem(v.admin, { household, goods: soap }, inside);
    expect(res.status, await res.clone().text()).toBe(201);
    expect(((await res.json()) as { balance: number }).balance).toBe(7);
  });

  it("refuses a window outside its quarter", async () => {
    const v = await pointsVillage("371603104229");
    const res = await staffPost(v.admin, "/api/staff/points/shops", {
      village: v.village,
      quarter: QUARTER,
      opensOn: day(100),
      closesOn: day(102),
      goods: [{ name: "洗衣粉", price: 3 }],
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { fields: Record<string, string> } }).error.fields.opensOn).toBeTruthy();
  });

  it("never lets a household spend more than it has", async () => {
    const { v, household, oil, soap } = await shopVillage("371603104230", [opens, closes]);
    const res = await redeem(v.admin, { household, goods: oil }, inside);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: "not_enough",
      message: expect.stringContaining("10 分"),
    });
    expect((await redeem(v.admin, { household, goods: soap, quantity: 4 }, inside)).status).toBe(409);
    expect(await balanceOf(v.admin, v.village, household)).toBe(10);
  });

  it("never lets a burst of redemptions take a household below zero", async () => {
    const { v, household, soap } = await shopVillage("371603104231", [opens, closes]);
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => redeem(v.admin, { household, goods: soap }, inside)),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(await balanceOf(v.admin, v.village, household)).toBe(1);
    expect((await verifyLedger(await ledgerRows(env.DB, v.village))).valid).toBe(true);
  });
});

describe("role × route matrix for the points routes", () => {
  const VILLAGE = "371603104235";
  const OTHER = "371603104236";
  const people: { who: string; role: StaffRole; scope: string; record: number; confirm: number; read: number }[] = [
    { who: "district admin", role: "district_admin", scope: "371603", record: 403, confirm: 403, read: 200 },
    { who: "town inspector", role: "town_inspector", scope: "371603104", record: 403, confirm: 403, read: 200 },
    { who: "secretary", role: "village_secretary", scope: VILLAGE, record: 201, confirm: 403, read: 200 },
    { who: "points administrator", role: "points_admin", scope: VILLAGE, record: 201, confirm: 403, read: 200 },
    { who: "points supervisor", role: "points_supervisor", scope: VILLAGE, record: 403, confirm: 200, read: 200 },
    {
      who: "another village's administrator",
      role: "points_admin",
      scope: OTHER,
      record: 403,
      confirm: 404,
      read: 403,
    },
    {
      who: "another village's supervisor",
      role: "points_supervisor",
      scope: OTHER,
      record: 403,
      confirm: 404,
      read: 403,
    },
  ];

  it("each role records, confirms and reads exactly as the permissions table says", async () => {
    const v = await pointsVillage(VILLAGE);
    const household = (v.households[0] as { id: number }).id;
    for (const person of people) {
      const { cookie } = await loginAs(env.DB, { role: person.role, scope: person.scope });
      const pending = await expectPost<{ id: number }>(
        v.admin,
        "/api/staff/points/entries",
        entryBody(VILLAGE, household),
        201,
      );
      const answers = {
        record: (await staffPost(cookie, "/api/staff/points/entries", entryBody(VILLAGE, household))).status,
        confirm: (await staffPost(cookie, `/api/staff/points/entries/${pending.id}/confirm`, {})).status,
        read: (await staffGet(cookie, `/api/staff/points?village=${VILLAGE}`)).status,
      };
      expect(answers, person.who).toEqual({ record: person.record, confirm: person.confirm, read: person.read });
    }
    expect((await verifyLedger(await ledgerRows(env.DB, VILLAGE))).valid).toBe(true);
  });

  it("text that would not show as stored is refused, naming the field", async () => {
    const v = await pointsVillage("371603104236");
    const household = (v.households[0] as { id: number }).id;
    const bidi = await staffPost(v.admin, "/api/staff/points/entries", {
      ...entryBody(v.village, household),
      reason: "扣\u202e01\u202c分",
    });
    expect(bidi.status).toBe(422);
    expect(((await bidi.json()) as { error: { fields: Record<string, string> } }).error.fields.reason).toBeTruthy();
    const name = await staffPost(v.admin, "/api/staff/points/households", {
      village: v.village,
      number: "77",
      name: "张\u200b三",
    });
    expect(name.status).toBe(422);
    expect(((await name.json()) as { error: { fields: Record<string, string> } }).error.fields.name).toBeTruthy();
    const unknown = await staffPost(v.admin, "/api/staff/points/households", {
      village: "371603999999",
      number: "78",
      name: "张三",
    });
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as { error: { fields: Record<string, string> } }).error.fields.village).toBeTruthy();
  });
});
