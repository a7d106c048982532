/**
 * The points page (/staff/points/): loads GET /api/staff/points (the member's own village, or ?village=),
 * records entries, reverses confirmed ones with a reason, registers households, publishes the rules and
 * records redemptions at the shop (recording roles), and confirms pending entries (the supervisor). What
 * a role may not do the API refuses with its own message. Sets text only, never HTML.
 */
import type { ClientResponse, InferResponseType } from "hono/client";
import type { PointsRule as Rule } from "#core/points.ts";
import type { Answer } from "../../../worker/src/client.ts";
import { api, el, showFailure, staffRequest } from "./staff-request.ts";
import { pageStrings, picker } from "./strings.ts";

const pointsApi = api.api.staff.points;
type Line = InferResponseType<typeof pointsApi.$get, 200>["ledger"][number];

const tr = picker(pageStrings("points-strings"));
const messages = { network: tr("publish.page.network") };
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
      pointsApi.entries[":id"].reversal.$post({
        param: { id: String(entry.id) },
        json: { reason: reason.value.trim() },
      }),
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
      act(pointsApi.entries[":id"].confirm.$post({ param: { id: String(entry.id) } }), tr("points.staff.confirmedNow")),
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
  const data = await staffRequest(pointsApi.$get({ query: query ? { village: query } : {} }), messages);
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

/** Awaits a write, says `message` and reloads; on failure shows it and resolves to null. */
async function act<R extends ClientResponse<unknown, number>>(
  call: Promise<R>,
  message: string,
): Promise<Answer<R> | null> {
  errorBox.hidden = true;
  done.hidden = true;
  try {
    const answer = await staffRequest(call, messages);
    done.textContent = message;
    done.hidden = false;
    await load();
    return answer;
  } catch (failure) {
    showFailure(errorBox, failure);
    return null;
  }
}

entryForm.addEventListener("submit", (event) => {
  event.preventDefault();
  void act(
    pointsApi.entries.$post({
      json: {
        village,
        household: Number(field(entryForm, "household")),
        rule: field(entryForm, "rule"),
        date: field(entryForm, "date"),
        reason: field(entryForm, "reason"),
      },
    }),
    tr("points.staff.saved"),
  );
});

householdForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  const answer = await act(
    pointsApi.households.$post({
      json: { village, number: field(householdForm, "number"), name: field(householdForm, "name") },
    }),
    tr("points.staff.saved"),
  );
  if (answer) done.textContent = tr("points.staff.card", { url: new URL(answer.card.url, location.origin).href });
});

redeemForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  const answer = await act(
    pointsApi.redemptions.$post({
      json: {
        household: Number(field(redeemForm, "household")),
        goods: Number(field(redeemForm, "goods")),
        quantity: Number(field(redeemForm, "quantity") || "1"),
      },
    }),
    tr("points.staff.saved"),
  );
  if (answer) done.textContent = tr("points.staff.redeemed", { balance: answer.balance });
});

rulesForm.addEventListener("submit", (event) => {
  event.preventDefault();
  const reason = field(rulesForm, "reason");
  void act(
    pointsApi.rules.$post({
      json: { village, rules: parseRules(field(rulesForm, "rules")), ...(reason ? { reason } : {}) },
    }),
    tr("points.staff.rulesSaved"),
  );
});

(entryForm.elements.namedItem("date") as HTMLInputElement).value = new Date(Date.now() + 8 * 3600_000)
  .toISOString()
  .slice(0, 10);
load().catch((failure) => showFailure(errorBox, failure));
