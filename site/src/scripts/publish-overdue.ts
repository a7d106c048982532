/**
 * `<staff-overdue>`, the overdue page (/staff/overdue/): lists GET /api/staff/disclosures/overdue by town
 * and village, with the CSV export link for the same scope. The town selector shows the member's own town
 * (the district admin picks any town or the whole district). Sets text only, never HTML.
 */

import type { InferResponseType } from "hono/client";
import { periodLabel } from "#core/period.ts";
import { api, el, type StaffFailure, staffRequest } from "./staff-request.ts";
import { pageStrings, picker } from "./strings.ts";

type Overdue = InferResponseType<typeof api.api.staff.disclosures.overdue.$get, 200>;

class StaffOverdue extends HTMLElement {
  connectedCallback(): void {
    const tr = picker(pageStrings("overdue-strings", this));
    const messages = { network: tr("publish.page.network") };
    const status = this.querySelector("[data-status]") as HTMLElement;
    const box = this.querySelector("[data-towns]") as HTMLElement;
    const pick = this.querySelector("[data-pick]") as HTMLFormElement;
    const exportLink = this.querySelector("[data-export]") as HTMLAnchorElement;
    const template = this.querySelector("template[data-table]") as HTMLTemplateElement;
    const figuresLine = this.querySelector("[data-figures]") as HTMLElement;

    function render(data: Overdue): void {
      box.replaceChildren();
      for (const town of data.towns) {
        box.append(el("h2", town.name));
        box.append(
          el("p", tr("publish.overdue.count", { villages: town.villages, late: town.lateVillages, items: town.items })),
        );
        if (town.items === 0) {
          box.append(el("p", tr("publish.overdue.none")));
          continue;
        }
        const table = template.content.cloneNode(true) as DocumentFragment;
        const body = table.querySelector("tbody") as HTMLElement;
        for (const village of town.late) {
          village.items.forEach((item, i) => {
            const tr_ = el("tr");
            if (i === 0) tr_.append(el("th", village.name, { scope: "row", rowspan: String(village.items.length) }));
            tr_.append(
              el("td", item.name),
              el("td", item.expectedLabel),
              el("td", item.latest ? periodLabel(item.latest) : tr("publish.overdue.never")),
            );
            body.append(tr_);
          });
        }
        box.append(table);
      }
    }

    async function load(town: string): Promise<void> {
      status.hidden = false;
      const query = town ? `?town=${town}` : "";
      exportLink.href = `/api/staff/disclosures/overdue.csv${query}`;
      let data: Overdue;
      try {
        data = await staffRequest(api.api.staff.disclosures.overdue.$get({ query: town ? { town } : {} }), messages);
      } catch (failure) {
        status.textContent = (failure as StaffFailure).message;
        return;
      }
      showOwnTown(data.area, town);
      status.hidden = true;
      render(data);
    }

    /** Keeps only the member's own town in the selector, chosen, unless the scope is the whole district. */
    function showOwnTown(area: string, asked: string): void {
      pick.hidden = false;
      if (area.length === 6 || asked) return;
      const select = pick.elements.namedItem("town") as HTMLSelectElement;
      const own = area.slice(0, 9);
      for (const option of [...select.options]) if (option.value !== own) option.remove();
      select.value = own;
      (pick.querySelector("button") as HTMLElement).hidden = true;
    }

    pick.addEventListener("submit", (event) => {
      event.preventDefault();
      void load((pick.elements.namedItem("town") as HTMLSelectElement).value);
    });
    /** The district's figures of disclosure and 阳光报告会, each with its denominator. */
    async function figures(): Promise<void> {
      const { total } = await staffRequest(api.api.figures.disclosures.$get(), messages);
      figuresLine.textContent = tr("publish.figures.line", total);
    }

    figures().catch(() => undefined); // the line stays empty: the list below is what the page is for
    load("").catch(() => {
      status.textContent = tr("publish.page.network");
    });
  }
}

customElements.define("staff-overdue", StaffOverdue);
