/**
 * The case page: shows one case with its timeline and wires the actions this member may take now.
 * Everything a villager or a colleague wrote is set with textContent, never parsed as HTML.
 */
import { api, el, overdueBadge, showFailure, toLoginIfNeeded, tr } from "./staff-api.ts";

interface CaseEvent {
  kind: string;
  public: boolean;
  body: string | null;
  actor: string;
  on: string;
}
interface CaseDetail {
  id: number;
  villageName: string;
  townName: string;
  kind: string;
  topic: string;
  content: string;
  hasContact: boolean;
  state: string;
  route: string | null;
  responsible: string | null;
  deadline: string;
  deadlineSet: string | null;
  defaultDeadline: string;
  overdueDays: number;
  measures: string | null;
  mergedInto: number | null;
  answer: string | null;
  answeredOn: string | null;
  closedOn: string | null;
  reopened: boolean;
  rating: string | null;
  ratingComment: string | null;
  receivedOn: string;
}
interface CaseView {
  case: CaseDetail;
  events: CaseEvent[];
  actions: string[];
}

const id = Number(new URLSearchParams(location.search).get("id"));
const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector);
const status = $<HTMLElement>("[data-status]");
const errorBox = $<HTMLElement>("[data-error]");
const forms = [...document.querySelectorAll<HTMLFormElement>("form[data-action]")];

function eventLabel(e: CaseEvent, kind: string): string {
  if (e.kind === "received") return tr("reports.event.received", { kind: tr(`reports.kind.${kind}`) });
  if (e.kind === "triaged") return tr("cases.event.triaged", { route: tr(`cases.route.${e.body}`) });
  if (e.kind === "rated") return tr("reports.event.rated", { rating: tr(`reports.rating.${e.body}`) });
  if (!e.public && ["note", "transferred", "merged"].includes(e.kind)) return tr(`cases.event.${e.kind}`);
  return tr(`reports.event.${e.kind}`);
}

function fact(list: HTMLElement, key: string, value: string | Node | null): void {
  if (value === null || value === "") return;
  list.append(el("dt", tr(key)));
  const dd = el("dd");
  dd.append(value);
  list.append(dd);
}

function render(view: CaseView): void {
  const c = view.case;
  const title = $<HTMLElement>("[data-title]");
  title?.replaceChildren(`${tr("cases.title.case")} #${c.id}`);
  $<HTMLElement>("[data-content]")?.replaceChildren(c.content);
  const contact = $<HTMLElement>("[data-contact]");
  if (contact) contact.hidden = !c.hasContact;

  const facts = $<HTMLElement>("[data-facts]");
  if (facts) {
    facts.replaceChildren();
    fact(facts, "cases.field.village", `${c.townName} ${c.villageName}`);
    fact(facts, "cases.field.kind", `${tr(`reports.kind.${c.kind}`)} · ${tr(`reports.topic.${c.topic}`)}`);
    fact(facts, "cases.field.state", tr(`reports.state.${c.state}`) + (c.reopened ? ` · ${tr("cases.reopened")}` : ""));
    fact(facts, "cases.field.route", tr(`cases.route.${c.route ?? "none"}`));
    fact(facts, "cases.field.received", c.receivedOn);
    const deadline = el("span", `${c.deadline} `);
    const badge = overdueBadge(c);
    if (badge) deadline.append(badge);
    fact(facts, "cases.field.deadline", deadline);
    fact(facts, "cases.field.responsible", c.responsible);
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
    form.hidden = !view.actions.includes(action);
    if (action === "triage") {
      for (const radio of form.querySelectorAll<HTMLInputElement>("input[name=route]")) {
        radio.disabled = c.kind === "misconduct" && radio.value !== "discipline";
        radio.checked = radio.value === c.route;
      }
    }
    if (action === "assign") {
      const fields = form.elements;
      (fields.namedItem("responsible") as HTMLInputElement).value = c.responsible ?? "";
      (fields.namedItem("measures") as HTMLTextAreaElement).value = c.measures ?? "";
      (fields.namedItem("deadline") as HTMLInputElement).value = c.deadlineSet ?? c.defaultDeadline;
    }
  }

  const timeline = $<HTMLElement>("[data-timeline]");
  timeline?.replaceChildren(
    ...view.events.map((e) => {
      const item = el("li", null, { class: e.public ? "public" : "internal" });
      const head = el("p", `${e.on} · ${e.actor} · ${eventLabel(e, c.kind)}`);
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
    render(await api<CaseView>(`/api/staff/reports/${id}`));
    status?.replaceChildren();
  } catch (failure) {
    status?.replaceChildren();
    if (!toLoginIfNeeded(failure) && errorBox) showFailure(errorBox, failure);
  }
}

function bodyOf(form: HTMLFormElement): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [name, value] of new FormData(form)) body[name] = name === "into" ? Number(value) : value;
  return body;
}

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
      const path = action === "note" ? "notes" : action;
      const result = await api<CaseView | { transferred: true }>(`/api/staff/reports/${id}/${path}`, bodyOf(form));
      if ("case" in result) {
        if (action === "note" || action === "answer") form.reset();
        render(result);
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

$<HTMLSelectElement>("[data-template]")?.addEventListener("change", (event) => {
  const text = (event.target as HTMLSelectElement).value;
  const answer = document.querySelector<HTMLTextAreaElement>("form[data-action=answer] textarea[name=answer]");
  if (answer && text) answer.value = text;
});

$<HTMLButtonElement>("[data-contact-show]")?.addEventListener("click", async () => {
  const out = $<HTMLElement>("[data-contact-text]");
  try {
    const { contact } = await api<{ contact: { name: string | null; phone: string | null } | null }>(
      `/api/staff/reports/${id}/contact`,
    );
    const text = [contact?.name, contact?.phone].filter(Boolean).join(" ");
    out?.replaceChildren(text || tr("cases.contact.none"));
  } catch (failure) {
    if (out) showFailure(out, failure);
  }
});

if (Number.isInteger(id) && id > 0) void load();
else if (errorBox) showFailure(errorBox, { status: 404, message: tr("cases.error.notFound") });
