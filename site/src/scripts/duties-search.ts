/**
 * /duties/: filters the 三张清单 as the reader types (every word must appear in the item), hides the
 * areas left empty, and says when nothing matches. The page is complete without it.
 */
const findForm = document.querySelector<HTMLFormElement>("[data-find]");
const findInput = document.querySelector<HTMLInputElement>("#q");
const findNone = document.querySelector<HTMLElement>("[data-find-none]");
const findItems = [...document.querySelectorAll<HTMLElement>("[data-item]")].map((li) => ({
  li,
  text: (li.textContent ?? "").toLowerCase(),
}));
const findAreas = [...document.querySelectorAll<HTMLElement>("[data-area]")];

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
