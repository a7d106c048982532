/**
 * A village code is checked by the one validator (schema/ids.ts `villageCode`) wherever a body names one:
 * a well-formed code of no village in the district is refused as a field (422, the field named in
 * Chinese), never stored, never a 5xx, even for the district admin who may publish anywhere.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { quarterOf } from "#core/meeting.ts";
import { chinaDate } from "#core/period.ts";
import { loginAs, staffClient } from "../fixtures/staff.ts";

const NOWHERE = "371603104999";
const QUARTER = quarterOf(chinaDate());

const rows = async (table: string) =>
  env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE village_code = ?1`).bind(NOWHERE).first<number>("n");

describe("a body naming a village that does not exist", () => {
  it("is refused by publish, its preview and the meeting record, naming the village field", async () => {
    const { cookie } = await loginAs(env.DB, { role: "district_admin" });
    const client = staffClient(cookie).api.staff;
    const version = {
      village: NOWHERE,
      item: "village-dibao",
      period: QUARTER,
      title: "低保名单",
      content: "无变动。",
    };
    const answers = [
      await client.disclosures.$post({ json: version }),
      await client.disclosures.preview.$post({ json: version }),
      await client.meetings.$post({
        json: {
          village: NOWHERE,
          quarter: QUARTER,
          heldOn: chinaDate(),
          place: "村委会",
          attendees: 30,
          ratings: { satisfied: 1, basic: 0, unsatisfied: 0 },
        },
      }),
    ];
    for (const res of answers) {
      const body: unknown = await res.json();
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(body).toMatchObject({ error: { fields: { village: expect.stringMatching(/村/) } } });
    }
    expect(await rows("disclosures")).toBe(0);
    expect(await rows("meetings")).toBe(0);
  });
});
