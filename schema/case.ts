/**
 * Case handling rules shared by the worker (staff routes, figures) and the staff pages: deadline
 * defaults in working days, which action each state allows, and overdue arithmetic. Dates are China
 * dates `YYYY-MM-DD`.
 */

import { addDays } from "./period.ts";
import type { CaseFigures, ReportKind, ReportState } from "./report.ts";
import { addWorkingDays, defaultCalendar, type WorkCalendar, workingDaysBetween } from "./workdays.ts";

/** Working days to conclude a case from the day it was received (DOMAIN.md, *proposed* defaults). */
export const concludeWithin: Record<ReportKind, number> = { question: 3, request: 15, misconduct: 60 };
/** Working days to accept (受理) a misconduct report. */
export const MISCONDUCT_ACCEPT_WITHIN = 5;
/** Days an answered case waits for the villager's rating before it closes itself, unless AUTO_CLOSE_DAYS says otherwise. */
export const AUTO_CLOSE_DAYS_DEFAULT = 7;

export const caseActions = ["triage", "assign", "answer", "note", "merge", "transfer"] as const;
export type CaseAction = (typeof caseActions)[number];

/** The states in which each action is allowed; anything else is a 409. */
export const actionStates: Record<CaseAction, readonly ReportState[]> = {
  triage: ["received", "accepted", "handling"],
  assign: ["accepted", "handling"],
  answer: ["handling"],
  note: ["received", "accepted", "handling", "answered", "closed"],
  merge: ["received", "accepted", "handling"],
  transfer: ["received", "accepted", "handling"],
};

/** Text limits of the staff inputs. */
export const RESPONSIBLE_MAX = 60;
export const MEASURES_MAX = 1000;
export const ANSWER_MIN = 5;
export const ANSWER_MAX = 3000;
export const NOTE_MAX = 2000;

/**
 * The default deadline of a case of `kind` received on `receivedOn`.
 * @example defaultDeadline("question", "2026-11-27") // "2026-12-02" (Fri + 3 working days)
 */
export function defaultDeadline(kind: ReportKind, receivedOn: string, cal: WorkCalendar = defaultCalendar): string {
  return addWorkingDays(receivedOn, concludeWithin[kind], cal);
}

/**
 * The deadline offered at 定时: the kind's default, or today when that has already passed.
 * @example suggestedDeadline("question", "2026-11-02", "2026-11-30") // "2026-11-30"
 */
export function suggestedDeadline(kind: ReportKind, receivedOn: string, today: string): string {
  const byKind = defaultDeadline(kind, receivedOn);
  return byKind > today ? byKind : today;
}

/** The columns a deadline depends on. */
export interface DeadlineFacts {
  kind: ReportKind;
  state: ReportState;
  receivedOn: string;
  deadline: string | null;
}

/**
 * The deadline that counts now: the one set at 定时, else a misconduct report still waiting to be accepted
 * is due in 5 working days, else the kind's default.
 * @example currentDeadline({ kind: "misconduct", state: "received", receivedOn: "2026-11-27", deadline: null }) // "2026-12-04"
 */
export function currentDeadline(report: DeadlineFacts, cal: WorkCalendar = defaultCalendar): string {
  if (report.deadline) return report.deadline;
  if (report.kind === "misconduct" && report.state === "received") {
    return addWorkingDays(report.receivedOn, MISCONDUCT_ACCEPT_WITHIN, cal);
  }
  return defaultDeadline(report.kind, report.receivedOn, cal);
}

/**
 * Working days an open case is past its deadline on `today` (0 when on time, answered or closed).
 * @example overdueDays({ kind: "question", state: "handling", receivedOn: "2026-11-20", deadline: "2026-11-25" }, "2026-11-30") // 3
 */
export function overdueDays(report: DeadlineFacts, today: string, cal: WorkCalendar = defaultCalendar): number {
  if (report.state === "answered" || report.state === "closed") return 0;
  return Math.max(0, workingDaysBetween(currentDeadline(report, cal), today, cal));
}

/**
 * Calendar date `days` before `date`.
 * @example daysBefore("2026-12-01", 7) // "2026-11-24"
 */
export function daysBefore(date: string, days: number): string {
  return addDays(date, -days);
}

/** The staff figures for one village, town or the district, as `GET /api/staff/figures` answers them. */
export interface StaffFigures extends CaseFigures {
  closed: number;
  /** Answered no later than the deadline that applied (denominator: answered). */
  answeredOnTime: number;
  /** Open cases past their deadline in working days. */
  overdue: number;
}
