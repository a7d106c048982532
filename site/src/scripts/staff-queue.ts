/**
 * `<staff-cases>`, the case queue page: reads the filters from the address, offers the villages of the
 * member's scope by name, finds a case by the receipt a villager reads out, lists the cases one compact line
 * each (in the API's order: what needs someone first), pages, and points the CSV link at the same filters.
 * Villagers' words are set as text.
 */
import type { InferResponseType } from "hono/client";
import { api, el, overdueBadge, readCaseStrings, request, showFailure, toLoginIfNeeded, tr } from "./staff-api.ts";

type CaseLine = InferResponseType<typeof api.api.staff.reports.$get, 200>["cases"][number];
/** The towns and their villages by name, from the page (case-places). */
interface Town {
  code: string;
  name: string;
  villages: [string, string][];
}

/** A date as staff read it: 11月2日 this year, 2025年11月2日 before. */
function day(date: string, today: string): string {
  const [y, m, d] = date.split("-").map(Number);
  const short = tr("cases.list.day", { month: m ?? 0, day: d ?? 0 });
  return date.slice(0, 4) === today.slice(0, 4) ? short : `${y}年${short}`;
}

function line(c: CaseLine, today: string): HTMLLIElement {
  const item = el("li", null, { "data-case": String(c.id) });
  const row = el("div", null, { class: "line" });
  const who = el("p", null, { class: "who" });
  if (c.movedToTown) {
    // a case the town took over: what the secretary saw of it before, and that the town has it now
    who.append(el("a", `#${c.id} ${c.villageName}`, { href: `/staff/cases/case/?id=${c.id}` }));
    row.append(
      el("p", tr("cases.list.received", { date: day(c.receivedOn, today) }), { class: "when" }),
      who,
      el("p", `${tr(`reports.kind.${c.kind}`)} · ${tr("cases.list.movedToTown")}`, { class: "meta" }),
    );
    item.append(row);
    return item;
  }
  const place = c.town === c.village.slice(0, 9) ? c.villageName : `${c.townName}${c.villageName}`;
  who.append(el("a", `#${c.id} ${place}`, { href: `/staff/cases/case/?id=${c.id}` }));
  const flags = el("p", tr("cases.list.deadline", { date: day(c.deadline, today) }), { class: "flags meta" });
  const badge = overdueBadge(c);
  if (badge) flags.append(" ", badge);
  if (c.reopened && c.state !== "closed") flags.append(" ", el("span", tr("cases.reopened"), { class: "raised" }));
  if (c.mergedInto) flags.append(" ", el("span", tr("cases.merged", { id: c.mergedInto }), { class: "tag" }));
  row.append(
    el("p", tr("cases.list.received", { date: day(c.receivedOn, today) }), { class: "when" }),
    who,
    el("p", `${tr(`reports.kind.${c.kind}`)} · ${tr(`reports.state.${c.state}`)}`, { class: "meta" }),
    flags,
    el("p", c.snippet ?? tr("cases.list.confidential"), { class: "snippet", title: c.snippet ?? "" }),
  );
  item.append(row);
  return item;
}

class StaffCases extends HTMLElement {
  connectedCallback(): void {
    readCaseStrings(this);
    const params = new URLSearchParams(location.search);
    const receipt = (params.get("receipt") ?? "").replace(/\D/g, "");
    if (receipt) {
      // a receipt names one case, whatever its state: search it alone
      for (const name of [...params.keys()]) if (name !== "receipt") params.delete(name);
      params.set("receipt", receipt);
    } else if (!params.has("state")) params.set("state", "open");
    const form = this.querySelector<HTMLFormElement>("[data-filters]");
    const receiptForm = this.querySelector<HTMLFormElement>("[data-receipt-search]");
    const status = this.querySelector<HTMLElement>("[data-status]");
    const errorBox = this.querySelector<HTMLElement>("[data-error]");
    const list = this.querySelector<HTMLUListElement>("[data-cases]");
    const pager = this.querySelector<HTMLElement>("[data-pager]");
    const exportLink = this.querySelector<HTMLAnchorElement>("[data-export]");
    const villageSelect = form?.elements.namedItem("village") as HTMLSelectElement | null;
    const places = JSON.parse(this.querySelector("#case-places")?.textContent ?? "[]") as Town[];
    const clear = this.querySelector<HTMLElement>("[data-receipt-clear]");

    function fillFilters(): void {
      for (const [name, value] of params) {
        const field = (name === "receipt" ? receiptForm : form)?.elements.namedItem(name);
        if (field instanceof HTMLInputElement && field.type === "checkbox") field.checked = value === "1";
        else if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = value;
      }
      if (clear) clear.hidden = !receipt;
    }

    /** The village filter: the villages of the member's town by name, the district's grouped by town. */
    async function fillVillages(): Promise<void> {
      if (!villageSelect) return;
      const { staff } = await request(api.api.staff.me.$get());
      if (staff.role === "village_secretary") {
        (villageSelect.closest("label") as HTMLElement).hidden = true;
        return;
      }
      const options = (town: Town) => town.villages.map(([code, name]) => el("option", name, { value: code }));
      if (staff.role === "town_inspector") {
        villageSelect.append(
          ...options(places.find((tw) => tw.code === staff.scope) ?? { code: "", name: "", villages: [] }),
        );
      } else {
        for (const town of places) {
          const group = el("optgroup", null, { label: town.name });
          group.append(...options(town));
          villageSelect.append(group);
        }
      }
      villageSelect.value = params.get("village") ?? "";
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
        // the filters as the address gives them; the worker checks them and refuses a bad one with its reason
        const data = await request(api.api.staff.reports.$get({ query: Object.fromEntries(query) as never }));
        status?.replaceChildren(tr("cases.list.count", { total: data.total, overdue: data.overdueTotal }));
        list?.replaceChildren(...data.cases.map((c) => line(c, data.today)));
        if (data.cases.length === 0) list?.append(el("li", tr(receipt ? "cases.list.noReceipt" : "cases.list.empty")));
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

    receiptForm?.addEventListener("submit", (event) => {
      const field = receiptForm.elements.namedItem("receipt") as HTMLInputElement;
      const digits = field.value.replace(/\D/g, "");
      if (digits.length === 16) {
        field.value = digits;
        return;
      }
      event.preventDefault();
      if (errorBox) showFailure(errorBox, { status: 400, message: tr("cases.filter.receiptInvalid") });
    });

    fillFilters();
    void fillVillages()
      .catch(() => undefined)
      .finally(show);
  }
}

customElements.define("staff-cases", StaffCases);
