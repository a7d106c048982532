/**
 * Work that views running close together share (worker/src/pages/flights.ts), in workerd and on Node:
 * a whole meeting's views of one village read its data version once every 50 ms, not once each, and yet
 * a view that comes after a write was answered always shows it, because every writer waits the lease out
 * before it answers (commit wait). The attack: a read begun just before a write, reused by a view after it.
 */
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { chinaDate, expectedPeriod } from "#core/period.ts";
import { COMMIT_WAIT_MS, leasedRead, settled, sharedOr, VERSION_LEASE_MS } from "../../worker/src/pages/flights.ts";
import { bumpVillage } from "../../worker/src/pages/versions.ts";
import { answered, loginAs, staffClient, TEST_ORIGIN } from "../fixtures/staff.ts";

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

/** A clock the test moves by hand (ms). */
function handClock(start = 1_000) {
  const clock = { now: start };
  return { clock, options: { clock: () => clock.now } };
}

describe("leasedRead: one read for the views of a lease", () => {
  it("ten views asking at once cost one read, and views after it ends are answered from it", async () => {
    const { state, read } = store();
    const { clock, options } = handClock();
    const values = await Promise.all(Array.from({ length: 10 }, () => leasedRead("k:ten", read, undefined, options)));
    expect(values).toEqual(Array(10).fill(0));
    clock.now += VERSION_LEASE_MS - 1;
    expect(await leasedRead("k:ten", read, undefined, options)).toBe(0);
    expect(state.reads).toBe(1);
  });

  it("a read is not reused once its lease is over, nor when the clock went back", async () => {
    const { state, read } = store();
    const { clock, options } = handClock();
    await leasedRead("k:over", read, undefined, options);
    state.value = 1;
    clock.now += VERSION_LEASE_MS;
    expect(await leasedRead("k:over", read, undefined, options)).toBe(1);
    state.value = 2;
    clock.now -= 10;
    expect(await leasedRead("k:over", read, undefined, options)).toBe(2);
    expect(state.reads).toBe(3);
  });

  it("the attack: a write right after a read begins is hidden from a view within the lease, unless the writer waits it out", async () => {
    const { state, read } = store();
    const before = leasedRead("k:write", read); // begins with the old value
    state.value = 1; // a write commits while that read runs
    // a writer that answered at once: the next view reuses the read begun before the write
    expect(await leasedRead("k:write", read)).toBe(0);
    expect(await before).toBe(0);
    // a writer that waited COMMIT_WAIT_MS before answering: the next view reads again and sees it
    await settled();
    expect(await leasedRead("k:write", read)).toBe(1);
    expect(COMMIT_WAIT_MS).toBeGreaterThan(VERSION_LEASE_MS);
  });

  it("a view whose shared read never ends (its request was cut off) reads for itself", async () => {
    let reads = 0;
    const read = () => {
      reads++;
      // the read the first view began never ends; the next does
      return reads === 1 ? new Promise<number>(() => {}) : Promise.resolve(5);
    };
    void leasedRead("k:cut", read);
    expect(await leasedRead("k:cut", read, undefined, { wait: 20 })).toBe(5);
  });

  it("a failed read fails its own views only; the next view reads again", async () => {
    let reads = 0;
    const read = async () => {
      reads++;
      await tick();
      if (reads === 1) throw new Error("D1 went away");
      return 3;
    };
    await expect(leasedRead("k:fail", read)).rejects.toThrow("D1 went away");
    expect(await leasedRead("k:fail", read)).toBe(3);
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
  const tagOf = (res: Response) => res.headers.get("ETag");

  it("a view right after a publish the worker answered shows it, though views were reading the old version", async () => {
    const village = "371603104222";
    const { cookie } = await loginAs(env.DB, { role: "village_secretary", scope: village });
    const first = await SELF.fetch(`${TEST_ORIGIN}/v/${village}/`);
    await first.text();
    const running = Array.from({ length: 8 }, () => SELF.fetch(`${TEST_ORIGIN}/v/${village}/`));
    await answered(
      staffClient(cookie).api.staff.disclosures.$post({
        json: {
          village,
          item: "village-dibao",
          period: expectedPeriod("quarterly", chinaDate()) as string,
          title: "夜里刚公开的低保名单",
          content: "本季度低保名单无变动。",
        },
      }),
      201,
    );
    const after = await SELF.fetch(`${TEST_ORIGIN}/v/${village}/`);
    const html = await after.text();
    for (const res of await Promise.all(running)) await res.text();
    expect(after.status).toBe(200);
    expect(tagOf(after)).not.toBe(tagOf(first));
    expect(html).toContain("夜里刚公开的低保名单");
  });

  it("a row written straight into D1 shows once its writer has waited as the worker's routes do", async () => {
    const village = "371603104223";
    const first = await SELF.fetch(`${TEST_ORIGIN}/v/${village}/`);
    await first.text();
    await bumpVillage(env.DB, village).run();
    await settled();
    const after = await SELF.fetch(`${TEST_ORIGIN}/v/${village}/`);
    await after.text();
    expect(tagOf(after)).not.toBe(tagOf(first));
  });
});
