/**
 * After the write side: the outbox relay publishing stored aggregate events to topics in store
 * order, and projections folding them into read models with a checkpoint (and, if configured, a
 * lag that makes eventual consistency visible).
 */
import * as broker_ from '../../engine/broker';
import { catchUpProjection, relayFromLog } from '../../engine/cqrs';
import type { Effect, RecordedEvent } from '../../engine/types';
import { eventsAfter, headPosition } from '../../engine/eventstore/log';
import { evalValue } from '../behaviour/expr';
import { touchedKeys } from '../behaviour/projections';
import type { CompiledScenario } from '../compiledScenario';
import type { ProjectionState, World } from '../world';

/**
 * Publishes stored aggregate events after the relay's checkpoint, in store order. The checkpoint
 * moves past an event only once every route has accepted it: an event the broker refuses (a key
 * that is not well-formed Unicode, a keyless record for a compacted topic…) stops the relay there,
 * with the broker's reason, and the next run tries that event again. It is never skipped, so the
 * outbox still never loses one — and it stays stuck on it until the cause is fixed, as a real relay
 * configured to stop on errors does (Debezium's default `errors.tolerance=none`).
 */
export function runRelay(
  world: World,
  rt: CompiledScenario,
  options: { maxEvents?: number; crashBeforeCheckpoint?: boolean } = {},
): { world: World; effects: Effect[] } {
  const relay = rt.scenario.topology.relay;
  if (!relay) return { world, effects: [] };
  const r = relayFromLog(
    world.log,
    world.relay.position,
    world.broker,
    (broker, e, position) => {
      const effects: Effect[] = [];
      let b = broker;
      let published = 0;
      for (const route of relay.routes) {
        if (route.eventTypes && !route.eventTypes.includes(e.eventType)) continue;
        const event = rt.upcasters.upcast(e);
        const key = evalValue(route.key, { event, data: event.data });
        const produced = broker_.produce(
          b,
          {
            topic: route.topic,
            key: key === undefined || key === null ? null : String(key),
            value: { eventType: event.eventType, schemaVersion: e.schemaVersion ?? 1, data: e.data },
            headers: headersOf(e),
            producerId: 'relay',
            eventId: e.eventId,
          },
          world.time,
        );
        b = produced.state;
        const at = produced.appended;
        const refused = at ? undefined : produced.effects.find((x) => x.kind === 'produce-rejected');
        if (refused?.kind === 'produce-rejected') {
          effects.push(...produced.effects);
          const why = refused.error;
          effects.push({
            kind: 'request-rejected',
            request: 'relay-publish',
            target: `${e.eventType} at position ${e.position}`,
            error: why,
            reason: `the relay stopped at ${e.eventType} (position ${e.position}): the broker refused it (${why}). Its checkpoint stays at ${position}, so the event is not lost: the relay tries it again on its next run and publishes nothing after it until the cause is fixed${published > 0 ? `; the ${published} route(s) that already took it will get it again (at-least-once)` : ''}`,
          });
          return { broker: b, effects, stopped: true };
        }
        published++;
        if (at)
          effects.push({
            kind: 'event-relayed',
            eventId: e.eventId,
            position: e.position,
            topic: at.topic,
            partition: at.partition,
            offset: at.offset,
            reason: `the relay read ${e.eventType} at position ${e.position} from the outbox and published it to ${at.topic}-${at.partition}@${at.offset}`,
          });
        effects.push(...produced.effects);
      }
      return { broker: b, effects };
    },
    {
      // Only the write side's events go through the outbox.
      filter: (e) => rt.aggregateOfStream(e.streamId) !== undefined,
      ...(options.maxEvents ? { maxEvents: options.maxEvents } : {}),
      ...(options.crashBeforeCheckpoint ? { crashBeforeCheckpoint: true } : {}),
    },
  );
  return { world: { ...world, broker: r.broker, relay: { position: r.position } }, effects: r.effects };
}

export const headersOf = (e: RecordedEvent): Record<string, string> => {
  const h: Record<string, string> = {
    eventType: e.eventType,
    schemaVersion: String(e.schemaVersion ?? 1),
    streamId: e.streamId,
    position: String(e.position),
  };
  if (typeof e.metadata?.correlationId === 'string') h.correlationId = e.metadata.correlationId;
  if (typeof e.metadata?.causationId === 'string') h.causationId = e.metadata.causationId;
  return h;
};

const initial = (): ProjectionState => ({ position: 0, rows: {} });

/** Folds events into one projection, from its checkpoint, while `visible(event)` holds (engine/cqrs/projection.ts). */
function advance(
  world: World,
  rt: CompiledScenario,
  name: string,
  visible: (e: RecordedEvent) => boolean,
  from?: ProjectionState,
  max = Infinity,
): { state: ProjectionState; effects: Effect[] } {
  const p = rt.projections.get(name)!;
  const cp = from ?? world.projections[name] ?? initial();
  const start = { position: cp.position, state: cp.rows };
  const r = catchUpProjection(world.log, p.projection, start, rt.upcasters, { visible, max });
  return {
    state: r.checkpoint === start ? cp : { position: r.checkpoint.position, rows: r.checkpoint.state },
    effects: r.effects.filter((e) => e.kind === 'projection-applied'),
  };
}

/** Every projection applies what its lag lets it see by now (`lagOf`: a lag that replaces the scenario's, e.g. a fault's). */
export function catchUpProjections(
  world: World,
  rt: CompiledScenario,
  lagOf: (name: string) => number | undefined = () => undefined,
): { world: World; effects: Effect[] } {
  let projections = world.projections;
  const effects: Effect[] = [];
  for (const [name, p] of rt.projections) {
    const lag = lagOf(name) ?? p.spec.lagMs ?? 0;
    const r = advance(world, rt, name, (e) => e.recordedAt <= world.time - lag);
    if (r.state !== (world.projections[name] ?? null)) projections = { ...projections, [name]: r.state };
    effects.push(...r.effects);
  }
  return { world: { ...world, projections }, effects };
}

export function projectNow(
  world: World,
  rt: CompiledScenario,
  name: string,
  maxEvents?: number,
): { world: World; effects: Effect[] } {
  const r = advance(world, rt, name, () => true, undefined, maxEvents);
  return { world: { ...world, projections: { ...world.projections, [name]: r.state } }, effects: r.effects };
}

export function rebuild(world: World, rt: CompiledScenario, name: string): { world: World; effects: Effect[] } {
  const before = world.projections[name] ?? initial();
  const r = advance(world, rt, name, () => true, initial());
  const same = JSON.stringify(sortRows(before.rows)) === JSON.stringify(sortRows(r.state.rows));
  return {
    world: { ...world, projections: { ...world.projections, [name]: r.state } },
    effects: [
      {
        kind: 'fault-injected',
        fault: 'rebuild',
        target: name,
        reason: `${name} was dropped and rebuilt by replaying the event store from position 1 (${r.effects.length} events applied)${before.position ? `; the rebuilt read model is ${same ? 'identical to' : 'different from'} the incremental one up to position ${before.position}` : ''}`,
      },
      ...r.effects,
    ],
  };
}

const sortRows = (rows: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(rows).sort(([a], [b]) => (a < b ? -1 : 1)));

/** Reads one row of a read model and says whether the answer is stale, and why. */
export function query(world: World, rt: CompiledScenario, name: string, key: string): Effect[] {
  const p = rt.projections.get(name)!;
  const cp = world.projections[name] ?? initial();
  const head = headPosition(world.log);
  const unseen = eventsAfter(world.log, cp.position).filter((e) =>
    touchedKeys(p.spec, rt.upcasters.upcast(e)).includes(key),
  );
  const row = cp.rows[key];
  const shown = row ? JSON.stringify(row) : 'no row';
  const stale = unseen.length > 0;
  return [
    {
      kind: 'query-answered',
      readModel: name,
      rowKey: key,
      stale,
      behindBy: head - cp.position,
      reason: stale
        ? `${p.spec.title} answered ${shown} for "${key}", but that is stale: ${unseen.map((e) => e.eventType).join(', ')} (stored at position ${unseen.map((e) => e.position).join(', ')}) has not reached the read model yet (checkpoint ${cp.position}, store head ${head})`
        : `${p.spec.title} answered ${shown} for "${key}" — up to date for this row (checkpoint ${cp.position}, store head ${head})`,
    },
  ];
}
