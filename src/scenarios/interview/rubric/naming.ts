/**
 * Rubric point "events are past-tense facts": every event type ends in a past participle, does not
 * start like a command (AcceptRide, SendReceipt), and is not a generic "<Thing>Updated" that says only
 * that a row changed. The word lists are the linter's (`lint/words.ts`).
 */
import { list } from '../../compare/points';
import { indexScenario } from '../../index/scenarioIndex';
import { endsInPastTense, startsWithImperative, words } from '../../lint/words';
import type { ScenarioDef } from '../../schema';
import { STUDY } from '../study';
import type { RubricResult } from '../types';

const GENERIC = new Set(['Updated', 'Changed', 'Modified', 'Saved', 'Edited']);

/** One noun and a verb that only says "it changed": RideUpdated, OrderChanged. */
export const isGeneric = (name: string): boolean => {
  const w = words(name);
  return w.length === 2 && GENERIC.has(w[1]!);
};

export function namingPoint(s: ScenarioDef): RubricResult {
  const names = indexScenario(s).eventTypeNames;
  const commands = names.filter((n) => startsWithImperative(n));
  const present = names.filter((n) => !startsWithImperative(n) && !endsInPastTense(n));
  const generic = names.filter((n) => !startsWithImperative(n) && endsInPastTense(n) && isGeneric(n));
  const base = { id: 'past-tense' as const, title: 'Events are past-tense facts', study: STUDY['past-tense'] };
  if (commands.length + present.length + generic.length === 0)
    return {
      ...base,
      pass: true,
      feedback: `All ${names.length} events are named as facts that happened (${list(names, 4)}).`,
    };
  const parts = [
    commands.length > 0 && `${list(commands)} ${commands.length > 1 ? 'read' : 'reads'} as a command`,
    present.length > 0 && `${list(present)} ${present.length > 1 ? 'are' : 'is'} not in the past tense`,
    generic.length > 0 && `${list(generic)} only ${generic.length > 1 ? 'say' : 'says'} that something changed`,
  ].filter((p): p is string => typeof p === 'string');
  return { ...base, pass: false, feedback: `${list(parts)}: name each event as the fact that happened.` };
}
