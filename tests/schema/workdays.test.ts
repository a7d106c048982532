import { describe, expect, it } from "vitest";
import { addWorkingDays, isWorkingDay, workingDaysBetween } from "#core/workdays.ts";

describe("working days", () => {
  it("skips weekends", () => {
    expect(addWorkingDays("2026-11-27", 3)).toBe("2026-12-02");
    expect(addWorkingDays("2026-11-30", 5)).toBe("2026-12-07");
  });
  it("skips public holidays and counts make-up working days", () => {
    expect(isWorkingDay("2026-10-01")).toBe(false);
    expect(isWorkingDay("2026-10-10")).toBe(true); // Saturday made a working day
    expect(addWorkingDays("2026-09-30", 1)).toBe("2026-10-08");
  });
  it("honours a configured calendar", () => {
    const cal = { holidays: ["2026-12-01"], workdays: [] };
    expect(addWorkingDays("2026-11-30", 1, cal)).toBe("2026-12-02");
  });
  it("counts working days between two dates in either order", () => {
    expect(workingDaysBetween("2026-11-27", "2026-12-02")).toBe(3);
    expect(workingDaysBetween("2026-12-02", "2026-11-27")).toBe(-3);
    expect(workingDaysBetween("2026-11-28", "2026-11-29")).toBe(0);
  });
});
