/**
 * A template's `{name}` placeholders filled from `values`; a name without a value stays as written. The
 * one fill shared by `t()` (index.ts) and the site scripts' string picker, which must not pull in every
 * string file.
 * @example fill("共 {count} 件", { count: 3 }) // "共 3 件"
 */
export function fill(template: string, values: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}
