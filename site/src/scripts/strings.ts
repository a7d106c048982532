/**
 * The one string picker of the site's scripts. A page renders the strings its script needs from the
 * i18n files (schema/i18n), as a JSON `<script type="application/json">` or as data-* attributes, and the
 * script picks them by key with `{name}` placeholders filled: scripts never hard-code text.
 */
import { fill } from "#core/i18n/fill.ts";

/** Strings by key, as a page rendered them. */
export type Strings = Readonly<Record<string, string | undefined>>;

/**
 * A picker over `strings`: the string of a key (the key itself when missing) with `{name}` filled.
 * @example const tr = picker({ "cases.overdue": "超期 {days} 个工作日" }); tr("cases.overdue", { days: 2 }) // "超期 2 个工作日"
 */
export function picker(strings: Strings) {
  return (key: string, values: Readonly<Record<string, string | number>> = {}): string =>
    fill(strings[key] ?? key, values);
}

/**
 * The strings a page rendered as JSON in the `<script type="application/json">` with this id, looked up
 * inside `root`, the page's custom element.
 * @example const tr = picker(pageStrings("slip-kinds", this)); // in a custom element's connectedCallback
 */
export function pageStrings(id: string, root: ParentNode): Record<string, string> {
  return JSON.parse(root.querySelector(`#${id}`)?.textContent ?? "{}");
}
