/**
 * Time to live: quorum queues (TTL is new in 3.10), a requeued message keeping its original expiry, and an
 * expired message never being delivered even when a consumer is waiting.
 */
import { describe, expect, inject, it } from 'vitest';
import { bodies, runBoth } from './differential';
import type { ScriptStep } from './script';

const dlxTo = (exchange: string, queue: string): ScriptStep[] => [
  { kind: 'declare-exchange', exchange, type: 'fanout' },
  { kind: 'declare-queue', queue },
  { kind: 'bind', queue, exchange, routingKey: '' },
];

describe('TTL against RabbitMQ 3.10', () => {
  it('quorum queues expire by x-message-ttl and by per-message expiration, dead-lettering with reason expired', async () => {
    const q = 'tl.quorum';
    const { profile, real } = await runBoth(inject('rabbitmqUrl'), [
      ...dlxTo('tl.qx', 'tl.qdead'),
      {
        kind: 'declare-queue',
        queue: q,
        type: 'quorum',
        arguments: { 'x-message-ttl': 300, 'x-dead-letter-exchange': 'tl.qx' },
      },
      { kind: 'publish', exchange: '', routingKey: q, body: 'queue-ttl' },
      { kind: 'publish', exchange: '', routingKey: q, body: 'own-ttl', properties: { expiration: 100 } },
      { kind: 'wait', ms: 700 },
      { kind: 'open-channel', channel: 'd' },
      { kind: 'consume', channel: 'd', queue: 'tl.qdead', consumerTag: 'dead', noAck: true },
    ]);
    expect(bodies(real, 'dead')).toEqual(['queue-ttl', 'own-ttl']);
    expect(real.received.dead?.map((s) => s.deaths)).toEqual([[`${q}/expired/1`], [`${q}/expired/1`]]);
    expect(real.depth[q]).toBe(0);
    expect(profile).toEqual(real);
  });

  it('a requeued message keeps its original expiry: requeued after it, it is dead-lettered instead of redelivered', async () => {
    const q = 'tl.requeue';
    const { profile, real } = await runBoth(inject('rabbitmqUrl'), [
      ...dlxTo('tl.rx', 'tl.rdead'),
      { kind: 'declare-queue', queue: q, arguments: { 'x-message-ttl': 300, 'x-dead-letter-exchange': 'tl.rx' } },
      { kind: 'open-channel', channel: 'd' },
      { kind: 'consume', channel: 'd', queue: 'tl.rdead', consumerTag: 'dead', noAck: true },
      { kind: 'publish', exchange: '', routingKey: q, body: 'late' },
      { kind: 'publish', exchange: '', routingKey: q, body: 'kept' },
      { kind: 'open-channel', channel: 'w' },
      { kind: 'get', channel: 'w', queue: q },
      { kind: 'get', channel: 'w', queue: q },
      { kind: 'wait', ms: 600 },
      { kind: 'nack', channel: 'w', body: 'late', requeue: true },
      { kind: 'ack', channel: 'w', body: 'kept' },
      { kind: 'get', channel: 'w', queue: q, noAck: true },
    ]);
    expect(bodies(real, 'get:w')).toEqual(['late', 'kept']);
    expect(real.received.dead).toEqual([
      { body: 'late', redelivered: false, deaths: [`${q}/expired/1`], deathRoutes: [`(default) ${q}`] },
    ]);
    expect(real.empty).toEqual(['w']);
    expect(profile).toEqual(real);
  });
});
