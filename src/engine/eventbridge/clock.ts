/** Simulated time: `advanceTo(state, now)` runs every retry that falls due, in time order, and expires archived events. */
import { deliverDue } from './deliver';
import type { EbEffect, EbState, EbStep } from './types';

function nextEventTime(s: EbState, now: number): number | null {
  let best: number | null = null;
  for (const p of s.pending) if (p.nextAt <= now && (best === null || p.nextAt < best)) best = p.nextAt;
  return best;
}

export function advanceTo(state: EbState, now: number): EbStep {
  if (now < state.now) throw new Error(`time goes forward: ${now} < ${state.now}`);
  let s = state;
  const effects: EbEffect[] = [];
  for (let t = nextEventTime(s, now); t !== null; t = nextEventTime(s, now)) s = deliverDue(s, t, effects);
  const archives = s.archives.map((a) =>
    a.retentionMs === null ? a : { ...a, events: a.events.filter((e) => e.at + a.retentionMs! > now) },
  );
  return { state: { ...s, archives, now }, effects };
}

/** Advance, then run `op`. */
export function at(state: EbState, now: number, op: (s: EbState) => EbStep): EbStep {
  const before = advanceTo(state, now);
  const done = op(before.state);
  return { state: done.state, effects: [...before.effects, ...done.effects] };
}
