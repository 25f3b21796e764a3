import { describe, expect, it } from 'vitest';
import { ack, createQueue, deliver, deliverToConsumers, enqueue, nack, waitingCount, type QueueState } from './queue';
import { deepFreeze, kinds } from './testing';

function q3(): QueueState {
  let q = createQueue({ name: 'jobs', visibilityTimeoutMs: 100 });
  for (const body of ['a', 'b', 'c']) q = enqueue(q, body, 0).state;
  return deepFreeze(q);
}

describe('classic queue', () => {
  it('competing consumers each get different messages, in turn', () => {
    const r = deliverToConsumers(q3(), ['w1', 'w2'], 1);
    expect(r.delivered.map((d) => [d.consumerId, d.message.messageId])).toEqual([
      ['w1', 'm0'],
      ['w2', 'm1'],
      ['w1', 'm2'],
    ]);
    expect(waitingCount(r.state)).toBe(0);
    expect(deliver(r.state, 'w3', 2).message).toBeNull();
  });

  it('ack removes the message for good: no replay', () => {
    const d = deliver(q3(), 'w1', 1);
    const a = ack(d.state, 'm0', 'w1', 2);
    expect(kinds(a.effects)).toEqual(['queue-acked']);
    expect(a.state.messages.map((m) => m.messageId)).toEqual(['m1', 'm2']);
    expect(kinds(ack(a.state, 'm0', 'w1', 3).effects)).toEqual(['request-rejected']);
  });

  it('nack makes it available again at once, with an attempt count', () => {
    const d = deliver(q3(), 'w1', 1);
    const n = nack(d.state, 'm0', 'w1', 2);
    expect(kinds(n.effects)).toEqual(['queue-nacked', 'queue-redelivered']);
    const again = deliver(n.state, 'w2', 3);
    expect(again.message).toMatchObject({ messageId: 'm0', attempts: 2, heldBy: 'w2' });
  });

  it('an unacknowledged message comes back after the visibility timeout; a late ack is refused', () => {
    const d = deliver(q3(), 'w1', 0);
    const early = deliver(d.state, 'w2', 50);
    expect(early.message!.messageId).toBe('m1');
    const late = deliver(early.state, 'w3', 150);
    expect(
      late.effects.filter((e) => e.kind === 'queue-redelivered').map((e) => (e as { messageId: string }).messageId),
    ).toEqual(['m0', 'm1']);
    expect(late.message).toMatchObject({ messageId: 'm0', attempts: 2, heldBy: 'w3' });
    expect(kinds(ack(late.state, 'm0', 'w1', 151).effects)).toEqual(['request-rejected']);
  });
});
