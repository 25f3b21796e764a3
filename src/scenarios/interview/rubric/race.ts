/**
 * Rubric point "the race decided by an expected revision": both commands are decided on the same
 * revision of the aggregate's stream and appended with it as the expected revision, so the loser is
 * decided again on the new state; it is refused only if that state no longer accepts the command
 * (`compare/race.ts`'s `protectionOf`). A command no aggregate decides has no revision at all.
 */
import { deciderOf, protectionOf } from '../../compare/race';
import type { ScenarioDef } from '../../schema';
import { STUDY } from '../study';
import type { RaceKey, RubricResult } from '../types';

export function racePoint(s: ScenarioDef, race: RaceKey): RubricResult {
  const base = { id: 'race' as const, title: 'The race is decided by an expected revision', study: STUDY.race };
  const decider = deciderOf(s, race.command);
  if (!decider)
    return {
      ...base,
      pass: false,
      feedback: `No aggregate decides ${race.command}, so nothing appends with an expected revision and both of ${race.actors} can win.`,
    };
  const p = protectionOf(decider.aggregate, decider.specs);
  if (p.kind === 'lifecycle')
    return {
      ...base,
      pass: true,
      feedback: `${race.command} is decided by the ${p.aggregate} aggregate on its stream's revision; the loser is decided again on "${p.movesTo.join('", "')}", which no longer accepts it, so exactly one of ${race.actors} wins.`,
    };
  if (p.kind === 'guard')
    return {
      ...base,
      pass: true,
      feedback: `${race.command} is decided by the ${p.aggregate} aggregate on its stream's revision; the loser is decided again and its guard on ${p.fields.join(', ')} refuses it.`,
    };
  return {
    ...base,
    pass: false,
    feedback: `${p.aggregate} still accepts ${race.command} in "${p.acceptedIn.join('", "')}" after ${p.events.join(', ')}, so when ${race.actors} race the loser is decided again and lands too.`,
  };
}
