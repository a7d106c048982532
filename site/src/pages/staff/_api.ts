/** What the staff pages share: fill a `{name}` template from a data attribute, and the login address. */

/**
 * A template from the page (rendered from the i18n strings) with `{name}` placeholders filled.
 * @example fill("您好，{username}", { username: "demo-botou" }) // "您好，demo-botou"
 */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/**
 * The login page, coming back to `next` (a /staff/ page) afterwards.
 * @example loginUrl("/staff/") // "/staff/login/?next=%2Fstaff%2F"
 */
export function loginUrl(next: string): string {
  return `/staff/login/?next=${encodeURIComponent(next)}`;
}

/** The error message the API answered with, if any. */
export async function apiMessage(res: Response): Promise<string | undefined> {
  const body = (await res.json().catch(() => null)) as { error?: { message?: string; fields?: object } } | null;
  return body?.error?.message;
}
