/**
 * A step's effects told at a glance. A poll of 30 records is 30 "murmur2('customer-1') = …" sentences of
 * one kind, and a member that joins three partitions says "no committed offset on orders-N" three times:
 * read one after another they bury the few sentences that matter. So a kind of effect told three times or
 * more becomes one sentence, its first example with how many more there are, where it first happened;
 * every sentence stays available for a disclosure. A kind told once or twice is kept in full: a race's
 * two stored accepts are the point of the step.
 */
import type { Effect } from '../engine/types';
import { effectLines } from './plainWords';

/** How many sentences of one kind are summarised into one. */
export const SUMMARISE_FROM = 3;

export interface EffectSummary {
  /** The sentences to read, repeated kinds summarised. */
  text: string;
  /** Every sentence in order, when `text` summarises some (for "Every effect of this step"). */
  all?: string[];
}

export function summariseEffects(effects: readonly Effect[], reasonOf?: (e: Effect) => string): EffectSummary {
  const lines = effectLines(effects, reasonOf);
  const counts = new Map<string, number>();
  for (const l of lines) counts.set(l.kind, (counts.get(l.kind) ?? 0) + 1);
  const told = new Set<string>();
  const out: string[] = [];
  for (const l of lines) {
    const n = counts.get(l.kind)!;
    if (n < SUMMARISE_FROM) out.push(l.text);
    else if (!told.has(l.kind)) {
      told.add(l.kind);
      out.push(`${l.text} And ${n - 1} more like it.`);
    }
  }
  return told.size > 0 ? { text: out.join(' '), all: lines.map((l) => l.text) } : { text: out.join(' ') };
}
