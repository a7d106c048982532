/**
 * Issue 10 item 2: signed checkpoints of every chain. A checkpoint is made after a chain grows (at most
 * once a minute), is signed with Ed25519 by CHECKPOINT_KEY, is public and append-only; and a village chain
 * truncated by one or by ten, or rewritten and re-hashed so it still verifies by itself, is caught against
 * an earlier checkpoint. A checkpoint whose signature does not verify is refused.
 */
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import {
  type Checkpoint,
  checkpointKey,
  checkpointSignatureValid,
  newCheckpointKey,
  signCheckpoint,
} from "#core/checkpoint.ts";
import { verifyAudit } from "../../worker/src/audit/queries.ts";
import { makeCheckpoint } from "../../worker/src/checkpoints/make.ts";
import { villageHeads } from "../../worker/src/checkpoints/queries.ts";
import { publishDisclosure } from "../fixtures/d1.ts";
import { answered, loginAs, publicClient, refused, staffClient, TEST_ORIGIN } from "../fixtures/staff.ts";
import { rewriteAndRehash, truncateVillage } from "../fixtures/tamper.ts";

/** Checkpoint times that step a minute past each other, ahead of the clock (tests need several). */
let minutes = 0;
const nextMinute = () => new Date(Date.now() + ++minutes * 61_000 + 3_600_000);

async function publishMany(village: string, count: number): Promise<void> {
  const months = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08"];
  for (let i = 0; i < count; i++) {
    await publishDisclosure(env.DB, {
      village,
      item: i < 8 ? "party-meetings" : "finance-ledger",
      period: months[i % 8] as string,
    });
  }
}

async function checkpointNow(): Promise<Checkpoint> {
  const checkpoint = await makeCheckpoint(env, nextMinute());
  if (!checkpoint) throw new Error("no checkpoint was made");
  return checkpoint;
}

const checkpoints = publicClient().api.checkpoints;

/** POSTs a saved checkpoint (or anything posing as one) to /api/checkpoints/verify. */
const verifyAgainst = (saved: object) => checkpoints.verify.$post({ json: { ...saved } });

/** A village's disclosure chain as GET /api/villages/{code}/chain recomputes it. */
const villageChain = (village: string) =>
  answered(publicClient().api.villages[":code"].chain.$get({ param: { code: village } }));

/** The paging query of a link like the `next` one /api/checkpoints answers. */
const pageQuery = (link: string) => Object.fromEntries(new URL(link, TEST_ORIGIN).searchParams);

/** The page of checkpoints a link like `next` names. */
const pageOf = (link: string) => answered(checkpoints.$get({ query: pageQuery(link) }));

describe("checkpoints are made, signed and public", () => {
  it("a write through the API is followed by a signed checkpoint; a publish right after it by the next minute's", async () => {
    const village = "371603105201";
    const { cookie } = await loginAs(env.DB, { role: "village_secretary", scope: village });
    // the login grew the audit log, so a checkpoint follows it in the background
    let latest = await checkpoints.latest.$get();
    for (let i = 0; i < 50 && latest.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 100));
      latest = await checkpoints.latest.$get();
    }
    expect(latest.status).toBe(200);
    const first = await latest.json();
    expect(first.audit.length).toBeGreaterThanOrEqual(1);

    const publish = staffClient(cookie).api.staff.disclosures.$post({
      json: {
        village,
        item: "party-dues",
        period: "2026-Q3",
        title: "党费",
        content: "本季度党费收缴。",
      },
    });
    const { hash } = await answered(publish, 201);
    // within the minute the publish waits for the cron, which runs every minute
    const made = await makeCheckpoint(env, new Date(Date.parse(first.time) + 61_000));
    expect(made?.villages[village]).toEqual({ length: 1, head: hash });
    const audit = await verifyAudit(env.DB);
    expect(made?.audit).toEqual({ length: audit.length, head: audit.head });
    expect(await answered(checkpoints.latest.$get())).toEqual(made);

    const key = await answered(checkpoints.key.$get(), 200);
    const publicKey = key.publicKey;
    const secret = await checkpointKey(env.CHECKPOINT_KEY as string);
    expect(publicKey).toEqual(secret.publicKey);
    expect(key.keyId).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}$/);
    expect(await checkpointSignatureValid(made, publicKey)).toBe(true);
  });

  it("at most one a minute; none when nothing changed; the cron's call makes one when due", async () => {
    const village = "371603105202";
    await publishMany(village, 1);
    const first = await checkpointNow();
    const at = new Date(first.time);
    await publishMany(village, 2);
    expect(await makeCheckpoint(env, new Date(at.getTime() + 30_000))).toBeNull();
    const second = await makeCheckpoint(env, new Date(at.getTime() + 61_000));
    minutes++;
    expect(second?.villages[village]?.length).toBe(3);
    expect(await makeCheckpoint(env, nextMinute())).toBeNull();
  });

  it("pages back through every checkpoint with ?before=, newest first; a bad before is a 400 naming it", async () => {
    await publishMany("371603105203", 1);
    await checkpointNow();
    const page = await pageOf("/api/checkpoints?limit=1");
    const [newest] = page.checkpoints;
    expect(page.next).toBe(`/api/checkpoints?before=${encodeURIComponent(newest?.time ?? "")}&limit=1`);
    const all: Checkpoint[] = [];
    let next: string | null = "/api/checkpoints?limit=2";
    while (next) {
      const body = await pageOf(next);
      all.push(...body.checkpoints);
      next = body.next;
    }
    const { n } = (await env.DB.prepare("SELECT COUNT(*) AS n FROM checkpoints").first<{ n: number }>()) as {
      n: number;
    };
    expect(all.length).toBe(n);
    expect(all.map((c) => c.time)).toEqual([...all.map((c) => c.time)].sort().reverse());

    const bad = await refused(checkpoints.$get({ query: pageQuery("/api/checkpoints?before=yesterday") }), 400);
    expect(Object.keys(bad.error.fields ?? {})).toEqual(["before"]);
  });

  it("checkpoints are append-only in the database itself", async () => {
    await publishMany("371603105204", 1);
    await checkpointNow();
    await expect(env.DB.prepare("UPDATE checkpoints SET body = '{}'").run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare("DELETE FROM checkpoints").run()).rejects.toThrow(/append-only/);
  });
});

describe("a chain shortened or rewritten is caught against an earlier checkpoint", () => {
  it("truncated by one", async () => {
    const village = "371603105205";
    await publishMany(village, 3);
    const saved = await checkpointNow();
    await truncateVillage(env.DB, village, 1);
    // the chain still verifies by itself
    expect((await villageChain(village)).valid).toBe(true);
    const body = await answered(verifyAgainst(saved), 200);
    expect(body.extends).toBe(false);
    expect(body.breaks).toEqual([
      {
        chain: village,
        reason: "truncated",
        recorded: saved.villages[village],
        now: { length: 2, hashAtRecorded: null },
      },
    ]);
    // and no new checkpoint legitimises the shorter chain
    await publishMany("371603105206", 1);
    expect(await makeCheckpoint(env, nextMinute())).toBeNull();
  });

  it("truncated by ten", async () => {
    const village = "371603105207";
    await publishMany(village, 12);
    // the previous test left a truncated chain the maker now refuses to sign, so sign as it would have
    const checkpoint = await signedNow();
    await truncateVillage(env.DB, village, 10);
    const { breaks } = await answered(verifyAgainst(checkpoint));
    expect(breaks.find((b) => b.chain === village)).toMatchObject({ reason: "truncated", now: { length: 2 } });
  });

  it("rewritten and re-hashed so that it still verifies by itself", async () => {
    const village = "371603105208";
    await publishMany(village, 6);
    const saved = await signedNow();
    await rewriteAndRehash(env.DB, village, 3, "这一条被悄悄改过了");
    const chain = await villageChain(village);
    expect(chain).toMatchObject({ valid: true, length: 6 });
    const { breaks } = await answered(verifyAgainst(saved));
    expect(breaks.find((b) => b.chain === village)).toMatchObject({
      reason: "forked",
      now: { hashAtRecorded: chain.head },
    });
  });

  it("a checkpoint with a bad signature, or signed by another key, is refused with a 422", async () => {
    const saved = await signedNow();
    expect((await verifyAgainst(saved)).status).toBe(200);
    const village = Object.keys(saved.villages)[0] as string;
    const forged = {
      ...saved,
      villages: { ...saved.villages, [village]: { length: 1, head: "0".repeat(63) + "1" } },
    };
    const { error } = await refused(verifyAgainst(forged), 422);
    expect(error.message).toContain("签名");
    const other = await checkpointKey(await newCheckpointKey());
    const foreign = await signCheckpoint({ ...body(saved), publicKey: other.publicKey }, other.privateKey);
    expect(await checkpointSignatureValid(foreign)).toBe(true);
    expect((await verifyAgainst(foreign)).status).toBe(422);
    expect((await verifyAgainst({ ...saved, signature: "AAAA" })).status).toBe(422);
    expect((await verifyAgainst({ nonsense: true })).status).toBe(422);
  });
});

describe("POST /api/checkpoints/verify with hostile bodies", () => {
  it("caps what it reads, chunked or not (413), and refuses what is not a JSON object (400), never a 5xx", async () => {
    const huge = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 40; i++) controller.enqueue(new TextEncoder().encode(`"${"x".repeat(16_384)}",`));
        controller.close();
      },
    });
    const chunked = await SELF.fetch(`${TEST_ORIGIN}/api/checkpoints/verify`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: huge,
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(413);
    for (const junk of ["{", "[]", "null", '"x"']) {
      const res = await SELF.fetch(`${TEST_ORIGIN}/api/checkpoints/verify`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: junk,
      });
      expect(res.status, junk).toBe(400);
    }
  });
});

const body = ({ signature: _, ...rest }: Checkpoint) => rest;

/** The chains as they stand now, signed with the deployment's key (whatever the maker would refuse). */
async function signedNow(): Promise<Checkpoint> {
  const latest = await answered(checkpoints.latest.$get());
  const { privateKey, publicKey } = await checkpointKey(env.CHECKPOINT_KEY as string);
  const heads = await villageHeads(env.DB);
  const audit = await verifyAudit(env.DB);
  return signCheckpoint(
    {
      ...body(latest),
      time: nextMinute().toISOString(),
      audit: { length: audit.length, head: audit.head },
      villages: Object.fromEntries(heads),
      publicKey,
    },
    privateKey,
  );
}
