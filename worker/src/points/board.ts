/**
 * The public 积分公示 of a village (/v/<code>/points/): the quarter's board (masked names by default,
 * what each household gained, lost, had reversed and spent, and what it holds now, with the totals the
 * ledger adds up to), the rules in force, and the fingerprint of the ledger's head.
 */
import { fingerprint } from "#core/checkpoint.ts";
import { t } from "#core/i18n/index.ts";
import { periodLabel } from "#core/period.ts";
import { maskName, type PointsRule } from "#core/points.ts";
import type { Village } from "#core/reference.ts";
import { figureSpans, type Html, html } from "../html.ts";
import { signed } from "./card.ts";
import type { BoardLine, PointsFigures } from "./queries.ts";

const FIGURES = ["awarded", "deducted", "reversed", "redeemed", "balance"] as const;

function boardTable(lines: readonly BoardLine[]): Html {
  const total = (key: (typeof FIGURES)[number]) => lines.reduce((sum, l) => sum + l[key], 0);
  const head = FIGURES.map((key) => html`<th scope="col">${t(`points.board.${key}`)}</th>`);
  const rows = lines.map(
    (l) =>
      html`<tr><td>${l.number}</td><td>${maskName(l.name)}</td>${FIGURES.map((key) => html`<td class="n">${key === "redeemed" ? l[key] : signed(l[key])}</td>`)}</tr>`,
  );
  const totals = FIGURES.map((key) => html`<td class="n">${key === "redeemed" ? total(key) : signed(total(key))}</td>`);
  return html`<div class="scroll"><table><thead><tr><th scope="col">${t("points.board.number")}</th><th scope="col">${t("points.board.name")}</th>${head}</tr></thead><tbody>${rows}</tbody><tfoot><tr><th scope="row" colspan="2">${t("points.board.total")}</th>${totals}</tr></tfoot></table></div>`;
}

function rulesList(rules: readonly PointsRule[]): Html {
  const item = (r: PointsRule) =>
    html`<li>${r.code} · ${r.category} · ${figureSpans(r.title)} <b class="pts">${t("points.card.points", { points: signed(r.points) })}</b></li>`;
  const plus = rules.filter((r) => r.points > 0);
  const minus = rules.filter((r) => r.points < 0);
  return html`<h3>${t("points.board.plus")}</h3><ul>${plus.map(item)}</ul><h3>${t("points.board.minus")}</h3><ul>${minus.map(item)}</ul>`;
}

/**
 * The page's title and the inner HTML of its main part.
 * @example boardPage(village, "2026-Q4", lines, rules, head).html
 */
export function boardPage(
  village: Village,
  quarter: string,
  lines: readonly BoardLine[],
  rules: { rules: PointsRule[]; at: string } | null,
  head: { seq: number; hash: string } | null,
): { title: string; html: Html } {
  const title = t("points.board.heading", { village: village.name, quarter: periodLabel(quarter) });
  const board = lines.length === 0 ? html`<p>${t("points.board.empty")}</p>` : boardTable(lines);
  const rulesPart = rules ? rulesList(rules.rules) : html`<p>${t("points.board.noRules")}</p>`;
  const pin = head
    ? html`<p class="m">${t("points.board.fingerprint", { fingerprint: fingerprint(head.hash), length: head.seq })}</p>`
    : "";
  return {
    title,
    html: html`<p class="sub"><a href="/v/${village.code}/">${t("meetings.page.back", { village: village.name })}</a></p><h1>${figureSpans(title)}</h1><p class="m">${t("points.board.lead")}</p>${board}${pin}<h2>${t("points.board.rules")}</h2>${rulesPart}`,
  };
}

/** The catalogue item (积分评定结果) a village's points board stands for once it has households. */
export const POINTS_ITEM = "village-points";

/**
 * The village page's line: the quarter's board in one sentence, linked to it.
 * @example boardLink("371603104201", "2026-Q4", lines)
 */
export function boardLink(village: string, quarter: string, lines: readonly BoardLine[]): Html {
  const awarded = lines.reduce((sum, l) => sum + l.awarded, 0);
  const text = t("points.village.link", { quarter: periodLabel(quarter), households: lines.length, awarded });
  return html`<a href="/v/${village}/points/">${figureSpans(text)}</a>`;
}

/**
 * A town's (or the district's) points figures for a quarter in one sentence, each figure from the ledger.
 * @example pointsFiguresLine(figures, "2026-Q4") // "积分制（2026年第四季度）：12 个村 340 户，加分 2100 分……"
 */
export function pointsFiguresLine(figures: PointsFigures, quarter: string): string {
  return t("points.figures.line", { ...figures, quarter: periodLabel(quarter) });
}
