import { describe, expect, it } from "vitest";
import { currentDeadline, daysBefore, defaultDeadline, overdueDays } from "#core/case.ts";

describe("case deadlines in working days", () => {
  it("defaults by kind: question 3, request 15, misconduct 60", () => {
    expect(defaultDeadline("question", "2026-11-27")).toBe("2026-12-02"); // Fri → Wed
    expect(defaultDeadline("request", "2026-11-27")).toBe("2026-12-18");
    expect(defaultDeadline("question", "2026-09-30")).toBe("2026-10-10"); // 国庆: 10-08, 10-09, then Saturday 10-10 (调休)
  });
  it("gives a misconduct report 5 working days to be accepted, then 60 to conclude", () => {
    const received = { kind: "misconduct", receivedOn: "2026-11-27", deadline: null } as const;
    expect(currentDeadline({ ...received, state: "received" })).toBe("2026-12-04");
    expect(currentDeadline({ ...received, state: "accepted" })).toBe(defaultDeadline("misconduct", "2026-11-27"));
  });
  it("counts overdue in working days, and never for answered or closed cases", () => {
    const late = { kind: "question", state: "handling", receivedOn: "2026-11-20", deadline: "2026-11-25" } as const;
    expect(overdueDays(late, "2026-11-25")).toBe(0);
    expect(overdueDays(late, "2026-11-30")).toBe(3); // Thu, Fri, (weekend), Mon
    expect(overdueDays(late, "2026-10-08")).toBe(0);
    expect(overdueDays({ ...late, state: "answered" }, "2026-11-30")).toBe(0);
    // across 国庆 2026: 09-30 → 10-09 is 2 working days (10-08, 10-09), not 9 calendar days
    expect(overdueDays({ ...late, deadline: "2026-09-30" }, "2026-10-09")).toBe(2);
  });
  it("steps back calendar days for auto-close", () => {
    expect(daysBefore("2026-12-01", 7)).toBe("2026-11-24");
  });
});
