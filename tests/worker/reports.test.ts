import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { chinaDate } from "#core/period.ts";
import { formatReceipt, isValidReceipt, receiptHash } from "#core/report.ts";
import { admitReport, intakeLimits } from "../../worker/src/reports/rate-limit.ts";
import { publishDisclosure } from "../fixtures/d1.ts";
import { addInternalNote, answerReport, countReports, reportBody } from "../fixtures/reports.ts";
import { answered, answerOf, errorOf, filedOf, publicClient } from "../fixtures/staff.ts";

const BASE = "https://cunma.test";
let ipCounter = 0;
/** A fresh client address per call, so rate limiting only bites where a test means it to. */
const freshIp = () => `198.51.100.${++ipCounter}`;

function postJson(
  village: string,
  body: unknown,
  options: { key?: string; ip?: string; headers?: Record<string, string> } = {},
) {
  return SELF.fetch(`${BASE}/api/villages/${village}/reports`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "CF-Connecting-IP": options.ip ?? freshIp(),
      ...(options.key ? { "Idempotency-Key": options.key } : {}),
      ...options.headers,
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

function postForm(village: string, fields: Record<string, string>, ip = freshIp()) {
  return SELF.fetch(`${BASE}/api/villages/${village}/reports`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "text/html", "CF-Connecting-IP": ip },
    body: new URLSearchParams(fields).toString(),
  });
}

async function submit(village: string, body: Record<string, unknown> = reportBody()): Promise<string> {
  const response = await postJson(village, body, { key: crypto.randomUUID() });
  expect(response.status).toBe(201);
  return (await filedOf(response)).receipt;
}

async function expectError(response: Response, status: number, code?: string) {
  expect(response.status).toBe(status);
  const body = await errorOf(response);
  expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
  if (code) expect(body.error.code).toBe(code);
  return body.error;
}

/** The stored row of a receipt, found by its hash: the receipt itself is never stored. */
const row = async (receipt: string) =>
  env.DB.prepare("SELECT * FROM reports WHERE receipt_hash = ?1")
    .bind(await receiptHash(receipt))
    .first<Record<string, unknown>>();

describe("POST /api/villages/<code>/reports (JSON)", () => {
  it("stores a question in the village queue with its first public event and answers 201 with a receipt", async () => {
    const receipt = await submit("371603104201", reportBody({ contact: { name: "王大爷", phone: "13800000000" } }));
    expect(receipt).toMatch(/^\d{16}$/);
    expect(isValidReceipt(receipt)).toBe(true);
    const stored = await row(receipt);
    expect(stored).toMatchObject({
      village_code: "371603104201",
      kind: "question",
      topic: "affairs",
      state: "received",
      queue: "village",
      route: null,
      contact_name: "王大爷",
      received_on: chinaDate(),
      source: "web",
    });
    const events = await env.DB.prepare("SELECT kind, public, on_date FROM report_events WHERE report_id = ?1")
      .bind(stored?.id)
      .all();
    expect(events.results).toEqual([{ kind: "received", public: 1, on_date: chinaDate() }]);
  });

  it("routes misconduct only to the discipline inspectors", async () => {
    const receipt = await submit("371603104201", reportBody({ kind: "misconduct", topic: "conduct" }));
    expect(await row(receipt)).toMatchObject({ queue: "discipline", route: "discipline" });
  });

  it("returns the same receipt for a retry with the same key and body, and refuses a different body", async () => {
    const key = crypto.randomUUID();
    const first = await postJson("371603104205", reportBody(), { key });
    const again = await postJson("371603104205", reportBody(), { key });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    const receipt = (await filedOf(first)).receipt;
    expect((await filedOf(again)).receipt).toBe(receipt);
    const other = await postJson("371603104205", reportBody({ content: "另外一件事，想问问低保名单。" }), { key });
    await expectError(other, 409, "idempotency_conflict");
    expect(await countReports(env.DB, "371603104205")).toBe(1);
  });

  it("makes one report from concurrent retries with the same key", async () => {
    const key = crypto.randomUUID();
    const responses = await Promise.all([1, 2, 3].map(() => postJson("371603104206", reportBody(), { key })));
    const receipts = await Promise.all(responses.map(async (r) => (await filedOf(r)).receipt));
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(receipts).size).toBe(1);
    expect(await countReports(env.DB, "371603104206")).toBe(1);
  });

  it("stores no address, User-Agent or time of day anywhere near a report", async () => {
    const ip = "203.0.113.77";
    const receipt = await (async () => {
      const r = await postJson("371603104207", reportBody(), { ip, headers: { "User-Agent": "UA-MARKER-42" } });
      return (await filedOf(r)).receipt;
    })();
    const dump = JSON.stringify([
      (await env.DB.prepare("SELECT * FROM reports").all()).results,
      (await env.DB.prepare("SELECT * FROM report_events").all()).results,
      (await env.DB.prepare("SELECT * FROM intake_counts").all()).results,
      (await env.DB.prepare("SELECT * FROM intake_minute").all()).results,
    ]);
    expect(dump).not.toContain(ip);
    expect(dump).not.toContain("UA-MARKER-42");
    const stored = JSON.stringify(await row(receipt));
    expect(stored).not.toMatch(/\d{2}:\d{2}/);
    const counters = await env.DB.prepare("SELECT counter FROM intake_counts").all<{ counter: string }>();
    expect(counters.results.length).toBeGreaterThan(0);
    for (const { counter } of counters.results) expect(counter).toMatch(/^[0-9a-f]{64}$/);
  });

  it("accepts a disclosure of the same village and refuses one of another village", async () => {
    const id = await publishDisclosure(env.DB, { village: "371603104208", item: "finance-ledger", period: "2026-09" });
    expect((await postJson("371603104208", reportBody({ disclosure: id }))).status).toBe(201);
    const error = await expectError(await postJson("371603104209", reportBody({ disclosure: id })), 422, "invalid");
    expect(error.fields?.disclosure).toContain("公开");
    expect(await countReports(env.DB, "371603104209")).toBe(0);
  });
});

describe("intake errors: one JSON shape, a 4xx, nothing written", () => {
  const village = "371603104210";
  const cases: [string, () => Promise<Response>, number, string][] = [
    ["unknown village", () => postJson("371603104999", reportBody()), 404, "not_found"],
    ["malformed JSON", () => postJson(village, "{kind:"), 400, "bad_json"],
    ["a JSON array", () => postJson(village, "[1,2]"), 400, "bad_json"],
    ["JSON null", () => postJson(village, "null"), 400, "bad_json"],
    [
      "a declared length over the cap",
      () =>
        SELF.fetch(`${BASE}/api/villages/${village}/reports`, {
          method: "POST",
          headers: { "Content-Type": "application/json", "Content-Length": "999999" },
          body: "x".repeat(999_999),
        }),
      413,
      "too_large",
    ],
    ["a body over the cap", () => postJson(village, reportBody({ content: "长".repeat(6000) })), 413, "too_large"],
    [
      "a wrong content type",
      () =>
        SELF.fetch(`${BASE}/api/villages/${village}/reports`, {
          method: "POST",
          headers: { "Content-Type": "text/plain" },
          body: "hi",
        }),
      415,
      "unsupported_media_type",
    ],
    [
      "invalid UTF-8",
      () =>
        SELF.fetch(`${BASE}/api/villages/${village}/reports`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
        }),
      400,
      "bad_encoding",
    ],
    ["a bad idempotency key", () => postJson(village, reportBody(), { key: "a b" }), 400, "invalid"],
  ];
  for (const [name, send, status, code] of cases) {
    it(`refuses ${name} with ${status}`, async () => {
      await expectError(await send(), status, code);
      expect(await countReports(env.DB, village)).toBe(0);
    });
  }

  it("names every offending field in Chinese with 422", async () => {
    const error = await expectError(
      await postJson(village, { kind: "praise", topic: 7, content: "短", contact: { phone: "打我电话" } }),
      422,
      "invalid",
    );
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["content", "kind", "phone", "topic"]);
    expect(error.fields?.content).toContain("至少写 5 个字");
    expect(await countReports(env.DB, village)).toBe(0);
  });
});

describe("POST /api/villages/<code>/reports (plain HTML form, JS off)", () => {
  const form = { kind: "request", topic: "livelihood", content: "家里老人腿脚不便，想申请残疾人补贴，怎么办？" };

  it("answers 303 to the receipt page, and a double submit with the same key is one report", async () => {
    const key = crypto.randomUUID();
    const first = await postForm("371603104211", { ...form, key });
    const second = await postForm("371603104211", { ...form, key });
    expect(first.status).toBe(303);
    const location = first.headers.get("location") as string;
    expect(location).toMatch(/^\/r\/\d{16}$/);
    expect(second.headers.get("location")).toBe(location);
    expect(await countReports(env.DB, "371603104211")).toBe(1);
    const page = await SELF.fetch(`${BASE}${location}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(formatReceipt(location.slice(3)));
    expect(html).toContain("收到您要办的事");
    expect(html).toContain("截图");
  });

  it("gives the form back with the message and the villager's words (escaped) when something is wrong", async () => {
    const key = crypto.randomUUID();
    const response = await postForm("371603104212", { ...form, content: "短", contact_name: '"><b>x&amp;', key });
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toContain("text/html");
    const html = await response.text();
    expect(html).toContain("内容太少了，请至少写 5 个字");
    expect(html).toMatch(/<textarea[^>]*>短<\/textarea>/);
    expect(html).not.toContain('"><b>x');
    expect(html).toContain('value="&quot;><b>x&amp;amp;"');
    expect(html).toContain(`value="${key}"`);
    expect(await countReports(env.DB, "371603104212")).toBe(0);
  });
});

describe("rate limiting", () => {
  it("refuses a burst from one client to one village with 429, Retry-After and a kind message", async () => {
    const ip = "192.0.2.10";
    for (let i = 0; i < 5; i++) {
      expect((await postJson("371603104213", reportBody({ content: `第 ${i} 件事，请帮忙看看` }), { ip })).status).toBe(
        201,
      );
    }
    const refused = await postJson("371603104213", reportBody({ content: "第六件事，请帮忙看看" }), { ip });
    const error = await expectError(refused, 429, "rate_limited");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(error.message).toContain("网格员");
    expect(await countReports(env.DB, "371603104213")).toBe(5);
    // another village, or another client, is not held back
    expect((await postJson("371603104214", reportBody(), { ip })).status).toBe(201);
    expect((await postJson("371603104213", reportBody(), { ip: "192.0.2.11" })).status).toBe(201);
  });

  it("has a global ceiling per minute: a full minute refuses with 429 and stores nothing", async () => {
    const limits = intakeLimits(env);
    // the request's time is set (X-Cunma-Now, honoured on a development server), so the minute cannot
    // turn between filling the ceiling and the post
    const now = new Date("2026-11-29T03:04:05.000Z");
    // other tests' reports never hold slots of this minute, but take slots until the ceiling refuses anyway
    for (let i = 0; ; i++) {
      const taken = await admitReport(env.DB, `ceiling-${i}`, "371603104219", limits, now).then(
        () => true,
        () => false,
      );
      if (!taken) break;
    }
    const refused = await postJson("371603104215", reportBody(), { headers: { "X-Cunma-Now": now.toISOString() } });
    await expectError(refused, 429, "rate_limited");
    expect(Number(refused.headers.get("retry-after"))).toBe(55);
    expect(await countReports(env.DB, "371603104215")).toBe(0);
    // the next minute has room again
    const later = new Date(now.getTime() + 60_000).toISOString();
    expect((await postJson("371603104215", reportBody(), { headers: { "X-Cunma-Now": later } })).status).toBe(201);
    await env.DB.prepare("DELETE FROM intake_minute").run();
  }, 60_000); // filling the ceiling takes 120 round trips to D1
});

describe("GET /api/reports/<receipt> and /r/<receipt>", () => {
  it("shows the public timeline only: no contact, no internal notes, no misconduct content", async () => {
    const receipt = await submit(
      "371603104216",
      reportBody({
        kind: "misconduct",
        topic: "conduct",
        content: "村会计白条记账，我亲眼看见的。",
        contact: { name: "李某", phone: "13900000000" },
      }),
    );
    await addInternalNote(env.DB, receipt, "内部备注：举报人住三组");
    const response = await publicClient().api.reports[":receipt"].$get({ param: { receipt } });
    expect(response.status).toBe(200);
    const text = await response.clone().text();
    const view = await response.json();
    expect(view.state).toBe("received");
    expect(view.timeline.map((e) => e.kind)).toEqual(["received"]);
    for (const secret of ["李某", "13900000000", "内部备注", "白条记账", "test-inspector"])
      expect(text).not.toContain(secret);
    const page = await (await SELF.fetch(`${BASE}/r/${receipt}`)).text();
    for (const secret of ["李某", "13900000000", "内部备注", "白条记账"]) expect(page).not.toContain(secret);
  });

  it("accepts a receipt typed with spaces, refuses a mistyped one before lookup, 404s an unknown one", async () => {
    const receipt = await submit("371603104216");
    expect((await SELF.fetch(`${BASE}/api/reports/${formatReceipt(receipt).replaceAll(" ", "%20")}`)).status).toBe(200);
    const swapped = receipt.slice(0, 3) + receipt[4] + receipt[3] + receipt.slice(5);
    if (swapped !== receipt) await expectError(await SELF.fetch(`${BASE}/api/reports/${swapped}`), 400, "bad_receipt");
    await expectError(await SELF.fetch(`${BASE}/api/reports/0000000000000000`), 404, "not_found");
    const page = await SELF.fetch(`${BASE}/r/0000000000000000`);
    expect(page.status).toBe(404);
    expect(await page.text()).toContain("没有找到这个回执号");
    const lookup = await SELF.fetch(`${BASE}/r/?receipt=${encodeURIComponent(formatReceipt(receipt))}`, {
      redirect: "manual",
    });
    expect(lookup.status).toBe(303);
    expect(lookup.headers.get("location")).toBe(`/r/${receipt}`);
  });

  it("answers unknown receipts at about the speed of known ones", async () => {
    const known = await submit("371603104216");
    const time = async (receipt: string) => {
      const start = performance.now();
      await (await SELF.fetch(`${BASE}/api/reports/${receipt}`)).text();
      return performance.now() - start;
    };
    const knownTimes: number[] = [];
    const unknownTimes: number[] = [];
    for (let i = 0; i < 15; i++) {
      knownTimes.push(await time(known));
      unknownTimes.push(await time("0000000000000000"));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    expect(median(unknownTimes)).toBeGreaterThan(median(knownTimes) * 0.4);
  });
});

describe("POST /api/reports/<receipt>/rating", () => {
  const rate = (receipt: string, rating: unknown, json = true) =>
    SELF.fetch(`${BASE}/api/reports/${receipt}/rating`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": json ? "application/json" : "application/x-www-form-urlencoded" },
      body: json ? JSON.stringify(rating) : new URLSearchParams(rating as Record<string, string>).toString(),
    });

  it("refuses a rating before the answer, closes the case when satisfied, and only once", async () => {
    const receipt = await submit("371603104217");
    await expectError(await rate(receipt, { rating: "satisfied" }), 409, "not_answered");
    await answerReport(env.DB, receipt, "施工单位是滨州某路桥公司，合同已在村务栏公开。");
    const page = await (await SELF.fetch(`${BASE}/r/${receipt}`)).text();
    expect(page).toContain("滨州某路桥公司");
    expect(page).toContain('action="/api/reports/');
    const rated = await rate(receipt, { rating: "satisfied", comment: "说得很清楚" });
    expect(rated.status).toBe(200);
    expect((await answerOf(rated, publicClient().api.reports[":receipt"].rating.$post))?.state).toBe("closed");
    expect(await row(receipt)).toMatchObject({ state: "closed", rating: "satisfied", closed_on: chinaDate() });
    await expectError(await rate(receipt, { rating: "unsatisfied" }), 409, "not_answered");
    const view = await answered(publicClient().api.reports[":receipt"].$get({ param: { receipt } }));
    expect(view.timeline.map((e) => e.kind)).toEqual(["received", "answered", "rated", "closed"]);
  });

  it("reopens once on 'unsatisfied' and raises it to the town; a second 'unsatisfied' closes it", async () => {
    const receipt = await submit("371603104217");
    await answerReport(env.DB, receipt, "已经在办了。");
    const first = await rate(receipt, { rating: "unsatisfied" }, false);
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe(`/r/${receipt}`);
    expect(await row(receipt)).toMatchObject({ state: "handling", reopened: 1, route: "township", closed_on: null });
    await answerReport(env.DB, receipt, "镇里督办，路已修好。");
    expect((await rate(receipt, { rating: "unsatisfied" })).status).toBe(200);
    expect(await row(receipt)).toMatchObject({ state: "closed", rating: "unsatisfied" });
  });

  it("refuses a bad rating naming the field, and unknown receipts with 404", async () => {
    const receipt = await submit("371603104217");
    await answerReport(env.DB, receipt, "答复");
    const error = await expectError(await rate(receipt, { rating: "great" }), 422, "invalid");
    expect(error.fields?.rating).toContain("满意");
    await expectError(await rate("0000000000000000", { rating: "satisfied" }), 404, "not_found");
  });
});

describe("form pages and the village page", () => {
  it("gives each view a fresh idempotency key and honours ?topic and ?power with JS off", async () => {
    const url = `${BASE}/v/371603104201/report/?topic=conduct&power=neg-blank-note`;
    const [a, b] = await Promise.all([SELF.fetch(url), SELF.fetch(url)]);
    expect(a.status).toBe(200);
    expect(a.headers.get("cache-control")).toBe("no-store");
    const [htmlA, htmlB] = [await a.text(), await b.text()];
    const key = (html: string) => /name="key" value="([^"]+)"/.exec(html)?.[1];
    expect(key(htmlA)).toMatch(/^[0-9a-f-]{36}$/);
    expect(key(htmlA)).not.toBe(key(htmlB));
    expect(htmlA).toMatch(/value="conduct" required checked/);
    expect(htmlA).toContain('name="power" value="neg-blank-note"');
    expect(htmlA).toContain("镇纪委");
    const ask = await (await SELF.fetch(`${BASE}/v/371603104201/ask/?topic=policy`)).text();
    expect(ask).toMatch(/value="policy" required checked/);
    expect(ask).not.toMatch(/value="affairs" required checked/);
    const unknown = await SELF.fetch(`${BASE}/v/371603104999/ask/`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("没有找到这个页面");
  });

  it("shows three entry points and case figures computed from rows, never counting misconduct", async () => {
    const village = "371603107201";
    const one = await submit(village);
    const two = await submit(village, reportBody({ kind: "request", topic: "livelihood" }));
    await submit(village, reportBody({ kind: "misconduct", topic: "conduct" }));
    const received = (await row(one))?.received_on as string;
    const later = new Date(Date.parse(received) + 4 * 86_400_000).toISOString().slice(0, 10);
    await answerReport(env.DB, one, "答复一", later);
    await answerReport(env.DB, two, "答复二", received);
    await SELF.fetch(`${BASE}/api/reports/${one}/rating`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ rating: "basic" }),
    });
    const html = await (await SELF.fetch(`${BASE}/v/${village}/`)).text();
    for (const path of ["ask", "help", "report"]) expect(html).toContain(`href="/v/${village}/${path}/"`);
    const figures = /<p data-cases>(.*?)<\/p>/.exec(html)?.[1];
    expect(figures).toBe(
      "收到 2 件 · 已答复 2 件 · 答复一般用 2 天（中位数） · 1 人评价，满意 0 人、基本满意 1 人、不满意 0 人",
    );
  });
});

describe("atomicity", () => {
  it("writes neither the report nor its event when the event cannot be stored", async () => {
    await env.DB.prepare(
      "CREATE TRIGGER fail_events BEFORE INSERT ON report_events BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    ).run();
    try {
      const response = await postJson("371603104218", reportBody());
      expect(response.status).toBe(500);
      expect(await countReports(env.DB, "371603104218")).toBe(0);
    } finally {
      await env.DB.prepare("DROP TRIGGER fail_events").run();
    }
    expect((await postJson("371603104218", reportBody())).status).toBe(201);
    expect(await countReports(env.DB, "371603104218")).toBe(1);
  });
});
