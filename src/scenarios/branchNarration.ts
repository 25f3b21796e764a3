/**
 * Narration once a run has left its script. A scripted sentence ("partition 0 is committed at 1")
 * is true of the original story, not necessarily of this run: after a learner's action the world
 * took another path. So a script step is told from this run's own effects (their reasons are
 * written from the state they changed), and the scripted text is kept apart, marked as the
 * original story, with the differences named: "In the original: X. Here: Y."
 */
import type { Effect, Narration } from '../engine/types';
import type { StepDef } from './schema';
import { summariseEffects } from './effectSummary';
import { sentence, withoutIds } from './plainWords';

const MAX_DIFFERENCES = 4;

/** This run's script step: the effects' reasons as the text, the original story beside it. */
export function narrateScriptAfterBranch(
  step: StepDef,
  effects: readonly Effect[],
  originalEffects: readonly Effect[],
): Narration {
  return {
    title: step.title,
    ...toldFromEffects(effects),
    generated: true,
    original: { text: step.narration, differences: differences(originalEffects, effects) },
  };
}

/** A step's text from its effects (repeated kinds summarised, every sentence kept beside it). */
export function toldFromEffects(effects: readonly Effect[]): Pick<Narration, 'text' | 'allEffects'> {
  if (effects.length === 0) return { text: 'Nothing changed in the system in this step of your run.' };
  const { text, all } = summariseEffects(effects);
  return all ? { text, allEffects: all } : { text };
}

/**
 * Effects paired by kind, in order of occurrence: where the original step and this run's step did
 * the same kind of thing differently (another offset, another member, a rejection instead of a
 * success), both sentences; effects only one of them has are named against "nothing of the kind".
 */
export function differences(
  original: readonly Effect[],
  here: readonly Effect[],
): { original: string; here: string }[] {
  const byKind = (effects: readonly Effect[]) => {
    const m = new Map<string, string[]>();
    for (const e of effects) m.set(e.kind, [...(m.get(e.kind) ?? []), sentence(withoutIds(e.reason))]);
    return m;
  };
  const a = byKind(original);
  const b = byKind(here);
  const out: { original: string; here: string }[] = [];
  const kinds = [...new Set([...a.keys(), ...b.keys()])];
  for (const kind of kinds) {
    const xs = a.get(kind) ?? [];
    const ys = b.get(kind) ?? [];
    for (let i = 0; i < Math.max(xs.length, ys.length); i++) {
      const x = xs[i];
      const y = ys[i];
      if (x === y) continue;
      out.push({ original: x ?? 'Nothing of this kind happened.', here: y ?? 'This did not happen.' });
      if (out.length === MAX_DIFFERENCES) return out;
    }
  }
  return out;
}
