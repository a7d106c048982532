/**
 * `<staff-grid>`, the grid worker's page (/staff/grid/): their grids from GET /api/staff/grid; 代办
 * posted to /api/staff/grid/cases, then the slip (/staff/grid/slip/) with the receipt, handed over in this
 * tab's sessionStorage only; 排查上报 to /api/staff/grid/patrols; a 百姓夜话 to /api/staff/grid/talks (one
 * row a request, each with its kind and topic, shown with its receipt once); and what they filed, from GET /api/staff/grid/cases.
 * Sets text only, never HTML.
 */
import type { ClientResponse } from "hono/client";
import type { BehalfInput, PatrolInput, TalkInput } from "#core/grid-work.ts";
import type { Answer } from "../../../worker/src/client.ts";
import { keepSlip } from "./grid-slip-store.ts";
import { api, el, showFailure, staffRequest } from "./staff-request.ts";
import { pageStrings, picker } from "./strings.ts";

class StaffGrid extends HTMLElement {
  connectedCallback(): void {
    const tr = picker(pageStrings("grid-strings", this));
    const messages = { network: tr("publish.page.network") };
    const $ = (selector: string) => this.querySelector(selector) as HTMLElement;
    const form = $("[data-form]") as HTMLFormElement;
    const status = $("[data-status]");
    const errorBox = $("[data-error]");
    const submit = $("[data-submit]") as HTMLButtonElement;
    const gridSelects = this.querySelectorAll<HTMLSelectElement>("select[name=grid]");
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | RadioNodeList).value.trim();

    /** The form as the API takes it: the contact only when the villager agreed to give one. */
    function filing() {
      const name = value("name");
      const phone = value("phone");
      return {
        grid: value("grid"),
        kind: value("kind") as BehalfInput["kind"],
        topic: value("topic") as BehalfInput["topic"],
        content: value("content"),
        ...(name || phone ? { contact: { ...(name ? { name } : {}), ...(phone ? { phone } : {}) } } : {}),
      };
    }

    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      errorBox.hidden = true;
      submit.disabled = true;
      submit.textContent = tr("grid.staff.saving");
      try {
        keepSlip(await staffRequest(api.api.staff.grid.cases.$post({ json: filing() }), messages));
        location.assign("/staff/grid/slip/");
      } catch (failure) {
        showFailure(errorBox, failure);
        submit.disabled = false;
        submit.textContent = submit.dataset.label ?? "";
      }
    });

    /** Posts a secondary form (patrol, talk), shows what came back, and refreshes the list of filings. */
    function wire<R extends ClientResponse<unknown, number>>(
      selector: string,
      send: (f: HTMLFormElement) => Promise<R>,
      done: (answer: Answer<R>) => Node[],
    ) {
      const other = $(selector) as HTMLFormElement;
      const box = other.querySelector("[data-error]") as HTMLElement;
      const result = other.querySelector("[data-done]") as HTMLElement;
      other.addEventListener("submit", async (event) => {
        event.preventDefault();
        box.hidden = true;
        try {
          result.replaceChildren(...done(await staffRequest(send(other), messages)));
          result.hidden = false;
          for (const text of other.querySelectorAll("textarea")) text.value = "";
          await showMine();
        } catch (failure) {
          showFailure(box, failure);
        }
      });
      return other;
    }

    const field = (f: HTMLFormElement, name: string) => (f.elements.namedItem(name) as HTMLInputElement).value.trim();

    const patrol = wire(
      "[data-patrol]",
      (f) =>
        api.api.staff.grid.patrols.$post({
          json: {
            grid: field(f, "grid"),
            category: field(f, "category") as PatrolInput["category"],
            content: field(f, "content"),
          },
        }),
      () => [el("p", tr("grid.patrol.saved"))],
    );

    const talk = wire(
      "[data-talk]",
      (f) =>
        api.api.staff.grid.talks.$post({
          json: {
            grid: field(f, "grid"),
            heldOn: field(f, "heldOn"),
            place: field(f, "place"),
            attendees: Number(field(f, "attendees") || "0"),
            requests: talkRequests(),
          },
        }),
      (saved) => {
        const list = el("ol");
        for (const r of saved.requests) list.append(el("li", r.receipt.replace(/(\d{4})(?=\d)/g, "$1 ")));
        clearRows();
        return [el("p", tr("grid.talk.saved")), list];
      },
    );

    // a talk's requests, one row each: its words, whether it is a question or a request, and its topic
    const rows = talk.querySelector("[data-rows]") as HTMLOListElement;
    const rowTemplate = talk.querySelector("template[data-row]") as HTMLTemplateElement;
    const addRowButton = talk.querySelector("[data-add-row]") as HTMLButtonElement;
    let rowsMade = 0;
    function addRow(): HTMLLIElement {
      const row = (rowTemplate.content.firstElementChild as HTMLLIElement).cloneNode(true) as HTMLLIElement;
      rowsMade += 1;
      for (const label of row.querySelectorAll<HTMLLabelElement>("label[data-for]")) {
        label.htmlFor = `t-${rowsMade}-${label.dataset.for}`;
      }
      for (const control of row.querySelectorAll<HTMLElement>("[data-name]"))
        control.id = `t-${rowsMade}-${control.dataset.name}`;
      rows.append(row);
      addRowButton.disabled = rows.children.length >= Number(rows.dataset.max);
      return row;
    }
    /** One empty row again (after a talk is saved). */
    function clearRows(): void {
      rows.replaceChildren();
      addRow();
    }
    addRowButton.addEventListener("click", () => (addRow().querySelector("textarea") as HTMLTextAreaElement).focus());
    clearRows();
    /** The rows with words in them, as the API takes them. */
    function talkRequests(): TalkInput["requests"] {
      const pick = (row: Element, name: string) =>
        (row.querySelector(`[data-name="${name}"]`) as HTMLTextAreaElement | HTMLSelectElement).value.trim();
      return [...rows.children]
        .map((row) => ({
          kind: pick(row, "kind") as TalkInput["requests"][number]["kind"],
          topic: pick(row, "topic") as TalkInput["requests"][number]["topic"],
          content: pick(row, "content"),
        }))
        .filter((request) => request.content !== "");
    }

    /** What the worker filed, newest first: how it came, what it is, where it stands. */
    async function showMine(): Promise<void> {
      const { cases } = await staffRequest(api.api.staff.grid.cases.$get(), messages);
      const list = $("[data-mine]");
      list.replaceChildren(
        ...cases.map((c) => {
          const li = el("li");
          const head = `${c.receivedOn} · ${tr(`grid.mine.way.${c.way}`)} · ${tr(`reports.kind.${c.kind}`)} · ${tr(`reports.state.${c.state}`)}`;
          li.append(c.kind === "misconduct" ? el("b", head) : el("a", head, { href: `/staff/cases/case/?id=${c.id}` }));
          const words = [c.contactName, c.content].filter(Boolean).join("：");
          if (words) li.append(el("p", words, { class: "m" }));
          return li;
        }),
      );
      if (cases.length === 0) list.append(el("li", tr("grid.mine.none")));
    }

    async function start(): Promise<void> {
      submit.dataset.label = submit.textContent ?? "";
      try {
        const { grids } = await staffRequest(api.api.staff.grid.$get(), messages);
        if (grids.length === 0) throw { message: tr("grid.staff.none") };
        for (const select of gridSelects) {
          for (const g of grids) select.append(el("option", g.name, { value: g.id }));
        }
        (talk.elements.namedItem("heldOn") as HTMLInputElement).value = new Date(Date.now() + 8 * 3600_000)
          .toISOString()
          .slice(0, 10);
        status.hidden = true;
        form.hidden = false;
        patrol.hidden = false;
        talk.hidden = false;
        await showMine();
      } catch (failure) {
        status.textContent = (failure as { message?: string }).message ?? tr("publish.page.network");
      }
    }

    start();
  }
}

customElements.define("staff-grid", StaffGrid);
