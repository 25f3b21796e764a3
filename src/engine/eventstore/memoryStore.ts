/**
 * The in-memory event store: the same port as the IndexedDB store without durability. It is the
 * test double and the fallback when IndexedDB is unavailable. It keeps structured clones (as
 * IndexedDB does), so callers can neither change stored events nor be changed by them.
 */
import type { AppendResult, EventStore, ExpectedRevision, NewEvent, RecordedEvent } from '../types';
import {
  decideAppend,
  decideSync,
  normalizeBatch,
  toRecorded,
  validateExpected,
  validateReadAll,
  validateReadStream,
  type Probe,
  type ProbeAnswer,
} from './appendRules';
import { SubscriptionHub } from './subscriptions';

export interface InMemoryEventStoreOptions {
  /** One reading per append becomes `recordedAt`. Default: a logical counter 1, 2, 3… */
  clock?: () => number;
  /**
   * Entries of the recent-event-ids cache that makes `any` / `stream_exists` retries idempotent
   * (default RECENT_EVENT_IDS_CAPACITY, KurrentDB's 8 MiB in entries). Exact and `no_stream`
   * expectations do not depend on it.
   */
  recentEventIds?: number;
}

export interface InMemoryEventStore extends EventStore {
  /** The global position of the last event (0 when empty). */
  readonly head: number;
}

export function createInMemoryEventStore(options: InMemoryEventStoreOptions = {}): InMemoryEventStore {
  let tick = 0;
  const clock = options.clock ?? (() => ++tick);
  const all: RecordedEvent[] = [];
  const streams = new Map<string, RecordedEvent[]>();
  /** Per stream: event id → lowest revision holding it. */
  const firstRevisionOf = new Map<string, Map<string, number>>();
  const hub = new SubscriptionHub((from, max) => all.slice(from - 1, from - 1 + max).map((e) => structuredClone(e)));

  const append = (streamId: string, events: NewEvent[], expectedRevision?: ExpectedRevision): AppendResult => {
    const expected = validateExpected(expectedRevision);
    const batch = normalizeBatch(streamId, events);
    const stream = streams.get(streamId) ?? [];
    const last = stream.length - 1;
    const answer = (p: Probe): ProbeAnswer =>
      p.kind === 'find'
        ? firstRevisionOf.get(streamId)?.get(p.eventId)
        : stream
            .slice(p.fromRevision, p.fromRevision + p.count)
            .map((e) => ({ eventId: e.eventId, position: e.position }));
    const decision = decideSync(
      decideAppend(
        streamId,
        expected,
        batch.map((e) => e.eventId),
        last,
        all.length,
        options.recentEventIds,
      ),
      answer,
    );
    if (decision.kind === 'conflict') throw decision.error;
    if (decision.kind === 'noop')
      return { nextExpectedRevision: decision.nextExpectedRevision, position: decision.position };

    const recordedAt = clock();
    const ids = firstRevisionOf.get(streamId) ?? new Map<string, number>();
    const written = batch.map((e, i) =>
      toRecorded(e, streamId, decision.firstRevision + i, all.length + 1 + i, recordedAt),
    );
    for (const r of written) {
      all.push(r);
      stream.push(r);
      if (!ids.has(r.eventId)) ids.set(r.eventId, r.revision);
    }
    streams.set(streamId, stream);
    firstRevisionOf.set(streamId, ids);
    hub.publish(written.map((e) => structuredClone(e)));
    const lastWritten = written[written.length - 1]!;
    return { nextExpectedRevision: lastWritten.revision, position: lastWritten.position };
  };

  return {
    get head() {
      return all.length;
    },
    async appendToStream(streamId, events, options) {
      return append(streamId, events, options?.expectedRevision);
    },
    async readStream(streamId, options) {
      validateReadStream(options);
      const stream = streams.get(streamId) ?? [];
      const max = options?.maxCount ?? Infinity;
      let out: RecordedEvent[];
      if (options?.direction === 'backwards') {
        const from = Math.min(options.fromRevision ?? stream.length - 1, stream.length - 1);
        out = [];
        for (let r = from; r >= 0 && out.length < max; r--) out.push(stream[r]!);
      } else {
        const from = options?.fromRevision ?? 0;
        out = stream.slice(from, max === Infinity ? undefined : from + max);
      }
      return out.map((e) => structuredClone(e));
    },
    async readAll(options) {
      validateReadAll(options);
      const from = options?.fromPosition ?? 1;
      const max = options?.maxCount ?? Infinity;
      return all.slice(from - 1, max === Infinity ? undefined : from - 1 + max).map((e) => structuredClone(e));
    },
    subscribeToAll(options, handler) {
      return hub.subscribe(options?.afterPosition, handler);
    },
  };
}
