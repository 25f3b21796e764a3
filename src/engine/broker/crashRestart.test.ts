import { describe, expect, it } from 'vitest';
import { createBroker, type BrokerState } from './brokerState';
import { createTopic } from './topic';
import { produceBatch } from './producer';
import { joinGroup, crashUnnoticed } from './group';
import { startConsumer } from './membership';
import { poll } from './consumer';
import { commit } from './offsets';
import { only, pure } from './testing';

/** 'orders' with 2 partitions of 4 records; c1 alone in group g fetched all of them; orders-0 is committed at 2. */
function fetchedAll(autoOffsetReset: 'earliest' | 'latest'): BrokerState {
  let s = createBroker({ seed: 3 });
  s = createTopic(s, { name: 'orders', partitions: 2 }, 0).state;
  const reqs = [0, 1].flatMap((p) =>
    [0, 1, 2, 3].map((i) => ({ topic: 'orders', key: `k${p}`, value: `${i}`, partition: p })),
  );
  s = produceBatch(s, reqs, 100).state;
  s = joinGroup(s, { groupId: 'g', memberId: 'c1', topics: ['orders'], autoOffsetReset: 'earliest' }, 200).state;
  s = poll(s, { groupId: 'g', memberId: 'c1' }, 300).state;
  s = commit(s, { groupId: 'g', memberId: 'c1', offsets: [{ topic: 'orders', partition: 0, offset: 2 }] }, 300).state;
  return autoOffsetReset === 'earliest' ? s : { ...s, groups: { ...s.groups, g: { ...s.groups.g!, autoOffsetReset } } };
}

describe('a crash says where each partition restarts, from the group state', () => {
  it('names the fetched but uncommitted offsets, and what auto.offset.reset does where nothing is committed', () => {
    const r = pure(fetchedAll('earliest'), (s) => crashUnnoticed(s, { groupId: 'g', memberId: 'c1' }, 1000));
    const reason = only(r.effects, 'member-crashed')[0]!.reason;
    expect(reason).toContain(
      'orders-0 restarts from its committed offset 2, so orders-0@2–3, fetched but not committed, is delivered again',
    );
    expect(reason).toContain(
      'orders-1 has no committed offset: its next owner starts where auto.offset.reset (earliest) puts it, offset 0, so orders-1@0–3 is read again',
    );
    const latest = crashUnnoticed(fetchedAll('latest'), { groupId: 'g', memberId: 'c1' }, 1000);
    expect(only(latest.effects, 'member-crashed')[0]!.reason).toContain(
      'orders-1 has no committed offset: its next owner starts where auto.offset.reset (latest) puts it, offset 4',
    );
    expect(only(latest.effects, 'member-crashed')[0]!.reason).not.toMatch(/orders-1@/);
  });

  it("evicts session.timeout.ms after the crash: the member's own when it has one, and the state's clock moves there", () => {
    const s = fetchedAll('earliest');
    expect(crashUnnoticed(s, { groupId: 'g', memberId: 'c1' }, 1000).evictedAt).toBe(46_000);
    const own = startConsumer(
      s,
      { groupId: 'g', memberId: 'c2', topics: ['orders'], autoOffsetReset: 'earliest', sessionTimeoutMs: 10_000 },
      400,
    ).state;
    const r = crashUnnoticed(own, { groupId: 'g', memberId: 'c2' }, 1000);
    expect(r.evictedAt).toBe(11_000);
    expect(r.state.now).toBe(11_000);
    expect(only(r.effects, 'member-crashed')[0]!.reason).toMatch(
      /^c2 crashed and sends no more heartbeats; its session\.timeout\.ms \(10 s\) later, with none received, the coordinator evicts it \(the clock moves on 10 s\)/,
    );
  });
});
