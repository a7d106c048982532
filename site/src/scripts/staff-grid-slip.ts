/**
 * The slip page (/staff/grid/slip/): `<staff-grid-slip>` shows the slip the 代办 page left in this tab
 * (the receipt is never served again), the kind in words and the receipt in groups of four, and prints.
 * Sets text only.
 */
import { keptSlip } from "./grid-slip-store.ts";
import { pageStrings } from "./strings.ts";

class StaffGridSlip extends HTMLElement {
  connectedCallback(): void {
    const kinds = pageStrings("slip-kinds", this);
    const slip = keptSlip();
    const section = this.querySelector("[data-slip]") as HTMLElement;
    if (slip) {
      const shown: Record<string, string> = {
        villageName: slip.villageName,
        receivedOn: slip.receivedOn,
        kind: kinds[slip.kind] ?? "",
        receipt: slip.receipt.replace(/(\d{4})(?=\d)/g, "$1 "),
        url: `${location.origin}${slip.url}`,
      };
      for (const field of section.querySelectorAll<HTMLElement>("[data-field]")) {
        field.textContent = shown[field.dataset.field ?? ""] ?? "";
      }
      section.hidden = false;
      (this.querySelector("[data-missing]") as HTMLElement).hidden = true;
      (this.querySelector("[data-actions]") as HTMLElement).hidden = false;
    }
    this.querySelector("[data-print]")?.addEventListener("click", () => window.print());
  }
}

customElements.define("staff-grid-slip", StaffGridSlip);
