/** Posters per second: `npm run qr` for the whole district (438 codes as SVG and PNG, 11 town PDFs). */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BenchEntry } from "../bench.ts";
import { configuredBaseUrl } from "../qr/config.ts";
import { writeVillageCodes } from "../qr/generate.ts";

export default {
  name: "posters, whole district (PDF + SVG + PNG)",
  unit: "posters",
  async run() {
    const out = mkdtempSync(join(tmpdir(), "cunma-bench-posters-"));
    try {
      const started = performance.now();
      const { villages } = await writeVillageCodes({ out, baseUrl: configuredBaseUrl() });
      return { count: villages, seconds: (performance.now() - started) / 1000 };
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  },
} satisfies BenchEntry;
