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
import { appendedRecord, beginSend, endSend } from './tracing';
import type { SpanContext } from '../../engine/tracing';
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
  /** With tracing on: the span this send happens in (a consumer's process span), so the record continues its trace. */
  trace?: SpanContext | null;
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
  const [event, rng0] = newEvent(world, producer, spec, options);
  // With tracing on, an instrumented producer puts its send span's context in a traceparent header.
  const traced = beginSend({ ...world, rng: rng0 }, producer, options.trace ?? null, event.eventId);
  const rng = traced?.rng ?? rng0;
  const headers: Record<string, string> = {
    eventType: event.eventType,
    schemaVersion: String(event.schemaVersion ?? 1),
    subject: spec.streamId,
  };
  if (typeof event.metadata?.correlationId === 'string') headers.correlationId = event.metadata.correlationId;
  if (typeof event.metadata?.causationId === 'string') headers.causationId = event.metadata.causationId;
  if (traced) Object.assign(headers, traced.header);
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
  const w: World = { ...world, rng, broker: produced.state };
  const record = traced ? appendedRecord(w, produced.effects, event.eventId) : null;
  if (!traced || !record) return { world: w, effects: produced.effects };
  const span = endSend(w, producer, traced.context, options.trace?.spanId ?? null, record);
  return { world: span.world, effects: [...produced.effects, ...span.effects] };
}
