/**
 * `<report-outbox>`, the report form's outbox, around the form and its error box. A submission is
 * written to localStorage with its idempotency key before it is sent, and sent again on page load, when
 * the connection returns and every few seconds, until the server acknowledges it (201, or a refusal it
 * explains). A 429 is not a refusal of the words: the entry stays, the villager is told it was not sent
 * yet, and it is sent again once `Retry-After` has passed. The key makes every resend land as the same
 * report.
 * No Background Sync: it is missing or unreliable in WeChat's browser. Photos and a voice message are
 * kept in IndexedDB under the same key (localStorage holds only text) and sent with the words as one
 * multipart form; if IndexedDB is unavailable they are kept while the page stays open.
 */
import { picker } from "./strings.ts";
import type { HoldToTalk } from "./voice.ts";

interface Entry {
  key: string;
  url: string;
  body: string;
  /** Files wait in IndexedDB under the entry's key. */
  media?: boolean;
  /** Epoch ms before which the server asked not to send it again (its `Retry-After`). */
  notBefore?: number;
}
interface Refusal {
  message: string;
  fields?: Record<string, string>;
}
type Outcome = { receipt: string } | { refused: Refusal } | { later: { refusal: Refusal; seconds: number } } | null;

/** A file waiting to be sent: its form field, name and bytes. */
interface Attached {
  field: string;
  name: string;
  blob: Blob;
}

const STORE = "cunma.outbox";
const RETRY_MS = 10_000;
const KEY = /^[A-Za-z0-9_-]{8,100}$/;

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

const kept = new Map<string, Attached[]>();

/** Runs one request on the outbox's IndexedDB store (a database of its own, made on first use). */
function files<T>(mode: IDBTransactionMode, use: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open("cunma-outbox", 1);
    open.onupgradeneeded = () => open.result.createObjectStore("files");
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction("files", mode);
      const request = use(tx.objectStore("files"));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
    };
  });
}

const keepFiles = (key: string, list: Attached[]) => {
  kept.set(key, list);
  return files("readwrite", (s) => s.put(list, key)).catch(() => undefined);
};
const filesOf = async (key: string) =>
  kept.get(key) ?? ((await files("readonly", (s) => s.get(key)).catch(() => undefined)) as Attached[] | undefined);
const dropFiles = (key: string) => {
  kept.delete(key);
  void files("readwrite", (s) => s.delete(key)).catch(() => undefined);
};

/** The words, and the files when there are any, as the request body. */
async function bodyOf(entry: Entry): Promise<{ body: BodyInit; headers: Record<string, string> }> {
  const attached = entry.media ? await filesOf(entry.key) : undefined;
  if (!attached) return { body: entry.body, headers: { "Content-Type": "application/x-www-form-urlencoded" } };
  const data = new FormData();
  for (const [name, value] of new URLSearchParams(entry.body)) data.append(name, value);
  for (const file of attached) data.append(file.field, file.blob, file.name);
  return { body: data, headers: {} };
}

const randomKey = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");

async function send(entry: Entry): Promise<Outcome> {
  try {
    const request = await bodyOf(entry);
    const response = await fetch(entry.url, {
      method: "POST",
      headers: { ...request.headers, Accept: "application/json", "Idempotency-Key": entry.key },
      body: request.body,
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

/** The photos chosen and the voice message (recorded in the page, else chosen as a file). */
function attachedFiles(data: FormData, voice: Blob | null): Attached[] {
  const chosen = (field: string) =>
    data
      .getAll(field)
      .filter((v): v is File => typeof v !== "string" && v.size > 0)
      .map((file) => ({ field, name: file.name, blob: file as Blob }));
  const recorded = voice && {
    field: "voice",
    name: `voice.${voice.type.includes("mp4") ? "m4a" : "webm"}`,
    blob: voice,
  };
  return [...chosen("photo"), ...(recorded ? [recorded] : chosen("voice"))];
}

class ReportOutbox extends HTMLElement {
  /** The key of the submission made on this page, while it is not acknowledged. */
  private current: string | null = null;
  private busy = false;
  private readonly tr = picker(this.dataset);
  private readonly recorder = () => this.querySelector<HoldToTalk>("hold-to-talk");
  private readonly errorBox = () => this.querySelector<HTMLElement>("[data-error]");
  private readonly statusLine = () => this.querySelector<HTMLElement>("[data-outbox-status]");
  private readonly submitButton = () => this.querySelector<HTMLButtonElement>("form button[type=submit]");

  connectedCallback(): void {
    const form = this.querySelector("form");
    form?.addEventListener("submit", async (event) => {
      event.preventDefault();
      const data = new FormData(form);
      let key = String(data.get("key") ?? "");
      if (!KEY.test(key)) {
        key = randomKey();
        data.set("key", key);
      }
      const attached = attachedFiles(data, this.recorder()?.recording ?? null);
      const text = [...data].filter((pair): pair is [string, string] => typeof pair[1] === "string");
      const body = new URLSearchParams(text).toString();
      if (attached.length > 0) await keepFiles(key, attached);
      store([...load().filter((e) => e.key !== key), { key, url: form.action, body, media: attached.length > 0 }]);
      this.current = key;
      const errorBox = this.errorBox();
      if (errorBox) errorBox.hidden = true;
      const button = this.submitButton();
      if (button) button.disabled = true;
      this.say(this.tr("sending"));
      void this.flush().then(() => {
        if (button && this.current) button.disabled = false;
      });
    });

    addEventListener("online", () => void this.flush());
    setInterval(() => {
      if (load().length > 0) void this.flush();
    }, RETRY_MS);
    void this.flush();
  }

  private say(text: string): void {
    const line = this.statusLine();
    if (line) line.textContent = text;
  }

  private async flush(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      for (const entry of load()) {
        if ((entry.notBefore ?? 0) > Date.now()) continue;
        const outcome = await send(entry);
        if (!outcome) continue;
        if ("later" in outcome) {
          const notBefore = Date.now() + outcome.later.seconds * 1000;
          store(load().map((e) => (e.key === entry.key ? { ...e, notBefore } : e)));
          if (entry.key === this.current) this.showWaiting(outcome.later.refusal, outcome.later.seconds);
          continue;
        }
        store(load().filter((e) => e.key !== entry.key));
        dropFiles(entry.key);
        if (entry.key !== this.current) {
          if ("receipt" in outcome) this.showSent(outcome.receipt);
          continue;
        }
        this.current = null;
        const button = this.submitButton();
        if (button) button.disabled = false;
        this.renewKey(); // a refused key may already be taken (409): the corrected form gets a new one
        if ("refused" in outcome) {
          this.say("");
          this.showRefusal(outcome.refused);
        } else {
          this.recorder()?.forget();
          location.assign(`/r/${outcome.receipt}`);
        }
      }
    } finally {
      this.busy = false;
    }
    const pending = load().find((e) => e.key === this.current);
    if (pending && !pending.notBefore) this.say(this.tr("saved"));
  }

  private showRefusal(refused: Refusal): void {
    const errorBox = this.errorBox();
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

  /** Not sent yet: the server's reason, and when the outbox will send it by itself. */
  private showWaiting(refusal: Refusal, seconds: number): void {
    this.showRefusal(refusal);
    this.say(this.tr("waiting", { minutes: Math.max(1, Math.ceil(seconds / 60)) }));
  }

  private showSent(receipt: string): void {
    const link = Object.assign(document.createElement("a"), { href: `/r/${receipt}`, textContent: receipt });
    this.statusLine()?.replaceChildren(this.tr("sent"), link);
  }

  private renewKey(): void {
    const input = this.querySelector<HTMLInputElement>("form input[name=key]");
    if (input) input.value = randomKey();
  }
}

customElements.define("report-outbox", ReportOutbox);
