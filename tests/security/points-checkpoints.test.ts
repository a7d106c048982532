/**
 * Issue 16: each village's points ledger is covered by the signed checkpoints like its disclosures. A
 * checkpoint records every ledger's length and head; a ledger truncated, or rewritten and re-hashed so it
 * still verifies by itself, is caught against an earlier checkpoint (as `points:<village>`), and the maker
 * never signs such a ledger. Checkpoints made before ledgers existed still verify.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { type Checkpoint, type CheckpointBody, checkpointKey, signCheckpoint } from "#core/checkpoint.ts";
import { makeCheckpoint } from "../../worker/src/checkpoints/make.ts";
import { villageHeads } from "../../worker/src/checkpoints/queries.ts";
import { confirmedEntry, householdOf, pointsVillage } from "../fixtures/points.ts";
import { answered, publicClient } from "../fixtures/staff.ts";
import { rewriteLedgerAndRehash, withoutTriggers } from "../fixtures/tamper.ts";

let minutes = 0;
const nextMinute = () => new Date(Date.now() + ++minutes * 61_000 + 3_600_000);

/** POSTs a saved checkpoint to /api/checkpoints/verify (the typed call; `answered` reads its answer). */
const verifyAgainst = (saved: Checkpoint) => publicClient().api.checkpoints.verify.$post({ json: { ...saved } });

/** A village's points ledger as GET /api/villages/{code}/points/chain recomputes it. */
const pointsChain = (village: string) =>
  answered(publicClient().api.villages[":code"].points.chain.$get({ param: { code: village } }));

/** The latest checkpoint with its time moved on and its points ledgers as they stand, signed anew. */
async function signedNow(change: (body: CheckpointBody) => CheckpointBody = (b) => b): Promise<Checkpoint> {
  const latest = await answered(publicClient().api.checkpoints.latest.$get());
  const { signature: _, ...rest } = latest;
  const { privateKey } = await checkpointKey(env.CHECKPOINT_KEY as string);
  const points = Object.fromEntries(await villageHeads(env.DB, "points_ledger"));
  return signCheckpoint(change({ ...rest, time: nextMinute().toISOString(), points }), privateKey);
}

describe("points ledgers in the checkpoints", () => {
  it("a checkpoint records every village's points ledger", async () => {
    const v = await pointsVillage("371603105210");
    await confirmedEntry(v, householdOf(v).id, "A1");
    const checkpoint = await makeCheckpoint(env, nextMinute());
    const chain = await pointsChain(v.village);
    expect(checkpoint?.points?.[v.village]).toEqual({ length: chain.length, head: chain.head });
    expect(chain.length).toBe(3); // rules, entry, confirmation
    expect(await answered(verifyAgainst(checkpoint as Checkpoint))).toMatchObject({ extends: true, breaks: [] });
  });

  it("a ledger rewritten and re-hashed, so that it still verifies by itself, is caught", async () => {
    const v = await pointsVillage("371603105211");
    await confirmedEntry(v, householdOf(v).id, "A1");
    const saved = await signedNow();
    await rewriteLedgerAndRehash(env.DB, v.village, 2, 500);
    const chain = await pointsChain(v.village);
    expect(chain.valid).toBe(true);
    const body = await answered(verifyAgainst(saved), 200);
    expect(body.extends).toBe(false);
    expect(body.breaks.find((b) => b.chain === `points:${v.village}`)).toMatchObject({
      reason: "forked",
      now: { hashAtRecorded: chain.head },
    });
  });

  it("a ledger truncated is caught, and no later checkpoint legitimises it", async () => {
    const v = await pointsVillage("371603105212");
    await confirmedEntry(v, householdOf(v).id, "A1");
    const saved = (await makeCheckpoint(env, nextMinute())) as Checkpoint;
    expect(saved.points?.[v.village]?.length).toBe(3);
    // the confirmation removed: the entry would silently stop counting
    await withoutTriggers(env.DB, "points_ledger", [
      env.DB.prepare(
        "DELETE FROM points_ledger WHERE village_code = ?1 AND seq = (SELECT MAX(seq) FROM points_ledger WHERE village_code = ?1)",
      ).bind(v.village),
    ]);
    const body = await answered(verifyAgainst(saved));
    expect(body.breaks.find((b) => b.chain === `points:${v.village}`)).toMatchObject({
      reason: "truncated",
      now: { length: 2, hashAtRecorded: null },
    });
    expect(await makeCheckpoint(env, nextMinute())).toBeNull();
  });

  it("a checkpoint from before the ledgers existed still verifies", async () => {
    const old = await signedNow(({ points: _, ...rest }) => rest);
    expect(old.points).toBeUndefined();
    expect((await verifyAgainst(old)).status).toBe(200);
  });
});
