/**
 * Where a learner's design first plays out otherwise than its reference design under the same run: the first
 * step that decides a command otherwise (refuses one the reference accepts there, or accepts one it refuses).
 * A run whose outcome never happened ("charged never") opens there, not at its fault, and says so.
 */
import type { Effect } from '../../../engine/types';
import type { Stepper } from '../../stepper';
import { times } from './outcomes';

export interface Departure {
  /** The run's step (as the player numbers it) that decides a command otherwise. */
  step: number;
  /** That step and what it decided: 'step 6, “The retry”, refuses ChargeTopUp, which the reference design accepts'. */
  words: string;
}

interface Decided {
  command: string;
  accepted: number;
  refused: number;
}

/** A step's decisions: for each command on each stream, how many were accepted and how many refused. */
function decisions(effects: readonly Effect[]): Map<string, Decided> {
  const out = new Map<string, Decided>();
  for (const e of effects)
    if (e.kind === 'command-accepted' || e.kind === 'command-rejected') {
      const key = `${e.commandType}\u0000${e.streamId}`;
      const d = out.get(key) ?? { command: e.commandType, accepted: 0, refused: 0 };
      if (e.kind === 'command-accepted') d.accepted++;
      else d.refused++;
      out.set(key, d);
    }
  return out;
}

function decidedOtherwise(mine: Decided, reference: Decided): string {
  const c = mine.command;
  if (mine.accepted === 0) return `refuses ${c}, which the reference design accepts`;
  if (reference.accepted === 0) return `accepts ${c}, which the reference design refuses`;
  return `accepts ${c} ${times(mine.accepted)}, where the reference design accepts it ${times(reference.accepted)}`;
}

export function departureFrom(run: Stepper, reference: Stepper): Departure | null {
  const last = Math.min(run.lastStep, reference.lastStep);
  for (let k = 1; k <= last; k++) {
    const theirs = decisions(reference.at(k).effects);
    for (const [key, mine] of decisions(run.at(k).effects)) {
      // Only a command the reference also decided at this step: one it never sent there is not compared.
      const t = theirs.get(key);
      if (!t || t.accepted === mine.accepted) continue;
      const entry = run.entries[k - 1];
      const title = entry?.kind === 'script' ? entry.step.title : run.at(k).narration.title;
      return { step: k, words: `step ${k}, “${title}”, ${decidedOtherwise(mine, t)}` };
    }
  }
  return null;
}
