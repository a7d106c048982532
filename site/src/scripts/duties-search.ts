/**
 * /duties/: filters the 三张清单 as the reader types (every word must appear in the item), hides the
 * areas left empty, and says when nothing matches. The page is complete without it.
 */
const form = document.querySelector<HTMLFormElement>("[data-find]");
const input = document.querySelector<HTMLInputElement>("#q");
const none = document.querySelector<HTMLElement>("[data-find-none]");
const items = [...document.querySelectorAll<HTMLElement>("[data-item]")].map((li) => ({
  li,
  text: (li.textContent ?? "").toLowerCase(),
}));
const areas = [...document.querySelectorAll<HTMLElement>("[data-area]")];

function filter(): void {
  const words = (input?.value ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  let shown = 0;
  for (const { li, text } of items) {
    li.hidden = !words.every((w) => text.includes(w));
    if (!li.hidden) shown++;
  }
  for (const area of areas) area.hidden = !area.querySelector("[data-item]:not([hidden])");
  if (none) none.hidden = shown > 0;
}

if (form && input) {
  form.hidden = false;
  input.value = new URLSearchParams(location.search).get("q") ?? "";
  input.addEventListener("input", filter);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    filter();
  });
  filter();
}
