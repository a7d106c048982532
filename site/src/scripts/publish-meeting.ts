/**
 * `<staff-meetings>`, the meeting page (/staff/meetings/): the village's recent disclosures to tick (述), question rows (询),
 * the tallies (评); POST /api/staff/meetings, then the receipts to hand to the villagers who asked.
 * Sets text only, never HTML.
 */

import type { ClientResponse } from "hono/client";
import { chinaDate, periodLabel } from "#core/period.ts";
import { recentPeriods } from "#core/publish-periods.ts";
import { api, el, type StaffFailure as Failure, showFailure, staffRequest } from "./staff-request.ts";
import { pageStrings, picker } from "./strings.ts";

class StaffMeetings extends HTMLElement {
  connectedCallback(): void {
    const strings = pageStrings("meeting-strings", this);
    const tr = picker(strings);
    const topics = Object.keys(strings)
      .filter((key) => key.startsWith("reports.topic."))
      .map((key) => key.slice("reports.topic.".length));
    const $ = (selector: string) => this.querySelector(selector) as HTMLElement;
    const form = $("[data-form]") as HTMLFormElement;
    const status = $("[data-status]");
    const errorBox = $("[data-error]");
    const done = $("[data-done]");
    const submit = $("[data-submit]") as HTMLButtonElement;
    const questions = $("[data-questions]");
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
    const count = (name: string) => Number(value(name) || "0");
    const today = chinaDate();
    let village = "";

    const request = <R extends ClientResponse<unknown, number>>(call: Promise<R>) =>
      staffRequest(call, { network: tr("publish.page.network") });

    const select = (id: string, options: [string, string][]) => {
      const node = el("select", "", { id });
      for (const [v, label] of options) node.append(el("option", label, { value: v }));
      return node;
    };

    function addQuestion(): void {
      const n = questions.children.length + 1;
      const row = el("div", "", { class: "row", "data-question": "" });
      row.append(
        el("label", tr("meetings.staff.questionKind"), { for: `q${n}-kind` }),
        select(
          `q${n}-kind`,
          (["question", "request"] as const).map((k) => [k, tr(`reports.kind.${k}`)]),
        ),
        el("label", tr("meetings.staff.questionTopic"), { for: `q${n}-topic` }),
        select(
          `q${n}-topic`,
          topics.map((k) => [k, tr(`reports.topic.${k}`)]),
        ),
        el("label", tr("meetings.staff.questionContent"), { for: `q${n}-content` }),
        el("textarea", "", { id: `q${n}-content`, rows: "3", maxlength: "3000" }),
      );
      const remove = el("button", tr("meetings.staff.removeQuestion"), { type: "button", class: "quiet" });
      remove.addEventListener("click", () => row.remove());
      row.append(remove);
      questions.append(row);
    }

    function meeting() {
      const field = (row: Element, selector: string) => (row.querySelector(selector) as HTMLInputElement).value.trim();
      return {
        village,
        quarter: value("quarter"),
        heldOn: value("heldOn"),
        place: value("place"),
        attendees: count("attendees"),
        partyMembers: count("partyMembers"),
        representatives: count("representatives"),
        disclosures: [...form.querySelectorAll<HTMLInputElement>("[data-reported] input:checked")].map((i) =>
          Number(i.value),
        ),
        questions: [...questions.querySelectorAll("[data-question]")]
          .map((row) => ({
            kind: field(row, "select[id$=kind]"),
            topic: field(row, "select[id$=topic]"),
            content: field(row, "textarea"),
          }))
          .filter((q) => q.content !== ""),
        ratings: { satisfied: count("satisfied"), basic: count("basic"), unsatisfied: count("unsatisfied") },
      };
    }

    async function loadPast(): Promise<void> {
      const { meetings } = await request(api.api.staff.meetings.$get({ query: { village } }));
      const list = $("[data-past]");
      list.replaceChildren(
        ...meetings.map((m) => {
          const li = el("li");
          li.append(
            el("a", `${periodLabel(m.quarter)} · ${m.heldOn} · ${m.place}`, {
              href: `/v/${village}/meetings/${m.quarter}/`,
            }),
          );
          return li;
        }),
      );
      if (meetings.length === 0) list.append(el("li", tr("meetings.staff.none")));
    }

    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      errorBox.hidden = true;
      submit.disabled = true;
      try {
        // what was typed is checked by the worker, which names every field it refuses
        const saved = await request(api.api.staff.meetings.$post({ json: meeting() as never }));
        const receipts = el("ol");
        for (const q of saved.questions) receipts.append(el("li", q.receipt.replace(/(\d{4})(?=\d)/g, "$1 ")));
        done.replaceChildren(
          el("p", tr("meetings.staff.saved")),
          receipts,
          el("a", tr("meetings.staff.view"), { href: saved.url }),
        );
        done.hidden = false;
        done.scrollIntoView({ block: "center" });
        await loadPast();
      } catch (failure) {
        showFailure(errorBox, failure);
      } finally {
        submit.disabled = false;
      }
    });

    async function start(): Promise<void> {
      const { staff } = await request(api.api.staff.me.$get());
      if (staff.role !== "village_secretary") {
        status.textContent = tr("publish.error.forbidden");
        return;
      }
      village = staff.scope;
      const quarter = form.elements.namedItem("quarter") as HTMLSelectElement;
      for (const q of recentPeriods("quarterly", today, 4)) quarter.append(el("option", periodLabel(q), { value: q }));
      (form.elements.namedItem("heldOn") as HTMLInputElement).value = today;
      const { versions } = await request(api.api.staff.disclosures.$get({ query: { village } }));
      $("[data-reported]").replaceChildren(
        ...versions.map((v) => {
          const label = el("label", "", { class: "check" });
          label.append(el("input", "", { type: "checkbox", value: String(v.id) }), el("span", v.title));
          return label;
        }),
      );
      addQuestion();
      status.hidden = true;
      form.hidden = false;
      await loadPast();
    }

    $("[data-add-question]").addEventListener("click", addQuestion);
    start().catch((failure: Failure) => {
      status.textContent = failure.message ?? tr("publish.page.network");
    });
  }
}

customElements.define("staff-meetings", StaffMeetings);
