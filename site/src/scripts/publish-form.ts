/**
 * `<staff-publish>`, the publish page (/staff/publish/): who is publishing, the periods an item's cadence
 * allows (the oldest one due and not yet published first; a published one flagged as soon as it is chosen),
 * the table typed row by row (sent as CSV, so it takes the same path and gets the same row errors as an
 * uploaded file), preview, publish, and correct: a correction opens with every row of the current
 * version filled in, and publishes only after the secretary has seen what it changes and confirmed.
 * Talks to /api/staff/disclosures; sets text only, never HTML.
 */

import type { ClientResponse, InferResponseType } from "hono/client";
import { chinaDate, expectedPeriod, periodLabel } from "#core/period.ts";
import { recentPeriods } from "#core/publish-periods.ts";
import type { Cadence, TableKind } from "#core/reference.ts";
import { api, el, type StaffFailure, showFailure as showIn, staffRequest } from "./staff-request.ts";
import { picker } from "./strings.ts";

interface Item {
  id: string;
  name: string;
  cadence: Cadence;
  table: TableKind | null;
  deadline: string;
}
interface Column {
  key: string;
  header: string;
  label: string;
  input: "date" | "text" | "number";
  money: boolean;
  choices: string[] | null;
}
const disclosures = api.api.staff.disclosures;
/** A version in full, as GET /api/staff/disclosures/{id} answers. */
type Version = InferResponseType<(typeof disclosures)[":id"]["$get"], 200>;

class StaffPublish extends HTMLElement {
  connectedCallback(): void {
    const data = JSON.parse(this.querySelector("#publish-data")?.textContent ?? "{}") as {
      items: Item[];
      columns: Record<TableKind, Column[]>;
      strings: Record<string, string>;
    };
    const tr = picker(data.strings);

    const $ = <T extends Element = HTMLElement>(selector: string) => this.querySelector(selector) as T;
    const templateLinks = this.querySelectorAll<HTMLElement>("[data-template]");
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
    const periodFlag = $("[data-period-flag]");
    const diffBox = $("[data-diff]");
    const confirmButton = $<HTMLButtonElement>("[data-confirm]");
    const today = chinaDate();
    let correcting: Version | null = null;
    /** Each item's published periods → the latest version's id, for the village in the form. */
    let published = new Map<string, Map<string, number>>();

    const currentItem = () => data.items.find((i) => i.id === itemSelect.value) as Item;

    const request = <R extends ClientResponse<unknown, number>>(call: Promise<R>) =>
      staffRequest(call, { network: tr("publish.page.network") });

    const showFailure = (failure: unknown) => showIn(errorBox, failure);

    /**
     * The period the form starts on: the oldest one that is due and not yet published (gaps older than the
     * latest published due period are history); when none is due, the oldest one not yet due and not yet
     * published; a published one only when every period offered is.
     */
    function defaultPeriod(item: Item, offered: readonly string[]): string {
      const done = published.get(item.id) ?? new Map<string, number>();
      const due = expectedPeriod(item.cadence, today);
      const open = offered.filter((p) => !done.has(p));
      if (due === null) return open[0] ?? (offered[0] as string);
      const floor =
        [...done.keys()]
          .filter((p) => p <= due)
          .sort()
          .at(-1) ?? "";
      const late = open.filter((p) => p <= due && p > floor);
      return late.at(-1) ?? open.filter((p) => p > due).at(-1) ?? open[0] ?? (offered[0] as string);
    }

    function periodName(item: Item, period: string, due: string | null): string {
      const name =
        period === due
          ? tr("publish.page.periodDue", { period: periodLabel(period), deadline: item.deadline })
          : periodLabel(period);
      return published.get(item.id)?.has(period) ? tr("publish.page.periodPublished", { period: name }) : name;
    }

    function fillPeriods(): void {
      const item = currentItem();
      const due = expectedPeriod(item.cadence, today);
      const offered = recentPeriods(item.cadence, today);
      periodSelect.replaceChildren(...offered.map((p) => el("option", periodName(item, p, due), { value: p })));
      periodSelect.value = defaultPeriod(item, offered);
      flagPeriod();
      $("[data-table]").hidden = !item.table;
      if (!item.table) return;
      $("[data-table-legend]").textContent = tr("publish.page.table", { kind: tr(`publish.kind.${item.table}`) });
      for (const p of templateLinks) p.hidden = p.dataset.template !== item.table;
      rowsBox.replaceChildren();
    }

    /** Says at once when the chosen period is already published, with the way to correct it instead. */
    function flagPeriod(): void {
      const id = correcting ? undefined : published.get(itemSelect.value)?.get(periodSelect.value);
      periodFlag.hidden = id === undefined;
      submit.disabled = id !== undefined;
      if (id === undefined) return;
      const button = el("button", tr("publish.page.correctThis"), { type: "button", class: "quiet" });
      button.addEventListener("click", () => void startCorrection(id));
      periodFlag.replaceChildren(
        el(
          "p",
          tr("publish.page.alreadyPublished", { period: periodLabel(periodSelect.value), item: currentItem().name }),
        ),
        button,
      );
    }

    async function loadPublished(): Promise<void> {
      if (!village.value) return;
      const { periods } = await request(disclosures.periods.$get({ query: { village: village.value } }));
      published = new Map();
      for (const p of periods) {
        const item = published.get(p.item) ?? new Map<string, number>();
        item.set(p.period, p.id);
        published.set(p.item, item);
      }
    }

    function addRow(values: Record<string, string | number> = {}): HTMLElement {
      const item = currentItem();
      const row = el("div", "", { class: "row" });
      const n = rowsBox.children.length + 1;
      data.columns[item.table as TableKind].forEach((column, i) => {
        const id = `r${n}-${i}`;
        row.append(el("label", column.label, { for: id }));
        const input = column.choices ? el("select", "", { id }) : el("input", "", { id, type: column.input });
        if (column.input === "number") input.setAttribute("inputmode", "decimal");
        if (column.money) input.setAttribute("step", "0.01");
        for (const choice of column.choices ?? []) input.append(el("option", choice));
        const value = values[column.key];
        if (value !== undefined) input.value = column.money ? (Number(value) / 100).toFixed(2) : String(value);
        row.append(input);
      });
      const remove = el("button", tr("publish.page.removeRow"), { type: "button", class: "quiet" });
      remove.addEventListener("click", () => {
        row.remove();
        hideDiff();
      });
      row.append(remove);
      rowsBox.append(row);
      return row;
    }

    const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
    const toBase64 = (bytes: Uint8Array) => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(""));

    /** The table as base64 CSV bytes: the chosen file as it is, else the typed rows; undefined when neither. */
    async function tableCsv(): Promise<string | undefined> {
      const file = fileInput.files?.[0];
      if (file) return toBase64(new Uint8Array(await file.arrayBuffer()));
      const rows = [...rowsBox.children].map((row) =>
        [...row.querySelectorAll<HTMLInputElement | HTMLSelectElement>("input, select")].map((i) =>
          quote(i.value.trim()),
        ),
      );
      if (rows.length === 0 || !currentItem().table) return undefined;
      const header = data.columns[currentItem().table as TableKind].map((c) => c.header).join(",");
      return toBase64(new TextEncoder().encode([header, ...rows.map((r) => r.join(","))].join("\r\n")));
    }

    /**
     * The form as the route's body. Typed loosely (`as never` where it is sent): what a person typed is
     * checked by the worker, which names every field it refuses.
     */
    async function body(): Promise<Record<string, unknown>> {
      const text = (name: string) => field<HTMLInputElement>(name).value;
      const csv = await tableCsv();
      const version = { title: text("title"), content: text("content"), ...(csv ? { csv } : {}) };
      // a correction always says what its table is: every row the form shows, or none at all
      if (correcting)
        return { ...version, ...(csv || !correcting.tables ? {} : { tables: null }), reason: text("reason") };
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
        const result = await request(disclosures.preview.$post({ json: { ...target, csv } as never }));
        previewOut.textContent = result.summary
          ? tr("publish.page.previewOk", { summary: result.summary, count: result.rows })
          : tr("publish.page.previewNoTable");
      } catch (failure) {
        previewOut.hidden = true;
        showFailure(failure);
      }
    }

    function showDone(result: { url: string; village: string }): void {
      done.replaceChildren(
        el("strong", tr("publish.page.done")),
        " ",
        el("a", tr("publish.page.view"), { href: `/v/${result.village}/` }),
        " ",
        el("a", tr("publish.village.detail"), { href: result.url }),
      );
      done.hidden = false;
      done.scrollIntoView({ block: "center" });
    }

    /** Sends the publication or the correction; on success resets the form to a new publication. */
    async function send(): Promise<void> {
      errorBox.hidden = true;
      done.hidden = true;
      submit.disabled = confirmButton.disabled = true;
      submit.textContent = tr("publish.page.submitting");
      try {
        const json = (await body()) as never;
        const result = await request(
          correcting
            ? disclosures[":id"].corrections.$post({ param: { id: String(correcting.id) }, json })
            : disclosures.$post({ json }),
        );
        endCorrection();
        form.reset();
        await loadPublished();
        fillPeriods();
        showDone(result);
        await loadRecent();
      } catch (failure) {
        showFailure(failure);
      } finally {
        confirmButton.disabled = false;
        submit.disabled = false;
        submit.textContent = submitLabel();
        flagPeriod();
      }
    }

    /** A correction's first step: what it changes against the published version, then the confirm button. */
    async function showDiff(): Promise<void> {
      if (!correcting) return;
      errorBox.hidden = true;
      diffBox.hidden = false;
      confirmButton.hidden = true;
      $("[data-diff-lead]").textContent = tr("publish.page.diffing");
      $("[data-diff-list]").replaceChildren();
      try {
        const { reason: _, ...draft } = await body();
        const diff = await request(
          disclosures[":id"].corrections.preview.$post({ param: { id: String(correcting.id) }, json: draft as never }),
        );
        const changed = diff.changes.length > 0;
        $("[data-diff-lead]").textContent = tr(changed ? "publish.page.diffLead" : "publish.page.diffNone");
        $("[data-diff-list]").replaceChildren(...diff.changes.map((c) => el("li", c)));
        if (correcting.tables || diff.rows > 0)
          $("[data-diff-list]").append(el("li", tr("publish.page.diffRows", { count: diff.rows })));
        confirmButton.hidden = !changed;
        diffBox.scrollIntoView({ block: "start" });
      } catch (failure) {
        diffBox.hidden = true;
        showFailure(failure);
      }
    }

    function hideDiff(): void {
      diffBox.hidden = true;
      confirmButton.hidden = true;
    }

    function publish(event: SubmitEvent): void {
      event.preventDefault();
      void (correcting ? showDiff() : send());
    }

    const submitLabel = () => tr(correcting ? "publish.page.correctionSubmit" : "publish.page.submit");

    /** Opens the correction of version `id` with everything it published filled in, every row included. */
    async function startCorrection(id: number): Promise<void> {
      errorBox.hidden = true;
      done.hidden = true;
      status.hidden = false;
      status.textContent = tr("publish.page.loadingVersion");
      try {
        const version = await request(disclosures[":id"].$get({ param: { id: String(id) } }));
        correcting = version;
        itemSelect.value = version.item;
        fillPeriods();
        periodSelect.replaceChildren(el("option", version.periodLabel, { value: version.period }));
        itemSelect.disabled = periodSelect.disabled = village.disabled = true;
        field<HTMLInputElement>("title").value = version.title;
        field<HTMLTextAreaElement>("content").value = version.content;
        field<HTMLTextAreaElement>("reason").value = "";
        for (const row of version.tables?.rows ?? []) addRow(row);
        flagPeriod();
        const names = { village: version.villageName, item: version.itemName, period: version.periodLabel };
        $("[data-heading]").textContent = tr("publish.page.correctionTitle", names);
        $("[data-lead]").textContent = tr("publish.page.correctionLead");
        $("[data-correcting]").textContent = tr("publish.page.correcting", {
          village: version.villageName,
          title: version.title,
        });
        $("[data-correction]").hidden = false;
        submit.textContent = submitLabel();
        hideDiff();
        status.hidden = true;
        $("[data-heading]").scrollIntoView({ block: "start" });
        field<HTMLTextAreaElement>("reason").focus({ preventScroll: true });
      } catch (failure) {
        status.hidden = true;
        showFailure(failure);
      }
    }

    function endCorrection(): void {
      correcting = null;
      itemSelect.disabled = periodSelect.disabled = false;
      village.disabled = false;
      $("[data-correction]").hidden = true;
      $("[data-heading]").textContent = tr("publish.page.title");
      $("[data-lead]").textContent = data.strings["publish.page.lead"] ?? "";
      submit.textContent = submitLabel();
      hideDiff();
    }

    async function loadRecent(): Promise<void> {
      const list = $("[data-recent]");
      const { versions } = await request(disclosures.$get({ query: { village: village.value } }));
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
          button.addEventListener("click", () => void startCorrection(v.id));
          li.append(el("br"), button);
          return li;
        }),
      );
      if (versions.length === 0) list.append(el("li", tr("publish.page.noRecent")));
    }

    async function start(): Promise<void> {
      const { staff } = await request(api.api.staff.me.$get());
      if (staff.role === "town_inspector") {
        status.textContent = tr("publish.error.forbidden");
        return;
      }
      if (staff.role === "village_secretary") {
        village.value = village.defaultValue = staff.scope;
        village.readOnly = true;
        $("[data-village-name]").textContent = staff.scopeName;
      }
      await loadPublished();
      fillPeriods();
      status.hidden = true;
      form.hidden = false;
      if (village.value) await loadRecent();
    }

    itemSelect.addEventListener("change", fillPeriods);
    periodSelect.addEventListener("change", flagPeriod);
    village.addEventListener("change", () => {
      void Promise.all([loadPublished(), loadRecent()]).then(fillPeriods).catch(showFailure);
    });
    $("[data-add-row]").addEventListener("click", () => {
      (addRow().querySelector("input, select") as HTMLElement).focus();
      hideDiff();
    });
    $("[data-preview]").addEventListener("click", () => void preview());
    $("[data-cancel]").addEventListener("click", () => {
      endCorrection();
      fillPeriods();
    });
    // what was confirmed is what is sent: any edit after the difference was shown asks for it again
    form.addEventListener("input", (event) => {
      if ((event.target as Element).id !== "p-reason") hideDiff();
    });
    confirmButton.addEventListener("click", () => void send());
    form.addEventListener("submit", publish);
    start().catch((failure) => {
      status.textContent = (failure as StaffFailure).message ?? tr("publish.page.network");
    });
  }
}

customElements.define("staff-publish", StaffPublish);
