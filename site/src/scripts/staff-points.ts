/**
 * `<staff-points>`, the points page (/staff/points/): loads GET /api/staff/points (the member's own
 * village, or ?village=), records entries, reverses confirmed ones with a reason, registers households,
 * publishes the rules, sets a quarter's 积分超市 and records redemptions there (recording roles), and
 * confirms pending entries (the supervisor). Each member sees only what their role may do; the API refuses
 * the rest with its own message all the same.
 * Sets text only, never HTML.
 */
import type { ClientResponse, InferResponseType } from "hono/client";
import { addDays, chinaDate, dateLabel, periodLabel, previousPeriod } from "#core/period.ts";
import type { PointsRule as Rule } from "#core/points.ts";
import { currentPeriod, periodBounds } from "#core/publish-periods.ts";
import type { Answer } from "../../../worker/src/client.ts";
import { api, el, showFailure, staffRequest } from "./staff-request.ts";
import { pageStrings, picker } from "./strings.ts";

const pointsApi = api.api.staff.points;
type Line = InferResponseType<typeof pointsApi.$get, 200>["ledger"][number];

class StaffPoints extends HTMLElement {
  connectedCallback(): void {
    const tr = picker(pageStrings("points-strings", this));
    const messages = { network: tr("publish.page.network") };
    const $ = <T extends HTMLElement>(selector: string) => this.querySelector(selector) as T;
    const status = $("[data-status]");
    const errorBox = $("[data-error]");
    const done = $("[data-done]");
    const entryForm = $<HTMLFormElement>("[data-entry]");
    const householdForm = $<HTMLFormElement>("[data-household]");
    const redeemForm = $<HTMLFormElement>("[data-redeem]");
    const rulesForm = $<HTMLFormElement>("[data-rules]");
    const shopForm = $<HTMLFormElement>("[data-shop]");
    const ledger = $("[data-ledger]");
    const query = new URLSearchParams(location.search).get("village");
    // what this member's role may do (the API says, from schema/access.ts): only those forms and buttons
    // are shown, two people always (who records sees no confirm button, the supervisor no recording form)
    let can = { record: false, confirm: false };
    let village = "";

    const field = (form: HTMLFormElement, name: string) =>
      (form.elements.namedItem(name) as HTMLInputElement).value.trim();
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
        if (!can.confirm) return item;
        const button = el("button", tr("points.staff.confirm"), { type: "button", "data-confirm": String(entry.id) });
        button.addEventListener("click", () =>
          act(
            pointsApi.entries[":id"].confirm.$post({ param: { id: String(entry.id) } }),
            tr("points.staff.confirmedNow"),
          ),
        );
        item.append(el("br"), button);
      } else if (entry.kind === "entry" && !entry.reversedBy && can.record) item.append(reversal(entry));
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
        .map(([code = "", title = "", category = "", points = ""]) => ({
          code,
          title,
          category,
          points: Number(points),
        }));

    type Goods = { name: string; price: number };

    /**
     * The goods textarea's lines, one a line: a name, then its price after a space, a comma or a tab (a
     * trailing 分 allowed). Blank lines are skipped. Or the message naming the first wrong line.
     */
    function parseGoods(text: string, max: { price: number; count: number }): Goods[] | string {
      const goods: Goods[] = [];
      for (const [index, row] of text.split("\n").entries()) {
        const line = row.trim();
        if (!line) continue;
        const [, name = "", digits = ""] = /^(.+?)[\s,，]+(\d+)\s*分?$/u.exec(line) ?? [];
        const price = Number(digits);
        if (!name || price < 1 || price > max.price)
          return tr("points.staff.goodsLineBad", { line: index + 1, text: line });
        if (goods.some((g) => g.name === name)) return tr("points.staff.goodsTwice", { line: index + 1, name });
        goods.push({ name, price });
      }
      return goods.length >= 1 && goods.length <= max.count ? goods : tr("points.staff.goodsCount");
    }

    /** The opening days the shop form suggests for `quarter`: its last 10 days, as 沾化's shops open. */
    function suggestWindow(quarter: string): void {
      const { end } = periodBounds(quarter);
      (shopForm.elements.namedItem("opensOn") as HTMLInputElement).value = addDays(end, -9);
      (shopForm.elements.namedItem("closesOn") as HTMLInputElement).value = end;
    }

    async function load(): Promise<void> {
      const data = await staffRequest(pointsApi.$get({ query: query ? { village: query } : {} }), messages);
      can = data.may;
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
      $("[data-window]").textContent = data.shop
        ? tr("points.staff.shopWindow", {
            quarter: periodLabel(data.shop.quarter),
            opens: dateLabel(data.shop.opensOn),
            closes: dateLabel(data.shop.closesOn),
          })
        : "";
      ledger.replaceChildren(...data.ledger.map(line));
      status.textContent = data.rules ? "" : tr("points.staff.noRules");
      entryForm.hidden = !can.record;
      householdForm.hidden = !can.record;
      rulesForm.hidden = !can.record;
      shopForm.hidden = !can.record;
      redeemForm.hidden = !can.record || !data.shop;
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

    shopForm.addEventListener("submit", (event) => {
      event.preventDefault();
      const textarea = shopForm.elements.namedItem("goods") as HTMLTextAreaElement;
      const { maxPrice, maxGoods } = textarea.dataset;
      const goods = parseGoods(textarea.value, { price: Number(maxPrice), count: Number(maxGoods) });
      if (typeof goods === "string") {
        done.hidden = true;
        showFailure(errorBox, { status: 422, message: goods });
        return;
      }
      const opensOn = field(shopForm, "opensOn");
      const closesOn = field(shopForm, "closesOn");
      void act(
        pointsApi.shops.$post({ json: { village, quarter: field(shopForm, "quarter"), opensOn, closesOn, goods } }),
        tr("points.staff.shopSaved", { opens: dateLabel(opensOn), closes: dateLabel(closesOn) }),
      );
    });

    const today = chinaDate();
    const thisQuarter = currentPeriod("quarterly", today);
    // this quarter and the next one (-1 periods before it)
    options(
      select(shopForm, "quarter"),
      [thisQuarter, previousPeriod(thisQuarter, -1)].map((q) => [q, periodLabel(q)]),
    );
    select(shopForm, "quarter").addEventListener("change", (event) =>
      suggestWindow((event.target as HTMLSelectElement).value),
    );
    suggestWindow(thisQuarter);
    (entryForm.elements.namedItem("date") as HTMLInputElement).value = today;
    load().catch((failure) => showFailure(errorBox, failure));
  }
}

customElements.define("staff-points", StaffPoints);
