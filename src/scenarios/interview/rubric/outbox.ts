/**
 * Rubric point "publishing through an outbox, not a dual write": an event an aggregate stores reaches
 * its topic through the relay (which publishes what the store accepted, in store order), never also
 * by a direct publish — a service that stores one thing and publishes another write can lose one of
 * them or publish a fact the store never accepted.
 */
import { list } from '../../compare/points';
import { readDesign } from '../../compare/facts';
import { indexScenario } from '../../index/scenarioIndex';
import type { ScenarioDef } from '../../schema';
import { STUDY } from '../study';
import type { RubricResult } from '../types';

export function outboxPoint(s: ScenarioDef): RubricResult {
  const base = { id: 'outbox' as const, title: 'Publishing through an outbox, not a dual write', study: STUDY.outbox };
  const idx = indexScenario(s);
  const events = readDesign(s).events;
  const routes = s.topology.relay?.routes ?? [];
  const relayed = (type: string) => routes.some((r) => !r.eventTypes || r.eventTypes.includes(type));
  const dual = idx.stored.filter((e) => events.get(e)?.publishedDirectly);
  const read = new Set(idx.refs.filter((r) => r.kind === 'eventType' && r.role === 'react').map((r) => r.name));
  const stranded = idx.stored.filter((e) => !relayed(e) && read.has(e) && !dual.includes(e));
  if (dual.length > 0)
    return {
      ...base,
      pass: false,
      feedback: `${list(dual)} ${dual.length > 1 ? 'are' : 'is'} stored by an aggregate and also published directly: a dual write that can lose one of the two or publish what the store never accepted.`,
    };
  if (stranded.length > 0)
    return {
      ...base,
      pass: false,
      feedback: `${list(stranded)} ${stranded.length > 1 ? 'are' : 'is'} stored but no relay route publishes ${stranded.length > 1 ? 'them' : 'it'}, so the services that react never receive ${stranded.length > 1 ? 'them' : 'it'}.`,
    };
  return {
    ...base,
    pass: true,
    feedback:
      idx.stored.length > 0
        ? `Every stored event reaches its topic through the outbox relay, published only after the store accepted it.`
        : 'No aggregate stores events, so there is nothing to publish twice.',
  };
}
