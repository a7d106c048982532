/**
 * Shared by the staff case elements: the page's strings (CaseStrings.astro), the typed client's calls with
 * the case pages' messages, and the overdue badge. Everything else comes from staff-request.ts.
 */
import type { ClientResponse } from "hono/client";
import { api, el, showFailure, staffRequest, toLoginIfNeeded } from "./staff-request.ts";
import { pageStrings, picker } from "./strings.ts";

/** The case strings (CaseStrings.astro), filled in by `readCaseStrings` when a case element connects. */
const strings: Record<string, string> = {};

/**
 * A case string by key with `{name}` placeholders filled.
 * @example tr("cases.overdue", { days: 2 }) // "超期 2 个工作日"
 */
export const tr = picker(strings);

/**
 * Reads the case strings from the `#case-strings` JSON inside `root`, the page's custom element.
 * @example connectedCallback() { readCaseStrings(this); … }
 */
export function readCaseStrings(root: ParentNode): void {
  Object.assign(strings, pageStrings("case-strings", root));
}

/**
 * Awaits a typed client call; resolves to the body, or throws a StaffFailure with the server's Chinese message.
 * @example const list = await request(api.api.staff.reports.$get({ query: { state: "open" } }));
 */
export function request<R extends ClientResponse<unknown, number>>(call: Promise<R>) {
  return staffRequest(call, { network: tr("cases.network"), loginFirst: tr("cases.loginFirst") });
}

export { api, el, showFailure, toLoginIfNeeded };

/**
 * A red badge for an overdue case, else null.
 * @example overdueBadge({ overdueDays: 2 })?.textContent // "超期 2 个工作日"
 */
export function overdueBadge(line: { overdueDays: number }): HTMLElement | null {
  if (line.overdueDays > 0)
    return el("strong", tr("cases.overdue", { days: line.overdueDays }), { class: "late-badge" });
  return null;
}
