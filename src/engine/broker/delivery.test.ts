import { describe, expect, it } from 'vitest';
import { createBroker, type BrokerState } from './brokerState';
import { createTopic } from './topic';
import { produceBatch } from './producer';
import { joinGroup } from './group';
import { consume } from './delivery';
import { consumeWithRetry } from './deadLetter';
import { committedOffset, positionOf } from './offsets';
import { recordsOf } from './log';
import { kinds, only, pure } from './testing';

function world(n = 6): BrokerState {
  let s = createTopic(createBroker({ seed: 5 }), { name: 'pay', partitions: 1 }, 0).state;
  s = produceBatch(s, Array.from({ length: n }, (_, i) => ({ topic: 'pay', key: 'k', value: i, eventId: `e${i}` })), 0).state;
  return joinGroup(s, { groupId: 'g', memberId: 'c1', topics: ['pay'], autoOffsetReset: 'earliest' }, 0).state;
}
const rejoin = (s: BrokerState) => joinGroup(s, { groupId: 'g', memberId: 'c2', topics: ['pay'] }, 1).state;

describe('delivery semantics', () => {
  it('at-most-once: a crash after commit loses the unprocessed records', () => {
    const r = pure(world(), (s) => consume(s, { groupId: 'g', memberId: 'c1', mode: 'at-most-once', crashAfter: 2 }, 1));
    expect(r.crashed).toBe(true);
    expect(r.processed.map((x) => x.offset)).toEqual([0, 1]);
    expect(committedOffset(r.state, 'g', 'pay', 0)).toBe(6);
    expect(kinds(r.effects).indexOf('offset-committed')).toBeLessThan(kinds(r.effects).indexOf('record-processed'));
    const next = consume(rejoin(r.state), { groupId: 'g', memberId: 'c2', mode: 'at-most-once' }, 2);
    expect(next.processed).toEqual([]); // offsets 2..5 were never processed by anyone
  });

  it('at-least-once: a crash before commit redelivers; duplicates are flagged, and skipped with dedupe', () => {
    const r = consume(world(), { groupId: 'g', memberId: 'c1', mode: 'at-least-once', crashAfter: 2 }, 1);
    expect(committedOffset(r.state, 'g', 'pay', 0)).toBeNull();
    const again = consume(rejoin(r.state), { groupId: 'g', memberId: 'c2', mode: 'at-least-once' }, 2);
    expect(again.processed.map((x) => x.offset)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(only(again.effects, 'record-processed').map((e) => e.duplicate)).toEqual([true, true, false, false, false, false]);
    expect(committedOffset(again.state, 'g', 'pay', 0)).toBe(6);
    const deduped = consume(rejoin(r.state), { groupId: 'g', memberId: 'c2', mode: 'at-least-once', dedupe: true }, 2);
    expect(only(deduped.effects, 'record-processed')[0]!.reason).toMatch(/skipped it/);
  });
});

describe('dead-letter topic', () => {
  it('retries in place with the partition blocked, then dead-letters after N attempts and moves on', () => {
    const fails = (r: { offset: number }) => r.offset === 2;
    let s = world();
    const r1 = pure(s, (x) => consumeWithRetry(x, { groupId: 'g', memberId: 'c1', fails, maxAttempts: 3 }, 1));
    expect(r1.processed.map((x) => x.offset)).toEqual([0, 1]);
    expect(only(r1.effects, 'processing-failed')[0]).toMatchObject({ offset: 2, attempt: 1 });
    expect(positionOf(r1.state, 'g', 'c1', 'pay', 0)).toBe(2);
    expect(committedOffset(r1.state, 'g', 'pay', 0)).toBe(2);
    s = r1.state;
    const r2 = consumeWithRetry(s, { groupId: 'g', memberId: 'c1', fails, maxAttempts: 3 }, 2);
    expect(r2.processed).toEqual([]); // blocked: 3, 4, 5 wait
    expect(only(r2.effects, 'processing-failed')[0]).toMatchObject({ offset: 2, attempt: 2 });
    const r3 = consumeWithRetry(r2.state, { groupId: 'g', memberId: 'c1', fails, maxAttempts: 3 }, 3);
    expect(only(r3.effects, 'record-dead-lettered')[0]).toMatchObject({ offset: 2, attempts: 3, deadLetterTopic: 'pay.DLT' });
    expect(r3.processed.map((x) => x.offset)).toEqual([3, 4, 5]);
    expect(committedOffset(r3.state, 'g', 'pay', 0)).toBe(6);
    const [dead] = recordsOf(r3.state, 'pay.DLT', 0);
    expect(dead).toMatchObject({ value: 2, eventId: 'e2', headers: { 'dlt-original-topic': 'pay', 'dlt-original-offset': '2', 'dlt-attempts': '3' } });
  });
});
