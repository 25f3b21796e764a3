/**
 * Prefetch and turn-taking, ack, nack/reject with and without requeue, where a requeued message goes
 * (classic: its original place; quorum 3.10 without a delivery limit: the back), the redelivered flag,
 * a crash (channel closed with unacked messages) and a client bug (acking the same tag twice).
 */
import { describe, expect, inject, it } from 'vitest';
import { bodies, runBoth } from './differential';
import type { ScriptStep } from './script';

const publishAll = (queue: string, names: string[]): ScriptStep[] =>
  names.map((body) => ({ kind: 'publish', exchange: '', routingKey: queue, body }));

function prefetchScript(queue: string, type: 'classic' | 'quorum'): ScriptStep[] {
  return [
    { kind: 'declare-queue', queue, type },
    { kind: 'open-channel', channel: 'ch1' },
    { kind: 'open-channel', channel: 'ch2' },
    { kind: 'qos', channel: 'ch1', prefetch: 2 },
    { kind: 'qos', channel: 'ch2', prefetch: 1 },
    { kind: 'consume', channel: 'ch1', queue, consumerTag: 'c1' },
    { kind: 'consume', channel: 'ch2', queue, consumerTag: 'c2' },
    ...publishAll(queue, ['m1', 'm2', 'm3', 'm4', 'm5']),
    { kind: 'nack', channel: 'ch1', body: 'm1', requeue: true },
    { kind: 'ack', channel: 'ch2', body: 'm2' },
    { kind: 'ack', channel: 'ch1', body: 'm3' },
    // c1 crashes holding two messages: both come back, flagged redelivered.
    { kind: 'close-channel', channel: 'ch1' },
  ];
}

describe('deliveries against RabbitMQ 3.10', () => {
  it('classic queue: consumers take turns up to their prefetch; a nacked message goes back to its original place', async () => {
    const { profile, real } = await runBoth(inject('rabbitmqUrl'), [
      ...prefetchScript('dl.classic', 'classic'),
      { kind: 'ack', channel: 'ch2', body: 'm4' },
      { kind: 'ack', channel: 'ch2', body: 'm1' },
      { kind: 'ack', channel: 'ch2', body: 'm5' },
    ]);
    // m1 requeued before m4 and m5 (its original place) and c1 had room again, so c1 got it back at once.
    expect(bodies(real, 'c1')).toEqual(['m1', 'm3', 'm1*', 'm5']);
    expect(bodies(real, 'c2')).toEqual(['m2', 'm4', 'm1*', 'm5*']);
    expect(real.depth).toEqual({ 'dl.classic': 0 });
    expect(profile).toEqual(real);
  });

  it('the switched run: competing consumers; a crashed member’s unacked messages go to the other, and it comes back with its old consumer tag', async () => {
    // "Run on another broker" (src/scenarios/switchProfile/rabbitmq.ts): a member's name is its consumer tag,
    // kept when it reconnects on a new channel after a crash (the old consumer went with the old channel).
    const q = 'dl.switched';
    const { profile, real } = await runBoth(inject('rabbitmqUrl'), [
      { kind: 'declare-queue', queue: q, type: 'classic' },
      { kind: 'open-channel', channel: 'billing-1-ch1' },
      { kind: 'open-channel', channel: 'billing-2-ch1' },
      { kind: 'qos', channel: 'billing-1-ch1', prefetch: 10 },
      { kind: 'qos', channel: 'billing-2-ch1', prefetch: 10 },
      { kind: 'consume', channel: 'billing-1-ch1', queue: q, consumerTag: 'billing-1' },
      { kind: 'consume', channel: 'billing-2-ch1', queue: q, consumerTag: 'billing-2' },
      ...publishAll(q, ['order-1001', 'order-1003', 'order-1004']),
      // billing-1 acknowledged everything it had, then crashes: nothing to requeue.
      { kind: 'ack', channel: 'billing-1-ch1', body: 'order-1001' },
      { kind: 'ack', channel: 'billing-1-ch1', body: 'order-1004' },
      { kind: 'close-channel', channel: 'billing-1-ch1' },
      // billing-2 crashes holding order-1003; billing-1 comes back under the same tag and gets it, redelivered.
      { kind: 'open-channel', channel: 'billing-1-ch2' },
      { kind: 'qos', channel: 'billing-1-ch2', prefetch: 10 },
      { kind: 'consume', channel: 'billing-1-ch2', queue: q, consumerTag: 'billing-1' },
      { kind: 'close-channel', channel: 'billing-2-ch1' },
      { kind: 'ack', channel: 'billing-1-ch2', body: 'order-1003' },
    ]);
    expect(bodies(real, 'billing-1')).toEqual(['order-1001', 'order-1004', 'order-1003*']);
    expect(bodies(real, 'billing-2')).toEqual(['order-1003']);
    expect(profile).toEqual(real);
  });

  it('quorum queue without a delivery limit: a nacked message goes to the back (3.10), counted in x-delivery-count', async () => {
    const { profile, real } = await runBoth(inject('rabbitmqUrl'), [
      ...prefetchScript('dl.quorum', 'quorum'),
      { kind: 'ack', channel: 'ch2', body: 'm5' },
      { kind: 'ack', channel: 'ch2', body: 'm4' },
      { kind: 'ack', channel: 'ch2', body: 'm1' },
    ]);
    expect(bodies(real, 'c1')).toEqual(['m1', 'm3', 'm4', 'm1*']);
    expect(bodies(real, 'c2')).toEqual(['m2', 'm5', 'm4*', 'm1*']);
    expect(real.received.c2?.map((s) => s.deliveryCount ?? 0)).toEqual([0, 0, 1, 2]);
    expect(real.depth).toEqual({ 'dl.quorum': 0 });
    expect(profile).toEqual(real);
  });

  it('reject and nack without requeue drop the message when the queue has no dead-letter exchange; nack multiple', async () => {
    const q = 'dl.drop';
    const { profile, real } = await runBoth(inject('rabbitmqUrl'), [
      { kind: 'declare-queue', queue: q },
      { kind: 'open-channel', channel: 'ch' },
      { kind: 'qos', channel: 'ch', prefetch: 10 },
      ...publishAll(q, ['a', 'b', 'c', 'd']),
      { kind: 'consume', channel: 'ch', queue: q, consumerTag: 'c' },
      { kind: 'reject', channel: 'ch', body: 'a', requeue: false },
      { kind: 'nack', channel: 'ch', body: 'c', multiple: true, requeue: true },
      { kind: 'nack', channel: 'ch', body: 'd', requeue: false },
      { kind: 'ack', channel: 'ch', body: 'c', multiple: true },
    ]);
    expect(bodies(real, 'c')).toEqual(['a', 'b', 'c', 'd', 'b*', 'c*']);
    expect(real.depth).toEqual({ [q]: 0 });
    expect(profile).toEqual(real);
  });

  it('acking the same delivery twice closes the channel (406 unknown delivery tag) and requeues what it held', async () => {
    const q = 'dl.twice';
    const { profile, real } = await runBoth(inject('rabbitmqUrl'), [
      { kind: 'declare-queue', queue: q },
      { kind: 'open-channel', channel: 'ch' },
      { kind: 'qos', channel: 'ch', prefetch: 2 },
      { kind: 'consume', channel: 'ch', queue: q, consumerTag: 'c' },
      ...publishAll(q, ['x', 'y', 'z']),
      { kind: 'ack', channel: 'ch', body: 'x' },
      { kind: 'ack', channel: 'ch', body: 'x' },
      { kind: 'open-channel', channel: 'ch2' },
      { kind: 'get', channel: 'ch2', queue: q, noAck: true },
      { kind: 'get', channel: 'ch2', queue: q, noAck: true },
      { kind: 'get', channel: 'ch2', queue: q, noAck: true },
    ]);
    expect(bodies(real, 'c')).toEqual(['x', 'y', 'z']);
    expect(real.closedByBroker).toEqual(['ch 406']);
    expect(bodies(real, 'get:ch2')).toEqual(['y*', 'z*']);
    expect(real.empty).toEqual(['ch2']);
    expect(profile).toEqual(real);
  });
});
