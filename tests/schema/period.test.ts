import { describe, expect, it } from "vitest";
import {
  chinaDate,
  dateLabel,
  dueDate,
  expectedPeriod,
  isOverdue,
  isValidPeriod,
  periodLabel,
  previousPeriod,
} from "#core/period.ts";

describe("disclosure periods", () => {
  it("uses China's date, not UTC", () => {
    expect(chinaDate(new Date("2026-11-29T16:30:00Z"))).toBe("2026-11-30");
  });
  it("expects last month's finances from the 11th of the month", () => {
    expect(expectedPeriod("monthly", "2026-11-10")).toBe("2026-09");
    expect(expectedPeriod("monthly", "2026-11-11")).toBe("2026-10");
    expect(expectedPeriod("monthly", "2026-01-15")).toBe("2025-12");
  });
  it("expects last quarter's items after the 20th of the quarter's first month", () => {
    expect(expectedPeriod("quarterly", "2026-10-20")).toBe("2026-Q2");
    expect(expectedPeriod("quarterly", "2026-10-21")).toBe("2026-Q3");
    expect(expectedPeriod("quarterly", "2026-01-05")).toBe("2025-Q3");
  });
  it("expects last year's items after 20 January", () => {
    expect(expectedPeriod("yearly", "2027-01-20")).toBe("2025");
    expect(expectedPeriod("yearly", "2027-01-21")).toBe("2026");
  });
  it("never makes event-driven items overdue", () => {
    expect(isOverdue("immediate", null, "2026-11-29")).toBe(false);
    expect(isOverdue("on_change", null, "2026-11-29")).toBe(false);
  });
  it("is overdue until the expected period or a later one is published", () => {
    expect(isOverdue("monthly", null, "2026-11-29")).toBe(true);
    expect(isOverdue("monthly", "2026-09", "2026-11-29")).toBe(true);
    expect(isOverdue("monthly", "2026-10", "2026-11-29")).toBe(false);
    expect(isOverdue("quarterly", "2026-Q3", "2026-11-29")).toBe(false);
  });
  it("validates and labels periods", () => {
    expect(isValidPeriod("quarterly", "2026-Q3")).toBe(true);
    expect(isValidPeriod("quarterly", "2026-09")).toBe(false);
    expect(isValidPeriod("monthly", "2026-13")).toBe(false);
    expect(periodLabel("2026-Q3")).toBe("2026年第三季度");
    expect(periodLabel("2026-09")).toBe("2026年9月");
    expect(periodLabel("2025")).toBe("2025年度");
    expect(previousPeriod("2026-Q1")).toBe("2025-Q4");
    expect(previousPeriod("2026-01", 2)).toBe("2025-11");
  });
});

describe("the date a period's disclosure was due", () => {
  it("is the 10th of the next month, the 20th after a quarter, 20 January after a year", () => {
    expect(dueDate("2026-10")).toBe("2026-11-10");
    expect(dueDate("2026-12")).toBe("2027-01-10");
    expect(dueDate("2026-Q3")).toBe("2026-10-20");
    expect(dueDate("2026-Q4")).toBe("2027-01-20");
    expect(dueDate("2025")).toBe("2026-01-20");
    expect(dateLabel(dueDate("2026-Q3"))).toBe("2026年10月20日");
  });
});
