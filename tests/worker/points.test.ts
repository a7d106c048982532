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
import { confirmedEntry, householdOf, points, pointsVillage, RULES } from "../fixtures/points.ts";
import { answered, loginAs, refused, TEST_ORIGIN } from "../fixtures/staff.ts";
import { withoutTriggers } from "../fixtures/tamper.ts";

type EntryBody = Parameters<ReturnType<typeof points>["entries"]["$post"]>[0]["json"];
const record = (cookie: string, json: EntryBody) => points(cookie).entries.$post({ json });
const confirm = (cookie: string, id: number) =>
  points(cookie).entries[":id"].confirm.$post({ param: { id: String(id) } });
const reverse = (cookie: string, id: number, reason: string) =>
  points(cookie).entries[":id"].reversal.$post({ param: { id: String(id) }, json: { reason } });

const entryBody = (village: string, household: number, rule = "A1"): EntryBody => ({
  village,
  household,
  rule,
  date: "2026-11-02",
  reason: "参加了村里组织的清扫",
});

async function balanceOf(cookie: string, village: string, household: number): Promise<number> {
  const body = await answered(points(cookie).$get({ query: { village } }), 200);
  const line = body.households.find((h) => h.id === household);
  if (!line) throw new Error(`household ${household} is not listed`);
  return line.balance;
}

describe("two people, always", () => {
  it("an entry counts only once a points supervisor, not its recorder, confirms it", async () => {
    const v = await pointsVillage("371603104220");
    const household = householdOf(v).id;
    const entry = await answered(record(v.admin, entryBody(v.village, household, "A2")), 201);
    expect(await balanceOf(v.admin, v.village, household)).toBe(0);

    // the recorder cannot confirm: a points administrator has no confirming role at all
    const self = await confirm(v.admin, entry.id);
    expect(self.status).toBe(403);
    // nor can the secretary, who may record
    const secretary = (await loginAs(env.DB, { role: "village_secretary", scope: v.village })).cookie;
    expect((await confirm(secretary, entry.id)).status).toBe(403);
    expect(await balanceOf(v.admin, v.village, household)).toBe(0);

    await answered(confirm(v.supervisor, entry.id), 200);
    expect(await balanceOf(v.admin, v.village, household)).toBe(10);
    // once only
    expect((await confirm(v.supervisor, entry.id)).status).toBe(409);
    expect(await balanceOf(v.admin, v.village, household)).toBe(10);
  });

  it("tells each member what their role may do, so the page offers the recorder no confirm button", async () => {
    const v = await pointsVillage("371603105230");
    const mayOf = async (cookie: string) =>
      (await answered(points(cookie).$get({ query: { village: v.village } }), 200)).may;
    const secretary = (await loginAs(env.DB, { role: "village_secretary", scope: v.village })).cookie;
    expect(await mayOf(v.admin)).toEqual({ record: true, confirm: false });
    expect(await mayOf(secretary)).toEqual({ record: true, confirm: false });
    expect(await mayOf(v.supervisor)).toEqual({ record: false, confirm: true });
  });

  it("the database itself refuses a confirmation by the one who recorded the entry", async () => {
    const v = await pointsVillage("371603104221");
    const entry = await answered(record(v.admin, entryBody(v.village, householdOf(v).id)), 201);
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
    const household = householdOf(v).id;
    const entry = await answered(record(secretary, entryBody(v.village, household, "B1")), 201);
    await answered(confirm(v.supervisor, entry.id), 200);
    expect(await balanceOf(v.admin, v.village, household)).toBe(-3);
  });
});

describe("reversals", () => {
  it("undo a confirmed entry by a new entry with a reason, which counts once confirmed; never twice", async () => {
    const v = await pointsVillage("371603104223");
    const household = householdOf(v).id;
    const pending = await answered(record(v.admin, entryBody(v.village, household)), 201);
    // an unconfirmed entry is simply left unconfirmed
    expect((await reverse(v.admin, pending.id, "记错了")).status).toBe(409);
    const id = await confirmedEntry(v, household, "A2");
    expect(await balanceOf(v.admin, v.village, household)).toBe(10);
    const noReason = await refused(reverse(v.admin, id, " "), 422);
    expect(noReason.error.fields?.reason).toContain("原因");
    const reversal = await answered(reverse(v.admin, id, "这一户不在本村清扫名单里，记错了"), 201);
    expect(reversal.points).toBe(-10);
    expect(await balanceOf(v.admin, v.village, household)).toBe(10);
    await answered(confirm(v.supervisor, reversal.id), 200);
    expect(await balanceOf(v.admin, v.village, household)).toBe(0);
    expect((await reverse(v.admin, id, "再撤一次")).status).toBe(409);
    expect(await balanceOf(v.admin, v.village, household)).toBe(0);
  });
});

describe("the ledger is never changed", () => {
  it("refuses an update and a delete", async () => {
    const v = await pointsVillage("371603104224");
    const id = await confirmedEntry(v, householdOf(v).id, "A1");
    await expect(env.DB.prepare("UPDATE points_ledger SET points = 500 WHERE id = ?1").bind(id).run()).rejects.toThrow(
      /append-only/,
    );
    await expect(env.DB.prepare("DELETE FROM points_ledger WHERE id = ?1").bind(id).run()).rejects.toThrow(
      /append-only/,
    );
  });

  it("is hash-chained: a row changed behind the triggers' back is caught, and the public check says where", async () => {
    const v = await pointsVillage("371603104225");
    const id = await confirmedEntry(v, householdOf(v).id, "A1");
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
    const household = householdOf(v).id;
    const entry = await answered(record(v.admin, entryBody(v.village, household)), 201);
    const other = "371603105201";
    const otherAdmin = (await loginAs(env.DB, { role: "points_admin", scope: other })).cookie;
    const otherSupervisor = (await loginAs(env.DB, { role: "points_supervisor", scope: other })).cookie;
    const town = (await loginAs(env.DB, { role: "town_inspector", scope: "371603104" })).cookie;

    expect((await record(otherAdmin, entryBody(v.village, household))).status).toBe(403);
    // its own village, another village's household
    expect((await record(otherAdmin, entryBody(other, household))).status).toBe(422);
    expect((await points(otherAdmin).rules.$post({ json: { village: v.village, rules: RULES } })).status).toBe(403);
    const stranger = { village: v.village, number: "9", name: "李四" };
    expect((await points(otherAdmin).households.$post({ json: stranger })).status).toBe(403);
    expect((await confirm(otherSupervisor, entry.id)).status).toBe(404);
    expect((await reverse(otherAdmin, entry.id, "x")).status).toBe(404);
    expect((await points(otherAdmin).$get({ query: { village: v.village } })).status).toBe(403);
    // the town inspector watches but never records
    expect((await points(town).$get({ query: { village: v.village } })).status).toBe(200);
    expect((await record(town, entryBody(v.village, household))).status).toBe(403);
    expect((await confirm(town, entry.id)).status).toBe(403);
    const rows = await env.DB.prepare("SELECT COUNT(*) AS n FROM points_ledger WHERE kind = 'confirm' AND ref_id = ?1")
      .bind(entry.id)
      .first<{ n: number }>();
    expect(rows?.n).toBe(0);
  });

  it("a household's card code is answered once, and no list holds it", async () => {
    const v = await pointsVillage("371603104227");
    const { card } = householdOf(v);
    expect(card.code).toMatch(/^\d{16}$/);
    expect(card.url).toBe(`/h/${card.code}`);
    const list = await (await points(v.admin).$get({ query: { village: v.village } })).text();
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
type RedeemBody = Parameters<ReturnType<typeof points>["redemptions"]["$post"]>[0]["json"];
const redeem = (cookie: string, json: RedeemBody, date: string) =>
  points(cookie).redemptions.$post({ json }, { headers: at(date) });

/** A village whose household 1 has 10 confirmed points and whose shop is open `window` this quarter. */
async function shopVillage(village: string, window: [string, string]) {
  const v = await pointsVillage(village);
  const household = householdOf(v).id;
  await confirmedEntry(v, household, "A2");
  const shop = await answered(
    points(v.admin).shops.$post({
      json: {
        village,
        quarter: QUARTER,
        opensOn: window[0],
        closesOn: window[1],
        goods: [
          { name: "洗衣粉", price: 3 },
          { name: "食用油", price: 15 },
        ],
      },
    }),
    201,
  );
  if (!shop) throw new Error("the shop was not opened");
  const [soap, oil] = shop.goods.map((g) => g.id) as [number, number];
  return { v, household, soap, oil };
}

describe("积分超市", () => {
  const opens = day(10);
  const closes = day(20);
  const inside = day(15);

  it("opens only in the window the village set", async () => {
    const { v, household, soap } = await shopVillage("371603104228", [opens, closes]);
    const before = await refused(redeem(v.admin, { household, goods: soap }, day(9)), 409);
    expect(before.error.code).toBe("shop_closed");
    expect((await redeem(v.admin, { household, goods: soap }, day(21))).status).toBe(409);
    const res = await answered(redeem(v.admin, { household, goods: soap }, inside), 201);
    expect(res.balance).toBe(7);
  });

  it("refuses a window outside its quarter", async () => {
    const v = await pointsVillage("371603104229");
    const res = await refused(
      points(v.admin).shops.$post({
        json: {
          village: v.village,
          quarter: QUARTER,
          opensOn: day(100),
          closesOn: day(102),
          goods: [{ name: "洗衣粉", price: 3 }],
        },
      }),
      422,
    );
    expect(res.error.fields?.opensOn).toBeTruthy();
  });

  it("never lets a household spend more than it has", async () => {
    const { v, household, oil, soap } = await shopVillage("371603104230", [opens, closes]);
    const res = await refused(redeem(v.admin, { household, goods: oil }, inside), 409);
    expect(res.error).toMatchObject({
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
    const household = householdOf(v).id;
    for (const person of people) {
      const { cookie } = await loginAs(env.DB, { role: person.role, scope: person.scope });
      const pending = await answered(record(v.admin, entryBody(VILLAGE, household)), 201);
      const answers = {
        record: (await record(cookie, entryBody(VILLAGE, household))).status,
        confirm: (await confirm(cookie, pending.id)).status,
        read: (await points(cookie).$get({ query: { village: VILLAGE } })).status,
      };
      expect(answers, person.who).toEqual({ record: person.record, confirm: person.confirm, read: person.read });
    }
    expect((await verifyLedger(await ledgerRows(env.DB, VILLAGE))).valid).toBe(true);
  });

  it("text that would not show as stored is refused, naming the field", async () => {
    const v = await pointsVillage("371603104236");
    const household = householdOf(v).id;
    const bidi = await refused(
      record(v.admin, { ...entryBody(v.village, household), reason: "扣\u202e01\u202c分" }),
      422,
    );
    expect(bidi.error.fields?.reason).toBeTruthy();
    const households = points(v.admin).households;
    const name = await refused(
      households.$post({ json: { village: v.village, number: "77", name: "张\u200b三" } }),
      422,
    );
    expect(name.error.fields?.name).toBeTruthy();
    const unknown = await refused(
      households.$post({ json: { village: "371603999999", number: "78", name: "张三" } }),
      422,
    );
    expect(unknown.error.fields?.village).toBeTruthy();
  });
});
