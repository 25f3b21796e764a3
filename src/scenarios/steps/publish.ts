/** A producer publishes an event: it is recorded in the log, then appended to the topic as a record. */
import * as broker from '../../engine/broker';
import { appendToLog } from '../../engine/sim/eventLog';
import type { Effect, EventMetadata, NewEvent } from '../../engine/types';
import { nextEventId } from '../ids';
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
  /** Send the record with a null value (a tombstone); the event itself is still stored. */
  tombstone?: boolean;
  metadata?: Partial<EventMetadata>;
}

export function publish(world: World, producer: string, topic: string, spec: PublishSpec, options: PublishOptions = {}): { world: World; effects: Effect[] } {
  if (options.retry) {
    // A retried send re-sends the producer's last request; nothing new is stored.
    const r = broker.produce(world.broker, { topic, key: spec.key, value: null, producerId: producer, retry: true }, world.time);
    return { world: { ...world, broker: r.state }, effects: r.effects };
  }
  const [eventId, rng] = nextEventId(world.rng);
  const event: NewEvent = {
    eventId,
    eventType: spec.eventType,
    schemaVersion: spec.schemaVersion ?? 1,
    data: spec.data,
    metadata: { correlationId: eventId, ...options.metadata, occurredAt: world.time, producer },
  };
  const stored = appendToLog(world.log, spec.streamId, [event], world.time);
  const rec = stored.recorded[0]!;
  const effects: Effect[] = [
    {
      kind: 'event-stored',
      streamId: rec.streamId,
      revision: rec.revision,
      position: rec.position,
      eventId,
      eventType: rec.eventType,
      reason: `${producer} recorded ${rec.eventType} as revision ${rec.revision} of "${rec.streamId}" (global position ${rec.position})`,
    },
  ];
  const produced = broker.produce(
    world.broker,
    {
      topic,
      key: spec.key,
      value: options.tombstone ? null : { eventType: spec.eventType, schemaVersion: spec.schemaVersion ?? 1, data: spec.data },
      headers: headersOf(rec),
      producerId: producer,
      eventId,
      ...(options.partition !== undefined ? { partition: options.partition } : {}),
    },
    world.time,
  );
  // A record the broker refuses (a key that is not well-formed Unicode, a keyless record on a
  // compacted topic…) is not recorded either: nothing happened but the refusal.
  if (!produced.appended && produced.effects.some((e) => e.kind === 'produce-rejected')) {
    return { world: { ...world, broker: produced.state }, effects: produced.effects };
  }
  return { world: { ...world, rng, log: stored.log, broker: produced.state }, effects: [...effects, ...produced.effects] };
}
