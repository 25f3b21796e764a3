import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createBroker, type BrokerState } from './brokerState';
import { crashMember } from './group';
import { committedOffset } from './offsets';
import { clientOf, expireSessions, startConsumer, stopConsumer } from './membership';
import { pollAndProcess } from './pollLoop';
import { produce } from './producer';
import { createTopic } from './topic';
import { kinds, only, pure } from './testing';

const G = 'shipping';
/** orders: 2 partitions with `n` records each. */
function topic(n: number): BrokerState {
  let s = createTopic(createBroker({ seed: 3 }), { name: 'orders', partitions: 2 }, 0).state;
  for (let p = 0; p < 2; p++)
    for (let i = 0; i < n; i++)
      s = produce(s, { topic: 'orders', key: null, value: i, partition: p, producerId: 'shop' }, 0).state;
  return s;
}
const start = (s: BrokerState, memberId: string, extra: { groupInstanceId?: string; maxPollRecords?: number } = {}) =>
  startConsumer(
    s,
    { groupId: G, memberId, topics: ['orders'], autoOffsetReset: 'earliest', maxPollIntervalMs: 30_000, ...extra },
    1000,
  ).state;

describe('the poll loop: max.poll.interval.ms, CommitFailedException, static membership', () => {
  it('a batch processed within max.poll.interval.ms is committed; the clock moves by the processing time', () => {
    const s = start(topic(20), 'ship-a', { maxPollRecords: 10 });
    const r = pure(s, (x) => pollAndProcess(x, { groupId: G, memberId: 'ship-a', perRecordMs: 2000 }, 2000));
    expect(r.records).toHaveLength(10);
    expect(r.endedAt).toBe(22_000);
    expect(r.state.now).toBe(22_000);
    expect(only(r.effects, 'consumer-changed').map((e) => e.op)).toEqual(['batch-processed']);
    expect(only(r.effects, 'offset-committed').length).toBeGreaterThan(0);
    expect(clientOf(r.state, G, 'ship-a')!.lastBatch).toMatchObject({ records: 10, deadline: 32_000, committed: true });
  });

  it('a dynamic member past its deadline sends LeaveGroup: a rebalance, then its commit fails', () => {
    let s = start(topic(20), 'ship-a', { maxPollRecords: 20 });
    s = start(s, 'ship-b', { maxPollRecords: 20 });
    const r = pollAndProcess(s, { groupId: G, memberId: 'ship-a', perRecordMs: 2000 }, 2000);
    const order = kinds(r.effects).filter((k) =>
      ['consumer-changed', 'member-left', 'rebalance-started', 'request-rejected'].includes(k),
    );
    expect(order).toEqual([
      'consumer-changed',
      'consumer-changed',
      'member-left',
      'rebalance-started',
      'request-rejected',
    ]);
    expect(only(r.effects, 'consumer-changed')[1]).toMatchObject({ op: 'poll-timeout', deadline: 32_000 });
    expect(only(r.effects, 'request-rejected')[0]!.error).toMatch(/CommitFailedException/);
    expect(only(r.effects, 'offset-committed')).toEqual([]);
    expect(r.state.groups[G]!.members['ship-a']).toBeUndefined();
    expect(r.state.groups[G]!.members['ship-b']!.assignment).toHaveLength(2);
    expect(committedOffset(r.state, G, 'orders', 0)).toBeNull();
    // Its next poll rejoins: another rebalance.
    const again = pollAndProcess(r.state, { groupId: G, memberId: 'ship-a', perRecordMs: 10, maxRecords: 1 }, 50_000);
    expect(kinds(again.effects)).toContain('rebalance-started');
    expect(again.state.groups[G]!.members['ship-a']).toBeDefined();
  });

  it('a static member past its deadline sends no LeaveGroup: no rebalance, its commit still fails', () => {
    const s = start(topic(20), 'ship-a', { groupInstanceId: 'ship-a-host', maxPollRecords: 20 });
    const gen = s.groups[G]!.generation;
    const r = pollAndProcess(s, { groupId: G, memberId: 'ship-a', perRecordMs: 2000 }, 2000);
    expect(kinds(r.effects)).not.toContain('rebalance-started');
    expect(kinds(r.effects)).not.toContain('member-left');
    expect(only(r.effects, 'consumer-changed')[1]!.reason).toMatch(/sends no LeaveGroup/);
    expect(only(r.effects, 'request-rejected')[0]!.error).toMatch(/CommitFailedException/);
    expect(r.state.groups[G]!.generation).toBe(gen);
    expect(clientOf(r.state, G, 'ship-a')).toMatchObject({ status: 'unjoined', sessionExpiresAt: 32_000 + 45_000 });
    // Back before the session expires: same partitions, no rebalance, from the committed offsets (none: earliest).
    const back = pollAndProcess(r.state, { groupId: G, memberId: 'ship-a', perRecordMs: 1000, maxRecords: 5 }, 43_000);
    expect(only(back.effects, 'consumer-changed')[0]!.op).toBe('static-rejoined');
    expect(kinds(back.effects)).not.toContain('rebalance-started');
    expect(back.records.map((x) => x.offset)).toEqual([0, 1, 2, 3, 4]);
  });

  it('a static member whose batch outlasts the interval plus the session timeout is evicted meanwhile', () => {
    let s = start(topic(40), 'ship-a', { groupInstanceId: 'a', maxPollRecords: 40 });
    s = start(s, 'ship-b', { groupInstanceId: 'b' });
    const r = pollAndProcess(s, { groupId: G, memberId: 'ship-a', perRecordMs: 2000 }, 2000);
    expect(only(r.effects, 'member-crashed')[0]!.reason).toMatch(/no heartbeat from static member ship-a/);
    expect(r.state.groups[G]!.members['ship-a']).toBeUndefined();
    expect(r.state.groups[G]!.members['ship-b']!.assignment).toHaveLength(2);
  });

  it('a static member restarted within session.timeout.ms causes no rebalance; a dynamic one causes two', () => {
    const st = start(topic(2), 'ship-a', { groupInstanceId: 'a' });
    const down = stopConsumer(st, { groupId: G, memberId: 'ship-a' }, 5000);
    expect(kinds(down.effects)).toEqual(['consumer-changed']);
    const up = startConsumer(
      down.state,
      { groupId: G, memberId: 'ship-a', topics: ['orders'], groupInstanceId: 'a' },
      20_000,
    );
    expect(only(up.effects, 'consumer-changed')[0]!.op).toBe('static-rejoined');
    expect(kinds(up.effects)).not.toContain('rebalance-started');
    // Too late: the coordinator evicted it at 5 s + 45 s, so it joins like a newcomer.
    const late = startConsumer(
      down.state,
      { groupId: G, memberId: 'ship-a', topics: ['orders'], groupInstanceId: 'a' },
      60_000,
    );
    expect(kinds(late.effects)).toContain('member-crashed');
    expect(kinds(late.effects)).toContain('rebalance-started');

    const dyn = start(topic(2), 'ship-a');
    const left = stopConsumer(dyn, { groupId: G, memberId: 'ship-a' }, 5000);
    expect(kinds(left.effects)).toContain('member-left');
    const back = startConsumer(left.state, { groupId: G, memberId: 'ship-a', topics: ['orders'] }, 6000);
    expect(kinds(back.effects)).toContain('rebalance-started');
  });

  it('a member evicted behind its back (a crash) joins again on its next poll, with a rebalance', () => {
    let s = start(topic(2), 'ship-a');
    s = start(s, 'ship-b');
    s = crashMember(s, { groupId: G, memberId: 'ship-a' }, 2000).state;
    const r = pollAndProcess(s, { groupId: G, memberId: 'ship-a', perRecordMs: 10 }, 3000);
    expect(kinds(r.effects)).toContain('rebalance-started');
    expect(kinds(r.effects)).not.toContain('request-rejected');
    expect(r.state.groups[G]!.members['ship-a']!.assignment).toHaveLength(1);
  });

  it('expireSessions leaves members that still heartbeat alone', () => {
    const s = start(topic(1), 'ship-a', { groupInstanceId: 'a' });
    expect(expireSessions(s, 10_000_000).effects).toEqual([]);
  });

  it('property: a member whose batch outlasts max.poll.interval.ms never commits it; one within it always does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 100, max: 5000 }),
        fc.integer({ min: 1000, max: 40_000 }),
        fc.boolean(),
        fc.boolean(),
        (maxRecords, perRecordMs, interval, isStatic, second) => {
          let s = startConsumer(
            topic(8),
            {
              groupId: G,
              memberId: 'ship-a',
              topics: ['orders'],
              autoOffsetReset: 'earliest',
              maxPollIntervalMs: interval,
              ...(isStatic ? { groupInstanceId: 'a' } : {}),
            },
            0,
          ).state;
          if (second) s = startConsumer(s, { groupId: G, memberId: 'ship-b', topics: ['orders'] }, 0).state;
          const before = s.groups[G]!.committed;
          const r = pollAndProcess(s, { groupId: G, memberId: 'ship-a', perRecordMs, maxRecords }, 1)!;
          const late = r.records.length * perRecordMs > interval;
          const commits = only(r.effects, 'offset-committed');
          if (late) {
            expect(commits).toEqual([]);
            expect(r.state.groups[G]!.committed).toEqual(before);
            expect(clientOf(r.state, G, 'ship-a')!.status).toBe('unjoined');
          } else {
            // commitSync() commits every assigned partition's position (allConsumed): the fetched ones moved on.
            expect(commits.reduce((sum, c) => sum + c.offset, 0)).toBe(r.records.length);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
