/**
 * HTML that escapes by construction. Every fragment the worker writes into a page is built with hono's
 * `html` tag: text and numbers interpolated into it are escaped, fragments built by it are kept as they
 * are, so nothing from D1 reaches a page unescaped.
 */
import { html as honoHtml } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { type StringKey, t } from "#core/i18n/index.ts";

/** A fragment of HTML built by {@link html}. A plain string is not one, so it cannot be put in as markup. */
export type Html = HtmlEscapedString;

/**
 * hono's `html` tag, typed as what it returns here: fragments are built from text, numbers and other
 * fragments only, never from a promise, so the result is ready at once.
 * @example html`<p>${title}</p>` // title "<b>" gives "<p>&lt;b&gt;</p>"
 */
export const html = honoHtml as (strings: TemplateStringsArray, ...values: unknown[]) => Html;

/**
 * A UI string as HTML with fragments in its placeholders: its words and any text value escaped, a
 * fragment kept as markup.
 * @example tHtml("village.notPublished", { items: html`<span id="i-x">党员违纪处理</span>` })
 */
export function tHtml(key: StringKey, values: Record<string, string | number | Html>): Html {
  // split keeps the placeholder names at odd positions
  const parts = t(key).split(/\{(\w+)\}/);
  return html`${parts.map((part, i) => (i % 2 === 0 ? part : (values[part] ?? `{${part}}`)))}`;
}

/** An element as HTMLRewriter hands it to a handler (named without the global `Element`, which is the DOM's in the site's type-check). */
export type RewriterElement = Parameters<NonNullable<HTMLRewriterElementContentHandlers["element"]>>[0];

/**
 * Puts a fragment inside an element: the one way worker code hands markup to HTMLRewriter.
 * @example rewriter.on("[data-meeting]", { element: (el) => setHtml(el, meetingLink(code, meeting)) })
 */
export function setHtml(el: RewriterElement, fragment: Html): void {
  el.setInnerContent(fragment.toString(), { html: true });
}

/**
 * A value for HTMLRewriter's `setAttribute`, which writes the quote as &quot; but leaves "&" as it is:
 * a villager's "&amp;" would otherwise come back as "&".
 * @example el.setAttribute("value", attributeValue("a&b")) // value="a&amp;b"
 */
export const attributeValue = (text: string) => text.replaceAll("&", "&amp;");

/** Amounts, dates and periods as villagers read them: 12.50万元, 2026年10月20日, 2026年第三季度, 11月5日. */
const FIGURE =
  /(\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?|第[一二三四]季度|度)|\d{1,2}月\d{1,2}日|\d{4}-\d{2}(?:-\d{2})?|\d[\d,]*(?:\.\d+)?(?:万元|元))/;

/**
 * Text with each amount, date and period in <span class="n">, which the layout never breaks across
 * lines ("447 / 2.00 / 元" cannot happen).
 * @example figureSpans("收入 12.50万元") // '收入 <span class="n">12.50万元</span>'
 */
export function figureSpans(text: string): Html {
  // split keeps the figures (the pattern's one group) at odd positions
  const parts = text.split(FIGURE);
  return html`${parts.map((part, i) => (i % 2 === 0 ? part : html`<span class="n">${part}</span>`))}`;
}

/**
 * Text on several lines, each line break kept as <br>.
 * @example lines("一\n二") // "一<br>二"
 */
export function lines(text: string): Html {
  return html`${text.split("\n").map((line, i) => (i === 0 ? line : html`<br>${line}`))}`;
}
