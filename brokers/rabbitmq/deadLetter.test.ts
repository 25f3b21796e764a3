/**
 * Dead-letter exchanges: where a rejected, expired, over-length or over-delivery-limit message goes and
 * the x-death header it carries; per-queue TTL and per-message TTL (a classic queue expires only at its head).
 */
import { describe, expect, inject, it } from 'vitest';
import { bodies, runBoth } from './differential';
import type { ScriptStep } from './script';

const dlx = (exchange: string) => ({ 'x-dead-letter-exchange': exchange });

describe('dead-lettering against RabbitMQ 3.10', () => {
  it('rejected, expired (queue TTL and per-message TTL at the head) and maxlen dead letters reach the DLX with their x-death', async () => {
    const script: ScriptStep[] = [
      { kind: 'declare-exchange', exchange: 'dx.fan', type: 'fanout' },
      { kind: 'declare-exchange', exchange: 'dx.direct', type: 'direct' },
      { kind: 'declare-queue', queue: 'dx.dead' },
      { kind: 'declare-queue', queue: 'dx.parking' },
      { kind: 'bind', queue: 'dx.dead', exchange: 'dx.fan', routingKey: '' },
      { kind: 'bind', queue: 'dx.parking', exchange: 'dx.direct', routingKey: 'parking' },
      { kind: 'declare-queue', queue: 'dx.reject', arguments: dlx('dx.fan') },
      { kind: 'declare-queue', queue: 'dx.ttl', arguments: { ...dlx('dx.fan'), 'x-message-ttl': 300 } },
      { kind: 'declare-queue', queue: 'dx.per', arguments: dlx('dx.fan') },
      { kind: 'declare-queue', queue: 'dx.max', arguments: { ...dlx('dx.fan'), 'x-max-length': 2 } },
      {
        kind: 'declare-queue',
        queue: 'dx.rk',
        arguments: { ...dlx('dx.direct'), 'x-dead-letter-routing-key': 'parking' },
      },
      { kind: 'open-channel', channel: 'w' },
      { kind: 'open-channel', channel: 'd' },
      { kind: 'consume', channel: 'd', queue: 'dx.dead', consumerTag: 'dead', noAck: true },
      { kind: 'consume', channel: 'd', queue: 'dx.parking', consumerTag: 'parking', noAck: true },
      { kind: 'qos', channel: 'w', prefetch: 5 },
      { kind: 'consume', channel: 'w', queue: 'dx.reject', consumerTag: 'worker' },
      { kind: 'consume', channel: 'w', queue: 'dx.rk', consumerTag: 'worker2' },
      { kind: 'publish', exchange: '', routingKey: 'dx.reject', body: 'r1' },
      { kind: 'reject', channel: 'w', body: 'r1', requeue: false },
      { kind: 'publish', exchange: '', routingKey: 'dx.rk', body: 'k1' },
      { kind: 'nack', channel: 'w', body: 'k1', requeue: false },
      { kind: 'publish', exchange: '', routingKey: 'dx.ttl', body: 't1' },
      // 'short' expires long before 'long', but sits behind it: a classic queue only expires its head.
      { kind: 'publish', exchange: '', routingKey: 'dx.per', body: 'long', properties: { expiration: 10_000 } },
      { kind: 'publish', exchange: '', routingKey: 'dx.per', body: 'short', properties: { expiration: 100 } },
      ...['m1', 'm2', 'm3'].map((body): ScriptStep => ({ kind: 'publish', exchange: '', routingKey: 'dx.max', body })),
      { kind: 'wait', ms: 500 },
      { kind: 'get', channel: 'd', queue: 'dx.per', noAck: true },
      { kind: 'get', channel: 'd', queue: 'dx.per', noAck: true },
    ];
    const { profile, real } = await runBoth(inject('rabbitmqUrl'), script);
    expect(bodies(real, 'dead')).toEqual(['r1', 'm1', 't1', 'short']);
    expect(real.received.dead?.map((s) => s.deaths)).toEqual([
      ['dx.reject/rejected/1'],
      ['dx.max/maxlen/1'],
      ['dx.ttl/expired/1'],
      ['dx.per/expired/1'],
    ]);
    expect(real.received.parking).toEqual([
      { body: 'k1', redelivered: false, deaths: ['dx.rk/rejected/1'], deathRoutes: ['(default) dx.rk'] },
    ]);
    expect(bodies(real, 'get:d')).toEqual(['long']);
    expect(real.empty).toEqual(['d']);
    expect(real.depth).toMatchObject({ 'dx.max': 2, 'dx.ttl': 0, 'dx.per': 0 });
    expect(profile).toEqual(real);
  });

  it('quorum x-delivery-limit: returned more times than the limit, the message is dead-lettered with reason delivery_limit', async () => {
    const q = 'dx.limit';
    const script: ScriptStep[] = [
      { kind: 'declare-exchange', exchange: 'dx.fan2', type: 'fanout' },
      { kind: 'declare-queue', queue: 'dx.dead2' },
      { kind: 'bind', queue: 'dx.dead2', exchange: 'dx.fan2', routingKey: '' },
      { kind: 'declare-queue', queue: q, type: 'quorum', arguments: { ...dlx('dx.fan2'), 'x-delivery-limit': 2 } },
      { kind: 'open-channel', channel: 'w' },
      { kind: 'open-channel', channel: 'd' },
      { kind: 'consume', channel: 'd', queue: 'dx.dead2', consumerTag: 'dead', noAck: true },
      { kind: 'qos', channel: 'w', prefetch: 1 },
      { kind: 'consume', channel: 'w', queue: q, consumerTag: 'worker' },
      { kind: 'publish', exchange: '', routingKey: q, body: 'poison' },
      { kind: 'publish', exchange: '', routingKey: q, body: 'fine' },
      { kind: 'nack', channel: 'w', body: 'poison', requeue: true },
      // With a delivery limit the return goes to the front (rabbit_fifo returns), so 'poison' comes again first.
      { kind: 'nack', channel: 'w', body: 'poison', requeue: true },
      // A crash is a return too.
      { kind: 'close-channel', channel: 'w' },
      { kind: 'open-channel', channel: 'w2' },
      { kind: 'qos', channel: 'w2', prefetch: 1 },
      { kind: 'consume', channel: 'w2', queue: q, consumerTag: 'worker2' },
      { kind: 'ack', channel: 'w2', body: 'fine' },
    ];
    const { profile, real } = await runBoth(inject('rabbitmqUrl'), script);
    expect(bodies(real, 'worker')).toEqual(['poison', 'poison*', 'poison*']);
    expect(real.received.worker?.map((s) => s.deliveryCount ?? 0)).toEqual([0, 1, 2]);
    expect(bodies(real, 'worker2')).toEqual(['fine']);
    expect(real.received.dead).toEqual([
      { body: 'poison', redelivered: false, deaths: [`${q}/delivery_limit/1`], deathRoutes: [`(default) ${q}`] },
    ]);
    expect(profile).toEqual(real);
  });

  it('a message dead-lettered twice carries both deaths, newest first, each with the exchange and keys it had', async () => {
    const script: ScriptStep[] = [
      { kind: 'declare-exchange', exchange: 'dx.cx', type: 'direct' },
      { kind: 'declare-exchange', exchange: 'dx.cfan', type: 'fanout' },
      { kind: 'declare-queue', queue: 'dx.c1', arguments: { ...dlx('dx.cx'), 'x-dead-letter-routing-key': 'stage2' } },
      { kind: 'declare-queue', queue: 'dx.c2', arguments: { ...dlx('dx.cfan'), 'x-message-ttl': 100 } },
      { kind: 'declare-queue', queue: 'dx.cend' },
      { kind: 'bind', queue: 'dx.c2', exchange: 'dx.cx', routingKey: 'stage2' },
      { kind: 'bind', queue: 'dx.cend', exchange: 'dx.cfan', routingKey: '' },
      { kind: 'open-channel', channel: 'w' },
      { kind: 'consume', channel: 'w', queue: 'dx.cend', consumerTag: 'end', noAck: true },
      { kind: 'publish', exchange: '', routingKey: 'dx.c1', body: 'hop' },
      { kind: 'get', channel: 'w', queue: 'dx.c1' },
      { kind: 'reject', channel: 'w', body: 'hop', requeue: false },
      { kind: 'wait', ms: 400 },
    ];
    const { profile, real } = await runBoth(inject('rabbitmqUrl'), script);
    expect(real.received.end).toEqual([
      {
        body: 'hop',
        redelivered: false,
        deaths: ['dx.c2/expired/1', 'dx.c1/rejected/1'],
        deathRoutes: ['dx.cx stage2', '(default) dx.c1'],
      },
    ]);
    expect(profile).toEqual(real);
  });
});
