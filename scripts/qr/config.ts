/** Where the printed codes point: PUBLIC_BASE_URL from wrangler.toml, the same value the worker gets. */
import { readFileSync } from "node:fs";

/**
 * The `PUBLIC_BASE_URL = "…"` line of wrangler.toml.
 * @example configuredBaseUrl() // "https://cunma.example.cn"
 */
export function configuredBaseUrl(wranglerToml = new URL("../../wrangler.toml", import.meta.url)): string {
  const match = /^PUBLIC_BASE_URL\s*=\s*"([^"]+)"/m.exec(readFileSync(wranglerToml, "utf8"));
  if (!match?.[1]) throw new Error("wrangler.toml 里没有 PUBLIC_BASE_URL，请加上，或用 --base-url 指定。");
  return match[1];
}

/** The address wrangler.toml ships with: a placeholder no phone can open. */
export const PLACEHOLDER_BASE_URL = "https://cunma.example.cn";

/**
 * The warning to print when `baseUrl` is the placeholder (or any reserved example.* host), else null.
 * @example placeholderWarning("https://cunma.example.cn") // "⚠ 警告：…"
 */
export function placeholderWarning(baseUrl: string): string | null {
  let host: string;
  try {
    host = new URL(baseUrl).hostname;
  } catch {
    return null; // not a URL: the generator refuses it with its own message
  }
  if (!/(^|\.)example\.(cn|com|net|org)$/.test(host)) return null;
  return [
    `⚠ 警告：二维码指向的是示例地址 ${baseUrl}，不是真实网址，印出来扫了打不开！`,
    "⚠ 请把 wrangler.toml 里的 PUBLIC_BASE_URL 改成部署后的网址（或用 --base-url 指定），再重新生成。",
  ].join("\n");
}
