/**
 * `npm run verify`: recomputes every village's hash chain of published disclosures in D1 and names the
 * first broken link of each broken chain. With `--against <file or URL of a saved checkpoint>` it also
 * checks the checkpoint's Ed25519 signature (refusing a bad one) and that every chain, and the audit log,
 * still extends what the checkpoint recorded: the same hash at the recorded length, and a length not
 * smaller. It names each chain truncated, forked or rewritten. Exits 1 if anything fails. Local by
 * default; `--persist-to DIR` for another local state directory, `--remote` for the deployed database;
 * `--key <file or URL>` trusts only that public key (a JWK, or the answer of /api/checkpoints/key).
 *
 * @example
 *   npm run verify
 *   curl -o saved.json https://cunma.example.cn/api/checkpoints/latest   # keep it; later:
 *   npm run verify -- --remote --against saved.json --key https://cunma.example.cn/api/checkpoints/key
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { type ChainResult, type Link, verifyChain } from "#core/chain.ts";
import {
  type Checkpoint,
  type CheckpointBreak,
  chainOf,
  checkpointSignatureValid,
  compareToCheckpoint,
  fingerprint,
  type PublicJwk,
} from "#core/checkpoint.ts";
import { verifyLedger } from "#core/points.ts";
import { villageByCode, villages } from "#core/reference.ts";
import { auditLinks, checkAuditRows, everyChainRow, everyLedgerRow, GENESIS_HASH } from "../worker/src/scripting.ts";
import { type D1Target, withD1 } from "./wrangler.ts";

export interface VillageChain extends ChainResult {
  village: string;
  /** Each link's hash in seq order. */
  hashes: string[];
}

/**
 * Verifies every village's chain in the database (villages with no rows have an empty, valid chain).
 * @example (await verifyAll(db)).filter((c) => !c.valid)
 */
export async function verifyAll(db: D1Database): Promise<VillageChain[]> {
  const codes = villages.map((v) => v.code).sort();
  return verifyByVillage(await everyChainRow(db), codes, verifyChain);
}

/**
 * Verifies every village's points ledger (issue 16) in the database; villages with no link are left out.
 * @example (await verifyAllPoints(db)).filter((c) => !c.valid)
 */
export async function verifyAllPoints(db: D1Database): Promise<VillageChain[]> {
  return verifyByVillage(await everyLedgerRow(db), [], verifyLedger);
}

/** Rows of many villages' chains split by village (`codes` listed even when empty), each verified. */
async function verifyByVillage<R extends Link & { village_code: string }>(
  rows: readonly R[],
  codes: readonly string[],
  verify: (chain: R[]) => Promise<ChainResult>,
): Promise<VillageChain[]> {
  const byVillage = new Map<string, R[]>(codes.map((code) => [code, []]));
  for (const row of rows) {
    const chain = byVillage.get(row.village_code) ?? [];
    chain.push(row);
    byVillage.set(row.village_code, chain);
  }
  const results: VillageChain[] = [];
  for (const [village, chain] of byVillage) {
    results.push({ village, ...(await verify(chain)), hashes: chain.map((r) => r.hash) });
  }
  return results;
}

/**
 * The audit log's links' hashes in seq order, and whether it verifies: the only place this script reads
 * the audit log.
 * @example const { valid, hashes } = await auditLog(db);
 */
export async function auditLog(db: D1Database): Promise<{ valid: boolean; hashes: string[] }> {
  const rows = await auditLinks(db);
  const checked = await checkAuditRows(rows, { seq: 0, hash: GENESIS_HASH });
  return { valid: !checked.broken, hashes: rows.map((r) => r.hash) };
}

const reasons = {
  seq_gap: "a version is missing or out of order (seq gap)",
  prev_hash_mismatch: "prev_hash does not match the previous version's hash",
  tables_not_json: "tables column is not valid JSON",
  hash_mismatch: "content does not match its hash (changed after publishing)",
} as const;

/**
 * The points ledgers' lines of the report: one per broken ledger, and a summary.
 * @example pointsReport(await verifyAllPoints(db)) // "ok: 3 village points ledgers, 40 links, every one verifies"
 */
export function pointsReport(results: readonly VillageChain[]): string {
  const broken = results.filter((r) => !r.valid);
  const links = results.reduce((sum, r) => sum + r.length, 0);
  const lines = broken.map((r) => {
    const at = r.brokenAt as NonNullable<ChainResult["brokenAt"]>;
    const name = villageByCode(r.village)?.name ?? "";
    return `BROKEN points ledger ${r.village} ${name}: first broken link at seq ${at.seq} (ledger id ${at.id}): ${pointsReasons[at.reason]}`;
  });
  lines.push(
    broken.length === 0
      ? `ok: ${results.length} village points ledgers, ${links} links, every one verifies`
      : `${broken.length} of ${results.length} village points ledgers broken (${links} links checked)`,
  );
  return lines.join("\n");
}

const pointsReasons = {
  seq_gap: "a link is missing or out of order (seq gap)",
  prev_hash_mismatch: "prev_hash does not match the previous link's hash",
  tables_not_json: "a link cannot be read back",
  hash_mismatch: "content does not match its hash (changed after it was recorded)",
} as const;

/** The report printed by the command line, one line per broken chain and a summary. */
export function verifyReport(results: readonly VillageChain[]): string {
  const broken = results.filter((r) => !r.valid);
  const versions = results.reduce((sum, r) => sum + r.length, 0);
  const lines = broken.map((r) => {
    const at = r.brokenAt as NonNullable<ChainResult["brokenAt"]>;
    const name = villageByCode(r.village)?.name ?? "";
    return `BROKEN ${r.village} ${name}: first broken link at seq ${at.seq} (disclosure id ${at.id}): ${reasons[at.reason]}`;
  });
  lines.push(
    broken.length === 0
      ? `ok: ${results.length} villages, ${versions} published versions, every chain verifies`
      : `${broken.length} of ${results.length} village chains broken (${versions} published versions checked)`,
  );
  return lines.join("\n");
}

const chainName = (chain: string) => {
  if (chain === "audit") return "audit log";
  const code = chain.replace(/^points:/, "");
  const ledger = chain.startsWith("points:") ? "points ledger " : "";
  return `${ledger}${code} ${villageByCode(code)?.name ?? ""}`.trim();
};

/**
 * One line per chain that no longer extends the checkpoint, first the first; a summary when none.
 * @example checkpointReport(saved, breaks) // "TRUNCATED 371603104201 徐万粮村: …"
 */
export function checkpointReport(saved: Checkpoint, breaks: readonly CheckpointBreak[]): string {
  const lines = breaks.map(({ chain, reason, recorded, now }) =>
    reason === "truncated"
      ? `TRUNCATED ${chainName(chain)}: the checkpoint of ${saved.time} recorded ${recorded.length} links, now ${now.length}`
      : `FORKED ${chainName(chain)}: link ${recorded.length} was ${fingerprint(recorded.head)} in the checkpoint of ${saved.time}, now ${fingerprint(now.hashAtRecorded ?? "")} (forked or rewritten)`,
  );
  if (breaks.length === 0) {
    const villages = Object.keys(saved.villages).length;
    lines.push(
      `ok: every chain extends the checkpoint of ${saved.time} (${villages} village chains, audit log of ${saved.audit.length})`,
    );
  }
  return lines.join("\n");
}

/** The JSON at a path or an http(s) URL. */
async function readJson(source: string): Promise<unknown> {
  if (/^https?:\/\//.test(source)) {
    const res = await fetch(source);
    if (!res.ok) throw new Error(`${source} answered ${res.status}`);
    return res.json();
  }
  return JSON.parse(readFileSync(source, "utf8"));
}

/**
 * Checks a saved checkpoint against the chains as read: null when its signature does not verify (under
 * `trusted`, else the key it names), else the chains that no longer extend it.
 * @example await checkAgainst(saved, { villages: await verifyAll(db), audit: await auditLog(db) })
 */
export async function checkAgainst(
  saved: unknown,
  now: { villages: readonly VillageChain[]; audit: { hashes: string[] }; points?: readonly VillageChain[] },
  trusted?: PublicJwk,
): Promise<CheckpointBreak[] | null> {
  if (!(await checkpointSignatureValid(saved, trusted))) return null;
  const byCode = new Map(now.villages.map((v) => [v.village, v.hashes]));
  const pointsByCode = new Map((now.points ?? []).map((v) => [v.village, v.hashes]));
  return compareToCheckpoint(saved as Checkpoint, {
    audit: chainOf(now.audit.hashes),
    village: (code) => chainOf(byCode.get(code) ?? []),
    points: (code) => chainOf(pointsByCode.get(code) ?? []),
  });
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      remote: { type: "boolean" },
      "persist-to": { type: "string" },
      against: { type: "string" },
      key: { type: "string" },
    },
  });
  const target: D1Target = values.remote ? { remote: true } : { persistTo: values["persist-to"] };
  const [results, audit, points] = await withD1(
    target,
    async (db) => [await verifyAll(db), await auditLog(db), await verifyAllPoints(db)] as const,
  );
  // a district that keeps no points ledgers gets no line about them
  const report = [verifyReport(results), ...(points.length > 0 ? [pointsReport(points)] : [])];
  let ok = results.every((r) => r.valid) && points.every((r) => r.valid);
  if (values.against) {
    const saved = await readJson(values.against);
    const key = values.key ? ((await readJson(values.key)) as PublicJwk | { publicKey: PublicJwk }) : undefined;
    const trusted = key && "publicKey" in key ? key.publicKey : key;
    const breaks = await checkAgainst(saved, { villages: results, audit, points }, trusted);
    if (!audit.valid) report.push("BROKEN audit log: it does not verify by itself");
    if (breaks === null) {
      report.push(
        `REFUSED ${values.against}: the checkpoint's signature does not verify; nothing was checked against it`,
      );
    } else report.push(checkpointReport(saved as Checkpoint, breaks));
    ok &&= audit.valid && breaks?.length === 0;
  }
  if (ok) console.log(report.join("\n"));
  else {
    console.error(report.join("\n"));
    process.exit(1);
  }
}
