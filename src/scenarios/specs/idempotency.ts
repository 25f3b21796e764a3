/**
 * An idempotency spec: the same event (one event id) delivered n times to a consumer group's service, in a
 * small model of the run's consumer (`steps/consume.ts`): an idempotent group remembers processed event ids
 * and skips a redelivery (as `engine/broker/delivery.ts`); otherwise every delivery runs the service's
 * reactions again — its commands decided by the scenario's own aggregates (a command the aggregate refuses
 * the second time changes nothing), its publishes sent again. What n deliveries lead to (events stored,
 * events published) must equal what one delivery leads to.
 */
import { isRejection } from '../../engine/cqrs';
import { addId, EMPTY_ID_SET, hasId, type IdSet } from '../../engine/sim/idSet';
import { compileAggregate, streamOf } from '../behaviour/aggregates';
import { evalFields, evalGuard, evalValue } from '../behaviour/expr';
import type { ScenarioDef, SpecDef } from '../schema';
import { guarded, recorded, same, show, showEvent, type SpecResult } from './result';

type Idempotency = Extract<SpecDef, { kind: 'idempotency' }>;
type Stored = { eventType: string; data: unknown };

export interface Outcome {
  /** Events stored by the service's commands, by stream. */
  readonly stored: Readonly<Record<string, readonly Stored[]>>;
  readonly published: readonly Stored[];
  /** Deliveries skipped as duplicates, and commands refused (what made a redelivery harmless). */
  readonly skipped: number;
  readonly refused: readonly string[];
}

const EMPTY: Outcome = { stored: {}, published: [], skipped: 0, refused: [] };

/** What `deliveries` deliveries of the spec's event lead to, in the design `s`. */
export function outcomeAfter(s: ScenarioDef, spec: Idempotency, deliveries: number): Outcome {
  const group = s.topology.groups.find((g) => g.id === spec.consumer);
  const service = s.topology.services?.find((x) => x.group === spec.consumer);
  const event = { ...recorded(spec.event, 0, ''), eventId: `${spec.id}-event` };
  const scope = { event, data: event.data };
  let seen: IdSet = EMPTY_ID_SET;
  let o = EMPTY;
  for (let n = 0; n < deliveries; n++) {
    if (group?.idempotent && hasId(seen, event.eventId)) {
      o = { ...o, skipped: o.skipped + 1 };
      continue;
    }
    seen = addId(seen, event.eventId);
    for (const rule of service?.on ?? []) {
      if (rule.eventType !== event.eventType || (rule.when && !evalGuard(rule.when, scope))) continue;
      for (const a of rule.do) {
        if ('publish' in a) {
          const p = { eventType: a.publish.eventType, data: evalFields(a.publish.data, scope) };
          o = { ...o, published: [...o.published, p] };
          continue;
        }
        const def = s.topology.aggregates?.find((x) => x.type === a.aggregate);
        if (!def) throw new Error(`there is no aggregate ${a.aggregate}`);
        const agg = compileAggregate(def);
        const id = String(evalValue(a.id, scope));
        const streamId = streamOf(def, id);
        const before = o.stored[streamId] ?? [];
        const state = before.reduce((st, e, i) => agg.evolve(st, recorded(e, i, streamId)), agg.initialState);
        const data = evalFields(a.data, scope);
        const d = agg.decide({ commandId: 'spec', commandType: a.command, streamId, aggregateId: id, data }, state);
        o = isRejection(d)
          ? { ...o, refused: [...o.refused, d.reason] }
          : {
              ...o,
              stored: {
                ...o.stored,
                [streamId]: [...before, ...d.map((e) => ({ eventType: e.eventType, data: e.data }))],
              },
            };
      }
    }
  }
  return o;
}

const effectOf = (o: Outcome) => ({ stored: o.stored, published: o.published });

function describe(o: Outcome): string {
  const stored = Object.entries(o.stored).flatMap(([stream, es]) => es.map((e) => `${showEvent(e)} on ${stream}`));
  const parts = [
    stored.length ? `stored ${stored.join(', ')}` : 'stored nothing',
    ...(o.published.length ? [`published ${o.published.map(showEvent).join(', ')}`] : []),
  ];
  return parts.join('; ');
}

export function runIdempotency(s: ScenarioDef, spec: Idempotency): SpecResult {
  const group = s.topology.groups.find((g) => g.id === spec.consumer);
  const base = {
    id: spec.id,
    kind: spec.kind,
    title: spec.title,
    given: [
      `${spec.consumer} ${group?.idempotent ? 'remembers processed event ids (dedupe on)' : 'keeps no record of processed event ids (dedupe off)'}`,
    ],
    when: `${spec.event.eventType} ${show(spec.event.data)} is delivered ${spec.deliveries} times (one event id)`,
    then: ['the same outcome as one delivery'],
  };
  return guarded(base, () => {
    const once = outcomeAfter(s, spec, 1);
    const many = outcomeAfter(s, spec, spec.deliveries);
    if (!same(effectOf(once), effectOf(many)))
      return {
        passed: false,
        reason: `delivered ${spec.deliveries} times it ${describe(many)}; delivered once it ${describe(once)}`,
      };
    const why =
      many.skipped > 0
        ? `${many.skipped === 1 ? 'the redelivery was' : `the ${many.skipped} redeliveries were`} skipped as a duplicate`
        : many.refused.length > 0
          ? `each redelivery was refused: “${many.refused[0]}”`
          : 'the reactions wrote the same thing again';
    return { passed: true, reason: `the same outcome as once (${describe(once)}): ${why}` };
  });
}
