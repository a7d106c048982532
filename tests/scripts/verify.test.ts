/**
 * `npm run verify` against a real temporary local D1, migrated and seeded with demo data as `npm start`
 * does, before and after a row is changed behind the system's back.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "../../scripts/seed.ts";
import { executeSql, migrate, query, root } from "../../scripts/wrangler.ts";

let persistTo: string;

const verify = () =>
  spawnSync("npm", ["run", "--silent", "verify", "--", "--persist-to", persistTo], { cwd: root, encoding: "utf8" });

beforeAll(async () => {
  persistTo = mkdtempSync(join(tmpdir(), "cunma-verify-"));
  migrate({ persistTo });
  await seed({ persistTo }, { today: "2026-11-29" });
});
afterAll(() => rmSync(persistTo, { recursive: true, force: true }));

describe("npm run verify", () => {
  it("passes on freshly seeded chains and says how much it checked", () => {
    const [{ n }] = query<{ n: number }>("SELECT COUNT(*) AS n FROM disclosures", { persistTo }) as [{ n: number }];
    expect(n).toBeGreaterThan(438);
    const run = verify();
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`ok: 438 villages, ${n} published versions, every chain verifies`);
  });

  it("fails with exit 1 and names the first broken link after a row is changed directly", () => {
    const village = "371603104201";
    const [row] = query<{ id: number }>(`SELECT id FROM disclosures WHERE village_code = '${village}' AND seq = 3`, {
      persistTo,
    }) as [{ id: number }];
    executeSql(
      `DROP TRIGGER disclosures_append_only_update;
       UPDATE disclosures SET content = content || '（已删改）' WHERE id = ${row.id};`,
      { persistTo },
    );
    const run = verify();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `BROKEN ${village} 徐万粮村: first broken link at seq 3 (disclosure id ${row.id}): content does not match its hash`,
    );
    expect(run.stderr).toContain("1 of 438 village chains broken");
  });
});
