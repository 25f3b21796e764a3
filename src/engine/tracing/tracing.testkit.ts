/** Test support: spans as the steps record them, without a broker (imported only by *.test.ts files). */
import type { RngState } from '../sim/random';
import { processContext, sendContext, type Span } from './spans';
import type { SpanContext } from './traceContext';

export interface SentRecord {
  readonly topic: string;
  readonly offset: number;
  readonly time: number;
  readonly context: SpanContext;
}

export function sendSpan(
  rng: RngState,
  parent: SpanContext | null,
  parentId: string | null,
  r: { service: string; topic: string; offset: number; time: number },
): { span: Span; rng: RngState } {
  const [c, next] = sendContext(rng, parent, `${r.service}|${r.topic}|${r.offset}`);
  return {
    rng: next,
    span: {
      traceId: c.traceId,
      spanId: c.spanId,
      parentId,
      links: [],
      kind: 'producer',
      name: `send ${r.topic}`,
      service: r.service,
      start: r.time,
      end: r.time,
      topic: r.topic,
      partition: 0,
      offset: r.offset,
      recordTimestamp: r.time,
      attempt: 1,
      status: 'ok',
      outcome: null,
      correlationId: null,
      causationId: null,
      eventId: null,
    },
  };
}

export function processSpan(
  salt: RngState,
  record: SentRecord,
  r: { group: string; attempt: number; time: number; failed: boolean; step: number },
): Span {
  const c = processContext(salt, record.context, `${r.group}|${record.topic}|${record.offset}|${r.attempt}|${r.step}`);
  return {
    traceId: c.traceId,
    spanId: c.spanId,
    parentId: record.context.spanId,
    links: [record.context],
    kind: 'consumer',
    name: `process ${record.topic}`,
    service: r.group,
    start: r.time,
    end: r.time,
    topic: record.topic,
    partition: 0,
    offset: record.offset,
    recordTimestamp: record.time,
    attempt: r.attempt,
    status: r.failed ? 'error' : 'ok',
    outcome: null,
    correlationId: null,
    causationId: null,
    eventId: null,
  };
}
