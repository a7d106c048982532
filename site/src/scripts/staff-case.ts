/**
 * `<staff-case>`, the case page: shows one case (and what it is about, by name) with its timeline in staff
 * words, and wires the actions this member may take now; after an action, what was saved is shown where it
 * was typed. Everything a villager or a colleague wrote is set with textContent, never parsed as HTML.
 */
import type { InferResponseType } from "hono/client";
import { api, el, overdueBadge, readCaseStrings, request, showFailure, toLoginIfNeeded, tr } from "./staff-api.ts";

const thisCase = api.api.staff.reports[":id"];
/** The case as the worker answers it: in full, or (a case the town took over) what a secretary may still see. */
type CaseView = InferResponseType<typeof thisCase.$get, 200>;
type FullView = Exclude<CaseView, { case: { movedToTown: true } }>;
type CaseEvent = FullView["events"][number];
type CaseAttachment = FullView["attachments"][number];

/** An event as staff read it: never the villager-facing "您…" wording, never a raw code. */
function eventLabel(e: CaseEvent, kind: string): string {
  if (e.kind === "received") return tr(`cases.event.received.${kind}`);
  if (e.kind === "triaged") return tr("cases.event.triaged", { route: tr(`cases.route.${e.body}`) });
  if (e.kind === "rated") return tr("cases.event.rated", { rating: tr(`reports.rating.${e.body}`) });
  return tr(`cases.event.${e.kind}`);
}

/** Who did it: 村民 and 系统 in words, staff by their account name. */
const actorName = (actor: string) => (actor === "villager" || actor === "system" ? tr(`cases.actor.${actor}`) : actor);

function fact(list: HTMLElement, key: string, value: string | Node | null): void {
  if (value === null || value === "") return;
  list.append(el("dt", tr(key)));
  const dd = el("dd");
  dd.append(value);
  list.append(dd);
}

class StaffCase extends HTMLElement {
  connectedCallback(): void {
    readCaseStrings(this);
    const id = Number(new URLSearchParams(location.search).get("id"));
    const $ = <T extends Element>(selector: string) => this.querySelector<T>(selector);
    const status = $<HTMLElement>("[data-status]");
    const errorBox = $<HTMLElement>("[data-error]");
    const forms = [...this.querySelectorAll<HTMLFormElement>("form[data-action]")];

    /** The villager's photos (shown) and voice message (played), served by the worker to this member only. */
    function showAttachments(attachments: CaseAttachment[]): void {
      const box = $<HTMLElement>("[data-attachments]");
      if (!box) return;
      box.hidden = attachments.length === 0;
      box.querySelector("[data-attachment-list]")?.replaceChildren(
        ...attachments.map((a) => {
          const item = el("p");
          item.append(
            a.field === "photo"
              ? el("img", null, { src: a.url, alt: `${box.dataset.photo ?? ""} ${a.name.slice(-1)}`, class: "att" })
              : el("audio", null, { src: a.url, controls: "", preload: "metadata" }),
          );
          return item;
        }),
      );
    }

    function render(view: CaseView): void {
      const title = $<HTMLElement>("[data-title]");
      title?.replaceChildren(`${tr("cases.title.case")} #${view.case.id}`);
      if ("movedToTown" in view.case) {
        renderMoved(view.case);
        return;
      }
      renderFull(view as FullView);
    }

    /** A case the town took over: only its number, village, kind and date, and that the town has it now. */
    function renderMoved(c: Extract<CaseView, { case: { movedToTown: true } }>["case"]): void {
      for (const form of forms) form.hidden = true;
      const facts = $<HTMLElement>("[data-facts]");
      facts?.replaceChildren();
      if (facts) {
        fact(facts, "cases.field.village", `${c.townName} ${c.villageName}`);
        fact(facts, "cases.field.kind", tr(`reports.kind.${c.kind}`));
        fact(facts, "cases.field.state", tr("cases.list.movedToTown"));
        fact(facts, "cases.field.received", c.receivedOn);
      }
      $<HTMLElement>("[data-timeline]")?.replaceChildren();
      const box = $<HTMLElement>("[data-case]");
      if (box) box.hidden = false;
    }

    function renderFull(view: FullView): void {
      const c = view.case;
      $<HTMLElement>("[data-content]")?.replaceChildren(c.content);
      const contact = $<HTMLElement>("[data-contact]");
      if (contact) contact.hidden = !c.hasContact;

      showAttachments(view.attachments);

      const facts = $<HTMLElement>("[data-facts]");
      if (facts) {
        facts.replaceChildren();
        fact(facts, "cases.field.village", `${c.townName} ${c.villageName}`);
        fact(facts, "cases.field.kind", `${tr(`reports.kind.${c.kind}`)} · ${tr(`reports.topic.${c.topic}`)}`);
        if (c.subject) {
          const about = el("span");
          about.append(el("a", c.subject.title, { href: c.subject.url }), ` · ${c.subject.detail}`);
          fact(facts, `cases.subject.${c.subject.kind}`, about);
        }
        fact(
          facts,
          "cases.field.state",
          tr(`reports.state.${c.state}`) + (c.reopened ? ` · ${tr("cases.reopened")}` : ""),
        );
        fact(facts, "cases.field.route", tr(`cases.route.${c.route ?? "none"}`));
        fact(facts, "cases.field.received", c.receivedOn);
        const deadline = el("span", `${c.deadline} `);
        const badge = overdueBadge(c);
        if (badge) deadline.append(badge);
        fact(facts, "cases.field.deadline", deadline);
        fact(facts, "cases.field.responsible", c.responsible);
        fact(
          facts,
          "duties.field.duty",
          c.duty
            ? tr("duties.case.named", { body: c.duty.body, list: tr(`duties.list.${c.duty.list}`), name: c.duty.name })
            : null,
        );
        fact(facts, "cases.field.measures", c.measures);
        fact(facts, "cases.field.answer", c.answer);
        fact(facts, "cases.field.answeredOn", c.answeredOn);
        fact(facts, "cases.field.rating", c.rating ? tr(`reports.rating.${c.rating}`) : null);
        fact(facts, "cases.field.ratingComment", c.ratingComment);
        fact(facts, "cases.field.closedOn", c.closedOn);
        fact(facts, "cases.field.id", c.mergedInto ? tr("cases.merged", { id: c.mergedInto }) : null);
      }

      for (const form of forms) {
        const action = form.dataset.action ?? "";
        form.hidden = !(view.actions as string[]).includes(action);
        if (action === "triage") {
          for (const radio of form.querySelectorAll<HTMLInputElement>("input[name=route]")) {
            radio.disabled = c.kind === "misconduct" && radio.value !== "discipline";
            radio.checked = radio.value === c.route;
          }
        }
        if (action === "answer" && c.answer && !form.dataset.touched) {
          // reopened after an "unsatisfied" rating: start from the answer the villager already has
          (form.elements.namedItem("answer") as HTMLTextAreaElement).value = c.answer;
        }
        if (action === "assign") {
          const fields = form.elements;
          (fields.namedItem("responsible") as HTMLInputElement).value = c.responsible ?? "";
          (fields.namedItem("measures") as HTMLTextAreaElement).value = c.measures ?? "";
          (fields.namedItem("deadline") as HTMLInputElement).value = c.deadlineSet ?? c.defaultDeadline;
          (fields.namedItem("duty") as HTMLSelectElement).value = c.duty?.id ?? "";
        }
      }

      const timeline = $<HTMLElement>("[data-timeline]");
      timeline?.replaceChildren(
        ...view.events.map((e) => {
          const item = el("li", null, { class: e.public ? "public" : "internal" });
          const head = el("p", `${e.on} · ${actorName(e.actor)} · ${eventLabel(e, c.kind)}`);
          if (!e.public) head.append(" ", el("span", tr("cases.timeline.internal"), { class: "tag" }));
          item.append(head);
          if (e.body && !["triaged", "rated"].includes(e.kind)) item.append(el("p", e.body, { class: "body" }));
          return item;
        }),
      );
      const box = $<HTMLElement>("[data-case]");
      if (box) box.hidden = false;
    }

    async function load(): Promise<void> {
      try {
        render(await request(thisCase.$get({ param: { id: String(id) } })));
        status?.replaceChildren();
      } catch (failure) {
        status?.replaceChildren();
        if (!toLoginIfNeeded(failure) && errorBox) showFailure(errorBox, failure);
      }
    }

    /** What a form sends, as the member reads it back: each field's label and the value chosen or typed. */
    function savedText(form: HTMLFormElement): string[] {
      const lines: string[] = [];
      for (const field of form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>("[name]")) {
        if (field instanceof HTMLInputElement && field.type === "radio") {
          if (field.checked) lines.push(field.closest("label")?.textContent?.trim() ?? field.value);
          continue;
        }
        const label = field.closest("label")?.firstChild?.textContent?.trim() ?? "";
        const value = field instanceof HTMLSelectElement ? (field.selectedOptions[0]?.textContent ?? "") : field.value;
        if (value.trim()) lines.push(label ? `${label}：${value.trim()}` : value.trim());
      }
      return lines;
    }

    /** Shows what was saved just before the form, so it does not simply reappear blank (or vanish). */
    function showSaved(form: HTMLFormElement, lines: string[]): void {
      const box = el("div", null, { class: "saved", "data-saved": form.dataset.action ?? "" });
      box.append(el("p", tr("cases.action.saved", { action: form.querySelector("h3")?.textContent ?? "" })));
      for (const line of lines) box.append(el("p", line, { class: "body" }));
      $(`[data-saved="${form.dataset.action}"]`)?.remove();
      form.before(box);
    }

    /** The form's named fields as the action's body; the worker checks them, and names any it refuses. */
    function bodyOf(form: HTMLFormElement): never {
      const body: Record<string, unknown> = {};
      for (const [name, value] of new FormData(form)) body[name] = name === "into" ? Number(value) : value;
      return body as never;
    }

    /** The action routes by the form's data-action. */
    const actionRoutes = {
      triage: thisCase.triage,
      assign: thisCase.assign,
      answer: thisCase.answer,
      note: thisCase.notes,
      merge: thisCase.merge,
      transfer: thisCase.transfer,
    };

    for (const form of forms) {
      form.addEventListener("submit", async (event) => {
        event.preventDefault();
        const action = form.dataset.action ?? "";
        const formError = form.querySelector<HTMLElement>("[data-form-error]");
        const button = form.querySelector<HTMLButtonElement>("button[type=submit]");
        if (formError) formError.hidden = true;
        if (button) button.disabled = true;
        status?.replaceChildren();
        try {
          const send = actionRoutes[action as keyof typeof actionRoutes].$post;
          const result = await request(send({ param: { id: String(id) }, json: bodyOf(form) }));
          if ("case" in result) {
            const saved = savedText(form);
            if (action === "note" || action === "answer") form.reset();
            render(result);
            showSaved(form, saved);
            status?.replaceChildren(tr("cases.action.done"));
          } else {
            status?.replaceChildren(
              tr("cases.action.done"),
              " ",
              el("a", tr("cases.nav.queue"), { href: "/staff/cases/" }),
            );
            const box = $<HTMLElement>("[data-case]");
            if (box) box.hidden = true;
          }
        } catch (failure) {
          if (formError) showFailure(formError, failure);
        } finally {
          if (button) button.disabled = false;
        }
      });
    }

    for (const form of forms) {
      form.addEventListener("input", () => {
        form.dataset.touched = "1";
      });
    }

    // 定责 from the lists: the chosen item's body becomes the responsible (still editable)
    $<HTMLSelectElement>("[data-duty]")?.addEventListener("change", (event) => {
      const body = (event.target as HTMLSelectElement).selectedOptions[0]?.dataset.body;
      const responsible = $<HTMLInputElement>("form[data-action=assign] input[name=responsible]");
      if (responsible && body) responsible.value = body;
    });

    $<HTMLSelectElement>("[data-template]")?.addEventListener("change", (event) => {
      const text = (event.target as HTMLSelectElement).value;
      const answer = $<HTMLTextAreaElement>("form[data-action=answer] textarea[name=answer]");
      if (!answer || !text) return;
      answer.value = text;
      // the template's blank is selected, so what the inspector types replaces it
      const blank = text.indexOf("……");
      if (blank < 0) return;
      answer.focus();
      answer.setSelectionRange(blank, blank + 2);
    });

    $<HTMLButtonElement>("[data-contact-show]")?.addEventListener("click", async () => {
      const out = $<HTMLElement>("[data-contact-text]");
      try {
        const { contact } = await request(thisCase.contact.$get({ param: { id: String(id) } }));
        const text = [contact?.name, contact?.phone].filter(Boolean).join(" ");
        out?.replaceChildren(text || tr("cases.contact.none"));
      } catch (failure) {
        if (out) showFailure(out, failure);
      }
    });

    if (Number.isInteger(id) && id > 0) void load();
    else if (errorBox) showFailure(errorBox, { status: 404, message: tr("cases.error.notFound") });
  }
}

customElements.define("staff-case", StaffCase);
