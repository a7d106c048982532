/**
 * `<duties-search>` on /duties/: filters the 三张清单 as the reader types (every word must appear in the
 * item), hides the areas left empty, and says when nothing matches. The page is complete without it.
 */
class DutiesSearch extends HTMLElement {
  connectedCallback(): void {
    const findForm = this.querySelector<HTMLFormElement>("[data-find]");
    const findInput = this.querySelector<HTMLInputElement>("#q");
    const findNone = this.querySelector<HTMLElement>("[data-find-none]");
    const findItems = [...this.querySelectorAll<HTMLElement>("[data-item]")].map((li) => ({
      li,
      text: (li.textContent ?? "").toLowerCase(),
    }));
    const findAreas = [...this.querySelectorAll<HTMLElement>("[data-area]")];

    function filterItems(): void {
      const words = (findInput?.value ?? "").toLowerCase().split(/\s+/).filter(Boolean);
      let shown = 0;
      for (const { li, text } of findItems) {
        li.hidden = !words.every((w) => text.includes(w));
        if (!li.hidden) shown++;
      }
      for (const area of findAreas) area.hidden = !area.querySelector("[data-item]:not([hidden])");
      if (findNone) findNone.hidden = shown > 0;
    }

    if (findForm && findInput) {
      findForm.hidden = false;
      findInput.value = new URLSearchParams(location.search).get("q") ?? "";
      findInput.addEventListener("input", filterItems);
      findForm.addEventListener("submit", (event) => {
        event.preventDefault();
        filterItems();
      });
      filterItems();
    }
  }
}

customElements.define("duties-search", DutiesSearch);
