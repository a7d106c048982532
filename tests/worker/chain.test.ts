import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { type ChainRow, rowContent, verifyChain } from "#core/chain.ts";
import { type DisclosureContent, disclosureHash, GENESIS_HASH } from "#core/disclosure.ts";
import { chainRows } from "../../worker/src/disclosures/queries.ts";
import { publishDisclosure } from "../fixtures/d1.ts";
import { errorOf } from "../fixtures/staff.ts";

interface ChainBody {
  village: string;
  valid: boolean;
  length: number;
  head: string;
  brokenAt?: { seq: number; id: number; reason: string };
}

const chain = async (village: string) => {
  const response = await SELF.fetch(`https://cunma.test/api/villages/${village}/chain`);
  return { status: response.status, body: (await response.json()) as ChainBody };
};

const ledger = {
  kind: "ledger" as const,
  rows: [
    {
      date: "2026-10-03",
      voucher: "记001",
      summary: "运转经费",
      category: "补助收入" as const,
      amount: 1_500_000,
      handler: "王",
      approver: "李",
    },
  ],
};

/** Changes a row behind the system's back, as someone with database access could: trigger off, UPDATE, trigger back. */
async function tamper(sql: string, ...values: unknown[]): Promise<void> {
  await env.DB.exec("DROP TRIGGER disclosures_append_only_update");
  try {
    await env.DB.prepare(sql)
      .bind(...values)
      .run();
  } finally {
    await env.DB.exec(
      "CREATE TRIGGER disclosures_append_only_update BEFORE UPDATE ON disclosures BEGIN SELECT RAISE(ABORT, 'disclosures are append-only'); END;",
    );
  }
}

async function publishSeveral(village: string): Promise<number[]> {
  const ids: number[] = [];
  ids.push(await publishDisclosure(env.DB, { village, item: "finance-ledger", period: "2026-08", tables: ledger }));
  ids.push(await publishDisclosure(env.DB, { village, item: "finance-ledger", period: "2026-09", content: "九月" }));
  ids.push(await publishDisclosure(env.DB, { village, item: "village-dibao", period: "2026-Q3" }));
  ids.push(await publishDisclosure(env.DB, { village, item: "party-annual-goals", period: "2026" }));
  return ids;
}

describe("GET /api/villages/<code>/chain", () => {
  it("answers an empty chain for a village with nothing published", async () => {
    const { status, body } = await chain("371603101201");
    expect(status).toBe(200);
    expect(body).toEqual({ village: "371603101201", valid: true, length: 0, head: GENESIS_HASH });
  });

  it("verifies after several publishes, with the last hash as head", async () => {
    const village = "371603101202";
    await publishSeveral(village);
    const { body } = await chain(village);
    const last = await env.DB.prepare("SELECT hash FROM disclosures WHERE village_code = ?1 ORDER BY seq DESC LIMIT 1")
      .bind(village)
      .first<{ hash: string }>();
    expect(body).toEqual({ village, valid: true, length: 4, head: last?.hash });
  });

  it("still refuses a plain UPDATE while the append-only trigger stands", async () => {
    const village = "371603101203";
    const [id] = await publishSeveral(village);
    await expect(env.DB.prepare("UPDATE disclosures SET title = 'x' WHERE id = ?1").bind(id).run()).rejects.toThrow(
      /append-only/,
    );
  });

  it("reports the changed row when a published amount is altered directly in D1", async () => {
    const village = "371603101204";
    const [first] = await publishSeveral(village);
    const forged = { ...ledger, rows: [{ ...ledger.rows[0], amount: 150_000 }] };
    await tamper("UPDATE disclosures SET tables = ?1 WHERE id = ?2", JSON.stringify(forged), first);
    const { body } = await chain(village);
    expect(body.valid).toBe(false);
    expect(body.length).toBe(4);
    expect(body.brokenAt).toEqual({ seq: 1, id: first, reason: "hash_mismatch" });
  });

  it("reports the next link when the attacker also recomputes the changed row's hash", async () => {
    const village = "371603101205";
    const ids = await publishSeveral(village);
    const [, second] = await chainRows(env.DB, village);
    const forged = { ...second, title: "改过的标题" } as ChainRow;
    const forgedHash = await disclosureHash(rowContent(forged) as DisclosureContent, forged.prev_hash);
    await tamper("UPDATE disclosures SET title = ?1, hash = ?2 WHERE id = ?3", forged.title, forgedHash, ids[1]);
    const { body } = await chain(village);
    expect(body.brokenAt).toEqual({ seq: 3, id: ids[2], reason: "prev_hash_mismatch" });
    expect((await verifyChain((await chainRows(env.DB, village)).slice(0, 2))).valid).toBe(true);
  });

  it("names the gap when a row is deleted", async () => {
    const village = "371603101206";
    const ids = await publishSeveral(village);
    await env.DB.exec("DROP TRIGGER disclosures_append_only_delete");
    try {
      await env.DB.prepare("DELETE FROM disclosures WHERE id = ?1").bind(ids[1]).run();
    } finally {
      await env.DB.exec(
        "CREATE TRIGGER disclosures_append_only_delete BEFORE DELETE ON disclosures BEGIN SELECT RAISE(ABORT, 'disclosures are append-only'); END;",
      );
    }
    const { body } = await chain(village);
    expect(body).toMatchObject({ valid: false, length: 3, brokenAt: { seq: 3, id: ids[2], reason: "seq_gap" } });
  });

  it("answers 404 in the shared error shape for an unknown or malformed village", async () => {
    for (const code of ["371603101999", "abc"]) {
      const response = await SELF.fetch(`https://cunma.test/api/villages/${code}/chain`);
      expect(response.status).toBe(404);
      const body = await errorOf(response);
      expect(body.error).toEqual({ code: "not_found", message: "没有找到这个村。" });
    }
  });
});
