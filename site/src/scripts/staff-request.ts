/**
 * The one way staff pages call /api/staff/*: same origin (the session cookie goes along), JSON in and
 * out, and every failure thrown as a `StaffFailure` carrying the server's Chinese message and fields.
 */
export interface StaffFailure {
  status: number;
  message: string;
  fields?: Record<string, string>;
}

export interface RequestMessages {
  /** Shown when the network fails or the answer is not the API's JSON. */
  network: string;
  /** Shown for 401; when absent, the page goes to the login page and comes back here after. */
  loginFirst?: string;
}

/**
 * GET (no body) or POST JSON; resolves to the answer's body or throws a StaffFailure.
 * @example const me = await staffRequest<{ staff: Staff }>("/api/staff/me", undefined, { network: "网络不通" });
 */
export async function staffRequest<T>(path: string, body: unknown, messages: RequestMessages): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: body === undefined ? "GET" : "POST",
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? null : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    throw { status: 0, message: messages.network } satisfies StaffFailure;
  }
  if (res.status === 401 && messages.loginFirst === undefined) {
    location.assign(`/staff/login/?next=${encodeURIComponent(location.pathname + location.search)}`);
  }
  const json = (await res.json().catch(() => null)) as { error?: Partial<StaffFailure> } | null;
  if (res.ok) return json as T;
  const error = json?.error;
  const message =
    res.status === 401 && messages.loginFirst ? messages.loginFirst : (error?.message ?? messages.network);
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
 * Shows a failure in `box`, the message then each field's message, and brings it into view.
 * @example catch (failure) { showFieldErrors(errorBox, failure); }
 */
export function showFieldErrors(box: HTMLElement, failure: unknown): void {
  const f = failure as StaffFailure;
  box.replaceChildren(el("strong", f.message));
  const list = el("ul");
  for (const message of Object.values(f.fields ?? {})) list.append(el("li", message));
  box.append(list);
  box.hidden = false;
  box.scrollIntoView({ block: "center" });
}
