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
import { activeSegmentBase, closedSegments } from './segments';
import { kinds, only, pure } from './testing';

const topic = (extra: object): BrokerState =>
  createTopic(createBroker({ seed: 1 }), { name: 't', partitions: 1, segmentRecords: 3, ...extra }, 0).state;

/** Produces values 0..n-1 to partition 0, record i at time i * 10. */
function fill(
  s: BrokerState,
  n: number,
  key: (i: number) => string | null = () => 'k',
  value: (i: number) => unknown = (i) => i,
): BrokerState {
  for (let i = 0; i < n; i++) s = produce(s, { topic: 't', key: key(i), value: value(i), partition: 0 }, i * 10).state;
  return s;
}

describe('retention by time', () => {
  it('deletes whole segments whose newest record is too old; the last one only once all of its records are', () => {
    const s = fill(topic({ retentionMs: 100 }), 8); // segments [0-2] t≤20, [3-5] t≤50, active [6-7] t≤70
    const r = pure(s, (x) => applyRetention(x, 140));
    expect(
      only(r.effects, 'segment-deleted').map((e) => [e.baseOffset, e.lastOffset, e.logStartOffset, e.cause]),
    ).toEqual([[0, 2, 3, 'time']]);
    expect(logStartOffset(r.state, 't', 0)).toBe(3);
    expect(recordsOf(r.state, 't', 0).map((x) => x.offset)).toEqual([3, 4, 5, 6, 7]);
    const at170 = applyRetention(r.state, 170); // [3-5]'s newest is 120 ms old; [6-7]'s newest (70) exactly 100 ms: kept (age must be > retention.ms)
    expect(only(at170.effects, 'segment-deleted').map((e) => [e.baseOffset, e.lastOffset, e.logStartOffset])).toEqual([
      [3, 5, 6],
    ]);
    expect(recordsOf(at170.state, 't', 0).map((x) => x.offset)).toEqual([6, 7]);
  });

  // Kafka: UnifiedLog.deletableSegments walks every segment, the active one included, and
  // UnifiedLog.deleteSegments rolls a new empty segment first when all of them go
  // (UnifiedLogTest 'shouldDeleteTimeBasedSegmentsReadyToBeDeleted': 15 records, 5 per segment → 1 segment left).
  it('rolls and deletes a non-empty active segment whose records are all past retention.ms; the log-start offset moves to the log end', () => {
    const s = fill(topic({ retentionMs: 100, segmentRecords: 5 }), 15); // [0-4] [5-9] [10-14]: the last is full but still active
    expect(activeSegmentBase(s.topics.t!.partitions[0]!, 5)).toBe(10);
    const r = pure(s, (x) => applyRetention(x, 10_000));
    expect(only(r.effects, 'segment-deleted').map((e) => [e.baseOffset, e.lastOffset, e.logStartOffset])).toEqual([
      [0, 4, 5],
      [5, 9, 10],
      [10, 14, 15],
    ]);
    expect(only(r.effects, 'segment-deleted')[2]!.reason).toMatch(
      /active segment 10–14 of t-0 is rolled .* and deleted whole; the log is now empty/,
    );
    expect(logStartOffset(r.state, 't', 0)).toBe(15);
    expect(logEndOffset(r.state, 't', 0)).toBe(15);
    expect(recordsOf(r.state, 't', 0)).toEqual([]);
    expect(applyRetention(r.state, 20_000).effects).toEqual([]); // an empty last segment is never deleted
    const next = produce(r.state, { topic: 't', key: 'k', value: 15, partition: 0 }, 20_000);
    expect(next.appended).toEqual({ topic: 't', partition: 0, offset: 15 }); // offsets continue from the log end
    expect(activeSegmentBase(next.state.topics.t!.partitions[0]!, 5)).toBe(15); // the new segment starts at 15
  });

  it('keeps a whole segment while any record in it is young, even records older than retention.ms', () => {
    let s = fill(topic({ retentionMs: 100 }), 2); // t = 0, 10 in the active segment [0-2]
    s = produce(s, { topic: 't', key: 'k', value: 2, partition: 0 }, 500).state;
    const r = applyRetention(s, 550);
    expect(r.effects).toEqual([]);
    expect(recordsOf(r.state, 't', 0).map((x) => [x.offset, 550 - x.timestamp])).toEqual([
      [0, 550],
      [1, 540],
      [2, 50],
    ]);
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
    s = produce(s, { topic: 't', key: 'k', value: 8, partition: 0 }, 10_000).state;
    const p = poll(s, { groupId: 'g', memberId: 'c' }, 10_001);
    expect(kinds(p.effects)).toEqual(['offset-out-of-range', 'offset-reset-applied', 'records-fetched']);
    expect(only(p.effects, 'offset-out-of-range')[0]).toMatchObject({ requested: 1, logStart: 8, logEnd: 9 });
    expect(p.records.map((r) => r.offset)).toEqual([8]);
  });
});

describe('segments', () => {
  // LogSegment.shouldRoll: a segment rolls when the incoming batch does not fit, i.e. on the next append.
  it('a full segment stays active until the next append rolls a new one', () => {
    const s3 = fill(topic({}), 3);
    expect(activeSegmentBase(s3.topics.t!.partitions[0]!, 3)).toBe(0);
    expect(closedSegments(s3.topics.t!.partitions[0]!, 3)).toEqual([]);
    const s4 = fill(topic({}), 4);
    expect(activeSegmentBase(s4.topics.t!.partitions[0]!, 3)).toBe(3);
    expect(closedSegments(s4.topics.t!.partitions[0]!, 3).map((g) => [g.baseOffset, g.endOffset])).toEqual([[0, 3]]);
  });
});

describe('retention by size', () => {
  it('never deletes the active segment', () => {
    const s = fill(topic({ retentionMs: null, retentionBytes: 1 }), 3); // one full active segment of 6 bytes
    expect(applyRetention(s, 0).effects).toEqual([]);
    const r = applyRetention(fill(topic({ retentionMs: null, retentionBytes: 1 }), 4), 0);
    expect(only(r.effects, 'segment-deleted').map((e) => [e.baseOffset, e.cause])).toEqual([[0, 'size']]);
    expect(recordsOf(r.state, 't', 0).map((x) => x.offset)).toEqual([3]);
  });

  it('deletes oldest closed segments while what is left stays at or over retention.bytes (as Kafka)', () => {
    // key 'k' (1 byte) + JSON of a one-digit number (1 byte) = 2 bytes per record, 6 bytes per segment
    const s7 = fill(topic({ retentionMs: null, retentionBytes: 7 }), 9); // 3 segments = 18 bytes, [6-8] active
    const r7 = applyRetention(s7, 0);
    expect(only(r7.effects, 'segment-deleted').map((e) => [e.baseOffset, e.cause])).toEqual([[0, 'size']]);
    expect(logStartOffset(r7.state, 't', 0)).toBe(3);
    const s6 = fill(topic({ retentionMs: null, retentionBytes: 6 }), 9);
    const r6 = applyRetention(s6, 0);
    expect(only(r6.effects, 'segment-deleted').map((e) => [e.baseOffset, e.cause])).toEqual([
      [0, 'size'],
      [3, 'size'],
    ]);
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

  // KIP-534: the cleaner stamps a delete horizon (= cleaning time + delete.retention.ms) on a tombstone's
  // batch the first time a cleaning keeps it (MemoryRecords.filterTo), and Cleaner.shouldRetainRecord
  // drops it only when a later cleaning runs at or after that horizon — not delete.retention.ms after
  // the tombstone was written.
  it('keeps a tombstone for delete.retention.ms counted from the first cleaning that covers it', () => {
    // x@0 = 0, x@1 = tombstone (t = 10), y@2, z@3 → segments [0-1] and the active [2-3]
    let s = fill(
      topic({ cleanupPolicy: 'compact', segmentRecords: 2, tombstoneRetentionMs: 1000 }),
      4,
      (i) => ['x', 'x', 'y', 'z'][i]!,
      (i) => (i === 1 ? null : i),
    );
    const first = pure(s, (x) => compactTopic(x, 't', 5000)); // 4,990 ms after the tombstone was written
    const [e1] = only(first.effects, 'records-compacted');
    expect(e1).toMatchObject({ removedOffsets: [0], tombstonesRemoved: [] });
    expect(e1!.reason).toMatch(/stamped it with a delete horizon of now \+ delete.retention.ms \(1 s\)/);
    expect(recordsOf(first.state, 't', 0).map((x) => [x.offset, x.deleteHorizonMs])).toEqual([
      [1, 5000 + 1000],
      [2, undefined],
      [3, undefined],
    ]);
    // make the log dirty enough to be cleaned again: u@4, v@5, w@6 roll [2-3] and [4-5]
    s = first.state;
    for (const [i, k] of ['u', 'v', 'w'].entries())
      s = produce(s, { topic: 't', key: k, value: i, partition: 0 }, 5500).state;
    const before = compactTopic(s, 't', 5999);
    expect(only(before.effects, 'records-compacted')[0]).toMatchObject({ tombstonesRemoved: [] });
    expect(recordsOf(before.state, 't', 0).map((x) => x.offset)).toEqual([1, 2, 3, 4, 5, 6]);
    const after = compactTopic(s, 't', 6000);
    expect(only(after.effects, 'records-compacted')[0]).toMatchObject({ tombstonesRemoved: [1] });
    expect(recordsOf(after.state, 't', 0).map((x) => x.offset)).toEqual([2, 3, 4, 5, 6]);
  });

  it('a tombstone past its horizon stays until the cleaner cleans the log again', () => {
    const s = fill(
      topic({ cleanupPolicy: 'compact', segmentRecords: 2, tombstoneRetentionMs: 1000 }),
      3,
      (i) => ['x', 'x', 'y'][i]!,
      (i) => (i === 1 ? null : i),
    );
    const first = compactTopic(s, 't', 100); // cleans [0-1], stamps x@1 with horizon 1100; checkpoint 2
    const later = pure(first.state, (x) => compactTopic(x, 't', 1_000_000));
    const [e] = only(later.effects, 'records-compacted');
    expect(e).toMatchObject({ removedOffsets: [], tombstonesRemoved: [] });
    expect(e!.reason).toMatch(
      /did not clean it: everything before offset 2 was cleaned already, and the active segment \(from offset 2\) is never cleaned/,
    );
    expect(recordsOf(later.state, 't', 0).map((x) => x.offset)).toEqual([1, 2]);
  });
  it('never cleans a full segment that has not been rolled yet', () => {
    const s = fill(topic({ cleanupPolicy: 'compact' }), 3); // k, k, k: one full, still active segment
    const r = compactTopic(s, 't', 100);
    expect(only(r.effects, 'records-compacted')[0]!.reason).toMatch(
      /did not clean it: nothing is cleanable yet: the active segment \(from offset 0\) is never cleaned/,
    );
    expect(recordsOf(r.state, 't', 0).map((x) => x.offset)).toEqual([0, 1, 2]);
    const rolled = compactTopic(fill(topic({ cleanupPolicy: 'compact' }), 4), 't', 100);
    expect(only(rolled.effects, 'records-compacted')[0]!.removedOffsets).toEqual([0, 1]);
  });

  it('refuses to compact a delete-policy topic', () => {
    expect(kinds(compactTopic(topic({}), 't', 0).effects)).toEqual(['request-rejected']);
  });

  it('property: compaction never touches the active segment and keeps the latest value of every key', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd'), fc.option(fc.nat(9), { nil: null })), { maxLength: 40 }),
        fc.integer({ min: 1, max: 6 }),
        (ops, seg) => {
          let s = createTopic(
            createBroker({ seed: 1 }),
            { name: 't', partitions: 1, segmentRecords: seg, cleanupPolicy: 'compact', tombstoneRetentionMs: 0 },
            0,
          ).state;
          s = produceBatch(
            s,
            ops.map(([key, value]) => ({ topic: 't', key, value, partition: 0 })),
            0,
          ).state;
          const before = recordsOf(s, 't', 0);
          const after = recordsOf(compactTopic(s, 't', 1).state, 't', 0);
          const activeBase = before.length === 0 ? 0 : Math.floor((before.length - 1) / seg) * seg; // a full segment rolls on the next append
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
        },
      ),
      { numRuns: 200 },
    );
  }, 30_000);
});
