/**
 * The in-memory event store: the same port as the IndexedDB store without durability, a holder of
 * one pure event log (`log.ts`). It is the test double and the fallback when IndexedDB is
 * unavailable. It keeps structured clones (as IndexedDB does), so callers can neither change stored
 * events nor be changed by them.
 */
import type { EventStore } from '../types';
import { normalizeBatch, validateExpected, validateReadAll, validateReadStream } from './appendRules';
import { appendToLog, emptyLog, headPosition, readAllOf, readStreamOf } from './log';
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

/** A holder of one pure event log (`log.ts`): each append replaces it with the next one. */
export function createInMemoryEventStore(config: InMemoryEventStoreOptions = {}): InMemoryEventStore {
  let tick = 0;
  const clock = config.clock ?? (() => ++tick);
  let log = emptyLog();
  const hub = new SubscriptionHub((from, max) =>
    readAllOf(log, { fromPosition: from, maxCount: max }).map((e) => structuredClone(e)),
  );

  return {
    get head() {
      return headPosition(log);
    },
    async appendToStream(streamId, events, options) {
      const expected = validateExpected(options?.expectedRevision);
      const r = appendToLog(log, streamId, normalizeBatch(streamId, events), expected, clock, {
        recentEventIds: config.recentEventIds,
      });
      if (!r.ok) throw r.error;
      log = r.log;
      hub.publish(r.recorded.map((e) => structuredClone(e)));
      return r.result;
    },
    async readStream(streamId, options) {
      validateReadStream(options);
      return readStreamOf(log, streamId, options).map((e) => structuredClone(e));
    },
    async readAll(options) {
      validateReadAll(options);
      return readAllOf(log, options).map((e) => structuredClone(e));
    },
    subscribeToAll(options, handler) {
      return hub.subscribe(options?.afterPosition, handler);
    },
  };
}
