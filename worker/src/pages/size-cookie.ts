/** The 大字 cookie (text-size.ts sets it; every HTML page and a live page's ETag read it). */
import type { Context } from "hono";
import { getCookie } from "hono/cookie";

export const TEXT_SIZE_COOKIE = "size";

/**
 * Whether the reader chose large text.
 * @example if (readsLarge(c)) tag += ".large";
 */
export function readsLarge(c: Context): boolean {
  return getCookie(c, TEXT_SIZE_COOKIE) === "large";
}
