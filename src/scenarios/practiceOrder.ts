/**
 * The order choices are shown in: shuffled, so the right answer is never first by construction,
 * yet stable for one learner (a per-device seed plus the question's key), so a reload or a second
 * visit shows the same order. Pure: the seed comes from the caller (see state/progressSeed.ts).
 */
import { cyrb53 } from './io/contentVersion';

/** mulberry32: a small, well-mixed 32-bit generator (public domain); enough to shuffle a few choices. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `items` in a Fisher–Yates order drawn from `seed` and `key` (e.g. "ride-sharing/practice:accept"). */
export function seededOrder<T>(items: readonly T[], seed: string, key: string): T[] {
  const next = mulberry32(cyrb53(`${seed}\u0000${key}`) % 4294967296);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
