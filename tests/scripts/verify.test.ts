/**
 * `npm run verify` against a real temporary local D1, migrated and seeded with demo data as `npm start`
 * does, before and after a row is changed behind the system's back; and `--against` a saved signed
 * checkpoint after chains were truncated, rewritten and re-hashed, or forked (issue 10 item 2).
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChainRow, chainColumns, rowContent } from "#core/chain.ts";
import {
  CHECKPOINT_FORMAT,
  type Checkpoint,
  checkpointKey,
  newCheckpointKey,
  signCheckpoint,
} from "#core/checkpoint.ts";
import { type DisclosureContent, disclosureHash, GENESIS_HASH } from "#core/disclosure.ts";
import { seed } from "../../scripts/seed.ts";
import { executeAudited } from "../../scripts/staff.ts";
import { auditLog, verifyAll } from "../../scripts/verify.ts";
import { executeSql, migrate, query, root, withD1 } from "../../scripts/wrangler.ts";
import { appendLedger } from "../../worker/src/points/queries.ts";

let persistTo: string;

const verify = (...args: string[]) =>
  spawnSync("npm", ["run", "--silent", "verify", "--", "--persist-to", persistTo, ...args], {
    cwd: root,
    encoding: "utf8",
  });

beforeAll(async () => {
  persistTo = mkdtempSync(join(tmpdir(), "cunma-verify-"));
  migrate({ persistTo });
  await withD1({ persistTo }, (db) => seed(db, { today: "2026-11-29" }));
});
afterAll(() => rmSync(persistTo, { recursive: true, force: true }));

const TRIGGER = (table: string, on: "UPDATE" | "DELETE") =>
  `CREATE TRIGGER ${table}_append_only_${on.toLowerCase()} BEFORE ${on} ON ${table}
   BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;`;

/** Runs `sql` as an attacker with database access would: triggers dropped, then put back. */
const tamper = (table: "disclosures" | "audit_log" | "audit_entries", sql: string) =>
  executeSql(
    `DROP TRIGGER ${table}_append_only_update; DROP TRIGGER ${table}_append_only_delete;
     ${sql}
     ${TRIGGER(table, "UPDATE")} ${TRIGGER(table, "DELETE")}`,
    { persistTo },
  );

/** The chains as they stand, signed as the deployment signs a checkpoint, saved to a file. */
async function saveCheckpoint(secret: string, dir: string): Promise<{ file: string; checkpoint: Checkpoint }> {
  const [villages, audit] = await withD1({ persistTo }, (db) => Promise.all([verifyAll(db), auditLog(db)]));
  const { privateKey, publicKey } = await checkpointKey(secret);
  const checkpoint = await signCheckpoint(
    {
      format: CHECKPOINT_FORMAT,
      origin: "371603",
      time: new Date().toISOString(),
      audit: { length: audit.hashes.length, head: audit.hashes.at(-1) ?? GENESIS_HASH },
      villages: Object.fromEntries(
        villages.filter((v) => v.length > 0).map((v) => [v.village, { length: v.length, head: v.head }]),
      ),
      publicKey,
    },
    privateKey,
  );
  const file = join(dir, "checkpoint.json");
  writeFileSync(file, JSON.stringify(checkpoint));
  return { file, checkpoint };
}

/** Appends `count` audit entries and seals them, as `npm run staff` does. */
async function appendAuditRows(count: number): Promise<void> {
  const entry = { action: "login_failed", actorId: null, actor: "anonymous" };
  await withD1({ persistTo }, (db) =>
    executeAudited(
      db,
      [],
      Array.from({ length: count }, () => entry),
    ),
  );
}

describe("npm run verify --against a saved checkpoint", () => {
  let dir: string;
  let secret: string;
  let saved: { file: string; checkpoint: Checkpoint };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "cunma-checkpoint-"));
    secret = await newCheckpointKey();
    await appendAuditRows(12);
    saved = await saveCheckpoint(secret, dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("passes while every chain extends it, read from a file or a URL, with its key given or not", async () => {
    const keyFile = join(dir, "key.json");
    writeFileSync(keyFile, JSON.stringify({ publicKey: saved.checkpoint.publicKey }));
    const run = verify("--against", saved.file, "--key", keyFile);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`ok: every chain extends the checkpoint of ${saved.checkpoint.time}`);

    const server: Server = createServer((_req, res) => res.end(readFileSync(saved.file)));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    // spawned asynchronously: this process must stay free to answer the request
    const byUrl = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
      const child = spawn(
        "npm",
        ["run", "--silent", "verify", "--", "--persist-to", persistTo, "--against", `http://127.0.0.1:${port}/c.json`],
        { cwd: root },
      );
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      child.on("close", (status) => resolve({ status, stderr }));
    }).finally(() => server.close());
    expect(byUrl.status, byUrl.stderr).toBe(0);
  });

  it("refuses a checkpoint whose signature does not verify, or that another key signed", async () => {
    const village = Object.keys(saved.checkpoint.villages)[0] as string;
    const forged = {
      ...saved.checkpoint,
      villages: { ...saved.checkpoint.villages, [village]: { length: 1, head: GENESIS_HASH } },
    };
    const file = join(dir, "forged.json");
    writeFileSync(file, JSON.stringify(forged));
    const run = verify("--against", file);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`REFUSED ${file}: the checkpoint's signature does not verify`);

    const other = await checkpointKey(await newCheckpointKey());
    const keyFile = join(dir, "other-key.json");
    writeFileSync(keyFile, JSON.stringify(other.publicKey));
    const wrongKey = verify("--against", saved.file, "--key", keyFile);
    expect(wrongKey.status).toBe(1);
    expect(wrongKey.stderr).toContain("REFUSED");
  });

  it("names a village truncated by one, one truncated by ten, one rewritten and re-hashed, and the audit log forked", async () => {
    const [one, ten, rewritten] = ["371603104202", "371603104203", "371603104204"];
    for (const village of [one, ten, rewritten]) {
      expect(saved.checkpoint.villages[village as string]?.length).toBeGreaterThan(10);
    }
    tamper(
      "disclosures",
      `DELETE FROM disclosures WHERE village_code = '${one}' AND seq = (SELECT MAX(seq) FROM disclosures WHERE village_code = '${one}');
       DELETE FROM disclosures WHERE village_code = '${ten}' AND seq > (SELECT MAX(seq) FROM disclosures WHERE village_code = '${ten}') - 10;`,
    );
    const rows = query<ChainRow>(
      `SELECT ${chainColumns} FROM disclosures WHERE village_code = '${rewritten}' ORDER BY seq`,
      {
        persistTo,
      },
    );
    const updates: string[] = [];
    let prev = (rows[1] as ChainRow).hash;
    for (const row of rows.slice(2)) {
      const changed = { ...row, content: row.seq === 3 ? `${row.content}（已删改）` : row.content };
      const hash = await disclosureHash(rowContent(changed) as DisclosureContent, prev);
      updates.push(
        `UPDATE disclosures SET content = '${changed.content.replaceAll("'", "''")}', prev_hash = '${prev}', hash = '${hash}' WHERE id = ${row.id};`,
      );
      prev = hash;
    }
    tamper("disclosures", updates.join("\n"));
    const [{ first } = { first: 0 }] = query<{ first: number }>(
      "SELECT entry_id AS first FROM audit_log WHERE seq = 10",
      {
        persistTo,
      },
    );
    tamper("audit_log", "DELETE FROM audit_log WHERE seq > 9;");
    tamper("audit_entries", `DELETE FROM audit_entries WHERE id >= ${first};`);
    await appendAuditRows(5);

    const run = verify("--against", saved.file);
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split("\n");
    // each chain still verifies by itself: only the checkpoint tells
    expect(run.stderr).not.toContain("BROKEN");
    expect(lines[0]).toMatch(/^ok: 438 villages/);
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(
        /^FORKED audit log: link 12 was [0-9A-F]{4}-[0-9A-F]{4} in the checkpoint of .*, now [0-9A-F]{4}-[0-9A-F]{4} \(forked or rewritten\)$/,
      ),
      expect.stringMatching(new RegExp(`^TRUNCATED ${one} \\S+: the checkpoint of .* recorded \\d+ links, now \\d+$`)),
      expect.stringMatching(new RegExp(`^TRUNCATED ${ten} \\S+: the checkpoint of .* recorded \\d+ links, now \\d+$`)),
      expect.stringMatching(new RegExp(`^FORKED ${rewritten} \\S+: link \\d+ was`)),
    ]);
    const recorded = saved.checkpoint.villages[ten as string]?.length as number;
    expect(run.stderr).toContain(`recorded ${recorded} links, now ${recorded - 10}`);
  });
});

describe("npm run seed", () => {
  it("seeds once: a second run keeps every row, writes nothing and marks the demo data as demo", async () => {
    const count = () =>
      query<{ n: number; demo: number; cases: number }>(
        "SELECT COUNT(*) AS n, SUM(demo) AS demo, (SELECT COUNT(*) FROM reports) AS cases FROM disclosures",
        { persistTo },
      )[0];
    const before = count();
    expect(before?.demo).toBe(before?.n);
    expect(before?.cases).toBeGreaterThan(438);
    const run = spawnSync("npm", ["run", "--silent", "seed", "--", "--persist-to", persistTo], {
      cwd: root,
      encoding: "utf8",
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("reference data: 12 towns, 438 villages; demo disclosures written: 0");
    expect(count()).toEqual(before);
  });
});

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

describe("npm run verify on the points ledgers (issue 16)", () => {
  it("checks every village's points ledger and names the first broken link of one changed directly", async () => {
    const village = "371603104202";
    const link = (kind: "rules", detail: string, points: number) => ({
      village_code: village,
      kind,
      household_id: null,
      ref_id: null,
      rule_code: null,
      points,
      on_date: "2026-11-02",
      reason: null,
      detail,
      actor: "cli",
      at: "2026-11-02T02:00:00.000Z",
    });
    const audit = { action: "points_rules", actorId: null, actor: "cli" };
    const rules = [{ code: "A1", title: "参加志愿服务", category: "志愿服务", points: 5 }];
    await withD1({ persistTo }, async (db) => {
      await appendLedger(db, link("rules", JSON.stringify(rules), 0), "none", audit);
      await appendLedger(db, link("rules", JSON.stringify([{ ...rules[0], points: 6 }]), 0), "none", audit);
    });
    const before = verify();
    expect(`${before.stdout}${before.stderr}`).toContain("ok: 1 village points ledgers, 2 links, every one verifies");
    const [row] = query<{ id: number }>(`SELECT id FROM points_ledger WHERE village_code = '${village}' AND seq = 2`, {
      persistTo,
    }) as [{ id: number }];
    executeSql(
      `DROP TRIGGER points_ledger_append_only_update;
       UPDATE points_ledger SET detail = '[]' WHERE id = ${row.id};`,
      { persistTo },
    );
    const run = verify();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `BROKEN points ledger ${village} 泊头村: first broken link at seq 2 (ledger id ${row.id}): content does not match its hash`,
    );
    expect(run.stderr).toContain("1 of 1 village points ledgers broken");
  }, 120_000);
});
