/**
 * The figures page: one row per town (district) or village (town), and the total; each ratio shown with
 * its numerator and denominator. The district admin opens a town by its name.
 */
import type { StaffFigures } from "../../../schema/case.ts";
import { api, el, showFailure, toLoginIfNeeded, tr } from "./staff-api.ts";

type Figures = StaffFigures;
interface FiguresView {
  scope: { level: string; code: string; name: string };
  by: "town" | "village";
  total: Figures;
  groups: { code: string; name: string; figures: Figures }[];
}

const town = new URLSearchParams(location.search).get("town") ?? "";
const table = document.querySelector<HTMLTableElement>("[data-figures]");
const status = document.querySelector<HTMLElement>("[data-status]");
const errorBox = document.querySelector<HTMLElement>("[data-error]");
const query = /^\d{9}$/.test(town) ? `?town=${town}` : "";

const ratio = (part: number, whole: number) =>
  whole === 0
    ? tr("cases.figures.none")
    : `${Math.round((part / whole) * 100)}%（${tr("cases.figures.ratio", { part, whole })}）`;

function row(name: string | Node, f: Figures, header = false): HTMLTableRowElement {
  const tr_ = el("tr");
  const first = el(header ? "th" : "td");
  first.append(name);
  tr_.append(
    first,
    el("td", String(f.received)),
    el("td", String(f.closed)),
    el("td", ratio(f.answeredOnTime, f.answered)),
    el("td", String(f.overdue)),
    el("td", f.medianDays === null ? tr("cases.figures.none") : String(f.medianDays)),
    el("td", ratio(f.satisfied + f.basic, f.rated)),
  );
  return tr_;
}

async function show(): Promise<void> {
  try {
    const data = await api<FiguresView>(`/api/staff/figures${query}`);
    document.querySelector("[data-title]")?.replaceChildren(`${tr("cases.title.figures")} · ${data.scope.name}`);
    document
      .querySelector("[data-by]")
      ?.replaceChildren(tr(data.by === "town" ? "cases.figures.byTown" : "cases.figures.byVillage"));
    table?.tBodies[0]?.replaceChildren(
      ...data.groups.map((g) =>
        row(data.by === "town" ? el("a", g.name, { href: `?town=${g.code}` }) : g.name, g.figures),
      ),
    );
    table?.tFoot?.replaceChildren(row(tr("cases.figures.total"), data.total, true));
    if (table) table.hidden = false;
    document.querySelector<HTMLAnchorElement>("[data-export]")?.setAttribute("href", `/api/staff/figures.csv${query}`);
    status?.replaceChildren();
  } catch (failure) {
    status?.replaceChildren();
    if (!toLoginIfNeeded(failure) && errorBox) showFailure(errorBox, failure);
  }
}

void show();
