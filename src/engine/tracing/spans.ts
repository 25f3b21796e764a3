/**
 * Spans as an instrumented client records them, kept beside the run (a tracing backend's store, in small).
 *
 * Names and kinds follow OpenTelemetry's messaging semantic conventions (docs/messaging/messaging-spans.md):
 * `{operation} {destination}` names ("send orders", "process orders"), PRODUCER for the span whose context is the
 * record's creation context, CONSUMER for processing. A record's process span takes the context in its traceparent
 * as its parent — what OpenTelemetry Java's Kafka instrumentation does for one record when receive telemetry is off
 * (KafkaInstrumenterFactory.createConsumerProcessInstrumenter, MessagingProcessInstrumenterFactory) — and also
 * links to it, as the conventions ask of every process span ("SHOULD link to the message's creation context").
 * A batch span covering records from several traces could only link (a span has one parent); this model has none.
 */
import type { TracingEffect } from './effects';
import { nextTraceId, spanIdFor, type SpanContext } from './traceContext';
import type { RngState } from '../sim/random';

export type SpanKind = 'producer' | 'consumer';

export interface Span {
  readonly traceId: string;
  readonly spanId: string;
  /** The span whose context this one continued (null: a root, the start of a trace). */
  readonly parentId: string | null;
  /** Creation contexts this span links to (a process span links to its record's). */
  readonly links: readonly SpanContext[];
  readonly kind: SpanKind;
  /** `{operation} {destination}`, e.g. "send orders". */
  readonly name: string;
  /** Who recorded it: the producer or the consumer group's service. */
  readonly service: string;
  /** Simulated ms from the run's clock. */
  readonly start: number;
  readonly end: number;
  /** The record sent or processed. */
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  /** When the record was produced (its timestamp): for a process span, start − this is the time it waited. */
  readonly recordTimestamp: number;
  /** 1 for a send; the delivery attempt for a process span. */
  readonly attempt: number;
  readonly status: 'ok' | 'error';
  /** What came of it when not plain success, e.g. "retried", "dead-lettered to orders.DLT". */
  readonly outcome: string | null;
  /** The application's ids the record carried next to the trace (not part of Trace Context). */
  readonly correlationId: string | null;
  readonly causationId: string | null;
  readonly eventId: string | null;
}

/** Spans kept at most: a long learner run keeps the newest (a backend's retention, in small). */
export const MAX_SPANS = 2000;

export const contextOf = (s: Span): SpanContext => ({ traceId: s.traceId, spanId: s.spanId, sampled: true });

const where = (s: Span) => `${s.topic}-${s.partition}@${s.offset}`;

/** Adds one finished span; the effect says where it sits in its trace. */
export function recordSpan(spans: readonly Span[], span: Span): { spans: readonly Span[]; effects: TracingEffect[] } {
  const next = spans.length >= MAX_SPANS ? [...spans.slice(spans.length - MAX_SPANS + 1), span] : [...spans, span];
  const place =
    span.parentId === null
      ? `a new trace ${span.traceId.slice(0, 8)}…`
      : `trace ${span.traceId.slice(0, 8)}…, child of span ${span.parentId.slice(0, 8)}… (the context in the record's traceparent)`;
  const what =
    span.kind === 'producer'
      ? `${span.service} recorded a PRODUCER span "${span.name}" for ${where(span)} and put its context in the record's traceparent header`
      : `${span.service} recorded a CONSUMER span "${span.name}" for ${where(span)}${span.attempt > 1 ? ` (attempt ${span.attempt})` : ''}${span.status === 'error' ? ', status ERROR' : ''}`;
  return {
    spans: next,
    effects: [
      {
        kind: 'span-recorded',
        traceId: span.traceId,
        spanId: span.spanId,
        parentId: span.parentId,
        spanKind: span.kind,
        name: span.name,
        service: span.service,
        reason: `${what}: ${place}`,
      },
    ],
  };
}

/**
 * The context a send puts in its record's traceparent: the incoming context's trace (a consumer publishing in
 * turn continues the trace it is processing) or a new trace drawn from the generator; a span id of its own.
 */
export function sendContext(rng: RngState, parent: SpanContext | null, key: string): [SpanContext, RngState] {
  const [traceId, next] = parent ? [parent.traceId, rng] : nextTraceId(rng);
  return [{ traceId, spanId: spanIdFor(next, `send|${key}`), sampled: parent?.sampled ?? true }, next];
}

/** The context of a process span for a record whose traceparent held `parent`: same trace, an id of its own. */
export const processContext = (salt: RngState, parent: SpanContext, key: string): SpanContext => ({
  traceId: parent.traceId,
  spanId: spanIdFor(salt, `process|${key}`),
  sampled: parent.sampled,
});
