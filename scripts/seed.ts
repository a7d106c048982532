/**
 * Seeds D1: the reference data (towns, villages) on every run, and the demo disclosures and cases when the
 * database has no disclosure yet (a seeded database is left as it is). Every run also hashes any report
 * still holding a plain receipt from before migration 0006. Everything is written by the worker's own
 * query functions (worker/src/scripting.ts) on the `DB` binding. Local by default (`--persist-to DIR`
 * for another state directory); `--remote` for the deployed database (reference data only unless `--demo`
 * is given); `--today YYYY-MM-DD` fixes the demo date.
 *
 * @example
 *   npm run seed                         # local: reference data, plus demo data if empty
 *   npm run seed -- --remote             # deployed: reference data only
 */
import { parseArgs } from "node:util";
import { chinaDate } from "../schema/period.ts";
import { towns, villages } from "../schema/reference.ts";
import { receiptHash } from "../schema/report.ts";
import {
  appendVersion,
  type DemoCaseRow,
  demoCaseStatements,
  disclosureCount,
  referenceStatements,
  upgradeLegacyRows,
} from "../worker/src/scripting.ts";
import { type DemoCase, demoCases } from "./demo-cases.ts";
import { type DemoDisclosure, demoDisclosures } from "./demo-data.ts";
import { type D1Target, withD1 } from "./wrangler.ts";

/** Statements per D1 batch: one batch per chunk keeps each well under D1's limits. */
const CHUNK = 2000;

/**
 * Runs `statements` in batches of {@link CHUNK}.
 * @example await runChunked(db, referenceStatements(db, towns, villages));
 */
async function runChunked(db: D1Database, statements: D1PreparedStatement[]): Promise<void> {
  for (let i = 0; i < statements.length; i += CHUNK) await db.batch(statements.slice(i, i + CHUNK));
}

/**
 * The appends of one village's demo chain, each marked as demo data.
 * @example await db.batch(disclosureStatements(db, await demoDisclosures(village, today)));
 */
export function disclosureStatements(db: D1Database, chain: readonly DemoDisclosure[]): D1PreparedStatement[] {
  return chain.map((d) =>
    appendVersion(
      db,
      {
        seq: d.seq,
        village_code: d.village,
        item_id: d.item,
        period: d.period,
        title: d.title,
        content: d.content,
        tables: d.tables ? JSON.stringify(d.tables) : null,
        published_by: d.publishedBy,
        published_at: d.publishedAt,
        corrects_id: null,
        correction_reason: null,
        prev_hash: d.prevHash,
        hash: d.hash,
      },
      { demo: true },
    ),
  );
}

/** The public and internal timeline a demo case would have gathered by its stage. */
function demoEvents(c: DemoCase): DemoCaseRow["events"] {
  const event = (kind: string, isPublic: boolean, body: string | null, actor: string, on: string) => ({
    kind,
    public: isPublic,
    body,
    actor,
    on,
  });
  const events = [event("received", true, null, "villager", c.receivedOn)];
  if (c.stage === "received") return events;
  const queue = c.kind === "misconduct" ? "discipline" : "village";
  events.push(
    event("accepted", true, null, "演示账号", c.receivedOn),
    event("triaged", false, queue, "演示账号", c.receivedOn),
  );
  if (c.stage === "accepted") return events;
  events.push(event("assigned", true, null, "演示账号", c.receivedOn));
  if (c.answeredOn) events.push(event("answered", true, c.answer, "演示账号", c.answeredOn));
  if (c.closedOn)
    events.push(
      event("rated", true, c.rating, "villager", c.closedOn),
      event("closed", true, null, "villager", c.closedOn),
    );
  return events;
}

/**
 * A demo case as the row the worker's demoCaseStatements writes. Like every case it stores only its
 * receipt's hash (schema/report.ts receiptHash).
 * @example await demoCaseRow(demoCases(village, "2026-11-29")[0])
 */
export async function demoCaseRow(c: DemoCase): Promise<DemoCaseRow> {
  const discipline = c.kind === "misconduct";
  return {
    receiptHash: await receiptHash(c.receipt),
    village: c.village,
    kind: c.kind,
    topic: c.topic,
    content: c.content,
    state: c.stage,
    route: c.stage === "received" && !discipline ? null : discipline ? "discipline" : "village",
    queue: discipline ? "discipline" : "village",
    responsible: c.responsible,
    deadline: c.deadline,
    measures: c.measures,
    answer: c.answer,
    answeredOn: c.answeredOn,
    closedOn: c.closedOn,
    rating: c.rating,
    receivedOn: c.receivedOn,
    events: demoEvents(c),
  };
}

/**
 * Writes demo cases and their timelines.
 * @example await seedDemoCases(db, demoCases(village, chinaDate()));
 */
export async function seedDemoCases(db: D1Database, cases: readonly DemoCase[]): Promise<void> {
  // all receipts at once: hashing them is the slow part, and WebCrypto spreads it over the thread pool
  const rows = await Promise.all(cases.map(demoCaseRow));
  await runChunked(
    db,
    rows.flatMap((row) => demoCaseStatements(db, row)),
  );
}

export interface SeedOptions {
  /** The demo date (default: today in China). */
  today?: string;
  /** Write demo data when the database has none (default true). */
  demo?: boolean;
  /** Demo cases come with the demo disclosures unless false (the end-to-end tests count their own). */
  cases?: boolean;
}

/**
 * Seeds the database; returns how many demo disclosures were written (0 when it had some already).
 * @example await withD1({ persistTo: "/tmp/state" }, (db) => seed(db, { today: "2026-11-29" }))
 */
export async function seed(db: D1Database, options: SeedOptions = {}): Promise<number> {
  await runChunked(db, referenceStatements(db, towns, villages));
  await upgradeLegacyRows(db);
  if (options.demo === false || (await disclosureCount(db)) > 0) return 0;
  const today = options.today ?? chinaDate();
  const chains = await Promise.all(villages.map((village) => demoDisclosures(village, today)));
  await runChunked(
    db,
    chains.flatMap((chain) => disclosureStatements(db, chain)),
  );
  if (options.cases !== false)
    await seedDemoCases(
      db,
      villages.flatMap((v) => demoCases(v, today)),
    );
  return chains.reduce((sum, chain) => sum + chain.length, 0);
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
  const demo = values.remote ? values.demo === true : true;
  const written = await withD1(target, (db) => seed(db, { today: values.today, demo }));
  console.log(
    `reference data: ${towns.length} towns, ${villages.length} villages; demo disclosures written: ${written}`,
  );
}
