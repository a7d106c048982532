/**
 * The publish page (/staff/publish/): who is publishing, the periods an item's cadence allows, the table
 * typed row by row (sent as CSV, so it takes the same path and gets the same row errors as an uploaded
 * file), preview, publish and correct. Talks to /api/staff/disclosures; sets text only, never HTML.
 */
import { expectedPeriod, periodLabel } from "../../../schema/period.ts";
import { recentPeriods } from "../../../schema/publish-periods.ts";
import type { Cadence, TableKind } from "../../../schema/reference.ts";
import { el, type StaffFailure, showFieldErrors, staffRequest } from "./staff-request.ts";

interface Item {
  id: string;
  name: string;
  cadence: Cadence;
  table: TableKind | null;
  deadline: string;
}
interface Column {
  header: string;
  input: "date" | "text" | "number";
  choices: string[] | null;
}
interface Recent {
  id: number;
  item: string;
  period: string;
  title: string;
  content: string;
  corrected: boolean;
}

const data = JSON.parse(document.getElementById("publish-data")?.textContent ?? "{}") as {
  items: Item[];
  columns: Record<TableKind, Column[]>;
  strings: Record<string, string>;
};
const tr = (key: string, values: Record<string, string | number> = {}) =>
  (data.strings[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));

const $ = <T extends Element = HTMLElement>(selector: string) => document.querySelector(selector) as T;
const form = $<HTMLFormElement>("[data-form]");
const status = $("[data-status]");
const field = <T extends Element>(name: string) => form.elements.namedItem(name) as unknown as T;
const village = field<HTMLInputElement>("village");
const itemSelect = field<HTMLSelectElement>("item");
const periodSelect = field<HTMLSelectElement>("period");
const fileInput = field<HTMLInputElement>("csv");
const rowsBox = $("[data-rows]");
const errorBox = $("[data-error]");
const previewOut = $("[data-preview-out]");
const done = $("[data-done]");
const submit = $<HTMLButtonElement>("[data-submit]");
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
let correcting: Recent | null = null;

const currentItem = () => data.items.find((i) => i.id === itemSelect.value) as Item;

const api = <T>(path: string, body?: unknown) => staffRequest<T>(path, body, { network: tr("publish.page.network") });

const showFailure = (failure: unknown) => showFieldErrors(errorBox, failure);

function fillPeriods(): void {
  const item = currentItem();
  const due = expectedPeriod(item.cadence, today);
  periodSelect.replaceChildren(
    ...recentPeriods(item.cadence, today).map((p) =>
      el(
        "option",
        p === due ? tr("publish.page.periodDue", { period: periodLabel(p), deadline: item.deadline }) : periodLabel(p),
        {
          value: p,
        },
      ),
    ),
  );
  if (due) periodSelect.value = due;
  $("[data-table]").hidden = !item.table;
  if (!item.table) return;
  $("[data-table-legend]").textContent = tr("publish.page.table", { kind: tr(`publish.kind.${item.table}`) });
  for (const p of document.querySelectorAll<HTMLElement>("[data-template]"))
    p.hidden = p.dataset.template !== item.table;
  rowsBox.replaceChildren();
}

function addRow(): void {
  const item = currentItem();
  const row = el("div", "", { class: "row" });
  const n = rowsBox.children.length + 1;
  data.columns[item.table as TableKind].forEach((column, i) => {
    const id = `r${n}-${i}`;
    row.append(el("label", column.header, { for: id }));
    const input = column.choices ? el("select", "", { id }) : el("input", "", { id, type: column.input });
    if (column.input === "number") input.setAttribute("inputmode", "decimal");
    for (const choice of column.choices ?? []) input.append(el("option", choice));
    row.append(input);
  });
  const remove = el("button", tr("publish.page.removeRow"), { type: "button", class: "quiet" });
  remove.addEventListener("click", () => row.remove());
  row.append(remove);
  rowsBox.append(row);
  (row.querySelector("input, select") as HTMLElement).focus();
}

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
const toBase64 = (bytes: Uint8Array) => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(""));

/** The table as base64 CSV bytes: the chosen file as it is, else the typed rows; undefined when neither. */
async function tableCsv(): Promise<string | undefined> {
  const file = fileInput.files?.[0];
  if (file) return toBase64(new Uint8Array(await file.arrayBuffer()));
  const rows = [...rowsBox.children].map((row) =>
    [...row.querySelectorAll<HTMLInputElement | HTMLSelectElement>("input, select")].map((i) => quote(i.value.trim())),
  );
  if (rows.length === 0 || !currentItem().table) return undefined;
  const header = data.columns[currentItem().table as TableKind].map((c) => c.header).join(",");
  return toBase64(new TextEncoder().encode([header, ...rows.map((r) => r.join(","))].join("\r\n")));
}

async function body(): Promise<Record<string, unknown>> {
  const text = (name: string) => field<HTMLInputElement>(name).value;
  const csv = await tableCsv();
  const version = { title: text("title"), content: text("content"), ...(csv ? { csv } : {}) };
  if (correcting) return { ...version, reason: text("reason") };
  return { village: village.value.trim(), item: itemSelect.value, period: periodSelect.value, ...version };
}

async function preview(): Promise<void> {
  errorBox.hidden = true;
  previewOut.hidden = false;
  previewOut.textContent = tr("publish.page.previewing");
  try {
    const { village: v, item, period, csv } = (await body()) as Record<string, string>;
    const target = correcting
      ? { village: village.value, item: correcting.item, period: correcting.period }
      : { village: v, item, period };
    const result = await api<{ summary: string | null; rows: number }>("/api/staff/disclosures/preview", {
      ...target,
      csv,
    });
    previewOut.textContent = result.summary
      ? tr("publish.page.previewOk", { summary: result.summary, count: result.rows })
      : tr("publish.page.previewNoTable");
  } catch (failure) {
    previewOut.hidden = true;
    showFailure(failure);
  }
}

async function publish(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  errorBox.hidden = true;
  done.hidden = true;
  submit.disabled = true;
  submit.textContent = tr("publish.page.submitting");
  try {
    const path = correcting ? `/api/staff/disclosures/${correcting.id}/corrections` : "/api/staff/disclosures";
    const result = await api<{ url: string; village: string }>(path, await body());
    done.replaceChildren(
      el("strong", tr("publish.page.done")),
      " ",
      el("a", tr("publish.page.view"), { href: `/v/${result.village}/` }),
      " ",
      el("a", tr("publish.village.detail"), { href: result.url }),
    );
    done.hidden = false;
    done.scrollIntoView({ block: "center" });
    endCorrection();
    form.reset();
    fillPeriods();
    await loadRecent();
  } catch (failure) {
    showFailure(failure);
  } finally {
    submit.disabled = false;
    submit.textContent = submit.dataset.label ?? "";
  }
}

function startCorrection(version: Recent): void {
  correcting = version;
  itemSelect.value = version.item;
  fillPeriods();
  periodSelect.replaceChildren(el("option", periodLabel(version.period), { value: version.period }));
  itemSelect.disabled = periodSelect.disabled = true;
  field<HTMLInputElement>("title").value = version.title;
  field<HTMLTextAreaElement>("content").value = version.content;
  $("[data-correcting]").textContent = tr("publish.page.correcting", { title: version.title });
  $("[data-correction]").hidden = false;
  field<HTMLTextAreaElement>("reason").focus();
}

function endCorrection(): void {
  correcting = null;
  itemSelect.disabled = periodSelect.disabled = false;
  $("[data-correction]").hidden = true;
}

async function loadRecent(): Promise<void> {
  const list = $("[data-recent]");
  const { versions } = await api<{ versions: Recent[] }>(`/api/staff/disclosures?village=${village.value}`);
  list.replaceChildren(
    ...versions.map((v) => {
      const li = el("li");
      const name = data.items.find((i) => i.id === v.item)?.name ?? v.item;
      li.append(
        el("b", `${name} · ${periodLabel(v.period)}`),
        el("br"),
        el("a", v.title, { href: `/v/${village.value}/d/${v.id}/` }),
      );
      const button = el("button", tr("publish.page.correct"), { type: "button" });
      button.addEventListener("click", () => startCorrection(v));
      li.append(el("br"), button);
      return li;
    }),
  );
  if (versions.length === 0) list.append(el("li", tr("publish.page.noRecent")));
}

async function start(): Promise<void> {
  const { staff } = await api<{ staff: { role: string; scope: string; scopeName: string } }>("/api/staff/me");
  if (staff.role === "town_inspector") {
    status.textContent = tr("publish.error.forbidden");
    return;
  }
  if (staff.role === "village_secretary") {
    village.value = staff.scope;
    village.readOnly = true;
    $("[data-village-name]").textContent = staff.scopeName;
  }
  submit.dataset.label = submit.textContent ?? "";
  fillPeriods();
  status.hidden = true;
  form.hidden = false;
  if (village.value) await loadRecent();
}

itemSelect.addEventListener("change", fillPeriods);
village.addEventListener("change", () => void loadRecent().catch(showFailure));
$("[data-add-row]").addEventListener("click", addRow);
$("[data-preview]").addEventListener("click", () => void preview());
$("[data-cancel]").addEventListener("click", () => {
  endCorrection();
  fillPeriods();
});
form.addEventListener("submit", (event) => void publish(event));
start().catch((failure) => {
  status.textContent = (failure as StaffFailure).message ?? tr("publish.page.network");
});
