/**
 * Tracing in a run (`topology.tracing`), through `src/engine/tracing`: what an instrumented Kafka client does.
 * A send puts a `traceparent` header on its record (a new trace, or the trace the sender is processing) and records
 * a PRODUCER span; a consumer's processing records a CONSUMER span whose parent is the record's context (a record
 * without one starts a new trace); a dead-letter send is a child of the failed attempt. Uninstrumented clients
 * (`untraced`) record nothing and send no traceparent; their metrics still count. After every step `tickTracing`
 * samples each group's lag, commits, generation and dead letters (what a lag exporter reads from the brokers).
 * The broker itself is never involved: it stores the header as it stores any other.
 */
import * as broker from '../../engine/broker';
import type { FetchedRecord } from '../../engine/broker';
import {
  addObservation,
  addSample,
  formatTraceparent,
  nextTraceId,
  parseTraceparent,
  processContext,
  recordSpan,
  sendContext,
  spanIdFor,
  TRACEPARENT,
  type GroupSample,
  type Span,
  type SpanContext,
  type TracingState,
} from '../../engine/tracing';
import type { Effect } from '../../engine/types';
import type { RngState } from '../../engine/sim/random';
import type { World } from '../world';

const traced = (world: World, ...ids: string[]): boolean =>
  world.tracing !== undefined && !ids.some((id) => world.tracing!.untraced.includes(id));

const withState = (world: World, state: TracingState): World => ({
  ...world,
  tracing: { untraced: world.tracing!.untraced, state },
});

/** Before a send: its context and the header to put on the record (null when the producer is not traced). */
export function beginSend(
  world: World,
  producer: string,
  parent: SpanContext | null,
  key: string,
): { context: SpanContext; header: Record<string, string>; rng: RngState } | null {
  if (!traced(world, producer)) return null;
  const [context, rng] = sendContext(world.rng, parent, `${producer}|${key}`);
  return { context, header: { [TRACEPARENT]: formatTraceparent(context) }, rng };
}

const ids = (r: Pick<FetchedRecord, 'headers' | 'eventId'>) => ({
  correlationId: r.headers.correlationId ?? null,
  causationId: r.headers.causationId ?? null,
  eventId: r.eventId,
});

/** After a send that appended `record`: its PRODUCER span, child of the span it was sent from (if any). */
export function endSend(
  world: World,
  service: string,
  context: SpanContext,
  parentId: string | null,
  record: FetchedRecord,
  outcome: string | null = null,
): { world: World; effects: Effect[] } {
  const span: Span = {
    traceId: context.traceId,
    spanId: context.spanId,
    parentId,
    links: [],
    kind: 'producer',
    name: `send ${record.topic}`,
    service,
    start: world.time,
    end: world.time,
    topic: record.topic,
    partition: record.partition,
    offset: record.offset,
    recordTimestamp: record.timestamp,
    attempt: 1,
    status: 'ok',
    outcome,
    ...ids(record),
  };
  const r = recordSpan(world.tracing!.state.spans, span);
  return { world: withState(world, { ...world.tracing!.state, spans: r.spans }), effects: r.effects };
}

/** The appended record a send's effects name (by its event id), read back from the log. */
export function appendedRecord(world: World, effects: readonly Effect[], eventId: string | null): FetchedRecord | null {
  const e = effects.find((x) => x.kind === 'record-appended' && (eventId === null || x.eventId === eventId));
  if (!e || e.kind !== 'record-appended') return null;
  return broker.recordsOf(world.broker, e.topic, e.partition).find((r) => r.offset === e.offset) ?? null;
}

/** A process span's key: the same for the dead-letter hook and the span recorded after it. */
const processKey = (world: World, group: string, r: FetchedRecord, attempt: number) =>
  `${group}|${r.topic}|${r.partition}|${r.offset}|${attempt}|${world.step}`;

/**
 * The context of a group's processing of `r` when the record carries a trace context (null otherwise). `salt` is the
 * generator's state when the poll began, so the dead-letter hook and the span recorded after it agree.
 */
export function processingContext(world: World, salt: RngState, group: string, r: FetchedRecord, attempt: number) {
  const parent = parseTraceparent(r.headers[TRACEPARENT]);
  return parent ? processContext(salt, parent, processKey(world, group, r, attempt)) : null;
}

/**
 * A traced group's last failed attempt and the dead-letter send made from it: the send's context goes in the
 * dead-letter record's traceparent (replacing the copied original), the failed attempt is its parent.
 */
export function deadLetterContext(
  world: World,
  salt: RngState,
  group: { id: string; service?: string },
  r: FetchedRecord,
  attempt: number,
): { process: SpanContext; send: SpanContext } | null {
  if (!traced(world, group.id, ...(group.service ? [group.service] : []))) return null;
  const process = processingContext(world, salt, group.id, r, attempt);
  if (!process) return null;
  const send = { ...process, spanId: spanIdFor(salt, `send|dead-letter|${processKey(world, group.id, r, attempt)}`) };
  return { process, send };
}

/**
 * A group processed (or failed to process) a record: an observation for its metrics always; a CONSUMER span when
 * the group is traced — a child of the record's context, or the root of a new trace when the record has none.
 * Returns the span's context, which a service publishing in turn carries on.
 */
export function traceProcess(
  world: World,
  group: { id: string; label: string; service?: string },
  r: FetchedRecord,
  attempt: number,
  failed: boolean,
  outcome: string | null,
  salt: RngState,
): { world: World; effects: Effect[]; context: SpanContext | null } {
  if (!world.tracing) return { world, effects: [], context: null };
  let w = withState(
    world,
    addObservation(world.tracing.state, {
      time: world.time,
      group: group.id,
      latencyMs: world.time - r.timestamp,
      failed,
    }),
  );
  if (!traced(w, group.id, ...(group.service ? [group.service] : []))) return { world: w, effects: [], context: null };
  const parent = parseTraceparent(r.headers[TRACEPARENT]);
  let context = processingContext(w, salt, group.id, r, attempt);
  if (!context) {
    const [traceId, rng] = nextTraceId(w.rng);
    context = { traceId, spanId: spanIdFor(rng, `process|${processKey(w, group.id, r, attempt)}`), sampled: true };
    w = { ...w, rng };
  }
  const span: Span = {
    traceId: context.traceId,
    spanId: context.spanId,
    parentId: parent?.spanId ?? null,
    links: parent ? [parent] : [],
    kind: 'consumer',
    name: `process ${r.topic}`,
    service: group.label,
    start: w.time,
    end: w.time,
    topic: r.topic,
    partition: r.partition,
    offset: r.offset,
    recordTimestamp: r.timestamp,
    attempt,
    status: failed ? 'error' : 'ok',
    outcome,
    ...ids(r),
  };
  const rec = recordSpan(w.tracing!.state.spans, span);
  return { world: withState(w, { ...w.tracing!.state, spans: rec.spans }), effects: rec.effects, context };
}

/** One sample of every group: lag, committed offsets, generation and dead letters now. */
function sampleOf(world: World): Record<string, GroupSample> {
  const b = world.broker;
  const groups: Record<string, GroupSample> = {};
  for (const [id, g] of Object.entries(b.groups)) {
    let lag = 0;
    let committed = 0;
    for (const topic of g.topics) {
      const t = b.topics[topic];
      if (!t) continue;
      for (let p = 0; p < t.partitions.length; p++) {
        const c = broker.committedOffset(b, id, topic, p);
        const log = t.partitions[p]!;
        lag += c === null ? log.logEndOffset - log.logStartOffset : Math.max(0, log.logEndOffset - c);
        committed += c ?? 0;
      }
    }
    let deadLetters = 0;
    for (const [name, t] of Object.entries(b.topics))
      for (let p = 0; p < t.partitions.length; p++)
        for (const r of broker.recordsOf(b, name, p)) if (r.producerId === `${id}-dlt`) deadLetters++;
    groups[id] = { lag, committed, generation: g.generation, deadLetters };
  }
  return groups;
}

/** After every step: one sample of each group (a lag exporter's scrape). */
export function tickTracing(world: World): { world: World; effects: Effect[] } {
  if (!world.tracing) return { world, effects: [] };
  return {
    world: withState(world, addSample(world.tracing.state, { time: world.time, groups: sampleOf(world) })),
    effects: [],
  };
}
