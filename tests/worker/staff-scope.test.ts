import { describe, expect, it } from "vitest";
import type { StaffMember } from "#core/staff.ts";
import { canSeeMisconduct, canSeeTown, canSeeVillage } from "../../worker/src/staff/index.ts";

const admin: StaffMember = { id: 1, username: "qu-admin", role: "district_admin", scope: "371603" };
const botou: StaffMember = { id: 2, username: "botou-jw", role: "town_inspector", scope: "371603104" };
const xuwanliang: StaffMember = { id: 3, username: "xwl-sj", role: "village_secretary", scope: "371603104201" };

describe("scope checks", () => {
  it("village: the district sees all, a town its own villages, a secretary only their village", () => {
    expect([admin, botou, xuwanliang].map((s) => canSeeVillage(s, "371603104201"))).toEqual([true, true, true]);
    expect([admin, botou, xuwanliang].map((s) => canSeeVillage(s, "371603104202"))).toEqual([true, true, false]);
    expect([admin, botou, xuwanliang].map((s) => canSeeVillage(s, "371603001201"))).toEqual([true, false, false]);
    expect([admin, botou, xuwanliang].map((s) => canSeeVillage(s, "371603999999"))).toEqual([false, false, false]);
  });

  it("town: never for a village secretary, not even their own town", () => {
    expect([admin, botou, xuwanliang].map((s) => canSeeTown(s, "371603104"))).toEqual([true, true, false]);
    expect([admin, botou, xuwanliang].map((s) => canSeeTown(s, "371603001"))).toEqual([true, false, false]);
    expect(canSeeTown(admin, "371603999")).toBe(false);
  });

  it("misconduct: never a village secretary", () => {
    expect([admin, botou, xuwanliang].map(canSeeMisconduct)).toEqual([true, true, false]);
  });
});
