/**
 * Shared by the staff case scripts: the page's strings, calls to /api/staff/* (same origin, the session
 * cookie goes along), and small DOM helpers that only ever set text, never HTML.
 */
import type { ClientResponse } from "hono/client";
import { type StaffFailure as ApiFailure, api, el, staffRequest } from "./staff-request.ts";

const strings: Record<string, string> = JSON.parse(document.getElementById("case-strings")?.textContent ?? "{}");

/**
 * A string by key with `{name}` placeholders filled.
 * @example tr("cases.overdue", { days: 2 }) // "超期 2 个工作日"
 */
export function tr(key: string, values: Record<string, string | number> = {}): string {
  return (strings[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}

export type { ApiFailure };

/**
 * Awaits a typed client call; resolves to the body, or throws an ApiFailure with the server's Chinese message.
 * @example const list = await request(api.api.staff.reports.$get({ query: { state: "open" } }));
 */
export function request<R extends ClientResponse<unknown, number>>(call: Promise<R>) {
  return staffRequest(call, { network: tr("cases.network"), loginFirst: tr("cases.loginFirst") });
}

export { api, el };

/**
 * On a page load refused for want of a session, goes to the login page, which comes back here.
 * Returns whether it did.
 * @example catch (failure) { if (!toLoginIfNeeded(failure)) showFailure(box, failure); }
 */
export function toLoginIfNeeded(failure: unknown): boolean {
  if ((failure as ApiFailure).status !== 401) return false;
  location.assign(`/staff/login/?next=${encodeURIComponent(location.pathname + location.search)}`);
  return true;
}

/** Shows a failure in `box`: the message, a login link on 401, and each field's message. */
export function showFailure(box: HTMLElement, failure: unknown): void {
  const f = failure as ApiFailure;
  box.replaceChildren(el("strong", f.message ?? tr("cases.network")));
  if (f.status === 401) {
    const next = encodeURIComponent(location.pathname + location.search);
    box.append(" ", el("a", tr("cases.loginFirst"), { href: `/staff/login/?next=${next}` }));
  }
  if (f.fields) {
    const list = el("ul");
    for (const message of Object.values(f.fields)) list.append(el("li", message));
    box.append(list);
  }
  box.hidden = false;
}

/**
 * A red badge for an overdue case, else null.
 * @example overdueBadge({ overdueDays: 2 })?.textContent // "超期 2 个工作日"
 */
export function overdueBadge(line: { overdueDays: number }): HTMLElement | null {
  if (line.overdueDays > 0)
    return el("strong", tr("cases.overdue", { days: line.overdueDays }), { class: "late-badge" });
  return null;
}
