/**
 * 一户一码 (issue 16): a household's card code opens that household's ledger (entries, reasons,
 * reversals, redemptions, balance) and nothing of any other household; a code that opens nothing is a
 * 404, guessing is throttled; from the page the household questions an entry, which becomes a 码上问 case.
 */
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { isValidReceipt, receiptHash } from "#core/report.ts";
import { confirmedEntry, householdOf, points, pointsVillage } from "../fixtures/points.ts";
import { answered, errorOf, TEST_ORIGIN } from "../fixtures/staff.ts";

const form = (fields: Record<string, string>) => ({
  method: "POST",
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(fields).toString(),
  redirect: "manual" as const,
});

describe("a household's card", () => {
  it("opens its own ledger, with reasons and balance, and nothing of another household", async () => {
    const v = await pointsVillage("371603104232", 2);
    const [mine, theirs] = [householdOf(v, 0), householdOf(v, 1)];
    await confirmedEntry(v, mine.id, "A2");
    const entries = points(v.admin).entries;
    const pending = await answered(
      entries.$post({
        json: { village: v.village, household: mine.id, rule: "B1", date: "2026-11-03", reason: "门前柴草乱堆" },
      }),
      201,
    );
    await confirmedEntry(v, theirs.id, "A1");
    await answered(
      entries.$post({
        json: { village: v.village, household: theirs.id, rule: "A2", date: "2026-11-04", reason: "邻居家的秘密原因" },
      }),
      201,
    );

    const res = await SELF.fetch(`${TEST_ORIGIN}${mine.card.url}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(res.headers.get("Referrer-Policy")).toBe("no-referrer");
    const page = await res.text();
    expect(page).toContain(mine.name);
    expect(page).toContain("庭院整洁");
    expect(page).toContain("村委会核实");
    expect(page).toContain("门前柴草乱堆");
    expect(page).toContain("现在能用的积分：10 分");
    expect(page).toContain(`第 ${pending.id} 条`);
    expect(page).toContain("等待监督员确认");
    expect(page).not.toContain(theirs.name);
    expect(page).not.toContain("邻居家的秘密原因");
    expect(page).not.toContain("参加志愿服务");
  });

  it("a code that opens nothing is a 404, spaces and all; the code itself is stored only as a hash", async () => {
    const v = await pointsVillage("371603104233");
    const { card } = householdOf(v);
    const spaced = card.code.replace(/(\d{4})(?=\d)/g, "$1 ");
    expect((await SELF.fetch(`${TEST_ORIGIN}/h/${encodeURIComponent(spaced)}`)).status).toBe(200);
    const wrong = `${card.code.slice(0, 15)}${(Number(card.code[15]) + 1) % 10}`;
    const res = await SELF.fetch(`${TEST_ORIGIN}/h/${wrong}`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("户码不对");
    expect((await SELF.fetch(`${TEST_ORIGIN}/h/abc`)).status).toBe(404);
    const row = await env.DB.prepare("SELECT code_hash FROM points_households WHERE id = ?1")
      .bind(householdOf(v).id)
      .first<{ code_hash: string }>();
    expect(row?.code_hash).toBe(await receiptHash(card.code));
  });

  it("questions an entry: a 码上问 case about it, with a receipt; never another household's entry", async () => {
    const v = await pointsVillage("371603104234", 2);
    const [mine, theirs] = [householdOf(v, 0), householdOf(v, 1)];
    const entry = await confirmedEntry(v, mine.id, "B1");
    const others = await confirmedEntry(v, theirs.id, "A1");

    const res = await SELF.fetch(
      `${TEST_ORIGIN}${mine.card.url}/questions`,
      form({ entry: String(entry), content: "我家门前没有乱堆，为什么扣分？", key: crypto.randomUUID() }),
    );
    expect(res.status).toBe(303);
    const receipt = (res.headers.get("Location") ?? "").replace("/r/", "");
    const report = await env.DB.prepare(
      "SELECT kind, topic, content, village_code FROM reports WHERE receipt_hash = ?1",
    )
      .bind(await receiptHash(receipt))
      .first<{ kind: string; topic: string; content: string; village_code: string }>();
    expect(report).toMatchObject({ kind: "question", topic: "affairs", village_code: v.village });
    expect(report?.content).toContain(`第 ${entry} 条`);
    expect(report?.content).toContain("乱堆乱放");
    expect(report?.content).toContain("为什么扣分");

    const json = await SELF.fetch(`${TEST_ORIGIN}${mine.card.url}/questions`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ entry: others, content: "邻居这条怎么回事？" }),
    });
    expect(json.status).toBe(422);
    expect((await errorOf(json)).error.fields?.entry).toBeTruthy();

    const refused = await SELF.fetch(
      `${TEST_ORIGIN}${mine.card.url}/questions`,
      form({ entry: String(others), content: "邻居这条怎么回事？", key: crypto.randomUUID() }),
    );
    expect(refused.status).toBe(422);
    const again = await refused.text();
    expect(again).toContain("邻居这条怎么回事？");
    expect(again).not.toContain(theirs.name);
  });

  it("guessing codes is throttled like guessing receipts: 429 with Retry-After, for the page and the question", async () => {
    const v = await pointsVillage("371603104201");
    const { card } = householdOf(v);
    const client = { "CF-Connecting-IP": "203.0.113.77" };
    const guess = (n: number) => {
      const digits = String(100_000_000_000_000 + n);
      for (let check = 0; check < 10; check++) {
        const code = `${digits}${check}`;
        if (code !== card.code && isValidReceipt(code)) return code;
      }
      throw new Error("no code");
    };
    const statuses: number[] = [];
    for (let n = 0; n < 21; n++) {
      statuses.push((await SELF.fetch(`${TEST_ORIGIN}/h/${guess(n)}`, { headers: client })).status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true);
    expect(statuses[20]).toBe(429);
    // even the household's own card waits, from that client, and the question says when to come back
    const page = await SELF.fetch(`${TEST_ORIGIN}${card.url}`, { headers: client });
    expect(page.status).toBe(429);
    expect(Number(page.headers.get("Retry-After"))).toBeGreaterThan(0);
    const question = await SELF.fetch(`${TEST_ORIGIN}${card.url}/questions`, {
      method: "POST",
      headers: { ...client, "Content-Type": "application/json" },
      body: JSON.stringify({ entry: 1, content: "这一条怎么回事？" }),
    });
    expect(question.status).toBe(429);
    expect(Number(question.headers.get("Retry-After"))).toBeGreaterThan(0);
    // another client is not held up
    expect((await SELF.fetch(`${TEST_ORIGIN}${card.url}`)).status).toBe(200);
  });
});
