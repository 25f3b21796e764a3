import { describe, expect, it } from 'vitest';
import { createBroker, type BrokerState } from './brokerState';
import { createTopic, addPartitions } from './topic';
import { produceBatch } from './producer';
import { joinGroup, leaveGroup } from './group';
import { poll } from './consumer';
import { assignmentOf, committedOffset, positionOf } from './offsets';
import { kinds, only, pure } from './testing';

function world(): BrokerState {
  let s = createTopic(createBroker({ seed: 9 }), { name: 't', partitions: 4 }, 0).state;
  s = produceBatch(
    s,
    Array.from({ length: 8 }, (_, i) => ({ topic: 't', key: null, value: i, partition: i % 4 })),
    0,
  ).state;
  return joinGroup(
    s,
    { groupId: 'g', memberId: 'c1', topics: ['t'], assignor: 'cooperative-sticky', autoOffsetReset: 'earliest' },
    0,
  ).state;
}
const parts = (s: BrokerState, m: string) => assignmentOf(s, 'g', m).map((tp) => tp.partition);

describe('cooperative-sticky rebalances in a group', () => {
  it('moves a partition in two rebalances: revoke only what moves, assign it in a follow-up generation', () => {
    const s = poll(world(), { groupId: 'g', memberId: 'c1' }, 1).state;
    const r = pure(s, (x) => joinGroup(x, { groupId: 'g', memberId: 'c2', topics: ['t'] }, 2));
    expect(kinds(r.effects)).toEqual([
      'member-joined',
      'rebalance-started',
      'partitions-revoked',
      'rebalance-completed',
      'rebalance-started',
      'partitions-assigned',
      'rebalance-completed',
    ]);
    const [g1, g2] = only(r.effects, 'rebalance-started');
    expect([g1!.generation, g2!.generation, g1!.protocol]).toEqual([2, 3, 'cooperative']);
    expect(only(r.effects, 'partitions-revoked')[0]).toMatchObject({
      memberId: 'c1',
      partitions: [
        { topic: 't', partition: 2 },
        { topic: 't', partition: 3 },
      ],
    });
    expect(only(r.effects, 'rebalance-completed')[0]!.idleMembers).toEqual(['c2']);
    expect(only(r.effects, 'partitions-assigned')[0]).toMatchObject({
      memberId: 'c2',
      partitions: [
        { topic: 't', partition: 2 },
        { topic: 't', partition: 3 },
      ],
    });
    expect(parts(r.state, 'c1')).toEqual([0, 1]);
    expect(parts(r.state, 'c2')).toEqual([2, 3]);
    // c1 kept its positions on the partitions it kept (no restart from the commit)
    expect(positionOf(r.state, 'g', 'c1', 't', 0)).toBe(2);
    expect(positionOf(r.state, 'g', 'c1', 't', 2)).toBeNull();
  });

  it("a leaving member's partitions go to the others without anyone else revoking", () => {
    let s = joinGroup(world(), { groupId: 'g', memberId: 'c2', topics: ['t'] }, 1).state;
    s = joinGroup(s, { groupId: 'g', memberId: 'c3', topics: ['t'] }, 1).state;
    const before = { c1: parts(s, 'c1'), c2: parts(s, 'c2'), c3: parts(s, 'c3') };
    expect([...before.c1, ...before.c2, ...before.c3].sort()).toEqual([0, 1, 2, 3]);
    const r = leaveGroup(s, { groupId: 'g', memberId: 'c3' }, 2);
    const revokedBy = only(r.effects, 'partitions-revoked').map((e) => e.memberId);
    expect(revokedBy).toEqual(['c3']);
    expect(parts(r.state, 'c1')).toEqual(expect.arrayContaining(before.c1));
    expect(parts(r.state, 'c2')).toEqual(expect.arrayContaining(before.c2));
    expect(parts(r.state, 'c1').length + parts(r.state, 'c2').length).toBe(4);
  });

  it("auto-commit commits the revoked partitions' positions before giving them up", () => {
    let s = createTopic(createBroker({ seed: 9 }), { name: 't', partitions: 2 }, 0).state;
    s = produceBatch(
      s,
      [0, 1, 0, 1].map((p, i) => ({ topic: 't', key: null, value: i, partition: p })),
      0,
    ).state;
    s = joinGroup(
      s,
      {
        groupId: 'g',
        memberId: 'c1',
        topics: ['t'],
        assignor: 'cooperative-sticky',
        autoOffsetReset: 'earliest',
        autoCommit: true,
      },
      0,
    ).state;
    s = poll(s, { groupId: 'g', memberId: 'c1' }, 1).state;
    const r = joinGroup(s, { groupId: 'g', memberId: 'c2', topics: ['t'] }, 2);
    expect(committedOffset(r.state, 'g', 't', 1)).toBe(2);
    expect(committedOffset(r.state, 'g', 't', 0)).toBeNull(); // kept, so not committed by the rebalance
  });

  it('adding partitions rebalances the groups that read the topic', () => {
    const r = addPartitions(world(), 't', 6, 5);
    expect(kinds(r.effects)[0]).toBe('partitions-added');
    expect(parts(r.state, 'c1')).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
