/**
 * The log cleaner is lazy (LogCleanerManager.grabFilthiestCompactedLog / cleanableOffsets /
 * maxCompactionDelay in core/src/main/scala/kafka/log/LogCleanerManager.scala): it cleans a log only
 * when its dirty ratio is above min.cleanable.dirty.ratio (0.5) or a dirty record is older than
 * max.compaction.lag.ms, and never cleans records newer than min.compaction.lag.ms.
 */
import { describe, expect, it } from 'vitest';
import { createBroker, type BrokerState, type TopicConfig } from './brokerState';
import { createTopic } from './topic';
import { produce } from './producer';
import { compactTopic } from './compaction';
import { recordsOf } from './log';
import { only, pure } from './testing';

const topic = (extra: Partial<TopicConfig>): BrokerState =>
  createTopic(
    createBroker({ seed: 1 }),
    { name: 't', partitions: 1, segmentRecords: 2, cleanupPolicy: 'compact', ...extra },
    0,
  ).state;

/** Appends one 2-byte record per key (1-char key, 1-digit JSON value), at `at(i)`. */
function put(s: BrokerState, keys: string, at: (i: number) => number = () => 0): BrokerState {
  [...keys].forEach((key, i) => {
    s = produce(s, { topic: 't', key, value: i % 10, partition: 0 }, at(i)).state;
  });
  return s;
}
const offsets = (s: BrokerState) => recordsOf(s, 't', 0).map((r) => `${r.key}@${r.offset}`);

describe('the log cleaner picks a log by min.cleanable.dirty.ratio', () => {
  it('leaves a log whose dirty part is not above 50% of its cleanable bytes, superseded records included', () => {
    let s = put(topic({}), 'abcdef'); // [a b] [c d] [e f]: the first cleaning (ratio 100%) cleans [0-3]
    s = compactTopic(s, 't', 1).state;
    s = put(s, 'a'); // rolls [e f]: dirty = e, f (4 bytes) of 12 → 33%
    const low = pure(s, (x) => compactTopic(x, 't', 2));
    const [e] = only(low.effects, 'records-compacted');
    expect(e).toMatchObject({ removedOffsets: [], tombstonesRemoved: [] });
    expect(e!.reason).toMatch(
      /did not clean it: its dirty ratio 4 \/ 12 bytes = 33% is not above min.cleanable.dirty.ratio = 0.5 \(compaction is lazy\)/,
    );
    s = put(s, 'gh'); // dirty = e f a g (8 bytes) of 16 → exactly 50%: still not above
    expect(only(compactTopic(s, 't', 3).effects, 'records-compacted')[0]!.removedOffsets).toEqual([]);
    s = put(s, 'ij'); // dirty = e f a g h i (12 bytes) of 20 → 60%: cleaned, a@0 is superseded by a@6
    const high = compactTopic(s, 't', 4);
    expect(only(high.effects, 'records-compacted')[0]).toMatchObject({ removedOffsets: [0] });
    expect(only(high.effects, 'records-compacted')[0]!.reason).toMatch(
      /dirty ratio 12 \/ 20 bytes = 60%, above min.cleanable.dirty.ratio = 0.5/,
    );
    expect(offsets(high.state)).toEqual(['b@1', 'c@2', 'd@3', 'e@4', 'f@5', 'a@6', 'g@7', 'h@8', 'i@9', 'j@10']);
  });

  it('a lower min.cleanable.dirty.ratio cleans sooner', () => {
    const build = (ratio?: number) =>
      put(
        compactTopic(put(topic(ratio === undefined ? {} : { minCleanableDirtyRatio: ratio }), 'abcdef'), 't', 1).state,
        'abx',
      ); // dirty e f a b: 8 of 16 bytes = 50%
    expect(only(compactTopic(build(), 't', 2).effects, 'records-compacted')[0]!.removedOffsets).toEqual([]);
    expect(only(compactTopic(build(0.2), 't', 2).effects, 'records-compacted')[0]!.removedOffsets).toEqual([0, 1]);
  });
});

describe('max.compaction.lag.ms forces a cleaning below the ratio', () => {
  it('cleans when a dirty record is older than max.compaction.lag.ms', () => {
    let s = put(topic({ maxCompactionLagMs: 1000 }), 'abcdef');
    s = put(compactTopic(s, 't', 1).state, 'abx'); // 50% dirty, not above the ratio; e@4 was written at 0
    expect(only(compactTopic(s, 't', 1000).effects, 'records-compacted')[0]!.removedOffsets).toEqual([]);
    const due = compactTopic(s, 't', 1001);
    expect(only(due.effects, 'records-compacted')[0]).toMatchObject({ removedOffsets: [0, 1] });
    expect(only(due.effects, 'records-compacted')[0]!.reason).toMatch(/over max.compaction.lag.ms = 1 s/);
  });
});

describe('min.compaction.lag.ms: records newer than it are never cleaned', () => {
  it('stops the cleanable range at the first dirty segment with a record newer than the lag', () => {
    const s = put(topic({ minCompactionLagMs: 100 }), 'aaaabb', (i) => i * 10); // [a a] t≤10, [a a] t≤30, active [b b]
    const young = compactTopic(s, 't', 60);
    expect(only(young.effects, 'records-compacted')[0]!.reason).toMatch(
      /did not clean it: nothing is cleanable yet: segment 0–1 has records newer than min.compaction.lag.ms = 100 ms/,
    );
    expect(offsets(young.state)).toEqual(['a@0', 'a@1', 'a@2', 'a@3', 'b@4', 'b@5']);
    const half = compactTopic(s, 't', 115); // [0-1] is old enough, [2-3] (newest at 30) is not
    expect(only(half.effects, 'records-compacted')[0]!.removedOffsets).toEqual([0]);
    expect(offsets(half.state)).toEqual(['a@1', 'a@2', 'a@3', 'b@4', 'b@5']);
    const all = compactTopic(s, 't', 130);
    expect(offsets(all.state)).toEqual(['a@3', 'b@4', 'b@5']);
  });
});

describe('compaction is not erasure', () => {
  it('a superseded value and a deleted key stay readable until a cleaning covers them', () => {
    // cust-9's profile, then its tombstone; both in the active segment: nothing is removed yet
    let s = createTopic(
      createBroker({ seed: 1 }),
      { name: 'p', partitions: 1, segmentRecords: 4, cleanupPolicy: 'compact' },
      0,
    ).state;
    s = produce(s, { topic: 'p', key: 'cust-9', value: { email: 'tom@example.com' }, partition: 0 }, 0).state;
    s = produce(s, { topic: 'p', key: 'cust-9', value: null, partition: 0 }, 1).state;
    const r = compactTopic(s, 'p', 1_000_000);
    expect(recordsOf(r.state, 'p', 0).map((x) => x.value)).toEqual([{ email: 'tom@example.com' }, null]);
  });
});
