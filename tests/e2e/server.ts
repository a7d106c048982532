/**
 * Global setup for end-to-end tests: a fresh local D1 in a temporary directory, migrated and seeded
 * exactly as `npm start` does, served by `wrangler dev` on a free loopback port (scripts/lib/dev-server.ts).
 * Tests read the address with `inject("baseURL")` and the state directory with `inject("persistTo")`.
 */
import type { TestProject } from "vitest/node";
import { startDevServer } from "../../scripts/lib/dev-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    persistTo: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startDevServer();
  project.provide("baseURL", server.baseURL);
  project.provide("persistTo", server.persistTo);
  return () => server.stop();
}
