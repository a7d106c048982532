/**
 * Issue 10 item 1, as a property: whatever a publisher sends (typed rows, CSV in UTF-8 with or without a
 * BOM, UTF-16 or GBK, corrections that keep, replace or drop the table, any text in any field), every
 * publish the API accepts leaves every village's chain valid, and nothing it refuses is a 5xx.
 */
import { env, SELF } from "cloudflare:test";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expenseCategories, incomeCategories } from "#core/disclosure.ts";
import { villages } from "#core/reference.ts";
import { ledgerGbkBase64, resourcesGbkBase64 } from "../fixtures/csv-samples.ts";
import { loginAs, staffHeaders, TEST_ORIGIN } from "../fixtures/staff.ts";

const codes = villages.map((v) => v.code);
let runs = 0;
const months = ["2026-09", "2026-10", "2026-11"] as const;

const text = fc.oneof(
  fc.string({ unit: "binary", minLength: 1, maxLength: 12 }),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }),
  fc.constantFrom(
    "村内道路维修",
    " 前后空格 ",
    '引号"逗号,',
    "换行\r\n",
    "\u00a0",
    "𠀀",
    "半\ud800个",
    "\udc00",
    "a\u0000b",
  ),
);

const ledgerRows = (month: string) =>
  fc.array(
    fc.record({
      date: fc.integer({ min: 1, max: 28 }).map((d) => `${month}-${String(d).padStart(2, "0")}`),
      voucher: text,
      summary: text,
      category: fc.constantFrom(...incomeCategories, ...expenseCategories),
      amount: fc.oneof(fc.integer({ min: 0, max: 100_000_000 }), fc.constant(-0)),
      handler: text,
      approver: text,
    }),
    { minLength: 1, maxLength: 4 },
  );

const quote = (field: string) => `"${field.replaceAll('"', '""')}"`;

type Row = {
  date: string;
  voucher: string;
  summary: string;
  category: string;
  amount: number;
  handler: string;
  approver: string;
};

function ledgerCsv(rows: readonly Row[]): string {
  const lines = rows.map((r) =>
    [r.date, r.voucher, r.summary, r.category, (r.amount / 100).toFixed(2), r.handler, r.approver].map(quote).join(","),
  );
  return ["日期,凭证号,摘要,类别,金额（元）,经手人,审批人", ...lines].join("\r\n");
}

const bytesBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

/** The CSV's bytes as a spreadsheet might save them: UTF-8 with or without BOM, or UTF-16LE with BOM. */
const encoded = (csv: string) =>
  fc.constantFrom("utf-8", "utf-8-bom", "utf-16le").map((encoding) => {
    if (encoding === "utf-16le") {
      const units = new Uint16Array(csv.length + 1);
      units[0] = 0xfeff;
      for (let i = 0; i < csv.length; i++) units[i + 1] = csv.charCodeAt(i);
      return bytesBase64(new Uint8Array(units.buffer));
    }
    const body = new TextEncoder().encode(csv);
    return bytesBase64(encoding === "utf-8" ? body : new Uint8Array([0xef, 0xbb, 0xbf, ...body]));
  });

/** A table in one of the ways the route takes it, for a ledger of `month`. */
const table = (month: string) =>
  fc.oneof(
    ledgerRows(month).map((rows) => ({ tables: { kind: "ledger", rows } })),
    ledgerRows(month).chain((rows) => encoded(ledgerCsv(rows)).map((csv) => ({ csv }))),
    fc.constant(month === "2026-10" ? { csv: ledgerGbkBase64 } : { csv: resourcesGbkBase64 }),
    fc.constant({}),
  );

const publish = fc.record({
  kind: fc.constant("publish" as const),
  village: fc.constantFrom(0, 1),
  title: text,
  content: text,
  target: fc.oneof(
    fc
      .constantFrom(...months)
      .chain((month) => table(month).map((t) => ({ item: "finance-ledger", period: month, ...t }))),
    fc.constantFrom("2026-Q3", "2026-Q4").map((period) => ({ item: "party-dues", period })),
    fc.constant({ item: "finance-contracts", period: "2026-Q4", csv: resourcesGbkBase64 }),
  ),
});

const correct = fc.record({
  kind: fc.constant("correct" as const),
  village: fc.constantFrom(0, 1),
  title: text,
  content: text,
  reason: fc.oneof(text, fc.constant("金额录错了，更正")),
  table: fc.oneof(
    fc.constant({}),
    fc.constant({ tables: null }),
    fc.constantFrom(...months).chain((month) => table(month)),
  ),
});

interface Chain {
  valid: boolean;
  length: number;
  brokenAt?: unknown;
}

async function chainOf(village: string): Promise<Chain> {
  return (await (await SELF.fetch(`${TEST_ORIGIN}/api/villages/${village}/chain`)).json()) as Chain;
}

async function lastVersionId(village: string): Promise<number | null> {
  const row = await env.DB.prepare("SELECT MAX(id) AS id FROM disclosures WHERE village_code = ?1")
    .bind(village)
    .first<{ id: number | null }>();
  return row?.id ?? null;
}

describe("any publish the API accepts leaves every chain valid", () => {
  it("for arbitrary sequences of publications and corrections", async () => {
    // the district admin may publish anywhere, so every run (and every shrink) starts on fresh villages
    const { cookie } = await loginAs(env.DB, { role: "district_admin" });
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(publish, correct), { minLength: 1, maxLength: 4 }), async (actions) => {
        const pair = [codes[runs % codes.length], codes[(runs + 1) % codes.length]] as string[];
        runs += 2;
        for (const action of actions) {
          const village = pair[action.village] as string;
          let path = "/api/staff/disclosures";
          let body: Record<string, unknown>;
          if (action.kind === "publish") {
            body = { village, title: action.title, content: action.content, ...action.target };
          } else {
            const id = await lastVersionId(village);
            if (id === null) continue;
            path = `/api/staff/disclosures/${id}/corrections`;
            body = { title: action.title, content: action.content, reason: action.reason, ...action.table };
          }
          const res = await SELF.fetch(`${TEST_ORIGIN}${path}`, {
            method: "POST",
            headers: staffHeaders(cookie),
            body: JSON.stringify(body),
          });
          const answer = await res.text();
          expect(res.status, answer).toBeLessThan(500);
          if (res.status === 201) {
            accepted++;
            expect(await chainOf(village), `after ${JSON.stringify(body)}`).toMatchObject({ valid: true });
          }
        }
      }),
      // no shrinking: a broken chain stays broken, so a shrunk run on a reused village would mislead
      { numRuns: 60, endOnFailure: true },
    );
    expect(accepted).toBeGreaterThan(10);
    const { results } = await env.DB.prepare("SELECT DISTINCT village_code AS code FROM disclosures").all<{
      code: string;
    }>();
    for (const { code } of results) expect(await chainOf(code)).toMatchObject({ valid: true });
  }, 120_000);
});
