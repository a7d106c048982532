/**
 * A household's own points page (/h/<card code>): its entries with their reasons and whether each counts
 * yet, reversals, what it took at the 积分超市, its balance, and a plain form to question an entry (a
 * 码上问 case). Nothing of any other household. Plain HTML through html.ts, no client JS.
 */
import { t } from "#core/i18n/index.ts";
import { villageByCode } from "#core/reference.ts";
import { CONTENT_MAX, CONTENT_MIN } from "#core/report.ts";
import { type Html, html } from "../html.ts";
import type { HouseholdRow, LedgerLine } from "./queries.ts";

/**
 * Points as a villager reads them: a plus sign on what was awarded.
 * @example signed(10) // "+10"
 */
export const signed = (points: number) => (points > 0 ? `+${points}` : String(points));

function state(line: LedgerLine): string {
  if (line.kind === "redeem") return "";
  const parts = [line.confirmedBy ? t("points.card.confirmed") : t("points.card.pending")];
  if (line.reversedBy) parts.push(t("points.card.reversedNote"));
  return parts.join(" · ");
}

function ledgerItem(line: LedgerLine): Html {
  const title =
    line.kind === "redeem"
      ? `${t("points.card.redeem")}：${line.title}`
      : line.kind === "reversal"
        ? `${t("points.card.reversal", { id: line.reverses ?? "" })}：${line.title}`
        : line.title;
  const reason = line.reason ? html`<p>${t("points.card.reason", { reason: line.reason })}</p>` : "";
  return html`<li id="e${line.id}"><p><span class="m">${t("points.card.number", { id: line.id })}</span> ${t("points.card.line", { date: line.date, title })} <span class="pts">${t("points.card.points", { points: signed(line.points) })}</span></p>${reason}<p class="m">${state(line)}</p></li>`;
}

/** What the question form shows: a fresh submission key, and a refusal with the words sent, if any. */
export interface QuestionFill {
  key: string;
  error?: string;
  entry?: number;
  content?: string;
}

function questionForm(code: string, lines: readonly LedgerLine[], fill: QuestionFill): Html | "" {
  const askable = lines.filter((l) => l.kind !== "redeem");
  if (askable.length === 0) return "";
  const options = askable.map(
    (l) =>
      html`<option value="${l.id}" ${l.id === fill.entry ? "selected" : ""}>${t("points.card.number", { id: l.id })} ${l.date} ${l.title} ${signed(l.points)}</option>`,
  );
  const error = fill.error ? html`<p class="err" role="alert">${fill.error}</p>` : "";
  return html`<h2 id="ask">${t("points.card.ask")}</h2><p class="m">${t("points.card.askLead")}</p>${error}<form method="post" action="/h/${code}/questions"><input type="hidden" name="key" value="${fill.key}"><label for="entry">${t("points.card.askEntry")}</label><select id="entry" name="entry">${options}</select><label for="content">${t("points.card.askContent")}</label><textarea id="content" name="content" rows="4" minlength="${CONTENT_MIN}" maxlength="${CONTENT_MAX - 100}" required>${fill.content ?? ""}</textarea><button type="submit">${t("points.card.askSubmit")}</button></form>`;
}

/**
 * The page's title and the inner HTML of its main part.
 * @example householdPage(household, lines, 27, code, { key: crypto.randomUUID() }).html
 */
export function householdPage(
  household: HouseholdRow,
  lines: readonly LedgerLine[],
  balance: number,
  code: string,
  fill: QuestionFill,
): { title: string; html: Html } {
  const village = villageByCode(household.village)?.name ?? household.village;
  const title = t("points.card.title");
  const list =
    lines.length === 0 ? html`<p>${t("points.card.none")}</p>` : html`<ol class="ledger">${lines.map(ledgerItem)}</ol>`;
  return {
    title,
    html: html`<h1>${t("points.card.heading", { village, number: household.number, name: household.name })}</h1><p class="balance"><b>${t("points.card.balance", { balance })}</b></p><p class="m">${t("points.card.explain")}</p><h2>${t("points.card.ledger")}</h2>${list}${questionForm(code, lines, fill)}<p class="m">${t("points.card.secret")}</p>`,
  };
}

/**
 * The card page when the code opens nothing (or a guesser must wait): the message alone.
 * @example householdRefusal(t("points.error.card"))
 */
export function householdRefusal(message: string): Html {
  return html`<h1>${t("points.card.title")}</h1><p class="err" role="alert">${message}</p><p class="m">${t("points.card.secret")}</p>`;
}
