/**
 * `npm run backup` while the self-hosted server takes reports, then `npm run restore`: every report
 * acknowledged before the backup started is in it, and the disclosure chains and the audit log verify.
 */
import { spawn, spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { verifyChain } from "#core/chain.ts";
import { chinaDate } from "#core/period.ts";
import { villages } from "#core/reference.ts";
import { receiptHash } from "#core/report.ts";
import { demoDisclosures } from "../../scripts/demo-data.ts";
import { disclosureStatements } from "../../scripts/seed.ts";
import { dumpSql, holdDatabase } from "../../worker/node/backup.ts";
import { openD1 } from "../../worker/node/d1.ts";
import { databaseFile, mediaDir } from "../../worker/node/data.ts";
import { root } from "../../worker/node/runtime.ts";
import { verifyAudit } from "../../worker/src/audit/queries.ts";
import { chainRows } from "../../worker/src/disclosures/queries.ts";
import { filedOf } from "../fixtures/answers.ts";
import { plainJpeg } from "../fixtures/media.ts";
import { reportBody } from "../fixtures/reports.ts";
import { startTestServer } from "./server.ts";

const node = join(root, "node_modules", ".bin", "node");
const script = (name: string, args: string[]) => [
  "--disable-warning=ExperimentalWarning",
  join(root, "scripts", name),
  ...args,
];

/** Runs backup.ts in its own process (the server keeps writing in this one); resolves with its exit code. */
const backupInBackground = (dataDir: string, out: string) =>
  new Promise<number | null>((resolve) => {
    const child = spawn(node, script("backup.ts", ["--out", out]), {
      env: { ...process.env, DATA_DIR: dataDir },
      stdio: "inherit",
    });
    child.on("exit", resolve);
  });

const restore = (dataDir: string, from: string) =>
  spawnSync(node, script("restore.ts", ["--from", from]), {
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: "utf8",
  });

describe("a backup under write load", () => {
  const chained = villages.slice(0, 2);
  let stopServer: (() => Promise<void>) | undefined;
  afterAll(() => stopServer?.());

  it("holds every report acknowledged before it started, and restores with valid chains", async () => {
    const server = await startTestServer({ trustProxy: true, vars: { INTAKE_PER_MINUTE: "1000000" } });
    stopServer = server.stop;
    for (const village of chained)
      await server.env.DB.batch(disclosureStatements(server.env.DB, await demoDisclosures(village, chinaDate())));

    const acknowledged: { receipt: string; at: number }[] = [];
    let sent = 0;
    let loading = true;
    const writer = async () => {
      while (loading) {
        const n = sent++;
        const village = villages[n % villages.length]?.code as string;
        const res = await fetch(`${server.base}/api/villages/${village}/reports`, {
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            "Idempotency-Key": crypto.randomUUID(),
            "X-Forwarded-For": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
          },
          body: JSON.stringify(reportBody()),
        });
        expect(res.status).toBe(201);
        const { receipt } = await filedOf(res);
        acknowledged.push({ receipt, at: Date.now() });
      }
    };
    const writers = Array.from({ length: 4 }, writer);
    while (acknowledged.length < 30) await new Promise((r) => setTimeout(r, 50));

    const out = join(server.dir, "backup.sqlite");
    const startedAt = Date.now();
    const before = acknowledged.length;
    expect(await backupInBackground(server.dir, out)).toBe(0);
    const during = acknowledged.length - before;
    loading = false;
    await Promise.all(writers);
    await server.stop();
    stopServer = undefined;
    expect(before).toBeGreaterThanOrEqual(30);
    expect(during).toBeGreaterThan(0);

    // a running server holds the directory: restore refuses
    const release = holdDatabase(server.database);
    const refused = restore(server.dir, out);
    release();
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("stop it first");

    const restored = restore(server.dir, out);
    expect(restored.status, restored.stderr).toBe(0);
    const db = openD1(server.database);
    try {
      const stored = new Set(
        (await db.prepare("SELECT receipt_hash FROM reports").all<{ receipt_hash: string }>()).results.map(
          (r) => r.receipt_hash,
        ),
      );
      const missing = [];
      for (const { receipt, at } of acknowledged) {
        if (at < startedAt && !stored.has(await receiptHash(receipt))) missing.push(receipt);
      }
      expect(missing).toEqual([]);
      expect(stored.size).toBeLessThanOrEqual(acknowledged.length);
      expect(await verifyAudit(db)).toMatchObject({ valid: true });
      for (const village of chained) {
        expect(await verifyChain(await chainRows(db, village.code))).toMatchObject({ valid: true });
      }
    } finally {
      db.close();
    }

    // the SQL form (for D1) comes back whole too
    const sql = join(server.dir, "cunma.sql");
    writeFileSync(sql, dumpSql(server.database));
    const again = join(server.dir, "again");
    const fromSql = restore(again, sql);
    expect(fromSql.status, fromSql.stderr).toBe(0);
    // a dump has no attachments beside it, and the restore says so instead of saying nothing
    expect(fromSql.stdout).toContain("no attachments folder beside the backup");
    const copy = openD1(databaseFile(again));
    try {
      const original = openD1(server.database);
      // the same rows, and the same tables, indexes and triggers (the append-only guards among them)
      for (const count of ["SELECT COUNT(*) AS n FROM reports", "SELECT COUNT(*) AS n FROM disclosures"]) {
        expect(await copy.prepare(count).first("n")).toBe(await original.prepare(count).first("n"));
      }
      const schema = "SELECT type, name, sql FROM sqlite_master ORDER BY type, name";
      expect((await copy.prepare(schema).all()).results).toEqual((await original.prepare(schema).all()).results);
      original.close();
      expect(await verifyAudit(copy)).toMatchObject({ valid: true });
      for (const village of chained) {
        expect(await verifyChain(await chainRows(copy, village.code))).toMatchObject({ valid: true });
      }
      await expect(copy.prepare("DELETE FROM disclosures").run()).rejects.toThrow(/append-only/);
    } finally {
      copy.close();
    }
  }, 120_000);

  it("carries the villagers' photos beside the database, and a restore brings both back together", async () => {
    const server = await startTestServer({ trustProxy: true });
    stopServer = server.stop;
    const form = new FormData();
    for (const [name, value] of Object.entries({ kind: "question", topic: "affairs", content: "路灯坏了，看照片" }))
      form.set(name, value);
    form.append("photo", new Blob([plainJpeg()], { type: "image/jpeg" }), "a.jpg");
    const sent = await fetch(`${server.base}/api/villages/${villages[0]?.code}/reports`, {
      method: "POST",
      headers: { Accept: "application/json", "Idempotency-Key": crypto.randomUUID(), "X-Forwarded-For": "10.9.9.9" },
      body: form,
    });
    expect(sent.status).toBe(201);
    const key = (await server.env.DB.prepare("SELECT object_key FROM report_attachments").first(
      "object_key",
    )) as string;
    const stored = readFileSync(join(mediaDir(server.dir), key));

    const out = join(server.dir, "with-media.sqlite");
    expect(await backupInBackground(server.dir, out)).toBe(0);
    await server.stop();
    stopServer = undefined;

    // the disk holding the attachments is lost; the restore brings them back with the rows naming them
    rmSync(mediaDir(server.dir), { recursive: true, force: true });
    const restored = restore(server.dir, out);
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stdout).toContain(`restored the attachments from ${out}.media`);
    const db = openD1(server.database);
    try {
      const keys = (await db.prepare("SELECT object_key FROM report_attachments").all<{ object_key: string }>())
        .results;
      expect(keys.map((k) => k.object_key)).toEqual([key]);
    } finally {
      db.close();
    }
    expect(readFileSync(join(mediaDir(server.dir), key))).toEqual(stored);
  }, 120_000);
});
