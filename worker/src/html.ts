/**
 * Escapes text for HTML element content and attribute values. Everything from D1 passes through here
 * before it reaches a page.
 * @example escapeHtml('<a href="x">') // "&lt;a href=&quot;x&quot;&gt;"
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Amounts, dates and periods as villagers read them: 12.50万元, 2026年10月20日, 2026年第三季度, 11月5日. */
const FIGURE =
  /\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?|第[一二三四]季度|度)|\d{1,2}月\d{1,2}日|\d{4}-\d{2}(?:-\d{2})?|\d[\d,]*(?:\.\d+)?(?:万元|元)/g;

/**
 * Escapes text and wraps each amount, date and period in <span class="n">, which the layout never
 * breaks across lines ("447 / 2.00 / 元" cannot happen).
 * @example figureSpans("收入 12.50万元") // '收入 <span class="n">12.50万元</span>'
 */
export function figureSpans(text: string): string {
  return escapeHtml(text).replace(FIGURE, (figure) => `<span class="n">${figure}</span>`);
}
