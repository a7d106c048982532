/**
 * The one way staff pages call the API: Hono's typed client over the worker's routes (worker/src/client.ts:
 * paths, params, bodies and answers as the routes declare them), same origin so the session cookie goes
 * along, and every failure thrown as a `StaffFailure` carrying the server's Chinese message and fields.
 */
import type { ClientResponse } from "hono/client";
import { type Answer, apiClient } from "../../../worker/src/client.ts";

export interface StaffFailure {
  status: number;
  message: string;
  fields?: Record<string, string>;
}

export interface RequestMessages {
  /** Shown when the network fails or the answer is not the API's JSON. */
  network: string;
  /**
   * For 401: absent, the page goes to the login page and comes back here after; a text is shown instead
   * of the server's message (with a login link, see `showFailure`); `"server"` shows the server's own
   * message and stays (the login form, where 401 means a wrong password).
   */
  loginFirst?: string;
}

/**
 * The login page, coming back to `next` (a /staff/ page) afterwards.
 * @example loginUrl("/staff/") // "/staff/login/?next=%2Fstaff%2F"
 */
export function loginUrl(next = location.pathname + location.search): string {
  return `/staff/login/?next=${encodeURIComponent(next)}`;
}

/**
 * The typed client: `api.api.staff.reports[":id"].$get({ param: { id: "12" } })`.
 * @example const answer = await staffRequest(api.api.staff.me.$get(), messages);
 */
export const api = apiClient();

/**
 * Awaits a typed client call; resolves to the answer's body or throws a StaffFailure.
 * @example const { staff } = await staffRequest(api.api.staff.me.$get(), { network: "网络不通" });
 */
export async function staffRequest<R extends ClientResponse<unknown, number>>(
  call: Promise<R>,
  messages: RequestMessages,
): Promise<Answer<R>> {
  let res: R;
  try {
    res = await call;
  } catch {
    throw { status: 0, message: messages.network } satisfies StaffFailure;
  }
  if (res.status === 401 && messages.loginFirst === undefined) location.assign(loginUrl());
  const json = (await res.json().catch(() => null)) as { error?: Partial<StaffFailure> } | null;
  if (res.ok) return json as Answer<R>;
  const error = json?.error;
  const instead = messages.loginFirst === "server" ? undefined : messages.loginFirst;
  const message = res.status === 401 && instead !== undefined ? instead : (error?.message ?? messages.network);
  throw { status: res.status, message, ...(error?.fields ? { fields: error.fields } : {}) } satisfies StaffFailure;
}

/**
 * A new element with text content (never parsed as HTML) and attributes.
 * @example list.append(el("li", villagerText, { class: "snippet" }));
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string | null,
  attrs: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text) node.textContent = text;
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  return node;
}

/**
 * A figures table row: the group's name (a header cell for the total) and then its cells, each a text
 * or a cell already made.
 * @example tbody.append(figuresRow(town.name, [String(f.received), el("td", "3/4")]));
 */
export function figuresRow(name: string | Node, cells: (string | HTMLTableCellElement)[], header = false) {
  const first = el(header ? "th" : "td");
  first.append(name);
  const line = el("tr");
  line.append(first, ...cells.map((cell) => (typeof cell === "string" ? el("td", cell) : cell)));
  return line;
}

/**
 * Shows a failure in `box`: the message, a login link on 401, then each field's message; brings it into view.
 * @example catch (failure) { showFailure(errorBox, failure); }
 */
export function showFailure(box: HTMLElement, failure: unknown): void {
  const f = failure as StaffFailure;
  box.replaceChildren(el("strong", f.message));
  if (f.status === 401) box.append(" ", el("a", f.message, { href: loginUrl() }));
  if (f.fields) {
    const list = el("ul");
    for (const message of Object.values(f.fields)) list.append(el("li", message));
    box.append(list);
  }
  box.hidden = false;
  box.scrollIntoView({ block: "nearest" });
}

/**
 * On a page load refused for want of a session, goes to the login page, which comes back here.
 * Returns whether it did.
 * @example catch (failure) { if (!toLoginIfNeeded(failure)) showFailure(box, failure); }
 */
export function toLoginIfNeeded(failure: unknown): boolean {
  if ((failure as StaffFailure).status !== 401) return false;
  location.assign(loginUrl());
  return true;
}
