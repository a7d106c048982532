import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

/**
 * Three projects: `worker` runs inside workerd against a real D1 built from schema/migrations;
 * `node` checks the built site and the scripts; `e2e` drives Debian's Chromium against `wrangler dev`.
 */
export default defineConfig(async () => {
  const migrations = await readD1Migrations("schema/migrations");
  return {
    test: {
      reporters: ["default", "./tests/fixtures/summary-reporter.ts"],
      projects: [
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: "./wrangler.toml" },
              miniflare: { bindings: { TEST_MIGRATIONS: migrations } },
            }),
          ],
          test: {
            name: "worker",
            include: ["tests/worker/**/*.test.ts", "tests/security/**/*.test.ts"],
            setupFiles: ["tests/worker/setup.ts"],
          },
        },
        {
          test: {
            name: "node",
            include: ["tests/site/**/*.test.ts", "tests/scripts/**/*.test.ts", "tests/schema/**/*.test.ts"],
            environment: "node",
            testTimeout: 120_000,
            hookTimeout: 300_000,
          },
        },
        {
          test: {
            name: "e2e",
            include: ["tests/e2e/**/*.test.ts"],
            environment: "node",
            globalSetup: ["tests/e2e/server.ts"],
            fileParallelism: false,
            testTimeout: 60_000,
            hookTimeout: 120_000,
          },
        },
      ],
    },
  };
});
