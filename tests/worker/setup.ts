/**
 * Every worker test file starts from a D1 built by the same migrations production uses, with the
 * reference data (towns, villages) loaded as `npm run seed` loads it.
 */
import { applyD1Migrations, env } from "cloudflare:test";
import { seedReference } from "../fixtures/d1.ts";

declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
    }
  }
}

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
await seedReference(env.DB);
