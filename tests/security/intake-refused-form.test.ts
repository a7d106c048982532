/**
 * Issue 10 item 5, JS off: a refused (429) form post must keep the villager's words. The worker answers
 * with the form itself, refilled, saying plainly that it was not sent yet, with the same key so sending
 * it again later is still one report.
 */
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { admitReport, intakeLimits } from "../../worker/src/reports/rate-limit.ts";
import { countReports } from "../fixtures/reports.ts";

const BASE = "https://cunma.test";

function postForm(village: string, fields: Record<string, string>, ip: string) {
  return SELF.fetch(`${BASE}/api/villages/${village}/reports`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "text/html", "CF-Connecting-IP": ip },
    body: new URLSearchParams(fields).toString(),
  });
}

const words = {
  kind: "request",
  topic: "livelihood",
  content: "老伴住院了，想问问大病救助怎么申请，要带哪些材料？",
  contact_name: "张大娘",
  contact_phone: "13912345678",
};

async function expectRefilled(response: Response, key: string) {
  expect(response.status).toBe(429);
  expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(response.headers.get("content-type")).toContain("text/html");
  const html = await response.text();
  expect(html).toMatch(new RegExp(`<textarea[^>]*>${words.content}</textarea>`));
  expect(html).toContain(`value="${words.contact_name}"`);
  expect(html).toContain(`value="${words.contact_phone}"`);
  expect(html).toMatch(/value="livelihood" required checked/);
  expect(html).toContain(`value="${key}"`);
  expect(html).toContain("还没有提交上");
  expect(html).toContain("您写的内容还留着");
  expect(html).not.toContain("收到了");
}

describe("a form post refused with 429 (JS off)", () => {
  it("over the client's own limit comes back refilled with the words and the same key", async () => {
    const ip = "203.0.113.120";
    for (let i = 0; i < 5; i++) {
      const accepted = await postForm("371603104201", { ...words, content: `第 ${i} 件：路灯坏了，请来修一下。` }, ip);
      expect(accepted.status).toBe(303);
    }
    const key = crypto.randomUUID();
    await expectRefilled(await postForm("371603104201", { ...words, key }, ip), key);
    expect(await countReports(env.DB, "371603104201")).toBe(5);
  });

  it("over the district-wide ceiling comes back refilled, and goes in once there is room", async () => {
    const limits = intakeLimits(env);
    const key = crypto.randomUUID();
    for (let attempt = 0; ; attempt++) {
      const now = new Date();
      const minute = Math.floor(now.getTime() / 60_000);
      for (let i = 0; ; i++) {
        const taken = await admitReport(env.DB, `full-${attempt}-${i}`, "371603104202", limits, now).then(
          () => true,
          () => false,
        );
        if (!taken) break;
      }
      const refused = await postForm("371603104203", { ...words, key }, "203.0.113.121");
      // the minute turned between filling and posting: the ceiling was not full for the post
      if (Math.floor(Date.now() / 60_000) !== minute && attempt < 3 && refused.status !== 429) continue;
      await expectRefilled(refused, key);
      break;
    }
    expect(await countReports(env.DB, "371603104203")).toBe(0);
    await env.DB.prepare("DELETE FROM intake_minute").run();
    const sent = await postForm("371603104203", { ...words, key }, "203.0.113.121");
    expect(sent.status).toBe(303);
    expect(await countReports(env.DB, "371603104203")).toBe(1);
  });
});
