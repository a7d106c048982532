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
import { chinaDate } from "#core/period.ts";
import { towns, villages } from "#core/reference.ts";
import { receiptHash } from "#core/report.ts";
import {
  appendVersions,
  type DemoCaseRow,
  demoCaseStatements,
  disclosureCount,
  referenceStatements,
  upgradeLegacyRows,
} from "../worker/src/scripting.ts";
import { type DemoCase, demoCases } from "./demo-cases.ts";
import { type DemoDisclosure, demoDisclosures } from "./demo-data.ts";
import { type D1Target, withD1 } from "./wrangler.ts";

/** Rows per INSERT: each statement binds its rows as one JSON value, kept well under D1's size limits. */
const CHUNK = 300;

const chunks = <T>(rows: readonly T[]): T[][] =>
  Array.from({ length: Math.ceil(rows.length / CHUNK) }, (_, i) => rows.slice(i * CHUNK, (i + 1) * CHUNK));

/**
 * The INSERTs of demo chains, each version marked as demo data.
 * @example await db.batch(disclosureStatements(db, await demoDisclosures(village, today)));
 */
export function disclosureStatements(db: D1Database, versions: readonly DemoDisclosure[]): D1PreparedStatement[] {
  const rows = versions.map((d) => ({
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
  }));
  return chunks(rows).map((chunk) => appendVersions(db, chunk, { demo: true }));
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
  await writeCaseRows(db, await Promise.all(cases.map(demoCaseRow)));
}

/** Writes demo case rows (their receipts already hashed) in one batch. */
async function writeCaseRows(db: D1Database, rows: readonly DemoCaseRow[]): Promise<void> {
  await db.batch(chunks(rows).flatMap((chunk) => demoCaseStatements(db, chunk)));
}

export interface SeedOptions {
  /** The demo date (default: today in China). */
  today?: string;
  /** Write demo data when the database has none (default true). */
  demo?: boolean;
  /** Demo cases come with the demo disclosures unless false (the end-to-end tests count their own). */
  cases?: boolean;
  /** Told what is being written as it goes (for a progress line). */
  progress?: (what: string) => void;
}

/**
 * Seeds the database; returns how many demo disclosures were written (0 when it had some already).
 * @example await withD1({ persistTo: "/tmp/state" }, (db) => seed(db, { today: "2026-11-29" }))
 */
export async function seed(db: D1Database, options: SeedOptions = {}): Promise<number> {
  const progress = options.progress ?? (() => {});
  progress(`reference data: ${towns.length} towns, ${villages.length} villages`);
  await db.batch(referenceStatements(db, towns, villages));
  await upgradeLegacyRows(db);
  if (options.demo === false || (await disclosureCount(db)) > 0) return 0;
  const today = options.today ?? chinaDate();
  // the cases' receipts are hashed (deliberately slow) while the disclosures are written
  const cases = options.cases === false ? [] : villages.flatMap((v) => demoCases(v, today));
  const caseRows = Promise.all(cases.map(demoCaseRow));
  const chains = await Promise.all(villages.map((village) => demoDisclosures(village, today)));
  const versions = chains.flat();
  progress(`demo disclosures: ${versions.length} versions of ${villages.length} villages`);
  // one batch: the district's chains land together or not at all, so a rerun never finds half of them
  await db.batch(disclosureStatements(db, versions));
  if (cases.length > 0) {
    progress(`demo cases: ${cases.length}`);
    await writeCaseRows(db, await caseRows);
  }
  return versions.length;
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
