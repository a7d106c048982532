/**
 * Work that views running at the same moment share (worker/src/pages/flights.ts), in workerd and on Node:
 * a whole meeting's views of one village read its data version a few times, not once each, and yet a
 * view that asks after a write is never handed a read begun before that write.
 */
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { freshRead, sharedOr } from "../../worker/src/pages/flights.ts";
import { bumpVillage } from "../../worker/src/pages/versions.ts";
import { TEST_ORIGIN } from "../fixtures/staff.ts";

const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

/** A stored value, and a read of it that takes a few milliseconds and counts how often it ran. */
function store() {
  const state = { value: 0, reads: 0 };
  const read = async () => {
    state.reads++;
    const seen = state.value; // what the database holds when the read begins
    await tick();
    return seen;
  };
  return { state, read };
}

describe("freshRead: one read for the views of one moment", () => {
  it("ten views asking at once cost at most two reads", async () => {
    const { state, read } = store();
    const values = await Promise.all(Array.from({ length: 10 }, () => freshRead("k:ten", read)));
    expect(values).toEqual(Array(10).fill(0));
    expect(state.reads).toBeLessThanOrEqual(2);
  });

  it("a view that asks after a write gets a read begun after it, never the one already running", async () => {
    const { state, read } = store();
    const before = freshRead("k:write", read); // begins with the old value
    state.value = 1; // a write commits while that read runs
    const after = freshRead("k:write", read);
    expect(await before).toBe(0);
    expect(await after).toBe(1);
  });

  it("views that came during a read share the next one, and the key is forgotten once all are done", async () => {
    const { state, read } = store();
    const first = freshRead("k:queue", read);
    const queued = Array.from({ length: 5 }, () => freshRead("k:queue", read));
    await Promise.all([first, ...queued]);
    expect(state.reads).toBe(2);
    state.value = 7;
    expect(await freshRead("k:queue", read)).toBe(7);
    expect(state.reads).toBe(3);
  });

  it("a view whose shared read never ends (its request was cut off) reads for itself", async () => {
    let reads = 0;
    const read = () => {
      reads++;
      // the read the first view began never ends; the next does
      return reads === 1 ? new Promise<number>(() => {}) : Promise.resolve(5);
    };
    void freshRead("k:cut", read);
    expect(await freshRead("k:cut", read, (work) => work, 20)).toBe(5);
  });

  it("a failed read fails its own views only; the next view reads again", async () => {
    let reads = 0;
    const read = async () => {
      reads++;
      await tick();
      if (reads === 1) throw new Error("D1 went away");
      return 3;
    };
    await expect(freshRead("k:fail", read)).rejects.toThrow("D1 went away");
    expect(await freshRead("k:fail", read)).toBe(3);
  });
});

describe("sharedOr", () => {
  it("gives the shared result when it comes in time, and does not run its own", async () => {
    let own = 0;
    const value = await sharedOr(
      tick().then(() => "shared"),
      1_000,
      async () => {
        own++;
        return "own";
      },
    );
    expect(value).toBe("shared");
    expect(own).toBe(0);
  });
});

describe("the village page under a burst, through the real worker", () => {
  it("a view after a write made while other views were running shows the write", async () => {
    const village = "371603104222";
    const tagOf = (res: Response) => res.headers.get("ETag");
    const first = await SELF.fetch(`${TEST_ORIGIN}/v/${village}/`);
    await first.text();
    const running = Array.from({ length: 8 }, () => SELF.fetch(`${TEST_ORIGIN}/v/${village}/`));
    await bumpVillage(env.DB, village).run();
    const after = await SELF.fetch(`${TEST_ORIGIN}/v/${village}/`);
    await after.text();
    for (const res of await Promise.all(running)) await res.text();
    expect(after.status).toBe(200);
    expect(tagOf(after)).not.toBe(tagOf(first));
  });
});
