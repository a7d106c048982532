/**
 * Seeds D1: the reference data (towns, villages) on every run, and the demo disclosures when the
 * database has none. Every run also hashes any report still holding a plain receipt from before
 * migration 0006. Local by default; `--remote` for the deployed database (reference data only unless
 * `--demo` is given); `--today YYYY-MM-DD` fixes the demo date.
 *
 * @example
 *   npm run seed                         # local: reference data, plus demo data if empty
 *   npm run seed -- --remote             # deployed: reference data only
 */
import { parseArgs } from "node:util";
import { chinaDate } from "../schema/period.ts";
import { towns, villages } from "../schema/reference.ts";
import { legacyReceiptValues, receiptHash } from "../schema/report.ts";
import { type DemoCase, demoCases } from "./demo-cases.ts";
import { type DemoDisclosure, demoDisclosures } from "./demo-data.ts";
import { type D1Target, executeSql, query } from "./wrangler.ts";

const literal = (value: string | number | null): string =>
  value === null ? "NULL" : typeof value === "number" ? String(value) : `'${value.replaceAll("'", "''")}'`;

/** Upserts for every town and village, safe to run again (no REPLACE: disclosures point at villages). */
export function referenceSql(): string {
  const townRows = towns.map((t) => `(${literal(t.code)}, ${literal(t.name)})`).join(",\n");
  const villageRows = villages
    .map((v) => `(${literal(v.code)}, ${literal(v.town)}, ${literal(v.name)}, ${v.demo ? 1 : 0})`)
    .join(",\n");
  return [
    `INSERT INTO towns (code, name) VALUES\n${townRows}\nON CONFLICT (code) DO UPDATE SET name = excluded.name;`,
    `INSERT INTO villages (code, town_code, name, demo) VALUES\n${villageRows}\nON CONFLICT (code) DO UPDATE SET town_code = excluded.town_code, name = excluded.name, demo = excluded.demo;`,
  ].join("\n");
}

/** One INSERT per village chain, columns in the order the worker's chain check reads them back. */
export function disclosureSql(rows: readonly DemoDisclosure[]): string {
  if (rows.length === 0) return "";
  const values = rows.map((d) =>
    [
      d.village,
      d.item,
      d.period,
      d.title,
      d.content,
      d.tables ? JSON.stringify(d.tables) : null,
      d.publishedBy,
      d.publishedAt,
      d.seq,
      d.prevHash,
      d.hash,
    ]
      .map(literal)
      .join(", "),
  );
  return `INSERT INTO disclosures (village_code, item_id, period, title, content, tables, published_by, published_at, seq, prev_hash, hash, demo) VALUES\n${values.map((v) => `(${v}, 1)`).join(",\n")};`;
}

/** The public and internal timeline a demo case would have gathered by its stage. */
function demoEvents(c: DemoCase): [kind: string, isPublic: boolean, body: string | null, actor: string, on: string][] {
  const events: ReturnType<typeof demoEvents> = [["received", true, null, "villager", c.receivedOn]];
  if (c.stage === "received") return events;
  events.push(
    ["accepted", true, null, "演示账号", c.receivedOn],
    ["triaged", false, c.kind === "misconduct" ? "discipline" : "village", "演示账号", c.receivedOn],
  );
  if (c.stage === "accepted") return events;
  events.push(["assigned", true, null, "演示账号", c.receivedOn]);
  if (c.answeredOn) events.push(["answered", true, c.answer, "演示账号", c.answeredOn]);
  if (c.closedOn)
    events.push(["rated", true, c.rating, "villager", c.closedOn], ["closed", true, null, "villager", c.closedOn]);
  return events;
}

/**
 * Inserts demo cases and their timelines. Like every case, a demo case stores only its receipt's hash
 * (schema/report.ts receiptHash); its events find it by that hash, so ids need not be known.
 */
export async function demoCaseSql(cases: readonly DemoCase[]): Promise<string> {
  const hashes = await Promise.all(cases.map((c) => receiptHash(c.receipt)));
  return cases
    .map((c, i) => {
      const hash = hashes[i] as string;
      const discipline = c.kind === "misconduct";
      const route = c.stage === "received" && !discipline ? null : discipline ? "discipline" : "village";
      const state = c.stage === "handling" ? "handling" : c.stage;
      const report = [
        hash,
        c.village,
        c.kind,
        c.topic,
        c.content,
        "demo",
        state,
        route,
        discipline ? "discipline" : "village",
        c.responsible,
        c.deadline,
        c.measures,
        c.answer,
        c.answeredOn,
        c.closedOn,
        c.rating,
        c.receivedOn,
      ].map(literal);
      const events = demoEvents(c).map(
        ([kind, isPublic, body, actor, on]) =>
          `((SELECT id FROM reports WHERE receipt_hash = ${literal(hash)}), ${literal(kind)}, ${isPublic ? 1 : 0}, ${literal(body)}, ${literal(actor)}, ${literal(on)})`,
      );
      return `INSERT INTO reports (receipt_hash, village_code, kind, topic, content, body_hash, state, route, queue, responsible, deadline, measures, answer, answered_on, closed_on, rating, received_on) VALUES (${report.join(", ")});
INSERT INTO report_events (report_id, kind, public, body, actor, on_date) VALUES ${events.join(", ")};`;
    })
    .join("\n");
}

/**
 * Hashes the reports migration 0006 copied with their plain receipt and Idempotency-Key and clears those
 * columns (the worker does the same on its first receipt lookup or intake); returns how many.
 * @example upgradeLegacyReceipts({ remote: true }) // 0 once every row is hashed
 */
export async function upgradeLegacyReceipts(target: D1Target): Promise<number> {
  const rows = query<{ id: number; receipt: string; key: string | null }>(
    "SELECT id, legacy_receipt AS receipt, legacy_idempotency_key AS key FROM reports WHERE legacy_receipt IS NOT NULL",
    target,
  );
  if (rows.length === 0) return 0;
  const updates = await Promise.all(
    rows.map(async (row) => {
      const v = await legacyReceiptValues(row);
      return `UPDATE reports SET receipt_hash = ${literal(v.receiptHash)}, idempotency_hash = ${literal(v.idempotencyHash)}, receipt_sealed = ${literal(v.receiptSealed)}, legacy_receipt = NULL, legacy_idempotency_key = NULL WHERE id = ${row.id} AND legacy_receipt IS NOT NULL;`;
    }),
  );
  executeSql(updates.join("\n"), target);
  return rows.length;
}

/**
 * Seeds the target database; returns how many demo disclosures were written (0 when it had some).
 * Demo cases come with the demo disclosures unless `cases: false` (the end-to-end tests count their own).
 * @example await seed({ persistTo: "/tmp/state" }, { today: "2026-11-29" })
 */
export async function seed(
  target: D1Target,
  options: { today?: string; demo?: boolean; cases?: boolean } = {},
): Promise<number> {
  executeSql(referenceSql(), target);
  await upgradeLegacyReceipts(target);
  if (options.demo === false) return 0;
  const [{ n }] = query<{ n: number }>("SELECT COUNT(*) AS n FROM disclosures", target) as [{ n: number }];
  if (n > 0) return 0;
  const today = options.today ?? chinaDate();
  const statements: string[] = [];
  let written = 0;
  for (const village of villages) {
    const chain = await demoDisclosures(village, today);
    written += chain.length;
    statements.push(disclosureSql(chain));
  }
  // all at once: hashing the receipts is the slow part, and WebCrypto spreads it over the thread pool
  if (options.cases !== false) statements.push(await demoCaseSql(villages.flatMap((v) => demoCases(v, today))));
  executeSql(statements.join("\n"), target);
  return written;
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      remote: { type: "boolean" },
      demo: { type: "boolean" },
      today: { type: "string" },
      "persist-to": { type: "string" },
    },
  });
  const target: D1Target = values.remote ? { remote: true } : { persistTo: values["persist-to"] };
  const written = await seed(target, { today: values.today, demo: values.remote ? values.demo === true : true });
  console.log(
    `reference data: ${towns.length} towns, ${villages.length} villages; demo disclosures written: ${written}`,
  );
}
