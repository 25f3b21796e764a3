import { describe, expect, it } from 'vitest';
import type { NewEvent } from '../types';
import { runEventStoreConformance } from './conformance.testkit';
import { validateExpected, validateReadAll, validateReadStream } from './appendRules';
import { WrongExpectedVersionError } from './errors';
import { SubscriptionHub } from './subscriptions';
import {
  appendToLog,
  emptyLog,
  eventsOfStream,
  headPosition,
  logParts,
  readAllOf,
  readStreamOf,
  streamRevision,
  type EventLog,
} from './log';

/** Appends with `any`; a refused append fails the test. */
const add = (log: EventLog, streamId: string, batch: NewEvent[], recordedAt: number) => {
  const r = appendToLog(log, streamId, batch, 'any', recordedAt);
  if (!r.ok) throw r.error;
  return r;
};
const ev = (id: string) => ({ eventId: id, eventType: 'OrderPlaced', data: { id } });

describe('event log', () => {
  it('numbers revisions per stream and positions globally, without gaps', () => {
    let log = emptyLog();
    log = add(log, 'order-1', [ev('a'), ev('b')], 10).log;
    log = add(log, 'order-2', [ev('c')], 20).log;
    const r = add(log, 'order-1', [ev('d')], 30);
    expect(r.recorded.map((e) => [e.streamId, e.revision, e.position])).toEqual([['order-1', 2, 4]]);
    expect(headPosition(r.log)).toBe(4);
    expect(streamRevision(r.log, 'order-1')).toBe(2);
    expect(streamRevision(r.log, 'order-2')).toBe(0);
    expect(streamRevision(r.log, 'missing')).toBeNull();
    expect(eventsOfStream(r.log, 'order-1').map((e) => e.eventId)).toEqual(['a', 'b', 'd']);
  });

  it('fills defaults and never mutates the previous log', () => {
    const log = add(emptyLog(), 's', [ev('a')], 1).log;
    const frozen = JSON.stringify(log);
    const next = add(log, 's', [ev('b')], 2).log;
    expect(JSON.stringify(log)).toBe(frozen);
    expect(next.events[1]).toMatchObject({ schemaVersion: 1, metadata: {}, recordedAt: 2 });
  });

  it('an empty batch returns the same log', () => {
    const log = emptyLog();
    expect(add(log, 's', [], 1).log).toBe(log);
  });
});

describe('event log sharing (issue 19, point 12: a 10,000-step run stays linear)', () => {
  /** Slots (array elements, object keys) of objects reachable from `next` and not from `prev`: the copying an append did. */
  function freshSlots(prev: unknown, next: unknown): number {
    const seen = new Set<unknown>();
    const walk = (v: unknown) => {
      if (v === null || typeof v !== 'object' || seen.has(v)) return;
      seen.add(v);
      for (const x of Object.values(v)) walk(x);
    };
    walk(prev);
    let fresh = 0;
    const count = (v: unknown) => {
      if (v === null || typeof v !== 'object' || seen.has(v)) return;
      seen.add(v);
      const values = Object.values(v);
      fresh += values.length;
      for (const x of values) count(x);
    };
    count(next);
    return fresh;
  }

  it('appending one event copies O(log n) slots, whatever the number of streams and events', () => {
    const costAt = (n: number, streams: 'distinct' | 'one') => {
      let log = emptyLog();
      for (let i = 0; i < n; i++) log = add(log, streams === 'one' ? 's' : `s-${i}`, [ev(`e${i}`)], i).log;
      const next = add(log, streams === 'one' ? 's' : `s-${n}`, [ev('last')], n).log;
      return freshSlots(logParts(log), logParts(next));
    };
    for (const streams of ['distinct', 'one'] as const) {
      const small = costAt(500, streams);
      const large = costAt(8000, streams);
      // Copying whole indexes (the old log) made `large` ≈ 16 × `small`; a path copy adds a level at most.
      expect(large, streams).toBeLessThan(small + 100);
      expect(large, streams).toBeLessThan(400);
    }
  });

  it('a structured clone (a plain log) still answers, indexed once', () => {
    let log = emptyLog();
    log = add(log, 'a', [ev('1'), ev('2')], 1).log;
    log = add(log, 'b', [ev('3')], 2).log;
    const plain = structuredClone({ events: log.events, streams: log.streams, positions: log.positions });
    expect(plain.positions).toEqual({ a: [1, 2], b: [3] });
    expect(streamRevision(plain, 'a')).toBe(1);
    const next = add(plain, 'a', [ev('4')], 3).log;
    expect(eventsOfStream(next, 'a').map((e) => e.eventId)).toEqual(['1', '2', '4']);
    expect(next.streams).toEqual({ a: 2, b: 0 });
  });
});

describe('the append rules on the pure log', () => {
  it('a failed expectation returns the error and the same log, and reads no clock', () => {
    const log = add(emptyLog(), 's', [ev('a')], 1).log;
    let readings = 0;
    const r = appendToLog(log, 's', [ev('b')], 'no_stream', () => ++readings);
    expect(r.ok).toBe(false);
    expect(r.log).toBe(log);
    expect(!r.ok && r.error).toBeInstanceOf(WrongExpectedVersionError);
    expect(readings).toBe(0);
  });

  it('re-appending a batch at the revisions it points to is a no-op with the original result', () => {
    const first = add(emptyLog(), 's', [ev('a'), ev('b')], 1);
    const again = appendToLog(first.log, 's', [ev('a'), ev('b')], 'no_stream', 2);
    expect(again).toEqual({ ok: true, log: first.log, result: first.result, recorded: [] });
  });
});

/**
 * The conformance suite on the pure log itself, through the smallest holder (no copies on append:
 * the stepper's way). Events are copied on read only, as the port promises callers.
 */
runEventStoreConformance('the pure log', ({ clock }) => {
  let log = emptyLog();
  const subscribers = new Set<(e: RecordedEventLike) => void>();
  type RecordedEventLike = ReturnType<typeof readAllOf>[number];
  return {
    async appendToStream(streamId, events, options) {
      const expected = validateExpected(options?.expectedRevision);
      const r = appendToLog(log, streamId, structuredClone(events), expected, clock);
      if (!r.ok) throw r.error;
      log = r.log;
      for (const e of r.recorded) for (const s of subscribers) s(structuredClone(e));
      return r.result;
    },
    async readStream(streamId, options) {
      validateReadStream(options);
      return structuredClone(readStreamOf(log, streamId, options));
    },
    async readAll(options) {
      validateReadAll(options);
      return structuredClone(readAllOf(log, options));
    },
    subscribeToAll(options, handler) {
      const hub = new SubscriptionHub((from, max) =>
        structuredClone(readAllOf(log, { fromPosition: from, maxCount: max })),
      );
      const sub = hub.subscribe(options?.afterPosition, handler);
      const live = (e: RecordedEventLike) => hub.publish([e]);
      subscribers.add(live);
      return { unsubscribe: () => (subscribers.delete(live), sub.unsubscribe()) };
    },
  };
});
