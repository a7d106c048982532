import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { newCheckpointKey } from "./schema/checkpoint.ts";

/**
 * Three projects: `worker` runs inside workerd against a real D1 built from schema/migrations;
 * `node` checks the built site and the scripts; `e2e` drives Debian's Chromium against `wrangler dev`.
 */
export default defineConfig(async () => {
  const migrations = await readD1Migrations("schema/migrations");
  // a fresh test-only signing key each run; the worker reads it as the CHECKPOINT_KEY secret
  const checkpointKey = await newCheckpointKey();
  return {
    test: {
      reporters: ["default", "./tests/fixtures/summary-reporter.ts"],
      projects: [
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: "./wrangler.toml" },
              miniflare: { bindings: { TEST_MIGRATIONS: migrations, CHECKPOINT_KEY: checkpointKey } },
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
