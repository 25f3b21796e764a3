import { describe, expect, it } from 'vitest';
import { createBroker, type BrokerState } from './brokerState';
import { createTopic } from './topic';
import { produceBatch } from './producer';
import { joinGroup, leaveGroup, crashMember, sessionTimeoutOf } from './group';
import { startConsumer } from './membership';
import { poll, seek } from './consumer';
import { commit, committedOffset, lagOf, assignmentOf, positionOf } from './offsets';
import { resetGroupOffsets } from './admin';
import { kinds, only, pure } from './testing';

/** Topic 'orders' with 3 partitions holding 4 records each (explicit partitions). */
function world(): BrokerState {
  let s = createBroker({ seed: 3 });
  s = createTopic(s, { name: 'orders', partitions: 3 }, 0).state;
  const reqs = [];
  for (let p = 0; p < 3; p++)
    for (let i = 0; i < 4; i++) reqs.push({ topic: 'orders', key: `k${p}`, value: `${p}/${i}`, partition: p });
  return produceBatch(s, reqs, 100).state;
}

const join = (s: BrokerState, memberId: string, extra: object = {}) =>
  joinGroup(s, { groupId: 'g', memberId, topics: ['orders'], autoOffsetReset: 'earliest', ...extra }, 200);

describe('joinGroup with the range assignor (eager)', () => {
  it('first member gets everything; a second splits by range with effects of both steps', () => {
    const a = pure(world(), (s) => join(s, 'c1'));
    expect(kinds(a.effects)).toEqual([
      'member-joined',
      'rebalance-started',
      'partitions-assigned',
      'rebalance-completed',
    ]);
    expect(assignmentOf(a.state, 'g', 'c1').map((t) => t.partition)).toEqual([0, 1, 2]);
    const b = pure(a.state, (s) => join(s, 'c2'));
    expect(kinds(b.effects)).toEqual([
      'member-joined',
      'rebalance-started',
      'partitions-revoked',
      'partitions-assigned',
      'partitions-assigned',
      'rebalance-completed',
    ]);
    expect(only(b.effects, 'rebalance-started')[0]).toMatchObject({ generation: 2, protocol: 'eager' });
    expect(only(b.effects, 'partitions-revoked')[0]).toMatchObject({
      memberId: 'c1',
      partitions: [0, 1, 2].map((p) => ({ topic: 'orders', partition: p })),
    });
    expect(assignmentOf(b.state, 'g', 'c1').map((t) => t.partition)).toEqual([0, 1]);
    expect(assignmentOf(b.state, 'g', 'c2').map((t) => t.partition)).toEqual([2]);
    expect(only(b.effects, 'partitions-assigned')[0]!.reason).toMatch(
      /range assignor.*orders: 3 partitions over 2 members → c1 gets orders-0, orders-1/,
    );
    // The classic coordinator generates member ids (ClassicGroup.generateMemberId: client.id + '-' + UUID),
    // so the real order is effectively random; the effect says the simulator orders by the names shown.
    expect(only(b.effects, 'rebalance-completed')[0]!.reason).toMatch(
      /ordered by member id, here the names shown .*c1-<random UUID>.*effectively random/,
    );
  });

  it('members beyond the partition count stay idle; c10 sorts before c2', () => {
    let s = world();
    for (const m of ['c2', 'c10', 'c3', 'c4']) s = join(s, m).state;
    const last = join(s, 'c5');
    expect(only(last.effects, 'rebalance-completed')[0]!.idleMembers).toEqual(['c4', 'c5']);
    expect(assignmentOf(last.state, 'g', 'c10').map((t) => t.partition)).toEqual([0]);
    expect(assignmentOf(last.state, 'g', 'c2').map((t) => t.partition)).toEqual([1]);
    expect(assignmentOf(last.state, 'g', 'c3').map((t) => t.partition)).toEqual([2]);
  });

  it('joining again with the same topics changes nothing', () => {
    const a = join(world(), 'c1');
    const b = join(a.state, 'c1');
    expect(b.effects).toEqual([]);
    expect(b.state.groups).toBe(a.state.groups);
  });
});

describe('poll and commit', () => {
  // A poll first gives EVERY assigned partition a position (ClassicKafkaConsumer.updateFetchPositions:
  // committed offset, else SubscriptionState.resetInitializingPositions → auto.offset.reset), even one it
  // then fetches nothing from; commitSync() commits SubscriptionState.allConsumed(), every assigned
  // partition with a valid position.
  it('a poll sets a position on every assigned partition; a commit commits them all (allConsumed)', () => {
    const a = join(world(), 'c1');
    const p1 = pure(a.state, (s) => poll(s, { groupId: 'g', memberId: 'c1', maxRecords: 6 }, 300));
    expect(only(p1.effects, 'offset-reset-applied').map((e) => [e.partition, e.policy, e.to])).toEqual([
      [0, 'earliest', 0],
      [1, 'earliest', 0],
      [2, 'earliest', 0],
    ]);
    expect(positionOf(p1.state, 'g', 'c1', 'orders', 2)).toBe(0); // nothing fetched there, but a position
    expect(p1.records.map((r) => `${r.partition}@${r.offset}`)).toEqual(['0@0', '0@1', '0@2', '0@3', '1@0', '1@1']);
    expect(p1.records[0]).toMatchObject({
      topic: 'orders',
      key: 'k0',
      value: '0/0',
      timestamp: 100,
      eventId: null,
      headers: {},
    });
    expect(positionOf(p1.state, 'g', 'c1', 'orders', 1)).toBe(2);
    expect(committedOffset(p1.state, 'g', 'orders', 0)).toBeNull();
    expect(lagOf(p1.state, 'g', 'orders', 0)).toBeNull();
    const c = pure(p1.state, (s) => commit(s, { groupId: 'g', memberId: 'c1' }, 301));
    expect(only(c.effects, 'offset-committed').map((e) => [e.partition, e.offset, e.previous])).toEqual([
      [0, 4, null],
      [1, 2, null],
      [2, 0, null],
    ]);
    expect(committedOffset(c.state, 'g', 'orders', 1)).toBe(2);
    expect(lagOf(c.state, 'g', 'orders', 1)).toBe(2);
    expect(lagOf(c.state, 'g', 'orders', 2)).toBe(4); // committed at 0: a commit, so lag 4 − 0, not "no commit"
    const p2 = poll(c.state, { groupId: 'g', memberId: 'c1', maxRecords: 100 }, 302);
    expect(p2.records.map((r) => `${r.partition}@${r.offset}`)).toEqual(['1@2', '1@3', '2@0', '2@1', '2@2', '2@3']);
  });

  it('latest (the default) skips what is already there', () => {
    const a = joinGroup(world(), { groupId: 'g', memberId: 'c1', topics: ['orders'] }, 200);
    const p = poll(a.state, { groupId: 'g', memberId: 'c1' }, 300);
    expect(p.records).toEqual([]);
    expect(positionOf(p.state, 'g', 'c1', 'orders', 0)).toBe(4);
    expect(only(p.effects, 'offset-reset-applied')[0]).toMatchObject({ policy: 'latest', to: 4 });
  });

  it('after an eager rebalance, the new owner starts from the committed offset (uncommitted work is redelivered)', () => {
    let s = join(world(), 'c1').state;
    s = poll(s, { groupId: 'g', memberId: 'c1' }, 300).state; // read all 12
    s = commit(s, { groupId: 'g', memberId: 'c1', offsets: [{ topic: 'orders', partition: 2, offset: 1 }] }, 301).state;
    s = crashMember(s, { groupId: 'g', memberId: 'c1' }, 302).state;
    s = join(s, 'c2').state;
    const p = poll(s, { groupId: 'g', memberId: 'c2' }, 303);
    expect(p.records.filter((r) => r.partition === 2).map((r) => r.offset)).toEqual([1, 2, 3]);
    expect(p.records).toHaveLength(4 + 4 + 3); // 0 and 1 restart via earliest: no commit
  });

  it('auto-commit commits on the next poll what the previous poll reached', () => {
    const s = joinGroup(
      world(),
      { groupId: 'g', memberId: 'c1', topics: ['orders'], autoOffsetReset: 'earliest', autoCommit: true },
      0,
    ).state;
    const p1 = poll(s, { groupId: 'g', memberId: 'c1', maxRecords: 3 }, 1);
    expect(only(p1.effects, 'offset-committed')).toEqual([]); // nothing reached yet
    expect(committedOffset(p1.state, 'g', 'orders', 0)).toBeNull();
    const p2 = poll(p1.state, { groupId: 'g', memberId: 'c1', maxRecords: 3 }, 2);
    // allConsumed(): partitions 1 and 2 got positions (0) in the first poll, so they are committed too
    expect(only(p2.effects, 'offset-committed').map((e) => [e.partition, e.offset])).toEqual([
      [0, 3],
      [1, 0],
      [2, 0],
    ]);
    expect(p2.effects[0]!.kind).toBe('offset-committed'); // before the fetch
  });

  it('auto.offset.reset=none refuses to guess where to start', () => {
    const s = joinGroup(
      world(),
      { groupId: 'g', memberId: 'c1', topics: ['orders'], autoOffsetReset: 'none' },
      0,
    ).state;
    const p = poll(s, { groupId: 'g', memberId: 'c1' }, 1);
    expect(p.records).toEqual([]);
    expect(only(p.effects, 'request-rejected')).toHaveLength(3);
    expect(only(p.effects, 'request-rejected')[0]!.error).toMatch(/auto\.offset\.reset=none/);
  });

  it('groups read independently', () => {
    let s = join(world(), 'c1').state;
    s = joinGroup(s, { groupId: 'h', memberId: 'x', topics: ['orders'], autoOffsetReset: 'earliest' }, 0).state;
    const a = poll(s, { groupId: 'g', memberId: 'c1' }, 1);
    const b = poll(a.state, { groupId: 'h', memberId: 'x' }, 1);
    expect(a.records).toHaveLength(12);
    expect(b.records).toHaveLength(12);
  });

  // The classic coordinator validates WHO commits, not which partitions (group-coordinator
  // ClassicGroup.validateOffsetCommit / validateMember): UNKNOWN_MEMBER_ID, ILLEGAL_GENERATION,
  // FENCED_INSTANCE_ID (REBALANCE_IN_PROGRESS needs a rebalance caught half-way, which a step never is).
  it('commit is validated by member id, generation and static instance id, not by partition ownership', () => {
    const s = join(join(world(), 'c1').state, 'c2').state; // generation 2
    const unknown = commit(s, { groupId: 'g', memberId: 'zz' }, 1);
    expect(kinds(unknown.effects)).toEqual(['request-rejected']);
    expect(only(unknown.effects, 'request-rejected')[0]!.error).toMatch(/UNKNOWN_MEMBER_ID/);
    // c2 owns only orders-2, yet its commit for orders-0 is accepted
    const foreign = commit(
      s,
      { groupId: 'g', memberId: 'c2', offsets: [{ topic: 'orders', partition: 0, offset: 1 }] },
      1,
    );
    expect(kinds(foreign.effects)).toEqual(['offset-committed', 'lag-changed']);
    expect(committedOffset(foreign.state, 'g', 'orders', 0)).toBe(1);
    // a member that missed a rebalance commits with its old generation
    const stale = commit(
      s,
      { groupId: 'g', memberId: 'c1', generation: 1, offsets: [{ topic: 'orders', partition: 0, offset: 1 }] },
      1,
    );
    expect(only(stale.effects, 'request-rejected')[0]!.error).toMatch(/ILLEGAL_GENERATION/);
    expect(committedOffset(stale.state, 'g', 'orders', 0)).toBeNull();
    // an evicted member (session timeout) still has its member id: UNKNOWN_MEMBER_ID
    const evicted = crashMember(s, { groupId: 'g', memberId: 'c2' }, 2).state;
    expect(only(commit(evicted, { groupId: 'g', memberId: 'c2' }, 3).effects, 'request-rejected')[0]!.error).toMatch(
      /UNKNOWN_MEMBER_ID/,
    );
  });

  it('a static member replaced by a newer instance with the same group.instance.id is fenced (FENCED_INSTANCE_ID)', () => {
    const s = join(world(), 'ship-1-b', { groupInstanceId: 'ship-1' }).state;
    expect(s.groups.g!.members['ship-1-b']!.groupInstanceId).toBe('ship-1');
    const zombie = commit(
      s,
      {
        groupId: 'g',
        memberId: 'ship-1-a',
        groupInstanceId: 'ship-1',
        offsets: [{ topic: 'orders', partition: 0, offset: 2 }],
      },
      1,
    );
    expect(only(zombie.effects, 'request-rejected')[0]!.error).toMatch(/FENCED_INSTANCE_ID/);
    expect(
      only(commit(s, { groupId: 'g', memberId: 'x', groupInstanceId: 'nobody' }, 1).effects, 'request-rejected')[0]!
        .error,
    ).toMatch(/UNKNOWN_MEMBER_ID/);
    expect(
      kinds(
        commit(
          s,
          {
            groupId: 'g',
            memberId: 'ship-1-b',
            groupInstanceId: 'ship-1',
            offsets: [{ topic: 'orders', partition: 0, offset: 2 }],
          },
          1,
        ).effects,
      ),
    ).toEqual(['offset-committed', 'lag-changed']);
  });

  it('a commit without member id or generation (an admin tool) is accepted only while the group is empty', () => {
    const s = join(world(), 'c1').state;
    expect(
      only(
        commit(s, { groupId: 'g', memberId: '', offsets: [{ topic: 'orders', partition: 0, offset: 2 }] }, 1).effects,
        'request-rejected',
      )[0]!.error,
    ).toMatch(/UNKNOWN_MEMBER_ID/);
    const empty = leaveGroup(s, { groupId: 'g', memberId: 'c1' }, 2).state;
    expect(
      committedOffset(
        commit(empty, { groupId: 'g', memberId: '', offsets: [{ topic: 'orders', partition: 0, offset: 2 }] }, 3).state,
        'g',
        'orders',
        0,
      ),
    ).toBe(2);
  });
});

describe('leave, crash, seek, reset', () => {
  it("leave revokes the leaver's partitions and the rest rebalance", () => {
    const s = join(join(world(), 'c1').state, 'c2').state;
    const r = pure(s, (x) => leaveGroup(x, { groupId: 'g', memberId: 'c1' }, 5));
    expect(kinds(r.effects).slice(0, 2)).toEqual(['partitions-revoked', 'member-left']);
    expect(assignmentOf(r.state, 'g', 'c2').map((t) => t.partition)).toEqual([0, 1, 2]);
    expect(r.state.groups.g!.members.c1).toBeUndefined();
  });

  it('crash says why (session timeout) and reassigns', () => {
    const s = join(join(world(), 'c1').state, 'c2').state;
    const r = crashMember(s, { groupId: 'g', memberId: 'c2' }, 5);
    expect(r.effects[0]).toMatchObject({ kind: 'member-crashed', memberId: 'c2' });
    expect(r.effects[0]!.reason).toMatch(/session\.timeout\.ms/);
    expect(assignmentOf(r.state, 'g', 'c1')).toHaveLength(3);
  });

  it("crash quotes the member's own session.timeout.ms when its consumer was started with one, else the 45 s default", () => {
    const s = join(world(), 'c1').state;
    const own = startConsumer(
      s,
      { groupId: 'g', memberId: 'c2', topics: ['orders'], autoOffsetReset: 'earliest', sessionTimeoutMs: 10_000 },
      200,
    ).state;
    expect(sessionTimeoutOf(own, 'g', 'c2')).toBe(10_000);
    const r = pure(own, (x) => crashMember(x, { groupId: 'g', memberId: 'c2' }, 5));
    expect(r.effects[0]!.reason).toMatch(
      /^c2 crashed: no heartbeat for its session\.timeout\.ms \(10 s\), so the coordinator evicts it/,
    );
    expect(r.effects[0]!.reason).not.toMatch(/45/);
    // A topology member (joined without settings): Kafka's default, said to be one.
    expect(sessionTimeoutOf(own, 'g', 'c1')).toBe(45_000);
    expect(crashMember(own, { groupId: 'g', memberId: 'c1' }, 5).effects[0]!.reason).toMatch(
      /^c1 crashed: no heartbeat for session\.timeout\.ms \(45 s by default\)/,
    );
  });

  it('seek moves the position of an owned partition only, not the commit', () => {
    const s = poll(join(world(), 'c1').state, { groupId: 'g', memberId: 'c1' }, 1).state;
    const r = pure(s, (x) => seek(x, { groupId: 'g', memberId: 'c1', topic: 'orders', partition: 1, offset: 1 }, 2));
    expect(only(r.effects, 'position-moved')[0]).toMatchObject({ from: 4, to: 1 });
    expect(poll(r.state, { groupId: 'g', memberId: 'c1' }, 3).records.map((x) => x.offset)).toEqual([1, 2, 3]);
    expect(committedOffset(r.state, 'g', 'orders', 1)).toBeNull();
    const other = join(s, 'c2').state;
    expect(
      kinds(seek(other, { groupId: 'g', memberId: 'c2', topic: 'orders', partition: 0, offset: 0 }, 2).effects),
    ).toEqual(['request-rejected']);
  });

  it('reset is refused while the group has members, applied when empty', () => {
    const s = join(world(), 'c1').state;
    const refused = resetGroupOffsets(s, { groupId: 'g', topic: 'orders', to: 'earliest' }, 1);
    expect(only(refused.effects, 'request-rejected')[0]!.error).toMatch(/no members.*c1/);
    const empty = leaveGroup(s, { groupId: 'g', memberId: 'c1' }, 2).state;
    const r = pure(empty, (x) => resetGroupOffsets(x, { groupId: 'g', topic: 'orders', to: { offset: 2 } }, 3));
    expect(only(r.effects, 'offsets-reset').map((e) => [e.partition, e.from, e.to])).toEqual([
      [0, null, 2],
      [1, null, 2],
      [2, null, 2],
    ]);
    expect(lagOf(r.state, 'g', 'orders', 0)).toBe(2);
    const late = resetGroupOffsets(empty, { groupId: 'g', topic: 'orders', to: 'latest' }, 3);
    expect(committedOffset(late.state, 'g', 'orders', 2)).toBe(4);
    const ts = resetGroupOffsets(empty, { groupId: 'g', topic: 'orders', to: { timestamp: 101 } }, 3);
    expect(committedOffset(ts.state, 'g', 'orders', 0)).toBe(4);
    const back = join(r.state, 'c9');
    expect(poll(back.state, { groupId: 'g', memberId: 'c9' }, 4).records.map((x) => x.offset)).toEqual([
      2, 3, 2, 3, 2, 3,
    ]);
  });
});
