/**
 * A producer publishes an event straight to a topic.
 *
 * A `publish` step (a script's, a service reaction's or a learner's record) is a DIRECT PRODUCER: one
 * write, to the broker only. Nothing is appended to the event store — only aggregates (commands)
 * append there, and the outbox relay publishes what they stored. A publish that also recorded the
 * event in the store, and took it back when the broker refused the record, would be an atomic write
 * across two systems: the dual write that cannot exist. The record carries what the views need to
 * show the event (its type, schema version, subject, correlation and causation ids) in its headers.
 */
import * as broker from '../../engine/broker';
import type { Effect, EventMetadata, NewEvent } from '../../engine/types';
import { nextEventId } from '../ids';
import type { World } from '../world';

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
  /** A transactional producer's send inside its open transaction (`sendInTransaction`). */
  transactional?: boolean;
  /** The send fails once and stays in flight: the producer retries it with its next send (`ProduceRequest.failOnce`). */
  failOnce?: boolean;
  metadata?: Partial<EventMetadata>;
}

type Out = { world: World; effects: Effect[] };

export function publish(
  world: World,
  producer: string,
  topic: string,
  spec: PublishSpec,
  options: PublishOptions = {},
): Out {
  if (options.retry) {
    // A retried send re-sends the producer's last request; nothing new is created.
    const r = broker.produce(
      world.broker,
      { topic, key: spec.key, value: null, producerId: producer, retry: true },
      world.time,
    );
    return { world: { ...world, broker: r.state }, effects: r.effects };
  }
  return produceDirect(world, producer, topic, spec, options);
}

function newEvent(
  world: World,
  producer: string,
  spec: PublishSpec,
  options: PublishOptions,
): [NewEvent, World['rng']] {
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
export function produceDirect(
  world: World,
  producer: string,
  topic: string,
  spec: PublishSpec,
  options: PublishOptions = {},
): Out {
  const [event, rng] = newEvent(world, producer, spec, options);
  const headers: Record<string, string> = {
    eventType: event.eventType,
    schemaVersion: String(event.schemaVersion ?? 1),
    subject: spec.streamId,
  };
  if (typeof event.metadata?.correlationId === 'string') headers.correlationId = event.metadata.correlationId;
  if (typeof event.metadata?.causationId === 'string') headers.causationId = event.metadata.causationId;
  const send = options.transactional ? broker.sendInTransaction : broker.produce;
  const produced = send(
    world.broker,
    {
      topic,
      key: spec.key,
      value: valueOf(spec, options),
      headers,
      producerId: producer,
      eventId: event.eventId,
      ...(options.partition !== undefined ? { partition: options.partition } : {}),
      ...(options.failOnce ? { failOnce: true } : {}),
    },
    world.time,
  );
  // A refused record is simply not written: there was only one write to attempt.
  return { world: { ...world, rng, broker: produced.state }, effects: produced.effects };
}
