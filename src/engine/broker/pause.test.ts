import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createBroker, tpKey, type BrokerState } from './brokerState';
import { poll } from './consumer';
import { joinGroup } from './group';
import { positionOf } from './offsets';
import { pausedOf, pausePartitions, resumePartitions } from './pause';
import { produce } from './producer';
import { createTopic } from './topic';
import { only, pure } from './testing';

/** A topic of 3 partitions with `n` records in each, and one member owning all three. */
function setup(n = 3, members = ['c1']): BrokerState {
  let s = createTopic(createBroker({ seed: 7 }), { name: 'orders', partitions: 3 }, 0).state;
  for (let p = 0; p < 3; p++)
    for (let i = 0; i < n; i++)
      s = produce(s, { topic: 'orders', key: null, value: i, partition: p, producerId: 'shop' }, 1).state;
  for (const m of members)
    s = joinGroup(s, { groupId: 'g', memberId: m, topics: ['orders'], autoOffsetReset: 'earliest' }, 2).state;
  return s;
}
const tp = (partition: number) => ({ topic: 'orders', partition });

describe('pause and resume (KafkaConsumer.pause / resume)', () => {
  it('a paused partition returns nothing and keeps its position; the others are fetched', () => {
    const s = pure(setup(), (x) => pausePartitions(x, { groupId: 'g', memberId: 'c1', partitions: [tp(1)] }, 3));
    expect(only(s.effects, 'consumer-changed')[0]!.op).toBe('paused');
    const r = poll(s.state, { groupId: 'g', memberId: 'c1' }, 4);
    expect(new Set(r.records.map((x) => x.partition))).toEqual(new Set([0, 2]));
    // Positions are still given to every assigned partition (updateFetchPositions), the paused one too.
    expect(positionOf(r.state, 'g', 'c1', 'orders', 1)).toBe(0);
    expect(r.state.groups.g!.generation).toBe(s.state.groups.g!.generation);
  });

  it('resume fetches again from where the partition stopped', () => {
    let s = pausePartitions(setup(), { groupId: 'g', memberId: 'c1', partitions: [tp(0)] }, 3).state;
    s = poll(s, { groupId: 'g', memberId: 'c1' }, 4).state;
    s = resumePartitions(s, { groupId: 'g', memberId: 'c1', partitions: [tp(0)] }, 5).state;
    expect(pausedOf(s, 'g', 'c1')).toEqual([]);
    const r = poll(s, { groupId: 'g', memberId: 'c1' }, 6);
    expect(r.records.map((x) => `${x.partition}@${x.offset}`)).toEqual(['0@0', '0@1', '0@2']);
  });

  it('pausing a partition the member does not own is refused (IllegalStateException), nothing changes', () => {
    const s = setup(3, ['c1', 'c2']);
    const owned = s.groups.g!.members.c2!.assignment[0]!;
    const r = pausePartitions(s, { groupId: 'g', memberId: 'c1', partitions: [owned] }, 3);
    expect(only(r.effects, 'request-rejected')[0]!.error).toMatch(/IllegalStateException/);
    expect(r.state.groups).toBe(s.groups);
  });

  it('an eager rebalance drops the pause: "Rebalance will not preserve the pause/resume state"', () => {
    let s = pausePartitions(setup(), { groupId: 'g', memberId: 'c1', partitions: [tp(0), tp(1)] }, 3).state;
    expect(pausedOf(s, 'g', 'c1')).toEqual([tpKey('orders', 0), tpKey('orders', 1)]);
    s = joinGroup(s, { groupId: 'g', memberId: 'c2', topics: ['orders'] }, 4).state;
    expect(pausedOf(s, 'g', 'c1')).toEqual([]);
  });

  it('a cooperative member keeps the pause of a partition it keeps', () => {
    let s = createTopic(createBroker({ seed: 1 }), { name: 'orders', partitions: 2 }, 0).state;
    s = joinGroup(s, { groupId: 'g', memberId: 'a', topics: ['orders'], assignor: 'cooperative-sticky' }, 1).state;
    const mine = s.groups.g!.members.a!.assignment;
    s = pausePartitions(s, { groupId: 'g', memberId: 'a', partitions: [...mine] }, 2).state;
    s = joinGroup(s, { groupId: 'g', memberId: 'b', topics: ['orders'] }, 3).state;
    const kept = s.groups.g!.members.a!.assignment.map((x) => tpKey(x.topic, x.partition));
    expect(kept).toHaveLength(1);
    expect(pausedOf(s, 'g', 'a')).toEqual(kept);
    expect(s.groups.g!.members.b!.paused).toBeUndefined();
  });

  it('property: a poll never returns a record from a partition paused at that moment', () => {
    type Cmd =
      { k: 'pause'; p: number } | { k: 'resume'; p: number } | { k: 'poll'; max: number } | { k: 'produce'; p: number };
    const cmd: fc.Arbitrary<Cmd> = fc.oneof(
      fc.record({ k: fc.constant('pause' as const), p: fc.integer({ min: 0, max: 2 }) }),
      fc.record({ k: fc.constant('resume' as const), p: fc.integer({ min: 0, max: 2 }) }),
      fc.record({ k: fc.constant('poll' as const), max: fc.integer({ min: 1, max: 6 }) }),
      fc.record({ k: fc.constant('produce' as const), p: fc.integer({ min: 0, max: 2 }) }),
    );
    fc.assert(
      fc.property(fc.array(cmd, { maxLength: 40 }), (cmds) => {
        let s = setup(2);
        // The reference model: which partitions are paused, and the next offset each should return.
        const paused = new Set<number>();
        const next = [0, 0, 0];
        let t = 10;
        for (const c of cmds) {
          t++;
          if (c.k === 'pause' || c.k === 'resume') {
            const op = c.k === 'pause' ? pausePartitions : resumePartitions;
            s = op(s, { groupId: 'g', memberId: 'c1', partitions: [tp(c.p)] }, t).state;
            if (c.k === 'pause') paused.add(c.p);
            else paused.delete(c.p);
          } else if (c.k === 'produce') {
            s = produce(s, { topic: 'orders', key: null, value: t, partition: c.p, producerId: 'shop' }, t).state;
          } else {
            const r = poll(s, { groupId: 'g', memberId: 'c1', maxRecords: c.max }, t);
            s = r.state;
            expect(r.records.length).toBeLessThanOrEqual(c.max);
            for (const rec of r.records) {
              expect(paused.has(rec.partition)).toBe(false);
              expect(rec.offset).toBe(next[rec.partition]);
              next[rec.partition]!++;
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
