/**
 * Issue 10 item 1: a chain hashes exactly the canonical content that is stored, whichever way the table
 * arrived. A publish from CSV (UTF-8 or GBK), and a correction from CSV, answered 201 and then left the
 * village's chain invalid at that row, because the request's base64 `csv` went into the hash but not
 * into the row.
 */
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ledgerCsv, ledgerGbkBase64, resourcesGbkBase64 } from "../fixtures/csv-samples.ts";
import { loginAs, staffHeaders, TEST_ORIGIN } from "../fixtures/staff.ts";

interface Published {
  id: number;
  seq: number;
  hash: string;
}
interface Chain {
  valid: boolean;
  length: number;
  head: string;
  brokenAt?: { seq: number };
}

const base64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

async function post(path: string, cookie: string, body: unknown): Promise<Published> {
  const res = await SELF.fetch(`${TEST_ORIGIN}${path}`, {
    method: "POST",
    headers: staffHeaders(cookie),
    body: JSON.stringify(body),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Published;
}

async function chain(village: string): Promise<Chain> {
  const res = await SELF.fetch(`${TEST_ORIGIN}/api/villages/${village}/chain`);
  return (await res.json()) as Chain;
}

describe("a chain hashes what is stored, whichever way the table arrived", () => {
  it("CSV in UTF-8 (with BOM) and in GBK, and a correction from CSV, leave the chain valid", async () => {
    const village = "371603104220";
    const { cookie } = await loginAs(env.DB, { role: "village_secretary", scope: village });
    const body = { village, title: "2026年10月财务收支明细", content: "十月收支如下。" };

    const utf8 = await post("/api/staff/disclosures", cookie, {
      ...body,
      item: "finance-ledger",
      period: "2026-10",
      csv: base64(`\uFEFF${ledgerCsv}`),
    });
    expect(await chain(village)).toMatchObject({ valid: true, length: 1, head: utf8.hash });

    const gbk = await post("/api/staff/disclosures", cookie, {
      ...body,
      item: "finance-quarterly",
      period: "2026-Q4",
      csv: ledgerGbkBase64,
    });
    expect(await chain(village)).toMatchObject({ valid: true, length: 2, head: gbk.hash });

    const contracts = await post("/api/staff/disclosures", cookie, {
      ...body,
      item: "finance-contracts",
      period: "2026-Q4",
      csv: resourcesGbkBase64,
    });
    const corrected = await post(`/api/staff/disclosures/${utf8.id}/corrections`, cookie, {
      title: "2026年10月财务收支明细（更正）",
      content: "更正了一笔金额。",
      reason: "凭证号录错了",
      csv: ledgerGbkBase64,
    });
    expect(contracts.seq).toBe(3);
    expect(corrected.seq).toBe(4);
    expect(await chain(village)).toMatchObject({ valid: true, length: 4, head: corrected.hash });
  });
});
