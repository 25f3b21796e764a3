/**
 * The order the brokers are offered in, per set: a stable shuffle seeded by the set's id (the same on every
 * visit, different between sets), turned so that a best fit is never the first option. Nothing about the
 * order hints at the answer otherwise.
 */
import { PROFILES } from '../runs';
import type { ProfileId } from '../types';
import { bestFits } from './grade';
import type { RequirementSet } from './types';

/** FNV-1a of the set's id: the seed. */
function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** mulberry32: a small, well-spread generator; deterministic for a seed. */
function generator(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function optionOrder(set: RequirementSet): readonly ProfileId[] {
  const ids = PROFILES.map((p) => p.id);
  const next = generator(seedOf(set.id));
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  const best = new Set(bestFits(set));
  // Turn the circle until a broker that is not a best fit comes first (every set has a poor or workable one).
  let turns = 0;
  while (best.has(ids[0]!) && turns < ids.length) {
    ids.push(ids.shift()!);
    turns++;
  }
  return ids;
}
