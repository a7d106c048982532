/**
 * Hostile input to every public route: overlong fields, control characters, invalid UTF-8, nested JSON,
 * wrong content types, path tricks, and HTML/script in every text field. Nothing may answer 5xx, nothing
 * invalid may be stored, and whatever is stored is shown back escaped. Brute force on staff login and on
 * receipts is throttled.
 */
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { villages } from "#core/reference.ts";
import { dammDigit } from "#core/report.ts";
import { publishDisclosure } from "../fixtures/d1.ts";
import { answerReport, countReports, reportBody } from "../fixtures/reports.ts";
import { createStaff, errorOf, filedOf, postLogin } from "../fixtures/staff.ts";

const BASE = "https://cunma.test";
const VILLAGE = "371603104201";
let ip = 0;
const freshIp = () => `203.0.113.${(++ip % 250) + 1}`;

/** Script that would run if any page put it in the markup unescaped. */
const XSS = `<script>alert("x")</script><img src=x onerror=alert(1)>"'><svg onload=alert(1)>`;

function post(path: string, body: BodyInit, contentType: string | null, extra: Record<string, string> = {}) {
  const headers: Record<string, string> = { "CF-Connecting-IP": freshIp(), ...extra };
  if (contentType) headers["Content-Type"] = contentType;
  return SELF.fetch(`${BASE}${path}`, { method: "POST", headers, body, redirect: "manual" });
}

const intake = (body: BodyInit, contentType: string | null = "application/json", extra: Record<string, string> = {}) =>
  post(`/api/villages/${VILLAGE}/reports`, body, contentType, extra);

/**
 * Parses the page with HTMLRewriter (a real HTML parser) and fails on any element or attribute that user
 * text could have smuggled in: an <img> or <svg>, an on* handler, or a script that calls alert().
 */
async function expectInert(html: string) {
  const found: string[] = [];
  let script = "";
  await new HTMLRewriter()
    .on("*", {
      element(el) {
        if (el.tagName === "img" || el.tagName === "svg") found.push(`<${el.tagName}>`);
        for (const [name] of el.attributes) if (name?.startsWith("on")) found.push(`${el.tagName}[${name}]`);
      },
    })
    .on("script", {
      text(chunk) {
        script += chunk.text;
      },
    })
    .transform(new Response(html))
    .text();
  expect(found).toEqual([]);
  expect(script).not.toContain("alert(");
}

/** `<script>` shown as text, whichever way the page escapes it. */
const ESCAPED_SCRIPT = /&(lt|#60);script&(gt|#62);/;

const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

describe("hostile bodies to POST /api/villages/<code>/reports", () => {
  const cases: [string, BodyInit, string | null, number][] = [
    [
      "content over 3,000 characters",
      JSON.stringify(reportBody({ content: "长".repeat(3001) })),
      "application/json",
      422,
    ],
    [
      "name over 20 characters",
      JSON.stringify(reportBody({ contact: { name: "名".repeat(21) } })),
      "application/json",
      422,
    ],
    ["body over 16 KB", JSON.stringify(reportBody({ content: "a".repeat(17_000) })), "application/json", 413],
    ["phone with letters", JSON.stringify(reportBody({ contact: { phone: "<script>" } })), "application/json", 422],
    ["kind not a kind", JSON.stringify(reportBody({ kind: "<script>" })), "application/json", 422],
    ["invalid UTF-8", new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), "application/json", 400],
    ["overlong UTF-8 encoding of '<'", new Uint8Array([0x7b, 0x22, 0xc0, 0xbc, 0x22, 0x7d]), "application/json", 400],
    ["lone surrogate bytes", new Uint8Array([0x22, 0xed, 0xa0, 0x80, 0x22]), "application/json", 400],
    ["JSON nested 5,000 deep", nested(5000), "application/json", 400],
    ["a field nested 4,000 deep", `{"kind":${nested(4000)}}`, "application/json", 422],
    ["truncated JSON", '{"kind":"question",', "application/json", 400],
    ["JSON null", "null", "application/json", 400],
    ["JSON array", "[1,2,3]", "application/json", 400],
    [
      "__proto__ pollution",
      `{"__proto__":{"kind":"question"},"constructor":{"prototype":{"x":1}}}`,
      "application/json",
      422,
    ],
    ["text/plain", JSON.stringify(reportBody()), "text/plain", 415],
    // issue 17: intake takes multipart (photos and voice) now, so a multipart body missing fields is a 422
    [
      "multipart missing topic and content",
      "--x\r\nContent-Disposition: form-data; name=kind\r\n\r\nquestion\r\n--x--",
      "multipart/form-data; boundary=x",
      422,
    ],
    [
      "multipart cut off before its end",
      "--x\r\nContent-Disposition: form-data; name=kind\r\n\r\nquest",
      "multipart/form-data; boundary=x",
      400,
    ],
    ["multipart without a boundary", "--x\r\n", "multipart/form-data", 400],
    ["no content type", JSON.stringify(reportBody()), null, 415],
    ["XML", "<report><kind>question</kind></report>", "application/xml", 415],
    ["empty body", "", "application/json", 400],
    [
      "form with content too short and script",
      "kind=question&topic=affairs&content=%3Cb%3E",
      "application/x-www-form-urlencoded",
      422,
    ],
  ];
  for (const [what, body, type, status] of cases) {
    it(`${what}: ${status}, a Chinese message, nothing stored`, async () => {
      const before = await countReports(env.DB);
      const response = await intake(body, type, { Accept: "application/json" });
      expect(response.status).toBe(status);
      const error = (await errorOf(response)).error;
      expect(error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(await countReports(env.DB)).toBe(before);
    });
  }

  it("control characters in the text are refused, naming the field, and nothing is stored", async () => {
    const before = await countReports(env.DB);
    for (const content of ["村里\u0000的路灯坏了很久", "村里的路灯\u001b[31m坏了很久", "村里的路灯坏了\u202e很久了"]) {
      const response = await intake(JSON.stringify(reportBody({ content })));
      expect(response.status, JSON.stringify(content)).toBe(422);
      const error = (await errorOf(response)).error;
      expect(error.fields?.content).toMatch(/[\u4e00-\u9fff]/);
    }
    const name = await intake(JSON.stringify(reportBody({ contact: { name: "王\u0000五" } })));
    expect(name.status).toBe(422);
    expect(await countReports(env.DB)).toBe(before);
  });

  it("line breaks and tabs, which villagers do type, are kept", async () => {
    const response = await intake(JSON.stringify(reportBody({ content: "第一行\n第二行\r\n\t第三行" })));
    expect(response.status).toBe(201);
  });

  it("a hostile Idempotency-Key is refused before anything is stored", async () => {
    const before = await countReports(env.DB);
    for (const key of [XSS, "k".repeat(101), "短", "../../etc/passwd"]) {
      const response = await SELF.fetch(`${BASE}/api/villages/${VILLAGE}/reports`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "CF-Connecting-IP": freshIp(),
          "Idempotency-Key": encodeURIComponent(key),
        },
        body: JSON.stringify(reportBody()),
      });
      expect(response.status).toBe(400);
    }
    expect(await countReports(env.DB)).toBe(before);
  });

  it("the rating takes no hostile body either", async () => {
    for (const [body, type, status] of [
      [`{"rating":"satisfied","comment":${JSON.stringify("评".repeat(501))}}`, "application/json", 422],
      [nested(5000), "application/json", 400],
      [new Uint8Array([0xff, 0xff]), "application/json", 400],
      ['{"rating":"<script>"}', "application/json", 422],
      ["rating=satisfied", "text/plain", 415],
    ] as [BodyInit, string, number][]) {
      const response = await post("/api/reports/1234567890123456/rating", body, type);
      expect(response.status).toBe(status);
    }
  });
});

describe("hostile bodies to POST /api/staff/login", () => {
  const login = (body: BodyInit, type: string) =>
    SELF.fetch(`${BASE}/api/staff/login`, {
      method: "POST",
      headers: { Origin: BASE, "Sec-Fetch-Site": "same-origin", "Content-Type": type, "CF-Connecting-IP": freshIp() },
      body,
    });
  const bodies: [string, BodyInit, string][] = [
    ["invalid UTF-8", new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), "application/json"],
    ["JSON nested 5,000 deep", nested(5000), "application/json"],
    ["a 1 MB password", JSON.stringify({ username: "a", password: "p".repeat(1_000_000) }), "application/json"],
    ["script as username", JSON.stringify({ username: XSS, password: "x" }), "application/json"],
    ["SQL as username", JSON.stringify({ username: "' OR 1=1 --", password: "x" }), "application/json"],
    ["a form body", "username=a&password=b", "application/x-www-form-urlencoded"],
    ["text/plain", JSON.stringify({ username: "a", password: "b" }), "text/plain"],
  ];
  for (const [what, body, type] of bodies) {
    it(`${what}: a 4xx and no session`, async () => {
      const response = await login(body, type);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.headers.get("Set-Cookie") ?? "").not.toContain("cunma_staff=");
      await response.body?.cancel();
    });
  }
});

describe("path tricks on every public route", () => {
  const paths = [
    "/v/..%2f..%2fwrangler.toml",
    "/v/%2e%2e/%2e%2e/wrangler.toml",
    "/v/..%5c..%5cwrangler.toml/",
    `/v/${VILLAGE}/..%2f..%2f..%2fwrangler.toml`,
    `/v/${VILLAGE}%00/`,
    "/v/%00/",
    "/v/%ff/",
    `/v/${VILLAGE}/d/%ff/`,
    `/v/${VILLAGE}/d/99999999999999999999999/`,
    `/v/${VILLAGE}/d/-1/`,
    `/v/${VILLAGE}/power/%3Cscript%3E/`,
    `/v/${VILLAGE}/meetings/%ff/`,
    `/v/${VILLAGE}/ask/?topic=%3Cscript%3E&power=%ff&disclosure=1e309`,
    `/v/${VILLAGE}/qr.svg?x=%00`,
    "/r/%00",
    "/r/%ff",
    "/r/%E0%A4%A",
    `/r/${"9".repeat(5000)}`,
    "/r/?receipt=%00%ff",
    "/api/reports/%00",
    "/api/reports/%ff",
    "/api/reports/..%2f..%2fstaff%2fme",
    "/api/villages/%ff/reports",
    "/api/villages/..%2f/chain",
    "/z/%ff/",
    "/z/..%2f/",
    "/staff/..%2f..%2fwrangler.toml",
    "/api/staff/..%2flogin",
    "/%2e%2e/%2e%2e/etc/passwd",
  ];
  for (const path of paths) {
    it(`GET ${path.slice(0, 80)} is a 4xx or a page, never a 5xx or a file from outside the site`, async () => {
      const response = await SELF.fetch(`${BASE}${path}`, { redirect: "manual" });
      expect(response.status, path).toBeLessThan(500);
      const text = await response.text();
      expect(text).not.toContain("database_id");
      expect(text).not.toContain("root:x:0:0");
      if ((response.headers.get("content-type") ?? "").includes("svg")) expect(text).not.toMatch(/<script|\son\w+=/);
      else await expectInert(text);
    });
  }

  it("POSTs to report paths with tricks in the village code are 404s and store nothing", async () => {
    const before = await countReports(env.DB);
    for (const code of [
      "%ff",
      `${VILLAGE}%00`,
      "..%2f371603104201",
      "371603104201%20OR%201=1",
      "'; DROP TABLE reports;--",
    ]) {
      const response = await post(`/api/villages/${code}/reports`, JSON.stringify(reportBody()), "application/json");
      expect(response.status, code).toBe(404);
    }
    expect(await countReports(env.DB)).toBe(before);
  });
});

describe("HTML and script in every text field are shown back as text", () => {
  it("the receipt page escapes the content, the answer and the public timeline", async () => {
    const response = await intake(
      JSON.stringify(reportBody({ content: `问一下${XSS}`, contact: { name: "<b>王</b>", phone: "13800000000" } })),
    );
    expect(response.status).toBe(201);
    const { receipt } = await filedOf(response);
    await answerReport(env.DB, receipt, `答复${XSS}`);
    const page = await (
      await SELF.fetch(`${BASE}/r/${receipt}`, { headers: { "CF-Connecting-IP": freshIp() } })
    ).text();
    await expectInert(page);
    expect(page).toMatch(ESCAPED_SCRIPT);
    expect(page).not.toContain("<b>王</b>");
    const api = await SELF.fetch(`${BASE}/api/reports/${receipt}`);
    expect(api.headers.get("content-type")).toContain("application/json");
  });

  it("a form shown again after an error escapes everything the villager typed", async () => {
    const response = await post(
      `/v/${VILLAGE}/ask/`.replace("/v/", "/api/villages/").replace("/ask/", "/reports"),
      new URLSearchParams({
        kind: "question",
        topic: "affairs",
        content: XSS,
        contact_name: XSS,
        contact_phone: XSS,
        key: "abcdefgh12",
      }).toString(),
      "application/x-www-form-urlencoded",
    );
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain("<form");
    await expectInert(page);
    expect(page).toMatch(ESCAPED_SCRIPT);
  });

  it("the village page and the disclosure page escape a disclosure's title and text", async () => {
    const village = villages.find((v) => v.code === "371603104202") as (typeof villages)[number];
    const id = await publishDisclosure(env.DB, {
      village: village.code,
      item: "village-rules",
      period: "2026-11",
      title: `标题${XSS}`,
      content: `内容${XSS}`,
    });
    for (const path of [`/v/${village.code}/`, `/v/${village.code}/d/${id}/`]) {
      const response = await SELF.fetch(`${BASE}${path}`);
      expect(response.status, path).toBe(200);
      const page = await response.text();
      await expectInert(page);
      expect(page, path).toMatch(new RegExp(`标题${ESCAPED_SCRIPT.source}`));
    }
  });

  it("staff console data leaves the worker as JSON only, never as markup", async () => {
    const response = await SELF.fetch(`${BASE}/api/staff/reports`, { headers: { Accept: "text/html" } });
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toContain("application/json");
  });
});

describe("brute force is throttled", () => {
  it("staff login: one username guessed from many addresses is slowed, then locked even for the right password", async () => {
    const staff = await createStaff(env.DB, { role: "town_inspector" });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push((await postLogin(staff.username, `guess-${i}`, `192.0.2.${100 + i}`)).status);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.filter((s) => s === 429 || s === 423).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 401).length).toBeLessThan(12);
    const right = await postLogin(staff.username, staff.password, "192.0.2.200");
    expect([423, 429]).toContain(right.status);
  });

  it("receipts: guessing from one client is refused after a few misses, for real receipts too", async () => {
    const response = await intake(JSON.stringify(reportBody()));
    const { receipt } = await filedOf(response);
    const guesser = "198.18.0.77";
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const digits = String(100_000_000_000_000 + i * 7919).padStart(15, "0");
      const guess = digits + String(dammDigit(digits));
      const res = await SELF.fetch(`${BASE}/api/reports/${guess}`, { headers: { "CF-Connecting-IP": guesser } });
      statuses.push(res.status);
      await res.body?.cancel();
    }
    expect(statuses.slice(0, 5)).toEqual([404, 404, 404, 404, 404]);
    expect(statuses.at(-1)).toBe(429);
    const real = await SELF.fetch(`${BASE}/api/reports/${receipt}`, { headers: { "CF-Connecting-IP": guesser } });
    expect(real.status).toBe(429);
    expect(Number(real.headers.get("Retry-After"))).toBeGreaterThan(0);
    const page = await SELF.fetch(`${BASE}/r/${receipt}`, { headers: { "CF-Connecting-IP": guesser } });
    expect(page.status).toBe(429);
    expect(await page.text()).toMatch(/[\u4e00-\u9fff]/);
    // another villager is not affected
    const other = await SELF.fetch(`${BASE}/api/reports/${receipt}`, {
      headers: { "CF-Connecting-IP": "198.18.0.78" },
    });
    expect(other.status).toBe(200);
  });
});
