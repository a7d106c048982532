/**
 * Issue 10, item 10: text that lies about itself. Bidi controls, NUL and other control characters and
 * invisible formatting characters are refused with a 422 naming the field, in every public and staff
 * text field; lone surrogates are a 400; ledger amounts are numbers.
 */
import { env, SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { expectedPeriod } from "#core/period.ts";
import { periodBounds } from "#core/publish-periods.ts";
import { act, fileReport, staffPost } from "../fixtures/cases.ts";
import { answerReport, reportBody } from "../fixtures/reports.ts";
import { answered, errorOf, loginAs, postLogin, staffClient, TEST_ORIGIN } from "../fixtures/staff.ts";

/** Displays as "支出1500元" while it says 0051. */
const LIAR = "支出\u202e0051\u202c元";
const VILLAGE = "371603104236";
const QUARTER = expectedPeriod("quarterly", new Date().toISOString().slice(0, 10)) as string;
const { start: QSTART } = periodBounds(QUARTER);

let ip = 0;
const publicPost = (path: string, body: string | object) =>
  SELF.fetch(`${TEST_ORIGIN}${path}`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "CF-Connecting-IP": `198.18.${Math.floor(++ip / 250)}.${(ip % 250) + 1}`,
      "Idempotency-Key": crypto.randomUUID(),
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

/** Refused requests all aim at 2020-Q1, which nothing publishes, so no refusal is a 409 instead. */
const OLD = "2020-Q1";
const ledgerRow = {
  date: "2020-01-15",
  voucher: "记001",
  summary: "上级拨付村级组织运转经费",
  category: "补助收入" as const,
  amount: 1_500_000,
  handler: "王会计",
  approver: "张建国",
};
const disclosure = (extra: object = {}) => ({
  village: VILLAGE,
  item: "finance-quarterly",
  period: QUARTER,
  title: "本季度收支汇总",
  content: "本季度收支如下。",
  ...extra,
});
const base64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));
const meeting = (extra: object = {}) => ({
  village: VILLAGE,
  quarter: QUARTER.replace(/-Q/, "-Q"),
  heldOn: QSTART,
  place: "村委会大院",
  attendees: 40,
  ...extra,
});

let secretary: string;
let inspector: string;
let caseId: number;
let receipt: string;
let published: number;

beforeAll(async () => {
  secretary = (await loginAs(env.DB, { role: "village_secretary", scope: VILLAGE })).cookie;
  inspector = (await loginAs(env.DB, { role: "town_inspector", scope: "371603104" })).cookie;
  const filed = await fileReport(VILLAGE);
  caseId = filed.id;
  await act(inspector, caseId, "triage", { route: "village" });
  await act(inspector, caseId, "assign", { responsible: "村委会", measures: "本周内答复" });
  const answeredReport = await fileReport(VILLAGE);
  receipt = answeredReport.receipt;
  await answerReport(env.DB, receipt, "已经修好了，请您看看。");
  const publish = staffClient(secretary).api.staff.disclosures.$post({
    json: { ...disclosure(), tables: { kind: "ledger", rows: [{ ...ledgerRow, date: QSTART }] } },
  });
  published = (await answered(publish, 201)).id;
});

/** Every text field: [what, send it with `text` in the field, the field the 422 names]. */
const fields: [string, (text: string) => Promise<Response>, string][] = [
  [
    "report content",
    (s) => publicPost(`/api/villages/${VILLAGE}/reports`, reportBody({ content: `路灯坏了${s}很久了` })),
    "content",
  ],
  [
    "report contact name",
    (s) => publicPost(`/api/villages/${VILLAGE}/reports`, reportBody({ contact: { name: `王${s}` } })),
    "name",
  ],
  [
    "rating comment",
    (s) => publicPost(`/api/reports/${receipt}/rating`, { rating: "satisfied", comment: `很好${s}` }),
    "comment",
  ],
  [
    "disclosure title",
    (s) => staffPost(secretary, "/api/staff/disclosures", disclosure({ period: OLD, title: s })),
    "title",
  ],
  [
    "disclosure content",
    (s) => staffPost(secretary, "/api/staff/disclosures", disclosure({ period: OLD, content: `收支${s}` })),
    "content",
  ],
  [
    "ledger row cell",
    (s) =>
      staffPost(
        secretary,
        "/api/staff/disclosures",
        disclosure({ period: OLD, tables: { kind: "ledger", rows: [{ ...ledgerRow, summary: s }] } }),
      ),
    "tables.1",
  ],
  [
    "CSV cell",
    (s) =>
      staffPost(
        secretary,
        "/api/staff/disclosures",
        disclosure({
          period: OLD,
          csv: base64(
            `日期,凭证号,摘要,类别,金额（元）,经手人,审批人\n2020-01-15,记001,${s},补助收入,15000,王会计,张建国\n`,
          ),
        }),
      ),
    "csv.2.摘要",
  ],
  [
    "correction reason",
    (s) =>
      staffPost(secretary, `/api/staff/disclosures/${published}/corrections`, {
        title: "本季度收支汇总",
        content: "本季度收支如下。",
        reason: `金额${s}录错`,
      }),
    "reason",
  ],
  [
    "correction title",
    (s) =>
      staffPost(secretary, `/api/staff/disclosures/${published}/corrections`, {
        title: s,
        content: "本季度收支如下。",
        reason: "金额录错了",
      }),
    "title",
  ],
  ["meeting place", (s) => staffPost(secretary, "/api/staff/meetings", meeting({ place: `村委会${s}` })), "place"],
  [
    "meeting question",
    (s) =>
      staffPost(
        secretary,
        "/api/staff/meetings",
        meeting({ questions: [{ kind: "question", topic: "affairs", content: `坑塘承包费${s}收了没有` }] }),
      ),
    "questions.1",
  ],
  ["case note", (s) => staffPost(inspector, `/api/staff/reports/${caseId}/notes`, { note: `打过电话${s}` }), "note"],
  [
    "case answer",
    (s) => staffPost(inspector, `/api/staff/reports/${caseId}/answer`, { answer: `已经修好了${s}请看看` }),
    "answer",
  ],
  [
    "case responsible",
    (s) =>
      staffPost(inspector, `/api/staff/reports/${caseId}/assign`, {
        responsible: `村委${s}会`,
        measures: "本周内答复",
      }),
    "responsible",
  ],
  [
    "case measures",
    (s) =>
      staffPost(inspector, `/api/staff/reports/${caseId}/assign`, {
        responsible: "村委会",
        measures: `本周${s}内答复`,
      }),
    "measures",
  ],
  ["staff login username", (s) => postLogin(`demo${s}`, "wrong-password", "198.19.0.1"), "username"],
];

describe("a disclosure titled 支出\\u202e0051\\u202c元", () => {
  for (const [what, send, field] of fields) {
    it(`${what}: refused with 422 naming ${field}`, async () => {
      const res = await send(LIAR);
      expect(res.status, await res.clone().text()).toBe(422);
      const { error } = await errorOf(res);
      expect(Object.keys(error.fields ?? {}), what).toContain(field);
      expect(error.fields?.[field]).toMatch(/[\u4e00-\u9fff]/);
    });
  }
});

describe("every hidden character", () => {
  const hidden = {
    NUL: "\u0000",
    BEL: "\u0007",
    ESC: "\u001b",
    DEL: "\u007f",
    NEL: "\u0085",
    "right-to-left override": "\u202e",
    "left-to-right embedding": "\u202a",
    "right-to-left isolate": "\u2067",
    "right-to-left mark": "\u200f",
    "Arabic letter mark": "\u061c",
    "zero-width space": "\u200b",
    "zero-width joiner alone": "\u200d",
    "word joiner": "\u2060",
    "BOM inside text": "\ufeff",
    "soft hyphen": "\u00ad",
    "line separator": "\u2028",
    "Hangul filler": "\u3164",
    "tag letter": "\u{e0041}",
    "variation selector supplement": "\u{e0100}",
  };
  for (const [name, ch] of Object.entries(hidden)) {
    it(`${name} in a disclosure title and in a case note is refused`, async () => {
      const title = await staffPost(
        secretary,
        "/api/staff/disclosures",
        disclosure({ period: OLD, title: `支出${ch}1500元` }),
      );
      expect(title.status).toBe(422);
      expect((await errorOf(title)).error.fields).toHaveProperty("title");
      const note = await staffPost(inspector, `/api/staff/reports/${caseId}/notes`, { note: `打过电话${ch}了` });
      expect(note.status).toBe(422);
      expect((await errorOf(note)).error.fields).toHaveProperty("note");
    });
  }

  it("newlines and tabs only in multi-line fields; emoji with their joiners are ordinary text", async () => {
    expect(
      (await staffPost(inspector, `/api/staff/reports/${caseId}/notes`, { note: "第一行\n\t第二行" })).status,
    ).toBe(200);
    const title = await staffPost(
      secretary,
      "/api/staff/disclosures",
      disclosure({ period: OLD, title: "本季度\n收支" }),
    );
    expect(title.status).toBe(422);
    expect((await errorOf(title)).error.fields).toHaveProperty("title");
    const place = await staffPost(secretary, "/api/staff/meetings", meeting({ place: "村委会\t大院" }));
    expect(place.status).toBe(422);
    const emoji = await publicPost(
      `/api/villages/${VILLAGE}/reports`,
      reportBody({ content: "路灯修好了👍🏻，谢谢👨‍👩‍👧❤️\n第二行" }),
    );
    expect(emoji.status).toBe(201);
  });
});

describe("lone surrogates", () => {
  const lone = (json: string) => json.replace("LONE", "\\ud800");
  const routes: [string, () => Promise<Response>][] = [
    [
      "report",
      () =>
        publicPost(
          `/api/villages/${VILLAGE}/reports`,
          lone('{"kind":"question","topic":"affairs","content":"路灯坏了LONE很久了"}'),
        ),
    ],
    ["rating", () => publicPost(`/api/reports/${receipt}/rating`, lone('{"rating":"satisfied","comment":"好LONE"}'))],
    [
      "login",
      () =>
        SELF.fetch(`${TEST_ORIGIN}/api/staff/login`, {
          method: "POST",
          headers: { "Content-Type": "application/json", Origin: TEST_ORIGIN, "Sec-Fetch-Site": "same-origin" },
          body: lone('{"username":"demoLONE","password":"x"}'),
        }),
    ],
    [
      "disclosure",
      () =>
        staffPost(
          secretary,
          "/api/staff/disclosures",
          lone(JSON.stringify(disclosure({ period: OLD, title: "标题LONE" }))),
        ),
    ],
    [
      "meeting",
      () => staffPost(secretary, "/api/staff/meetings", lone(JSON.stringify(meeting({ place: "大院LONE" })))),
    ],
    ["case note", () => staffPost(inspector, `/api/staff/reports/${caseId}/notes`, lone('{"note":"备注LONE"}'))],
  ];
  for (const [what, send] of routes) {
    it(`in a ${what} are a 400 with a Chinese message`, async () => {
      const res = await send();
      expect(res.status).toBe(400);
      expect((await errorOf(res)).error.message).toMatch(/[\u4e00-\u9fff]/);
    });
  }
});

describe("ledger amounts", () => {
  it("are numbers: an amount sent as a string is refused, naming the row", async () => {
    const res = await staffPost(
      secretary,
      "/api/staff/disclosures",
      disclosure({ period: OLD, tables: { kind: "ledger", rows: [{ ...ledgerRow, amount: "1500" }] } }),
    );
    expect(res.status).toBe(422);
    expect((await errorOf(res)).error.fields).toHaveProperty("tables.1");
  });
});
