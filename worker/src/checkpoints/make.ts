/**
 * Making checkpoints: after a write that may have grown a chain, and from the cron every minute (which
 * picks up a write made less than a minute after the previous checkpoint); at most one a minute. A checkpoint is signed only when something changed and every chain still extends the previous
 * checkpoint and verifies; otherwise the refusal is logged and nothing is signed, so a truncated or
 * rewritten chain never gets a checkpoint of its own. Best-effort: never in the way of a request.
 */
import { createMiddleware } from "hono/factory";
import { verifyChain } from "#core/chain.ts";
import {
  CHECKPOINT_FORMAT,
  type ChainHead,
  type Checkpoint,
  type CheckpointBody,
  type CheckpointBreak,
  checkpointKey,
  compareToCheckpoint,
  signCheckpoint,
} from "#core/checkpoint.ts";
import { canonicalJson } from "#core/disclosure.ts";
import { verifyLedger } from "#core/points.ts";
import { district } from "#core/reference.ts";
import { chainRows } from "../disclosures/queries.ts";
import { mayWrite } from "../pages/flights.ts";
import { ledgerRows } from "../points/queries.ts";
import { auditChain, auditTip } from "./audit-head.ts";
import { hashesAt, insertCheckpoint, latestCheckpoint, latestCheckpointTime, villageHeads } from "./queries.ts";

/** At most one checkpoint a minute. */
export const CHECKPOINT_INTERVAL_MS = 60_000;

/**
 * How the chains in `db` now fail to extend `recorded` (empty when they all do).
 * @example (await checkpointBreaks(env.DB, saved))[0] // { chain: "371603104201", reason: "truncated", … }
 */
export async function checkpointBreaks(db: D1Database, recorded: CheckpointBody): Promise<CheckpointBreak[]> {
  const lengthsOf = (chains: Record<string, ChainHead>) =>
    Object.fromEntries(Object.entries(chains).map(([code, h]) => [code, h.length]));
  const [heads, hashes, audit, points, pointHashes] = await Promise.all([
    villageHeads(db),
    hashesAt(db, lengthsOf(recorded.villages)),
    auditChain(db, recorded.audit.length),
    villageHeads(db, "points_ledger"),
    hashesAt(db, lengthsOf(recorded.points ?? {}), "points_ledger"),
  ]);
  return compareToCheckpoint(recorded, {
    audit: { length: audit.length, hashAt: () => audit.hashAt },
    village: (code) => ({ length: heads.get(code)?.length ?? 0, hashAt: () => hashes.get(code) ?? null }),
    points: (code) => ({ length: points.get(code)?.length ?? 0, hashAt: () => pointHashes.get(code) ?? null }),
  });
}

/** Why the chains as read must not be signed, or null when they may. */
async function refusal(db: D1Database, latest: Checkpoint | null, body: CheckpointBody): Promise<string | null> {
  if (latest) {
    const [first] = await checkpointBreaks(db, latest);
    if (first) return `${first.chain} was ${first.reason} since the checkpoint of ${latest.time}`;
  }
  for (const [village, head] of Object.entries(body.villages)) {
    const recorded = latest?.villages[village];
    if (recorded && recorded.length === head.length && recorded.head === head.head) continue;
    const chain = await verifyChain(await chainRows(db, village));
    if (!chain.valid) return `village ${village}'s chain does not verify at seq ${chain.brokenAt?.seq}`;
  }
  for (const [village, head] of Object.entries(body.points ?? {})) {
    const recorded = latest?.points?.[village];
    if (recorded && recorded.length === head.length && recorded.head === head.head) continue;
    const chain = await verifyLedger(await ledgerRows(db, village));
    if (!chain.valid) return `village ${village}'s points ledger does not verify at seq ${chain.brokenAt?.seq}`;
  }
  return null;
}

const sameHeads = (a: CheckpointBody, b: Pick<CheckpointBody, "audit" | "villages" | "points">) =>
  canonicalJson([a.audit, a.villages, a.points ?? {}]) === canonicalJson([b.audit, b.villages, b.points ?? {}]);

/** Chain heads in village-code order, as a checkpoint records them. */
const byCode = (heads: Map<string, ChainHead>) => Object.fromEntries([...heads].sort(([a], [b]) => (a < b ? -1 : 1)));

/**
 * Signs and stores a checkpoint of every chain as it stands at `now`, unless there is no key, one was
 * made in the last minute, nothing changed, or a chain no longer extends the previous checkpoint or does
 * not verify. Cheap when nothing changed (the cron calls it every minute).
 * @example const checkpoint = await makeCheckpoint(env); // null when none was due
 */
export async function makeCheckpoint(env: Env, now: Date = new Date()): Promise<Checkpoint | null> {
  if (!env.CHECKPOINT_KEY) return null;
  const notAfter = new Date(now.getTime() - CHECKPOINT_INTERVAL_MS).toISOString();
  const latestTime = await latestCheckpointTime(env.DB);
  if (latestTime && latestTime > notAfter) return null;
  const latest = latestTime ? await latestCheckpoint(env.DB) : null;
  const [heads, tip, pointHeads] = await Promise.all([
    villageHeads(env.DB),
    auditTip(env.DB),
    villageHeads(env.DB, "points_ledger"),
  ]);
  const villages = byCode(heads);
  const points = byCode(pointHeads);
  if (latest && sameHeads(latest, { audit: tip, villages, points })) return null;
  const [{ privateKey, publicKey }, audit] = await Promise.all([
    checkpointKey(env.CHECKPOINT_KEY),
    auditChain(env.DB, 0),
  ]);
  const body: CheckpointBody = {
    format: CHECKPOINT_FORMAT,
    origin: district.code,
    time: now.toISOString(),
    audit: { length: audit.length, head: audit.head },
    villages,
    points,
    publicKey,
  };
  const refused = audit.valid ? await refusal(env.DB, latest, body) : "the audit log does not verify";
  if (refused) {
    console.error(`checkpoint refused: ${refused}`);
    return null;
  }
  const checkpoint = await signCheckpoint(body, privateKey);
  return (await insertCheckpoint(env.DB, checkpoint, notAfter)) ? checkpoint : null;
}

/**
 * A villager's report (码上问/办/监督): it writes a case, never a link of any chain, so it is no reason to
 * look at the chains. Checking them costs a read of every chain head, and in a meeting burst there is one
 * report after another, each slowing the page views beside it.
 */
const INTAKE = /^\/api\/villages\/[^/]+\/reports$/;

/**
 * Middleware: after any request that may have grown a chain (every non-GET but a villager's report, and
 * staff reads, which are audited), makes a checkpoint in the background. Its failure is logged, never the
 * client's problem.
 * @example app.use("*", checkpointAfterWrites);
 */
export const checkpointAfterWrites = createMiddleware<{ Bindings: Env }>(async (c, next) => {
  await next();
  const path = c.req.path;
  if (!mayWrite(c.req.method, path) || INTAKE.test(path) || !c.env?.DB) return;
  const work = makeCheckpoint(c.env).catch((err: unknown) => console.error("checkpoint not made:", err));
  try {
    c.executionCtx.waitUntil(work);
  } catch {
    // no execution context (app.request in a test): the promise runs on its own and logs its failure
  }
});
