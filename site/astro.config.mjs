import { writeFileSync } from "node:fs";
import { defineConfig } from "astro/config";
import { headersFile } from "../scripts/lib/static-headers.ts";

/** Writes dist/_headers: the worker's security headers for the assets it never sees. */
const securityHeaders = {
  name: "cunma-security-headers",
  hooks: {
    "astro:build:done": async ({ dir }) => writeFileSync(new URL("_headers", dir), await headersFile()),
  },
};

// Fully static: every district, town and village page is built ahead; the worker fills live parts.
export default defineConfig({
  site: "https://cunma.example.cn",
  outDir: "./dist",
  trailingSlash: "always",
  build: { format: "directory", inlineStylesheets: "always" },
  compressHTML: true,
  devToolbar: { enabled: false },
  integrations: [securityHeaders],
  // no inline scripts (every script is a file under /_astro/), so the CSP allows scripts from 'self' only
  vite: { server: { fs: { allow: [".."] } }, build: { assetsInlineLimit: 0 } },
});
