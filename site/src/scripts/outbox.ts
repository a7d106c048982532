/**
 * The form outbox. A submission is written to localStorage with its idempotency key before it is sent,
 * and sent again on page load, when the connection returns and every few seconds, until the server
 * acknowledges it (201, or a refusal it explains). A 429 is not a refusal of the words: the entry stays,
 * the villager is told it was not sent yet, and it is sent again once `Retry-After` has passed.
 * The key makes every resend land as the same report.
 * No Background Sync: it is missing or unreliable in WeChat's browser.
 */
interface Entry {
  key: string;
  url: string;
  body: string;
  /** Epoch ms before which the server asked not to send it again (its `Retry-After`). */
  notBefore?: number;
}
interface Refusal {
  message: string;
  fields?: Record<string, string>;
}
type Outcome = { receipt: string } | { refused: Refusal } | { later: { refusal: Refusal; seconds: number } } | null;

const STORE = "cunma.outbox";
const RETRY_MS = 10_000;
const KEY = /^[A-Za-z0-9_-]{8,100}$/;

const form = document.querySelector<HTMLFormElement>("form[data-outbox]");
const statusLine = document.querySelector<HTMLElement>("[data-outbox-status]");
const errorBox = document.querySelector<HTMLElement>("[data-error]");
let current: string | null = null;
let busy = false;

function load(): Entry[] {
  try {
    const entries: unknown = JSON.parse(localStorage.getItem(STORE) ?? "[]");
    return Array.isArray(entries) ? (entries as Entry[]) : [];
  } catch {
    return [];
  }
}

function store(entries: Entry[]): void {
  try {
    localStorage.setItem(STORE, JSON.stringify(entries));
  } catch {
    // private mode or full: the submission is still tried while the page stays open
  }
}

const randomKey = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");

function say(text: string): void {
  if (statusLine) statusLine.textContent = text;
}

function showRefusal(refused: Refusal): void {
  if (!errorBox) return;
  const title = document.createElement("p");
  title.append(Object.assign(document.createElement("strong"), { textContent: refused.message }));
  const list = document.createElement("ul");
  for (const text of Object.values(refused.fields ?? {}))
    list.append(Object.assign(document.createElement("li"), { textContent: text }));
  errorBox.replaceChildren(title, list);
  errorBox.hidden = false;
  errorBox.scrollIntoView();
}

async function send(entry: Entry): Promise<Outcome> {
  try {
    const response = await fetch(entry.url, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Accept: "application/json",
        "Idempotency-Key": entry.key,
      },
      body: entry.body,
    });
    if (response.status === 201) return { receipt: ((await response.json()) as { receipt: string }).receipt };
    // a timeout or a server fault: keep it and try again later
    if (response.status === 408 || response.status >= 500) return null;
    const body = (await response.json().catch(() => ({ error: { message: response.statusText } }))) as {
      error: Refusal;
    };
    // too many at once: keep it and try again when the server says
    if (response.status === 429) {
      return { later: { refusal: body.error, seconds: Number(response.headers.get("retry-after")) || 60 } };
    }
    return { refused: body.error };
  } catch {
    return null; // offline, or lost in transit: the same key makes the retry safe
  }
}

async function flush(): Promise<void> {
  if (busy) return;
  busy = true;
  try {
    for (const entry of load()) {
      if ((entry.notBefore ?? 0) > Date.now()) continue;
      const outcome = await send(entry);
      if (!outcome) continue;
      if ("later" in outcome) {
        const notBefore = Date.now() + outcome.later.seconds * 1000;
        store(load().map((e) => (e.key === entry.key ? { ...e, notBefore } : e)));
        if (entry.key === current) showWaiting(outcome.later.refusal, outcome.later.seconds);
        continue;
      }
      store(load().filter((e) => e.key !== entry.key));
      if (entry.key !== current) {
        if ("receipt" in outcome) showSent(outcome.receipt);
        continue;
      }
      current = null;
      const button = form?.querySelector("button");
      if (button) button.disabled = false;
      renewKey(); // a refused key may already be taken (409): the corrected form gets a new one
      if ("refused" in outcome) {
        say("");
        showRefusal(outcome.refused);
      } else {
        location.assign(`/r/${outcome.receipt}`);
      }
    }
  } finally {
    busy = false;
  }
  const pending = load().find((e) => e.key === current);
  if (pending && !pending.notBefore) say(statusLine?.dataset.saved ?? "");
}

/** Not sent yet: the server's reason, and when the outbox will send it by itself. */
function showWaiting(refusal: Refusal, seconds: number): void {
  showRefusal(refusal);
  say((statusLine?.dataset.waiting ?? "").replace("{minutes}", String(Math.max(1, Math.ceil(seconds / 60)))));
}

function showSent(receipt: string): void {
  if (!statusLine) return;
  const link = Object.assign(document.createElement("a"), { href: `/r/${receipt}`, textContent: receipt });
  statusLine.replaceChildren(statusLine.dataset.sent ?? "", link);
}

function renewKey(): void {
  const input = form?.querySelector<HTMLInputElement>("input[name=key]");
  if (input) input.value = randomKey();
}

form?.addEventListener("submit", (event) => {
  event.preventDefault();
  const data = new FormData(form);
  let key = String(data.get("key") ?? "");
  if (!KEY.test(key)) {
    key = randomKey();
    data.set("key", key);
  }
  const body = new URLSearchParams([...data].map(([name, value]) => [name, String(value)])).toString();
  store([...load().filter((e) => e.key !== key), { key, url: form.action, body }]);
  current = key;
  if (errorBox) errorBox.hidden = true;
  const button = form.querySelector("button");
  if (button) button.disabled = true;
  say(statusLine?.dataset.sending ?? "");
  void flush().then(() => {
    if (button && current) button.disabled = false;
  });
});

addEventListener("online", () => void flush());
setInterval(() => {
  if (load().length > 0) void flush();
}, RETRY_MS);
void flush();
