/**
 * Issue 10 item 2: the village page shows a short fingerprint of the village's chain head (with JS off),
 * which changes with every publish; a 阳光报告会 record keeps the fingerprint of the chain as it stood at
 * the end of the day it was held, and its page shows it.
 */
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { fingerprint } from "#core/checkpoint.ts";
import { quarterOf } from "#core/meeting.ts";
import { chinaDate } from "#core/period.ts";
import { publishDisclosure } from "../fixtures/d1.ts";
import { answered, loginAs, publicClient, staffClient, TEST_ORIGIN } from "../fixtures/staff.ts";

const page = async (path: string) => (await SELF.fetch(`${TEST_ORIGIN}${path}`)).text();
const head = async (village: string) =>
  (await answered(publicClient().api.villages[":code"].chain.$get({ param: { code: village } }))).head;

describe("the fingerprint of a village's record", () => {
  it("is on the village page, matches the chain head, and changes with every publish; no chain, no line", async () => {
    const village = "371603107201";
    expect(await page(`/v/${village}/`)).not.toContain("记录指纹");
    await publishDisclosure(env.DB, { village, item: "party-dues", period: "2026-Q2" });
    const first = fingerprint(await head(village));
    expect(first).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}$/);
    const html = await page(`/v/${village}/`);
    expect(html).toContain(`<p data-fingerprint><b>记录指纹 ${first}</b>`);
    expect(html).toContain("一看便知");

    await publishDisclosure(env.DB, { village, item: "party-dues", period: "2026-Q3" });
    const second = fingerprint(await head(village));
    expect(second).not.toBe(first);
    expect(await page(`/v/${village}/`)).toContain(`记录指纹 ${second}`);
  });

  it("a 阳光报告会 keeps the fingerprint of the chain at the end of its day, shown on its record", async () => {
    const village = "371603107202";
    const today = chinaDate();
    const quarter = quarterOf(today);
    const heldOn = `${quarter.slice(0, 4)}-${String((Number(quarter.slice(-1)) - 1) * 3 + 1).padStart(2, "0")}-01`;
    const dayEnd = new Date(`${heldOn}T24:00:00+08:00`).getTime();
    await publishDisclosure(env.DB, {
      village,
      item: "party-dues",
      period: "2026-Q1",
      publishedAt: new Date(dayEnd - 3_600_000).toISOString(),
    });
    const thatDay = await head(village);
    // published after the meeting's day: not part of what the meeting saw
    await publishDisclosure(env.DB, {
      village,
      item: "party-dues",
      period: "2026-Q2",
      publishedAt: new Date(dayEnd + 60_000).toISOString(),
    });
    expect(await head(village)).not.toBe(thatDay);

    const { cookie } = await loginAs(env.DB, { role: "village_secretary", scope: village });
    const record = staffClient(cookie).api.staff.meetings.$post({
      json: { village, quarter, heldOn, place: "村委会", attendees: 30 },
    });
    const recorded = await answered(record, 201);
    expect(recorded).toMatchObject({ chainLength: 1, chainHead: thatDay });
    const html = await page(recorded.url);
    expect(html).toContain(`开会当天本村公开记录的指纹：${fingerprint(thatDay)}（共 1 条记录）`);
  });
});
