/**
 * The points page (/staff/points/): loads GET /api/staff/points (the member's own village, or ?village=),
 * records entries and registers households (recording roles), and confirms pending entries (the
 * supervisor). What a role may not do the API refuses with its own message. Sets text only, never HTML.
 */
import { el, showFieldErrors, staffRequest } from "./staff-request.ts";

interface Line {
  id: number;
  kind: string;
  number: string;
  name: string;
  title: string;
  points: number;
  date: string;
  reason: string | null;
  recordedBy: string;
  confirmedBy: string | null;
}
interface VillagePoints {
  village: string;
  households: { id: number; number: string; name: string; balance: number }[];
  rules: { rules: { code: string; title: string; points: number }[] } | null;
  ledger: Line[];
}

const strings = JSON.parse(document.getElementById("points-strings")?.textContent ?? "{}") as Record<string, string>;
const tr = (key: string, values: Record<string, string | number> = {}) =>
  (strings[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
const $ = <T extends HTMLElement>(selector: string) => document.querySelector(selector) as T;
const status = $("[data-status]");
const errorBox = $("[data-error]");
const done = $("[data-done]");
const entryForm = $<HTMLFormElement>("[data-entry]");
const householdForm = $<HTMLFormElement>("[data-household]");
const ledger = $("[data-ledger]");
const query = new URLSearchParams(location.search).get("village");
let village = "";

const api = <T>(path: string, body?: unknown) => staffRequest<T>(path, body, { network: tr("publish.page.network") });
const field = (form: HTMLFormElement, name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

function options(select: HTMLSelectElement, list: [string, string][]): void {
  select.replaceChildren(...list.map(([value, label]) => el("option", label, { value })));
}

function line(entry: Line): HTMLLIElement {
  const item = el("li", `${entry.date} ${entry.number} ${entry.name} · ${entry.title} ${signed(entry.points)}`);
  if (entry.reason) item.append(el("br"), entry.reason);
  if (entry.kind === "redeem") return item;
  item.append(
    el("br"),
    entry.confirmedBy ? tr("points.staff.confirmed", { by: entry.confirmedBy }) : tr("points.staff.pending"),
  );
  if (!entry.confirmedBy) {
    const button = el("button", tr("points.staff.confirm"), { type: "button", "data-confirm": String(entry.id) });
    button.addEventListener("click", () =>
      act(`/api/staff/points/entries/${entry.id}/confirm`, {}, tr("points.staff.confirmedNow")),
    );
    item.append(el("br"), button);
  }
  return item;
}

async function load(): Promise<void> {
  const data = await api<VillagePoints>(`/api/staff/points${query ? `?village=${encodeURIComponent(query)}` : ""}`);
  village = data.village;
  options(
    entryForm.elements.namedItem("household") as HTMLSelectElement,
    data.households.map((h) => [
      String(h.id),
      `${h.number} ${h.name}（${tr("points.staff.balance", { balance: h.balance })}）`,
    ]),
  );
  options(
    entryForm.elements.namedItem("rule") as HTMLSelectElement,
    (data.rules?.rules ?? []).map((r) => [r.code, `${r.code} ${r.title} ${signed(r.points)}`]),
  );
  ledger.replaceChildren(...data.ledger.map(line));
  status.textContent = data.rules ? "" : tr("points.staff.noRules");
  entryForm.hidden = false;
  householdForm.hidden = false;
}

async function act(path: string, body: unknown, message: string): Promise<unknown> {
  errorBox.hidden = true;
  done.hidden = true;
  try {
    const answer = await api<unknown>(path, body);
    done.textContent = message;
    done.hidden = false;
    await load();
    return answer;
  } catch (failure) {
    showFieldErrors(errorBox, failure);
    return null;
  }
}

entryForm.addEventListener("submit", (event) => {
  event.preventDefault();
  void act(
    "/api/staff/points/entries",
    {
      village,
      household: Number(field(entryForm, "household")),
      rule: field(entryForm, "rule"),
      date: field(entryForm, "date"),
      reason: field(entryForm, "reason"),
    },
    tr("points.staff.saved"),
  );
});

householdForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  const answer = (await act(
    "/api/staff/points/households",
    { village, number: field(householdForm, "number"), name: field(householdForm, "name") },
    tr("points.staff.saved"),
  )) as { card: { url: string } } | null;
  if (answer) done.textContent = tr("points.staff.card", { url: new URL(answer.card.url, location.origin).href });
});

(entryForm.elements.namedItem("date") as HTMLInputElement).value = new Date(Date.now() + 8 * 3600_000)
  .toISOString()
  .slice(0, 10);
load().catch((failure) => showFieldErrors(errorBox, failure));
