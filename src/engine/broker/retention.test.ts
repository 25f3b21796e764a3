import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createBroker, type BrokerState } from './brokerState';
import { createTopic } from './topic';
import { produce, produceBatch } from './producer';
import { applyRetention, advanceTime } from './retention';
import { compactTopic } from './compaction';
import { logEndOffset, logStartOffset, recordsOf } from './log';
import { joinGroup } from './group';
import { poll } from './consumer';
import { commit, lagOf } from './offsets';
import { kinds, only, pure } from './testing';

const topic = (extra: object): BrokerState => createTopic(createBroker({ seed: 1 }), { name: 't', partitions: 1, segmentRecords: 3, ...extra }, 0).state;

/** Produces values 0..n-1 to partition 0, record i at time i * 10. */
function fill(s: BrokerState, n: number, key: (i: number) => string | null = () => 'k', value: (i: number) => unknown = (i) => i): BrokerState {
  for (let i = 0; i < n; i++) s = produce(s, { topic: 't', key: key(i), value: value(i), partition: 0 }, i * 10).state;
  return s;
}

describe('retention by time', () => {
  it('deletes whole closed segments whose newest record is too old, never the active one', () => {
    const s = fill(topic({ retentionMs: 100 }), 8); // segments [0-2] t≤20, [3-5] t≤50, active [6-8)
    const r = pure(s, (x) => applyRetention(x, 140));
    expect(only(r.effects, 'segment-deleted').map((e) => [e.baseOffset, e.lastOffset, e.logStartOffset, e.cause])).toEqual([[0, 2, 3, 'time']]);
    expect(logStartOffset(r.state, 't', 0)).toBe(3);
    expect(recordsOf(r.state, 't', 0).map((x) => x.offset)).toEqual([3, 4, 5, 6, 7]);
    const later = applyRetention(r.state, 10_000);
    expect(logStartOffset(later.state, 't', 0)).toBe(6);
    expect(recordsOf(later.state, 't', 0).map((x) => x.offset)).toEqual([6, 7]); // active segment survives
    expect(logEndOffset(later.state, 't', 0)).toBe(8);
  });

  it('null retention keeps everything', () => {
    const s = fill(topic({ retentionMs: null }), 8);
    expect(advanceTime(s, 1e12).effects).toEqual([]);
  });

  it('a consumer down for longer than retention skips what was deleted (out of range → reset)', () => {
    let s = fill(topic({ retentionMs: 100 }), 8);
    s = joinGroup(s, { groupId: 'g', memberId: 'c', topics: ['t'], autoOffsetReset: 'earliest' }, 0).state;
    s = commit(s, { groupId: 'g', memberId: 'c', offsets: [{ topic: 't', partition: 0, offset: 1 }] }, 0).state;
    s = applyRetention(s, 10_000).state;
    expect(lagOf(s, 'g', 't', 0)).toBe(7);
    const p = poll(s, { groupId: 'g', memberId: 'c' }, 10_001);
    expect(kinds(p.effects)).toEqual(['offset-out-of-range', 'offset-reset-applied', 'records-fetched']);
    expect(only(p.effects, 'offset-out-of-range')[0]).toMatchObject({ requested: 1, logStart: 6, logEnd: 8 });
    expect(p.records.map((r) => r.offset)).toEqual([6, 7]);
  });
});

describe('retention by size', () => {
  it('deletes oldest closed segments while what is left stays at or over retention.bytes (as Kafka)', () => {
    // key 'k' (1 byte) + JSON of a one-digit number (1 byte) = 2 bytes per record, 6 bytes per segment
    const s7 = fill(topic({ retentionMs: null, retentionBytes: 7 }), 9); // 3 closed segments = 18 bytes
    const r7 = applyRetention(s7, 0);
    expect(only(r7.effects, 'segment-deleted').map((e) => [e.baseOffset, e.cause])).toEqual([[0, 'size']]);
    expect(logStartOffset(r7.state, 't', 0)).toBe(3);
    const s6 = fill(topic({ retentionMs: null, retentionBytes: 6 }), 9);
    const r6 = applyRetention(s6, 0);
    expect(only(r6.effects, 'segment-deleted').map((e) => [e.baseOffset, e.cause])).toEqual([[0, 'size'], [3, 'size']]);
    expect(logStartOffset(r6.state, 't', 0)).toBe(6);
    expect(recordsOf(r6.state, 't', 0).map((x) => x.offset)).toEqual([6, 7, 8]);
  });
});

describe('compaction', () => {
  it('keeps the latest record per key in closed segments, leaves the active segment, offsets keep gaps', () => {
    const keys = ['a', 'b', 'a', 'a', 'c', 'b', 'a', 'b']; // segments [0-2] [3-5], active [6-8)
    const s = fill(topic({ cleanupPolicy: 'compact' }), keys.length, (i) => keys[i]!);
    const r = pure(s, (x) => compactTopic(x, 't', 100));
    const [e] = only(r.effects, 'records-compacted');
    expect(e!.removedOffsets).toEqual([0, 1, 2]); // a@0,a@2 superseded by a@3; b@1 by b@5
    expect(recordsOf(r.state, 't', 0).map((x) => `${x.key}@${x.offset}`)).toEqual(['a@3', 'c@4', 'b@5', 'a@6', 'b@7']);
    expect(logEndOffset(r.state, 't', 0)).toBe(8);
  });

  it('keeps a tombstone for tombstoneRetentionMs, then removes it', () => {
    const s = fill(topic({ cleanupPolicy: 'compact', tombstoneRetentionMs: 1000 }), 4, (i) => (i < 2 ? 'x' : 'y'), (i) => (i === 1 ? null : i));
    const early = compactTopic(s, 't', 500);
    expect(recordsOf(early.state, 't', 0).map((x) => x.offset)).toEqual([1, 2, 3]);
    const late = compactTopic(early.state, 't', 5000);
    expect(only(late.effects, 'records-compacted')[0]!.tombstonesRemoved).toEqual([1]);
    expect(recordsOf(late.state, 't', 0).map((x) => x.offset)).toEqual([2, 3]);
  });

  it('refuses to compact a delete-policy topic', () => {
    expect(kinds(compactTopic(topic({}), 't', 0).effects)).toEqual(['request-rejected']);
  });

  it('property: compaction never touches the active segment and keeps the latest value of every key', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd'), fc.option(fc.nat(9), { nil: null })), { maxLength: 40 }), fc.integer({ min: 1, max: 6 }), (ops, seg) => {
        let s = createTopic(createBroker({ seed: 1 }), { name: 't', partitions: 1, segmentRecords: seg, cleanupPolicy: 'compact', tombstoneRetentionMs: 0 }, 0).state;
        s = produceBatch(s, ops.map(([key, value]) => ({ topic: 't', key, value, partition: 0 })), 0).state;
        const before = recordsOf(s, 't', 0);
        const after = recordsOf(compactTopic(s, 't', 1).state, 't', 0);
        const activeBase = Math.floor(before.length / seg) * seg;
        expect(after.filter((r) => r.offset >= activeBase)).toEqual(before.filter((r) => r.offset >= activeBase));
        const lastOf = (rs: typeof before) => {
          const m = new Map<string, unknown>();
          for (const r of rs) m.set(r.key!, r.value);
          return m;
        };
        const want = lastOf(before);
        const got = lastOf(after);
        for (const [k, v] of want) if (v !== null) expect(got.get(k)).toEqual(v);
        const offs = after.map((r) => r.offset);
        expect(offs).toEqual([...offs].sort((x, y) => x - y));
      }),
      { numRuns: 200 },
    );
  }, 30_000);
});
