/**
 * A producer publishes an event straight to a topic.
 *
 * In a scenario with a write side (aggregates, hence an event store), a `publish` step is a DIRECT
 * PRODUCER (`produceDirect`): one write, to the broker only. Nothing is appended to the event store
 * — only aggregates (commands) append there, and the outbox relay publishes what they stored. A
 * publish that also recorded the event in the store, and took it back when the broker refused the
 * record, would be an atomic write across two systems: the dual write that cannot exist.
 *
 * In a scenario without a write side (the pub/sub lessons: no aggregates, so no store in the story)
 * the event is still kept in the world's log (`publishAndRecord`), because that log is what the
 * player's event-log table and inspector list today. That path is legacy, kept until those views
 * read the broker's records: it never touches an aggregate's stream and no built-in with a write
 * side uses it.
 */
import * as broker from '../../engine/broker';
import { appendToLog } from '../../engine/sim/eventLog';
import type { Effect, EventMetadata, NewEvent } from '../../engine/types';
import { nextEventId } from '../ids';
import type { Runtime } from '../runtime';
import type { World } from '../world';
import { headersOf } from './readSide';

export interface PublishSpec {
  eventType: string;
  streamId: string;
  key: string | null;
  schemaVersion?: number;
  data: Record<string, unknown>;
}

export interface PublishOptions {
  partition?: number;
  retry?: boolean;
  /** Send the record with a null value (a tombstone). */
  tombstone?: boolean;
  metadata?: Partial<EventMetadata>;
}

export type PublishMode = 'direct' | 'recorded';

/** Direct (broker only) wherever the scenario has an event store; see the module comment. */
export const publishModeOf = (rt: Pick<Runtime, 'aggregates'>): PublishMode => (rt.aggregates.size > 0 ? 'direct' : 'recorded');

type Out = { world: World; effects: Effect[] };

export function publish(world: World, producer: string, topic: string, spec: PublishSpec, options: PublishOptions = {}, mode: PublishMode = 'recorded'): Out {
  if (options.retry) {
    // A retried send re-sends the producer's last request; nothing new is created.
    const r = broker.produce(world.broker, { topic, key: spec.key, value: null, producerId: producer, retry: true }, world.time);
    return { world: { ...world, broker: r.state }, effects: r.effects };
  }
  return mode === 'direct' ? produceDirect(world, producer, topic, spec, options) : publishAndRecord(world, producer, topic, spec, options);
}

function newEvent(world: World, producer: string, spec: PublishSpec, options: PublishOptions): [NewEvent, World['rng']] {
  const [eventId, rng] = nextEventId(world.rng);
  return [
    {
      eventId,
      eventType: spec.eventType,
      schemaVersion: spec.schemaVersion ?? 1,
      data: spec.data,
      metadata: { correlationId: eventId, ...options.metadata, occurredAt: world.time, producer },
    },
    rng,
  ];
}

const valueOf = (spec: PublishSpec, options: PublishOptions) =>
  options.tombstone ? null : { eventType: spec.eventType, schemaVersion: spec.schemaVersion ?? 1, data: spec.data };

/** A direct producer: the record goes to the broker and nowhere else. */
export function produceDirect(world: World, producer: string, topic: string, spec: PublishSpec, options: PublishOptions = {}): Out {
  const [event, rng] = newEvent(world, producer, spec, options);
  const headers: Record<string, string> = { eventType: event.eventType, schemaVersion: String(event.schemaVersion ?? 1), subject: spec.streamId };
  if (typeof event.metadata?.correlationId === 'string') headers.correlationId = event.metadata.correlationId;
  if (typeof event.metadata?.causationId === 'string') headers.causationId = event.metadata.causationId;
  const produced = broker.produce(
    world.broker,
    { topic, key: spec.key, value: valueOf(spec, options), headers, producerId: producer, eventId: event.eventId, ...(options.partition !== undefined ? { partition: options.partition } : {}) },
    world.time,
  );
  // A refused record is simply not written: there was only one write to attempt.
  return { world: { ...world, rng, broker: produced.state }, effects: produced.effects };
}

/**
 * Legacy (scenarios without an event store): the event is also kept in the world's log, because the
 * event-log views list that log. The record's headers carry the event's position in it, so the log
 * entry is computed first and dropped again if the broker refuses the record.
 */
export function publishAndRecord(world: World, producer: string, topic: string, spec: PublishSpec, options: PublishOptions = {}): Out {
  const [event, rng] = newEvent(world, producer, spec, options);
  const stored = appendToLog(world.log, spec.streamId, [event], world.time);
  const rec = stored.recorded[0]!;
  const produced = broker.produce(
    world.broker,
    { topic, key: spec.key, value: valueOf(spec, options), headers: headersOf(rec), producerId: producer, eventId: event.eventId, ...(options.partition !== undefined ? { partition: options.partition } : {}) },
    world.time,
  );
  if (!produced.appended && produced.effects.some((e) => e.kind === 'produce-rejected')) {
    return { world: { ...world, broker: produced.state }, effects: produced.effects };
  }
  const effects: Effect[] = [
    {
      kind: 'event-stored',
      streamId: rec.streamId,
      revision: rec.revision,
      position: rec.position,
      eventId: rec.eventId,
      eventType: rec.eventType,
      reason: `${producer} published ${rec.eventType}; the run's event log keeps it as revision ${rec.revision} of "${rec.streamId}" (position ${rec.position})`,
    },
  ];
  return { world: { ...world, rng, log: stored.log, broker: produced.state }, effects: [...effects, ...produced.effects] };
}
