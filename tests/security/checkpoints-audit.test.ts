/**
 * Issue 10 item 2, the audit log: forked (its last rows replaced by others, validly chained, so it still
 * verifies by itself and is even longer) or truncated, it is caught against an earlier checkpoint, and no
 * new checkpoint is signed over it.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { CHECKPOINT_FORMAT, type Checkpoint, checkpointKey, signCheckpoint } from "#core/checkpoint.ts";
import { verifyAudit } from "../../worker/src/audit/queries.ts";
import { makeCheckpoint } from "../../worker/src/checkpoints/make.ts";
import { answered, publicClient } from "../fixtures/staff.ts";
import { appendAudit, forkAudit, truncateAudit } from "../fixtures/tamper.ts";

let minutes = 0;
const nextMinute = () => new Date(Date.now() + ++minutes * 61_000);

async function breaksAgainst(saved: Checkpoint) {
  return (await answered(publicClient().api.checkpoints.verify.$post({ json: { ...saved } }), 200)).breaks;
}

describe("the audit log against an earlier checkpoint", () => {
  it("a fork (last 3 rows replaced by 5 others) is caught, though the log still verifies and grew", async () => {
    await appendAudit(env.DB, 20, "login_failed");
    const saved = (await makeCheckpoint(env, nextMinute())) as Checkpoint;
    expect(saved.audit.length).toBe(20);
    await forkAudit(env.DB, 3, 5);
    expect(await verifyAudit(env.DB)).toMatchObject({ valid: true, length: 22 });
    expect(await breaksAgainst(saved)).toEqual([
      expect.objectContaining({ chain: "audit", reason: "forked", now: expect.objectContaining({ length: 22 }) }),
    ]);
    expect(await makeCheckpoint(env, nextMinute())).toBeNull();
  });

  it("a truncation is caught", async () => {
    const { head } = await verifyAudit(env.DB);
    const saved = await signedOver(head);
    // the last link and the entry it sealed: a link alone would be sealed again, identically, from its entry
    await truncateAudit(env.DB, 1);
    expect(await breaksAgainst(saved)).toEqual([
      expect.objectContaining({ chain: "audit", reason: "truncated", now: expect.objectContaining({ length: 21 }) }),
    ]);
  });
});

/** The deployment's checkpoint of the log as it stands (the maker refuses to sign past the fork above). */
async function signedOver(head: string): Promise<Checkpoint> {
  const { privateKey, publicKey } = await checkpointKey(env.CHECKPOINT_KEY as string);
  const { length } = await verifyAudit(env.DB);
  return signCheckpoint(
    {
      format: CHECKPOINT_FORMAT,
      origin: "371603",
      time: nextMinute().toISOString(),
      audit: { length, head },
      villages: {},
      publicKey,
    },
    privateKey,
  );
}
