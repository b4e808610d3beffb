/** A [0, 1) generator for tests that a seed replays exactly (FUZZ_SEED, DURABILITY_SEED). */
export type Random = () => number;

/** mulberry32: tiny and good enough to pick test inputs; not for anything secret. */
export function prng(seed: number): Random {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
