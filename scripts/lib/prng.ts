/**
 * The seeded PRNG of the scripts that make deterministic data (generate-villages.ts, generate-grids.ts,
 * generate-duties.ts, demo-data.ts, demo-cases.ts): the same seed gives the same list on every run.
 */

/**
 * A deterministic 32-bit PRNG (mulberry32): numbers in [0, 1) from `seed`.
 * @example const random = prng(42); random() // the same first number on every run
 */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
