/**
 * The case queue page: reads the filters from the address, lists the cases (overdue first, as the API
 * orders them), pages, and points the CSV link at the same filters. Villagers' words are set as text.
 */
import { api, el, overdueBadge, showFailure, toLoginIfNeeded, tr } from "./staff-api.ts";

interface CaseLine {
  id: number;
  villageName: string;
  townName: string;
  kind: string;
  topic: string;
  state: string;
  deadline: string;
  overdueDays: number;
  reopened: boolean;
  mergedInto: number | null;
  snippet: string | null;
}
interface CaseList {
  total: number;
  overdueTotal: number;
  page: number;
  pages: number;
  cases: CaseLine[];
}

const params = new URLSearchParams(location.search);
if (!params.has("state")) params.set("state", "open");
const form = document.querySelector<HTMLFormElement>("[data-filters]");
const status = document.querySelector<HTMLElement>("[data-status]");
const errorBox = document.querySelector<HTMLElement>("[data-error]");
const list = document.querySelector<HTMLUListElement>("[data-cases]");
const pager = document.querySelector<HTMLElement>("[data-pager]");
const exportLink = document.querySelector<HTMLAnchorElement>("[data-export]");

for (const [name, value] of params) {
  const field = form?.elements.namedItem(name);
  if (field instanceof HTMLInputElement && field.type === "checkbox") field.checked = value === "1";
  else if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = value;
}

function line(c: CaseLine): HTMLLIElement {
  const item = el("li", null, { "data-case": String(c.id) });
  const head = el("p");
  head.append(el("a", `#${c.id} ${c.townName}${c.villageName}`, { href: `/staff/cases/case/?id=${c.id}` }), " ");
  head.append(el("span", `${tr(`reports.kind.${c.kind}`)} · ${tr(`reports.state.${c.state}`)}`, { class: "tag" }), " ");
  const badge = overdueBadge(c);
  if (badge) head.append(badge, " ");
  if (c.reopened && c.state !== "closed") head.append(el("span", tr("cases.reopened"), { class: "raised" }), " ");
  if (c.mergedInto) head.append(el("span", tr("cases.merged", { id: c.mergedInto }), { class: "tag" }));
  const meta = el("p", `${tr("cases.field.deadline")} ${c.deadline} · ${tr(`reports.topic.${c.topic}`)}`, {
    class: "m",
  });
  const snippet = el("p", c.snippet ?? tr("cases.list.confidential"), { class: "snippet" });
  item.append(head, meta, snippet);
  return item;
}

function pageLink(page: number, label: string): HTMLAnchorElement {
  const next = new URLSearchParams(params);
  next.set("page", String(page));
  return el("a", label, { href: `?${next}` });
}

async function show(): Promise<void> {
  const query = new URLSearchParams(params);
  if (exportLink) {
    const exportQuery = new URLSearchParams(query);
    exportQuery.delete("page");
    exportLink.href = `/api/staff/reports.csv?${exportQuery}`;
  }
  try {
    const data = await api<CaseList>(`/api/staff/reports?${query}`);
    status?.replaceChildren(tr("cases.list.count", { total: data.total, overdue: data.overdueTotal }));
    list?.replaceChildren(...data.cases.map(line));
    if (data.cases.length === 0) list?.append(el("li", tr("cases.list.empty")));
    pager?.replaceChildren();
    if (data.pages > 1) {
      if (data.page > 1) pager?.append(pageLink(data.page - 1, tr("cases.list.prev")), " ");
      pager?.append(tr("cases.list.page", { page: data.page, pages: data.pages }), " ");
      if (data.page < data.pages) pager?.append(pageLink(data.page + 1, tr("cases.list.next")));
    }
  } catch (failure) {
    status?.replaceChildren();
    if (!toLoginIfNeeded(failure) && errorBox) showFailure(errorBox, failure);
  }
}

void show();
