/**
 * A seeded pseudo-random generator whose whole state is one 32-bit number, so it can live inside
 * an immutable world and snapshots restore it exactly (mulberry32).
 */
export type RngState = number;

export const seedRng = (seed: number): RngState => seed >>> 0;

/** Returns a float in [0, 1) and the next state. */
export function nextRandom(state: RngState): [value: number, next: RngState] {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [((t ^ (t >>> 14)) >>> 0) / 4294967296, next];
}

/** A uniform integer in [0, bound) and the next state. */
export function nextInt(state: RngState, bound: number): [value: number, next: RngState] {
  const [value, next] = nextRandom(state);
  return [Math.floor(value * bound), next];
}
