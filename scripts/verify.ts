/**
 * `npm run verify`: recomputes every village's hash chain of published disclosures in D1 and names the
 * first broken link of each broken chain. Exits 1 if any chain is broken. Local by default;
 * `--persist-to DIR` for another local state directory, `--remote` for the deployed database.
 *
 * @example
 *   npm run verify
 *   npm run verify -- --remote
 */
import { parseArgs } from "node:util";
import { type ChainResult, type ChainRow, chainColumns, verifyChain } from "../schema/chain.ts";
import { villageByCode } from "../schema/reference.ts";
import { type D1Target, query } from "./wrangler.ts";

export interface VillageChain extends ChainResult {
  village: string;
}

/**
 * Verifies every village's chain in the target database (villages with no rows have an empty, valid chain).
 * @example (await verifyAll({ persistTo: dir })).filter((c) => !c.valid)
 */
export async function verifyAll(target: D1Target): Promise<VillageChain[]> {
  const rows = query<ChainRow>(`SELECT ${chainColumns} FROM disclosures ORDER BY village_code, seq`, target);
  const codes = query<{ code: string }>("SELECT code FROM villages ORDER BY code", target).map((v) => v.code);
  const byVillage = new Map<string, ChainRow[]>(codes.map((code) => [code, []]));
  for (const row of rows) {
    const chain = byVillage.get(row.village_code) ?? [];
    chain.push(row);
    byVillage.set(row.village_code, chain);
  }
  const results: VillageChain[] = [];
  for (const [village, chain] of byVillage) results.push({ village, ...(await verifyChain(chain)) });
  return results;
}

const reasons = {
  seq_gap: "a version is missing or out of order (seq gap)",
  prev_hash_mismatch: "prev_hash does not match the previous version's hash",
  tables_not_json: "tables column is not valid JSON",
  hash_mismatch: "content does not match its hash (changed after publishing)",
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

if (import.meta.main) {
  const { values } = parseArgs({ options: { remote: { type: "boolean" }, "persist-to": { type: "string" } } });
  const target: D1Target = values.remote ? { remote: true } : { persistTo: values["persist-to"] };
  const results = await verifyAll(target);
  const report = verifyReport(results);
  if (results.every((r) => r.valid)) console.log(report);
  else {
    console.error(report);
    process.exit(1);
  }
}
