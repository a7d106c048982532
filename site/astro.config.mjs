import { defineConfig } from "astro/config";

// Fully static: every district, town and village page is built ahead; the worker fills live parts.
export default defineConfig({
  site: "https://cunma.example.cn",
  outDir: "./dist",
  trailingSlash: "always",
  build: { format: "directory", inlineStylesheets: "always" },
  compressHTML: true,
  devToolbar: { enabled: false },
  // scripts always ship as files, never inline, so a CSP without 'unsafe-inline' allows them
  vite: { server: { fs: { allow: [".."] } }, build: { assetsInlineLimit: 0 } },
});
