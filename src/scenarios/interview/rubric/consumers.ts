/**
 * Rubric point "every consumer that causes a side effect is idempotent". Delivery is at-least-once,
 * so a redelivered event must not act twice. The format expresses two ways: the group deduplicates
 * by event id (`idempotent: true`, an inbox), or each reaction is a command its aggregate refuses once
 * it has happened (the lifecycle moves past the states that accept it: an idempotent upsert). A
 * reaction that publishes, or a command still accepted after its own event, acts again.
 */
import { list } from '../../compare/points';
import { deciderOf, protectionOf } from '../../compare/race';
import type { ScenarioDef, ServiceDef } from '../../schema';
import { capitalize, STUDY } from '../study';
import type { RubricResult } from '../types';

/** Why a redelivery would act again, or null when the service's reactions are safe to repeat. */
function repeats(s: ScenarioDef, sv: ServiceDef): string | null {
  for (const on of sv.on)
    for (const d of on.do) {
      if ('publish' in d) return `a redelivered ${on.eventType} publishes ${d.publish.eventType} again`;
      const decider = deciderOf(s, d.command);
      if (!decider) return `a redelivered ${on.eventType} sends ${d.command} again`;
      if (protectionOf(decider.aggregate, decider.specs).kind !== 'lifecycle')
        return `a redelivered ${on.eventType} sends ${d.command} again and ${decider.aggregate.type} still accepts it`;
    }
  return null;
}

export function consumersPoint(s: ScenarioDef): RubricResult {
  const groups = new Map(s.topology.groups.map((g) => [g.id, g]));
  const unsafe: string[] = [];
  const safe: string[] = [];
  for (const sv of s.topology.services ?? []) {
    if (!sv.on.some((r) => r.do.length > 0)) continue;
    const g = groups.get(sv.group);
    if (g?.idempotent) {
      safe.push(sv.group);
      continue;
    }
    const why = repeats(s, sv);
    if (why) unsafe.push(`group ${sv.group} does not deduplicate by event id and ${why}`);
    else safe.push(sv.group);
  }
  const base = {
    id: 'idempotent' as const,
    title: 'Consumers with side effects are idempotent',
    study: STUDY.idempotent,
  };
  if (unsafe.length === 0)
    return {
      ...base,
      pass: true,
      feedback:
        safe.length > 0
          ? `Every consumer that acts (${list(safe)}) deduplicates by event id or sends a command its aggregate refuses a second time.`
          : 'No consumer group causes a side effect, so redelivery changes nothing.',
    };
  return { ...base, pass: false, feedback: `${capitalize(list(unsafe, 2))}.` };
}
