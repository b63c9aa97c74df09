/**
 * A seeded source of numbers for reproducible runs: the CLI's fake people and visits, the benchmarks and
 * the hub's injected faults. Not for anything secret: the same seed always gives the same stream.
 */

/** A small, fast PRNG (mulberry32): uniform numbers in [0, 1) from a 32-bit state. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
