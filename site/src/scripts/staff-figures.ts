/**
 * `<staff-figures>`, the figures page: one row per town (district) or village (town), and the total; each
 * ratio shown with its numerator and denominator, and on-time answering never without the cases still open
 * past their deadline beside it. A month, quarter or year can be chosen; the district admin opens a town by name.
 */

import type { InferResponseType } from "hono/client";
import { chinaDate, periodLabel } from "#core/period.ts";
import { recentPeriods } from "#core/publish-periods.ts";
import { api, el, readCaseStrings, request, showFailure, toLoginIfNeeded, tr } from "./staff-api.ts";
import { figuresRow } from "./staff-request.ts";

type Figures = InferResponseType<typeof api.api.staff.figures.$get, 200>["total"];

const kinds = { month: "monthly", quarter: "quarterly", year: "yearly" } as const;
const ratio = (part: number, whole: number) =>
  whole === 0
    ? tr("cases.figures.none")
    : `${Math.round((part / whole) * 100)}%（${tr("cases.figures.ratio", { part, whole })}）`;

/** On-time answers and, in the same cell, the open cases already past their deadline. */
function onTime(f: Figures): HTMLTableCellElement {
  const cell = el("td", ratio(f.answeredOnTime, f.answered));
  cell.append(el("br"), el("span", tr("cases.figures.overdueBeside", { count: f.overdue }), { class: "late" }));
  return cell;
}

const row = (name: string | Node, f: Figures, header = false) =>
  figuresRow(
    name,
    [
      String(f.received),
      String(f.closed),
      onTime(f),
      f.medianDays === null ? tr("cases.figures.none") : String(f.medianDays),
      ratio(f.satisfied + f.basic, f.rated),
    ],
    header,
  );

class StaffFigures extends HTMLElement {
  connectedCallback(): void {
    readCaseStrings(this);
    const today = chinaDate();
    const params = new URLSearchParams(location.search);
    const town = /^\d{9}$/.test(params.get("town") ?? "") ? (params.get("town") as string) : "";
    const period = /^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$/.test(params.get("period") ?? "")
      ? (params.get("period") as string)
      : "";
    const table = this.querySelector<HTMLTableElement>("[data-figures]");
    const status = this.querySelector<HTMLElement>("[data-status]");
    const errorBox = this.querySelector<HTMLElement>("[data-error]");
    const pick = this.querySelector<HTMLFormElement>("[data-period-pick]");
    const title = this.querySelector("[data-title]");
    const periodNote = this.querySelector("[data-period-note]");
    const by = this.querySelector("[data-by]");
    const named = this.querySelector<HTMLElement>("[data-duties]");
    const exportLink = this.querySelector<HTMLAnchorElement>("[data-export]");
    const query = new URLSearchParams({ ...(town ? { town } : {}), ...(period ? { period } : {}) });
    const suffix = query.size > 0 ? `?${query}` : "";

    /** The period picker: a kind (month, quarter, year), then one of its recent periods by name. */
    function fillPicker(): void {
      if (!pick) return;
      const kindSelect = pick.elements.namedItem("kind") as HTMLSelectElement;
      const periodSelect = pick.elements.namedItem("period") as HTMLSelectElement;
      (pick.elements.namedItem("town") as HTMLInputElement).value = town;
      (pick.elements.namedItem("town") as HTMLInputElement).disabled = !town;
      const fill = () => {
        const kind = kindSelect.value as keyof typeof kinds | "";
        const label = pick.querySelector<HTMLElement>("[data-period-label]");
        if (label) label.hidden = kind === "";
        periodSelect.disabled = kind === "";
        periodSelect.replaceChildren(
          ...(kind ? recentPeriods(kinds[kind], today, 12) : []).map((p) => el("option", periodLabel(p), { value: p })),
        );
      };
      kindSelect.value = period === "" ? "" : period.length === 4 ? "year" : period.includes("Q") ? "quarter" : "month";
      fill();
      if (period) periodSelect.value = period;
      kindSelect.addEventListener("change", fill);
    }

    async function show(): Promise<void> {
      try {
        const data = await request(api.api.staff.figures.$get({ query: Object.fromEntries(query) }));
        const where = data.period ? `${data.scope.name} · ${data.period.label}` : data.scope.name;
        title?.replaceChildren(`${tr("cases.title.figures")} · ${where}`);
        periodNote?.replaceChildren(
          data.period
            ? tr("cases.figures.periodNote", {
                period: data.period.label,
                start: data.period.start,
                end: data.period.end,
              })
            : "",
        );
        by?.replaceChildren(tr(data.by === "town" ? "cases.figures.byTown" : "cases.figures.byVillage"));
        const townLink = (code: string) => `?${new URLSearchParams({ town: code, ...(period ? { period } : {}) })}`;
        table?.tBodies[0]?.replaceChildren(
          ...data.groups.map((g) =>
            row(data.by === "town" ? el("a", g.name, { href: townLink(g.code) }) : g.name, g.figures),
          ),
        );
        table?.tFoot?.replaceChildren(row(tr("cases.figures.total"), data.total, true));
        if (table) table.hidden = false;
        named?.replaceChildren(...data.duties.map((d) => el("li", tr("duties.case.figuresLine", d))));
        if (named?.parentElement) named.parentElement.hidden = data.duties.length === 0;
        exportLink?.setAttribute("href", `/api/staff/figures.csv${suffix}`);
        status?.replaceChildren();
      } catch (failure) {
        status?.replaceChildren();
        if (!toLoginIfNeeded(failure) && errorBox) showFailure(errorBox, failure);
      }
    }

    fillPicker();
    void show();
  }
}

customElements.define("staff-figures", StaffFigures);
