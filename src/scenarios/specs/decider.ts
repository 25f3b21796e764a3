/**
 * A decider spec (given / when / then, as emmett's DeciderSpecification): the aggregate's state is folded from
 * the given events with its own `evolve`, the command is decided with its own `decide` (the same compiled
 * aggregate the run uses, `behaviour/aggregates.ts`), and the result is compared with the expected events —
 * exactly these, in order, with exactly this data — or with a refusal whose reason contains the given words.
 */
import { isRejection } from '../../engine/cqrs';
import { compileAggregate, streamOf } from '../behaviour/aggregates';
import type { ScenarioDef, SpecDef } from '../schema';
import { guarded, recorded, same, show, showEvent, type SpecResult } from './result';

type Decider = Extract<SpecDef, { kind: 'decider' }>;

export function runDecider(s: ScenarioDef, spec: Decider): SpecResult {
  const base = {
    id: spec.id,
    kind: spec.kind,
    title: spec.title,
    given: spec.given.length ? spec.given.map(showEvent) : ['no past events'],
    when: `${spec.when.command} ${spec.when.id} ${show(spec.when.data)}`,
    then: 'events' in spec.then ? spec.then.events.map(showEvent) : [`refused: “${spec.then.refused}”`],
  };
  return guarded(base, () => {
    const def = s.topology.aggregates?.find((a) => a.type === spec.aggregate);
    if (!def) return { passed: false, reason: `there is no aggregate ${spec.aggregate}` };
    const agg = compileAggregate(def);
    const streamId = streamOf(def, spec.when.id);
    const state = spec.given.reduce((st, e, i) => agg.evolve(st, recorded(e, i, streamId)), agg.initialState);
    const decision = agg.decide(
      {
        commandId: 'spec',
        commandType: spec.when.command,
        streamId,
        aggregateId: spec.when.id,
        data: spec.when.data,
      },
      state,
    );
    if ('refused' in spec.then) {
      if (!isRejection(decision))
        return { passed: false, reason: `it was accepted: ${decision.map(showEvent).join(', ') || 'no events'}` };
      return decision.reason.includes(spec.then.refused)
        ? { passed: true, reason: `refused: “${decision.reason}”` }
        : { passed: false, reason: `refused, but for another reason: “${decision.reason}”` };
    }
    if (isRejection(decision)) return { passed: false, reason: `it was refused: “${decision.reason}”` };
    const got = decision.map((d) => ({ eventType: d.eventType, data: d.data }));
    return same(got, spec.then.events)
      ? { passed: true, reason: `${spec.aggregate} decided exactly these events` }
      : { passed: false, reason: `${spec.aggregate} decided ${got.map(showEvent).join(', ') || 'no events'}` };
  });
}
