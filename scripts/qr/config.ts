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
