/**
 * The points page (/staff/points/): loads GET /api/staff/points (the member's own village, or ?village=),
 * records entries, reverses confirmed ones with a reason, registers households, publishes the rules and
 * records redemptions at the shop (recording roles), and confirms pending entries (the supervisor). What
 * a role may not do the API refuses with its own message. Sets text only, never HTML.
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
  reversedBy: number | null;
}
interface Rule {
  code: string;
  title: string;
  category: string;
  points: number;
}
interface VillagePoints {
  village: string;
  households: { id: number; number: string; name: string; balance: number }[];
  rules: { rules: Rule[] } | null;
  ledger: Line[];
  shop: { goods: { id: number; name: string; price: number }[] } | null;
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
const redeemForm = $<HTMLFormElement>("[data-redeem]");
const rulesForm = $<HTMLFormElement>("[data-rules]");
const ledger = $("[data-ledger]");
const query = new URLSearchParams(location.search).get("village");
let village = "";

const api = <T>(path: string, body?: unknown) => staffRequest<T>(path, body, { network: tr("publish.page.network") });
const field = (form: HTMLFormElement, name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
const select = (form: HTMLFormElement, name: string) => form.elements.namedItem(name) as HTMLSelectElement;
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

function options(node: HTMLSelectElement, list: [string, string][]): void {
  node.replaceChildren(...list.map(([value, label]) => el("option", label, { value })));
}

/** A reason box and a button that reverses a confirmed entry. */
function reversal(entry: Line): HTMLElement {
  const box = el("div");
  const label = tr("points.staff.reverseReason");
  const reason = el("input", null, { "aria-label": label, placeholder: label, maxlength: "100" });
  const button = el("button", tr("points.staff.reverse"), { type: "button" });
  button.addEventListener("click", () =>
    act(
      `/api/staff/points/entries/${entry.id}/reversal`,
      { reason: reason.value.trim() },
      tr("points.staff.reversedNow"),
    ),
  );
  box.append(reason, button);
  return box;
}

function line(entry: Line): HTMLLIElement {
  const item = el("li", `${entry.date} ${entry.number} ${entry.name} · ${entry.title} ${signed(entry.points)}`);
  if (entry.reason) item.append(el("br"), entry.reason);
  if (entry.kind === "redeem") return item;
  const state = entry.confirmedBy
    ? tr("points.staff.confirmed", { by: entry.confirmedBy })
    : tr("points.staff.pending");
  item.append(el("br"), state);
  if (entry.reversedBy) item.append(el("br"), tr("points.staff.reversed", { id: entry.reversedBy }));
  if (!entry.confirmedBy) {
    const button = el("button", tr("points.staff.confirm"), { type: "button", "data-confirm": String(entry.id) });
    button.addEventListener("click", () =>
      act(`/api/staff/points/entries/${entry.id}/confirm`, {}, tr("points.staff.confirmedNow")),
    );
    item.append(el("br"), button);
  } else if (entry.kind === "entry" && !entry.reversedBy) item.append(reversal(entry));
  return item;
}

/** The rules as the textarea shows them, one per line. */
const rulesText = (rules: readonly Rule[]) => rules.map((r) => tr("points.staff.rulesLine", { ...r })).join("\n");

/** The textarea's lines as rules: code, title, category, points, split by a comma (either width) or a tab. */
const parseRules = (text: string): Rule[] =>
  text
    .split("\n")
    .map((row) => row.split(/[,，\t]/).map((part) => part.trim()))
    .filter((parts) => parts.some((part) => part !== ""))
    .map(([code = "", title = "", category = "", points = ""]) => ({ code, title, category, points: Number(points) }));

async function load(): Promise<void> {
  const data = await api<VillagePoints>(`/api/staff/points${query ? `?village=${encodeURIComponent(query)}` : ""}`);
  village = data.village;
  const households = data.households.map((h): [string, string] => [
    String(h.id),
    `${h.number} ${h.name}（${tr("points.staff.balance", { balance: h.balance })}）`,
  ]);
  options(select(entryForm, "household"), households);
  options(select(redeemForm, "household"), households);
  options(
    select(entryForm, "rule"),
    (data.rules?.rules ?? []).map((r) => [r.code, `${r.code} ${r.title} ${signed(r.points)}`]),
  );
  options(
    select(redeemForm, "goods"),
    (data.shop?.goods ?? []).map((g) => [String(g.id), tr("points.staff.goods", { name: g.name, price: g.price })]),
  );
  (rulesForm.elements.namedItem("rules") as HTMLTextAreaElement).value = rulesText(data.rules?.rules ?? []);
  ledger.replaceChildren(...data.ledger.map(line));
  status.textContent = data.rules ? "" : tr("points.staff.noRules");
  entryForm.hidden = false;
  householdForm.hidden = false;
  rulesForm.hidden = false;
  redeemForm.hidden = !data.shop;
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

redeemForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  const answer = (await act(
    "/api/staff/points/redemptions",
    {
      household: Number(field(redeemForm, "household")),
      goods: Number(field(redeemForm, "goods")),
      quantity: Number(field(redeemForm, "quantity") || "1"),
    },
    tr("points.staff.saved"),
  )) as { balance: number } | null;
  if (answer) done.textContent = tr("points.staff.redeemed", { balance: answer.balance });
});

rulesForm.addEventListener("submit", (event) => {
  event.preventDefault();
  const reason = field(rulesForm, "reason");
  void act(
    "/api/staff/points/rules",
    { village, rules: parseRules(field(rulesForm, "rules")), ...(reason ? { reason } : {}) },
    tr("points.staff.rulesSaved"),
  );
});

(entryForm.elements.namedItem("date") as HTMLInputElement).value = new Date(Date.now() + 8 * 3600_000)
  .toISOString()
  .slice(0, 10);
load().catch((failure) => showFieldErrors(errorBox, failure));
