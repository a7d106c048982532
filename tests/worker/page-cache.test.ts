/**
 * Issue 14: filled pages are reused while their village's data is unchanged, and a view after any write
 * that touches the village shows the write at once. Each kind of write goes through its real route (or
 * the real cron) between two views of the pages that show it; the pages are viewed first so a stale
 * copy would be there to be served. Conditional requests: a strong ETag, 304 with no body. A write made
 * straight into D1 (standing for a new feature's route) waits as the routes do before the next view
 * (`settled()`, flights.ts): a view may reuse a version read from the last 50 ms.
 */
import { createScheduledController, env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { t } from "#core/i18n/index.ts";
import { quarterOf } from "#core/meeting.ts";
import { chinaDate, expectedPeriod, periodLabel } from "#core/period.ts";
import { periodBounds } from "#core/publish-periods.ts";
import { figureSpans } from "../../worker/src/html.ts";
import worker from "../../worker/src/index.ts";
import { type CachedPage, keptOrFilled, memoryPageCache, type PageCache } from "../../worker/src/pages/cache.ts";
import { settled } from "../../worker/src/pages/flights.ts";
import { bumpVillage } from "../../worker/src/pages/versions.ts";
import { act, fileReport, staffPost } from "../fixtures/cases.ts";
import { ledgerCsv } from "../fixtures/csv-samples.ts";
import { publishDisclosure } from "../fixtures/d1.ts";
import { householdOf, points, pointsVillage } from "../fixtures/points.ts";
import { answered, loginAs, staffClient, TEST_ORIGIN } from "../fixtures/staff.ts";

const TODAY = chinaDate();
const QUARTER = quarterOf(TODAY);
const LAST_QUARTER = expectedPeriod("quarterly", TODAY) as string;
const LAST_MONTH = expectedPeriod("monthly", TODAY) as string;

const view = async (path: string, headers: Record<string, string> = {}) => {
  const res = await SELF.fetch(`${TEST_ORIGIN}${path}`, { headers });
  return { status: res.status, etag: res.headers.get("ETag"), html: await res.text(), headers: res.headers };
};

const base64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

/** The village page's case figures line. */
const casesLine = (html: string) => /data-cases[^>]*>([^<]*)</.exec(html)?.[1] ?? "";

/** The typed client's /api/staff/disclosures and /api/staff/meetings routes, as `cookie`'s member. */
const disclosures = (cookie: string) => staffClient(cookie).api.staff.disclosures;
const meetings = (cookie: string) => staffClient(cookie).api.staff.meetings;

/** Records a meeting with one question through the real route; its id, question receipt and case id. */
async function recordMeeting(village: string) {
  const secretary = await loginAs(env.DB, { role: "village_secretary", scope: village });
  const meeting = await answered(
    meetings(secretary.cookie).$post({
      json: {
        village,
        quarter: QUARTER,
        heldOn: periodBounds(QUARTER).start,
        place: "村委会大院",
        attendees: 40,
        partyMembers: 15,
        representatives: 18,
        questions: [{ kind: "question", topic: "affairs", content: "村东坑塘承包费今年收了没有？收了多少？" }],
      },
    }),
    201,
  );
  const receipt = meeting.questions[0]?.receipt as string;
  const { id } = (await env.DB.prepare(
    "SELECT r.id FROM reports AS r JOIN meeting_questions AS q ON q.report_id = r.id WHERE q.meeting_id = ?1",
  )
    .bind(meeting.id)
    .first<{ id: number }>()) as { id: number };
  return { meeting: meeting.id, receipt, caseId: id, secretary: secretary.cookie };
}

describe("a view after a write shows the write at once", () => {
  it("publishing typed rows", async () => {
    const village = "371603105240";
    await view(`/v/${village}/`);
    const { cookie } = await loginAs(env.DB, { role: "village_secretary", scope: village });
    await answered(
      disclosures(cookie).$post({
        json: {
          village,
          item: "village-dibao",
          period: LAST_QUARTER,
          title: "新公开的低保名单",
          content: "本季度低保名单无变动。",
        },
      }),
      201,
    );
    expect((await view(`/v/${village}/`)).html).toContain("新公开的低保名单");
  });

  it("publishing a CSV", async () => {
    const village = "371603105241";
    await view(`/v/${village}/`);
    const { cookie } = await loginAs(env.DB, { role: "village_secretary", scope: village });
    await answered(
      disclosures(cookie).$post({
        json: {
          village,
          item: "finance-ledger",
          period: LAST_MONTH,
          title: "表格上传的收支明细",
          content: "收支如下。",
          csv: base64(`\uFEFF${ledgerCsv}`),
        },
      }),
      201,
    );
    expect((await view(`/v/${village}/`)).html).toContain("表格上传的收支明细");
  });

  it("a correction, on the village page and the history page", async () => {
    const village = "371603105242";
    const { cookie } = await loginAs(env.DB, { role: "village_secretary", scope: village });
    const first = await answered(
      disclosures(cookie).$post({
        json: {
          village,
          item: "village-dibao",
          period: LAST_QUARTER,
          title: "低保名单",
          content: "本季度低保名单无变动。",
        },
      }),
      201,
    );
    const history = `/v/${village}/d/${first.id}/`;
    await view(`/v/${village}/`);
    expect((await view(history)).html).not.toContain("低保名单（更正）");
    await answered(
      disclosures(cookie)[":id"].corrections.$post({
        param: { id: String(first.id) },
        json: {
          title: "低保名单（更正）",
          content: "本季度新增一户。",
          reason: "漏登了一户",
        },
      }),
      201,
    );
    expect((await view(`/v/${village}/`)).html).toContain("低保名单（更正）");
    expect((await view(history)).html).toContain("低保名单（更正）");
  });

  it("a case filed by a villager", async () => {
    const village = "371603105243";
    const before = casesLine((await view(`/v/${village}/`)).html);
    expect(before).toContain(t("reports.village.received", { count: 0 }));
    await fileReport(village);
    expect(casesLine((await view(`/v/${village}/`)).html)).toContain(t("reports.village.received", { count: 1 }));
  });

  it("an evening talk (百姓夜话), even one that raised no request", async () => {
    const village = "371603104215";
    const grid = "37160310421501";
    expect((await view(`/v/${village}/`)).html).not.toContain("王家胡同口");
    const { cookie } = await loginAs(env.DB, { role: "grid_worker", scope: grid });
    const json = { grid, heldOn: TODAY, place: "王家胡同口", attendees: 12, requests: [] };
    await answered(staffClient(cookie).api.staff.grid.talks.$post({ json }), 201);
    expect((await view(`/v/${village}/`)).html).toContain("王家胡同口");
  });

  it("a points entry the supervisor confirms (the board on the village page counts it)", async () => {
    const v = await pointsVillage("371603104216");
    const household = householdOf(v);
    const body = { village: v.village, household: household.id, rule: "A2", date: TODAY, reason: "村委会核实" };
    const entry = await answered(points(v.admin).entries.$post({ json: body }), 201);
    // the quarter in the line is a figure the layout keeps on one line
    const board = (awarded: number) =>
      String(figureSpans(t("points.village.link", { quarter: periodLabel(QUARTER), households: 1, awarded })));
    expect((await view(`/v/${v.village}/`)).html).toContain(board(0));
    await answered(points(v.supervisor).entries[":id"].confirm.$post({ param: { id: String(entry.id) } }), 200);
    expect((await view(`/v/${v.village}/`)).html).toContain(board(10));
  });

  it("a meeting recorded with its questions (the cases staff file), and its ratings", async () => {
    const village = "371603105244";
    const page = `/v/${village}/meetings/${QUARTER}/`;
    await view(`/v/${village}/`);
    expect((await view(page)).status).toBe(404);
    const { meeting, secretary } = await recordMeeting(village);
    const after = await view(`/v/${village}/`);
    expect(after.html).toContain(`/v/${village}/meetings/${QUARTER}/`);
    expect(casesLine(after.html)).toContain(t("reports.village.received", { count: 1 }));
    expect((await view(page)).status).toBe(200);

    const res = await staffPost(secretary, `/api/staff/meetings/${meeting}/ratings`, {
      satisfied: 30,
      basic: 5,
      unsatisfied: 2,
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await view(page)).html).toContain("满意 30 人");
  });

  it("every step of a case: triage, assign, answer, the villager's rating", async () => {
    const village = "371603105245";
    const page = `/v/${village}/meetings/${QUARTER}/`;
    const { receipt, caseId } = await recordMeeting(village);
    const inspector = await loginAs(env.DB, { role: "town_inspector", scope: "371603105" });
    const state = async () => (await view(page)).html;

    expect(await state()).toContain(t("reports.state.received"));
    await act(inspector.cookie, caseId, "triage", { route: "village" });
    expect(await state()).toContain(t("reports.state.accepted"));
    await act(inspector.cookie, caseId, "assign", { responsible: "村会计 张某", measures: "查账后公开" });
    expect(await state()).toContain(t("reports.state.handling"));
    await view(`/v/${village}/`);
    await act(inspector.cookie, caseId, "answer", { answer: "承包费已经收齐，账目贴在公开栏。" });
    expect(await state()).toContain("承包费已经收齐");
    expect(casesLine((await view(`/v/${village}/`)).html)).toContain(t("reports.village.answered", { count: 1 }));

    const rated = await SELF.fetch(`${TEST_ORIGIN}/api/reports/${receipt}/rating`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ rating: "satisfied" }),
    });
    expect(rated.status, await rated.clone().text()).toBe(200);
    expect(await state()).toContain(t("reports.state.closed"));
  });

  it("the daily cron closing an unrated answer", async () => {
    const village = "371603105246";
    const page = `/v/${village}/meetings/${QUARTER}/`;
    const { caseId } = await recordMeeting(village);
    const inspector = await loginAs(env.DB, { role: "town_inspector", scope: "371603105" });
    await act(inspector.cookie, caseId, "triage", { route: "village" });
    await act(inspector.cookie, caseId, "assign", { responsible: "村会计", measures: "查" });
    await act(inspector.cookie, caseId, "answer", { answer: "承包费已经收齐，账目贴在公开栏。" });
    const longAgo = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
    await env.DB.prepare("UPDATE reports SET answered_on = ?2 WHERE id = ?1").bind(caseId, longAgo).run();
    expect((await view(page)).html).not.toContain(t("reports.state.closed"));
    await worker.scheduled(createScheduledController({ cron: "0 17 * * *" }), env);
    expect((await view(page)).html).toContain(t("reports.state.closed"));
  });

  it("an unrated answer a staff list closes as it is read", async () => {
    const village = "371603105254";
    const page = `/v/${village}/meetings/${QUARTER}/`;
    const { caseId } = await recordMeeting(village);
    const inspector = await loginAs(env.DB, { role: "town_inspector", scope: "371603105" });
    await act(inspector.cookie, caseId, "triage", { route: "village" });
    await act(inspector.cookie, caseId, "assign", { responsible: "村会计", measures: "查" });
    await act(inspector.cookie, caseId, "answer", { answer: "承包费已经收齐，账目贴在公开栏。" });
    const longAgo = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
    await env.DB.prepare("UPDATE reports SET answered_on = ?2 WHERE id = ?1").bind(caseId, longAgo).run();
    await settled();
    expect((await view(page)).html).not.toContain(t("reports.state.closed"));
    // a GET, yet it writes: the list closes the case before it answers, so it waits like any write
    await answered(staffClient(inspector.cookie).api.staff.reports.$get({ query: {} }));
    expect((await view(page)).html).toContain(t("reports.state.closed"));
  });

  it("but a misconduct report leaves the village's version, and so its page, as it was", async () => {
    const village = "371603105247";
    const before = await view(`/v/${village}/`);
    await fileReport(village, { kind: "misconduct", topic: "conduct", content: "书记优亲厚友，低保给了亲戚。" });
    const after = await view(`/v/${village}/`);
    expect(after.etag).toBe(before.etag);
    expect(after.html).toBe(before.html);
  });
});

describe("reusing the filled page", () => {
  it("serves the kept copy while the village's version is unchanged", async () => {
    const village = "371603105248";
    const first = await view(`/v/${village}/`);
    const kept = await env.DB.prepare("SELECT version FROM village_versions WHERE village_code = ?1")
      .bind(village)
      .first<{ version: string }>();
    // a row written behind the worker's back, its version bump undone: only a kept copy can hide it
    await publishDisclosure(env.DB, { village, item: "village-dibao", period: LAST_QUARTER, title: "悄悄写进去的" });
    if (kept) {
      await env.DB.prepare("UPDATE village_versions SET version = ?2 WHERE village_code = ?1")
        .bind(village, kept.version)
        .run();
    } else await env.DB.prepare("DELETE FROM village_versions WHERE village_code = ?1").bind(village).run();
    const again = await view(`/v/${village}/`);
    expect(again.etag).toBe(first.etag);
    expect(again.html).not.toContain("悄悄写进去的");

    await publishDisclosure(env.DB, { village, item: "village-dibao", period: LAST_QUARTER, title: "正式更正" });
    expect((await view(`/v/${village}/`)).html).toContain("正式更正");
  });

  it("stops serving the kept copy once a batch with bumpVillage commits (for writers of new tables)", async () => {
    const village = "371603105253";
    const first = await view(`/v/${village}/`);
    await env.DB.batch([bumpVillage(env.DB, village)]);
    await settled(); // as the route that runs such a batch waits before it answers (commitWait)
    const after = await view(`/v/${village}/`, { "If-None-Match": first.etag as string });
    expect(after.status).toBe(200);
    expect(after.etag).not.toBe(first.etag);
  });

  it("keeps each village's page apart", async () => {
    await publishDisclosure(env.DB, {
      village: "371603105249",
      item: "village-dibao",
      period: LAST_QUARTER,
      title: "甲村",
    });
    const a = await view("/v/371603105249/");
    const b = await view("/v/371603105250/");
    expect(a.html).toContain("甲村");
    expect(b.html).not.toContain("甲村");
    expect(a.etag).not.toBe(b.etag);
  });

  it("shows a publish on the town page at once too", async () => {
    const village = "371603105251";
    const status = async () =>
      new RegExp(`data-village-status="${village}"[^>]*>([\\s\\S]*?)</`).exec((await view("/z/371603105/")).html)?.[1];
    const before = await status();
    const { cookie } = await loginAs(env.DB, { role: "village_secretary", scope: village });
    const json = { village, item: "village-dibao", period: LAST_QUARTER, title: "低保名单", content: "名单无变动。" };
    await answered(disclosures(cookie).$post({ json }), 201);
    expect(await status()).not.toBe(before);
  });
});

describe("conditional requests", () => {
  const village = "371603105252";

  it("a filled page carries a strong ETag; If-None-Match gets 304 with no body", async () => {
    const first = await view(`/v/${village}/`);
    expect(first.status).toBe(200);
    expect(first.etag).toMatch(/^"[^"]+"$/);
    // it names the static page it was filled from, so a new build of the site is never served an old fill
    expect(first.etag).not.toContain(".none.");
    expect(first.headers.get("Cache-Control")).toContain("no-cache");
    for (const tag of [first.etag as string, `W/${first.etag}`, `"other", ${first.etag}`]) {
      const res = await SELF.fetch(`${TEST_ORIGIN}/v/${village}/`, { headers: { "If-None-Match": tag } });
      expect(res.status, tag).toBe(304);
      expect(await res.text()).toBe("");
      expect(res.headers.get("ETag")).toBe(first.etag);
    }
    const other = await SELF.fetch(`${TEST_ORIGIN}/v/${village}/`, { headers: { "If-None-Match": '"other"' } });
    expect(other.status).toBe(200);
  });

  it("a write changes the ETag, so the old one gets the whole new page", async () => {
    const first = await view(`/v/${village}/`);
    await fileReport(village);
    const res = await SELF.fetch(`${TEST_ORIGIN}/v/${village}/`, {
      headers: { "If-None-Match": first.etag as string },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("ETag")).not.toBe(first.etag);
    expect(casesLine(await res.text())).toContain(t("reports.village.received", { count: 1 }));
  });

  it("each text size has its own ETag", async () => {
    const normal = await view(`/v/${village}/`);
    const large = await SELF.fetch(`${TEST_ORIGIN}/v/${village}/`, {
      headers: { Cookie: "size=large", "If-None-Match": normal.etag as string },
    });
    expect(large.status).toBe(200);
    expect(large.headers.get("ETag")).not.toBe(normal.etag);
    expect(await large.text()).toMatch(/<html[^>]*class="large"/);
  });

  it.each([
    ["the town page", "/z/371603105/"],
    ["a power page", `/v/${village}/power/`],
    ["a meeting page", `/v/${village}/meetings/${QUARTER}/`],
  ])("%s too", async (_, path) => {
    const first = await view(path);
    expect(first.etag).toMatch(/^"[^"]+"$/);
    const res = await SELF.fetch(`${TEST_ORIGIN}${path}`, { headers: { "If-None-Match": first.etag as string } });
    expect(res.status).toBe(304);
    expect(await res.text()).toBe("");
  });
});

describe("the self-hosted page cache (memoryPageCache)", () => {
  it("lets the least recently used page go once its budget is spent, and forgets a page when its time is up", async () => {
    let now = 0;
    const cache = memoryPageCache(10, () => now);
    await cache.put("a", { status: 200, body: "aaaa" }, 60);
    await cache.put("b", { status: 200, body: "bbbb" }, 60);
    expect(await cache.match("a")).toEqual({ status: 200, body: "aaaa" }); // now a is the most recent
    await cache.put("c", { status: 404, body: "cccc" }, 60);
    expect(await cache.match("b")).toBeUndefined();
    expect(await cache.match("a")).toBeDefined();
    expect(await cache.match("c")).toEqual({ status: 404, body: "cccc" });
    now = 60_000;
    expect(await cache.match("a")).toBeUndefined();
  });

  it("fills a page once for views that miss it at the same moment", async () => {
    const cache = memoryPageCache();
    let fills = 0;
    const fill = async () => {
      fills++;
      await new Promise((r) => setTimeout(r, 5));
      return { status: 200, body: "页面" };
    };
    const pages = await Promise.all(Array.from({ length: 10 }, () => keptOrFilled(cache, "k", fill, 60)));
    expect(pages.every((p) => p?.body === "页面")).toBe(true);
    expect(fills).toBe(1);
  });
});

describe("one fill for a burst of views, whatever the cache (Workers: caches.default)", () => {
  /** A cache kept outside this isolate, as caches.default is: found only after a put has gone through. */
  const farCache = (): PageCache => {
    const kept = new Map<string, CachedPage>();
    return {
      match: async (key) => kept.get(key),
      put: async (key, page) => void kept.set(key, page),
    };
  };

  it("views of one isolate that miss the same page at once share its fill", async () => {
    let fills = 0;
    const fill = async () => {
      fills++;
      await new Promise((r) => setTimeout(r, 5));
      return { status: 200, body: "村页" };
    };
    const cache = farCache();
    const pages = await Promise.all(Array.from({ length: 10 }, () => keptOrFilled(cache, "burst", fill, 60)));
    expect(pages.every((p) => p?.body === "村页")).toBe(true);
    expect(fills).toBe(1);
  });

  it("a view whose shared fill never ends (its request was cut off) fills the page itself", async () => {
    let fills = 0;
    const fill = () => {
      fills++;
      // the first fill never ends; the next one does
      return fills === 1 ? new Promise<never>(() => {}) : Promise.resolve({ status: 200, body: "村页" });
    };
    const cache = farCache();
    void keptOrFilled(cache, "cut-off", fill, 60);
    const page = await keptOrFilled(cache, "cut-off", fill, 60, (work) => work, 20);
    expect(page?.body).toBe("村页");
    expect(fills).toBe(2);
  });

  it("a burst of views right after a write all see the write, through the real worker", async () => {
    const village = "371603104221";
    const before = await view(`/v/${village}/`);
    await bumpVillage(env.DB, village).run();
    await settled(); // as every route that writes waits before it answers (commitWait)
    const views = await Promise.all(Array.from({ length: 12 }, () => SELF.fetch(`${TEST_ORIGIN}/v/${village}/`)));
    expect(views.map((v) => v.status)).toEqual(Array(12).fill(200));
    const tags = new Set(views.map((v) => v.headers.get("ETag")));
    expect(tags.size).toBe(1);
    expect(tags.has(before.etag)).toBe(false);
    await Promise.all(views.map((v) => v.text()));
  });
});
