import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { devVars } from "./scripts/lib/dev-vars.ts";

/**
 * Four projects: `worker` runs inside workerd against a real D1 built from schema/migrations;
 * `worker-node` runs the same test files against the self-hosted runtime (Node + SQLite);
 * `node` checks the built site and the scripts; `e2e` drives Debian's Chromium against `wrangler dev`.
 */
export default defineConfig(async () => {
  const migrations = await readD1Migrations("schema/migrations");
  // the development secrets (dev flag, a fresh dev checkpoint key, a salt), as `.dev.vars` gives wrangler dev
  const secrets = await devVars();
  return {
    test: {
      reporters: ["default", "./tests/fixtures/summary-reporter.ts"],
      projects: [
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: "./wrangler.toml" },
              // MIGRATION_DB: an empty D1 for tests that replay the migrations over rows of an older schema
              miniflare: { bindings: { TEST_MIGRATIONS: migrations, ...secrets }, d1Databases: ["MIGRATION_DB"] },
            }),
          ],
          test: {
            name: "worker",
            // d1.test.ts: the D1 contract the Node runtime's binding must keep, checked against D1 itself too
            include: ["tests/worker/**/*.test.ts", "tests/security/**/*.test.ts", "tests/node-runtime/d1.test.ts"],
            setupFiles: ["tests/worker/setup.ts"],
          },
        },
        {
          // the same worker tests against the self-hosted runtime (worker/node): Node, node:sqlite, site/dist
          resolve: {
            alias: { "cloudflare:test": new URL("./tests/node-runtime/cloudflare-test.ts", import.meta.url).pathname },
          },
          test: {
            name: "worker-node",
            include: ["tests/worker/**/*.test.ts", "tests/security/**/*.test.ts", "tests/node-runtime/**/*.test.ts"],
            environment: "node",
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
