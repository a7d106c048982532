/**
 * The 代办 page (/staff/grid/): the grid worker's grids from GET /api/staff/grid, the villager's words
 * posted to /api/staff/grid/cases, then the slip (/staff/grid/slip/) with the receipt, handed over in
 * this tab's sessionStorage only. Sets text only, never HTML.
 */
import { keepSlip, type Slip } from "./grid-slip-store.ts";
import { el, showFieldErrors, staffRequest } from "./staff-request.ts";

const strings = JSON.parse(document.getElementById("grid-strings")?.textContent ?? "{}") as Record<string, string>;
const tr = (key: string) => strings[key] ?? key;
const $ = (selector: string) => document.querySelector(selector) as HTMLElement;
const form = $("[data-form]") as HTMLFormElement;
const status = $("[data-status]");
const errorBox = $("[data-error]");
const submit = $("[data-submit]") as HTMLButtonElement;
const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | RadioNodeList).value.trim();

const api = <T>(path: string, body?: unknown) => staffRequest<T>(path, body, { network: tr("publish.page.network") });

/** The form as the API takes it: the contact only when the villager agreed to give one. */
function filing() {
  const name = value("name");
  const phone = value("phone");
  return {
    grid: value("grid"),
    kind: value("kind"),
    topic: value("topic"),
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
    keepSlip(await api<Slip>("/api/staff/grid/cases", filing()));
    location.assign("/staff/grid/slip/");
  } catch (failure) {
    showFieldErrors(errorBox, failure);
    submit.disabled = false;
    submit.textContent = submit.dataset.label ?? "";
  }
});

async function start(): Promise<void> {
  submit.dataset.label = submit.textContent ?? "";
  try {
    const { grids } = await api<{ grids: { id: string; name: string }[] }>("/api/staff/grid");
    if (grids.length === 0) throw { message: tr("grid.staff.none") };
    const select = form.elements.namedItem("grid") as HTMLSelectElement;
    for (const g of grids) select.append(el("option", g.name, { value: g.id }));
    status.hidden = true;
    form.hidden = false;
  } catch (failure) {
    status.textContent = (failure as { message?: string }).message ?? tr("publish.page.network");
  }
}

start();
