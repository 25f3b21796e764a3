import { describe, expect, it } from 'vitest';
import { DEFAULT_QUORUM_DELIVERY_LIMIT } from './constants';
import { consumerOn, deliveries, only, pub, run, tagOf } from './script.testkit';
import type { RabbitRequest } from './requests';

const dlxSetup: RabbitRequest[] = [
  { kind: 'declare-exchange', exchange: 'dlx', type: 'fanout' },
  { kind: 'declare-queue', queue: 'dead' },
  { kind: 'bind', queue: 'dead', exchange: 'dlx', routingKey: '' },
];

describe('dead-letter exchanges (https://www.rabbitmq.com/dlx.html)', () => {
  it('a rejected message goes to the DLX with an x-death entry and the x-dead-letter-routing-key', () => {
    const r = run([
      ...dlxSetup,
      {
        kind: 'declare-queue',
        queue: 'work',
        arguments: { 'x-dead-letter-exchange': 'dlx', 'x-dead-letter-routing-key': 'parked' },
      },
      ...pub('work', 'bad'),
      { kind: 'open-channel', channel: 'g' },
      { kind: 'get', channel: 'g', queue: 'work' },
    ]);
    const n = run([{ kind: 'reject', channel: 'g', deliveryTag: tagOf(r, 'g', 'bad'), requeue: false }], r);
    const dl = only(n.effects, 'rabbitmq-dead-lettered')[0];
    expect([dl?.deathReason, dl?.routingKey, dl?.to]).toEqual(['rejected', 'parked', ['dead']]);
    const m = n.state.queues.dead?.ready[0]?.message;
    expect(m?.xDeath.map((d) => [d.queue, d.reason, d.count, d.exchange, d.routingKeys])).toEqual([
      ['work', 'rejected', 1, '', ['work']],
    ]);
    expect(m?.routingKey).toBe('parked');
  });

  it('x-max-length drop-head dead-letters the oldest with reason maxlen; reject-publish refuses the newcomer', () => {
    const r = run([
      ...dlxSetup,
      { kind: 'declare-queue', queue: 'short', arguments: { 'x-max-length': 2, 'x-dead-letter-exchange': 'dlx' } },
      { kind: 'declare-queue', queue: 'strict', arguments: { 'x-max-length': 2, 'x-overflow': 'reject-publish' } },
      ...pub('short', 'a', 'b', 'c'),
      ...pub('strict', 'a', 'b', 'c'),
    ]);
    expect(r.state.queues.short?.ready.map((m) => m.message.body)).toEqual(['b', 'c']);
    expect(r.state.queues.dead?.ready[0]?.message.xDeath[0]?.reason).toBe('maxlen');
    expect(only(r.effects, 'rabbitmq-publish-refused').map((e) => e.body)).toEqual(['c']);
  });

  it('quorum reject-publish takes the message that goes over the limit, then refuses until back at 80%', () => {
    const q = 'qq';
    let r = run([
      {
        kind: 'declare-queue',
        queue: q,
        type: 'quorum',
        arguments: { 'x-max-length': 5, 'x-overflow': 'reject-publish' },
      },
      ...pub(q, '1', '2', '3', '4', '5', '6', '7'),
      { kind: 'open-channel', channel: 'g' },
    ]);
    expect(only(r.effects, 'rabbitmq-publish-refused').map((e) => e.body)).toEqual(['7']);
    r = run([{ kind: 'get', channel: 'g', queue: q, noAck: true }, ...pub(q, '8')], r);
    expect(only(r.effects, 'rabbitmq-publish-refused').map((e) => e.body)).toEqual(['8']);
    r = run([{ kind: 'get', channel: 'g', queue: q, noAck: true }, ...pub(q, '9')], r);
    expect(only(r.effects, 'rabbitmq-enqueued').map((e) => e.body)).toEqual(['9']);
  });

  it('queue TTL expires messages at the head as time passes; per-message TTL behind a longer one waits for the head', () => {
    const r = run([
      ...dlxSetup,
      { kind: 'declare-queue', queue: 'ttl', arguments: { 'x-message-ttl': 1000, 'x-dead-letter-exchange': 'dlx' } },
      { kind: 'declare-queue', queue: 'per', arguments: { 'x-dead-letter-exchange': 'dlx' } },
      ...pub('ttl', 't'),
      { kind: 'publish', exchange: '', routingKey: 'per', body: 'long', properties: { expiration: 5000 } },
      { kind: 'publish', exchange: '', routingKey: 'per', body: 'short', properties: { expiration: 100 } },
      { at: 999 },
    ]);
    expect(only(r.effects, 'rabbitmq-dead-lettered')).toEqual([]);
    const later = run([{ at: 1000 }, { at: 4999 }], r);
    expect(only(later.effects, 'rabbitmq-dead-lettered').map((e) => e.body)).toEqual(['t']);
    const end = run([{ at: 5000 }], later);
    // 'short' expired long ago but only leaves once it is at the head.
    expect(only(end.effects, 'rabbitmq-dead-lettered').map((e) => [e.body, e.deathReason])).toEqual([
      ['long', 'expired'],
      ['short', 'expired'],
    ]);
    expect(end.state.queues.dead?.ready.map((m) => m.message.expiration)).toEqual([null, null, null]);
  });

  it('quorum x-delivery-limit: a message returned more than the limit is dead-lettered (delivery_limit); 3.10 has no default', () => {
    expect(DEFAULT_QUORUM_DELIVERY_LIMIT).toBeNull();
    let r = run([
      ...dlxSetup,
      {
        kind: 'declare-queue',
        queue: 'q',
        type: 'quorum',
        arguments: { 'x-delivery-limit': 1, 'x-dead-letter-exchange': 'dlx' },
      },
      ...consumerOn('a', 'q', 'c', 1),
      ...pub('q', 'poison'),
    ]);
    r = run([{ kind: 'nack', channel: 'a', deliveryTag: tagOf(r, 'a', 'poison') }], r);
    expect(deliveries(r.effects)).toEqual(['poison*@c']);
    r = run([{ kind: 'nack', channel: 'a', deliveryTag: tagOf(r, 'a', 'poison') }], r);
    expect(only(r.effects, 'rabbitmq-dead-lettered').map((e) => e.deathReason)).toEqual(['delivery_limit']);
  });

  it('3.10 quirk: a message nacked over the delivery limit gives its consumer one credit too many', () => {
    let r = run([
      { kind: 'declare-queue', queue: 'q', type: 'quorum', arguments: { 'x-delivery-limit': 0 } },
      ...consumerOn('a', 'q', 'c', 1),
      ...pub('q', 'poison', 'x', 'y'),
    ]);
    r = run([{ kind: 'reject', channel: 'a', deliveryTag: tagOf(r, 'a', 'poison') }], r);
    // prefetch 1, yet c now holds two messages (rabbit_fifo return_one + return/5 both add credit).
    expect(deliveries(r.effects)).toEqual(['x@c', 'y@c']);
    expect(r.state.consumers.c?.extraCredit).toBe(1);
  });

  it('a dead letter that would loop back to its queue without a rejection is dropped for that queue (cycle)', () => {
    const r = run([
      { kind: 'declare-exchange', exchange: 'loop', type: 'fanout' },
      { kind: 'declare-queue', queue: 'a', arguments: { 'x-message-ttl': 10, 'x-dead-letter-exchange': 'loop' } },
      { kind: 'bind', queue: 'a', exchange: 'loop', routingKey: '' },
      ...pub('a', 'm'),
      { at: 10 },
    ]);
    expect(only(r.effects, 'rabbitmq-dead-lettered').map((e) => e.to)).toEqual([[]]);
    expect(r.state.queues.a?.ready).toEqual([]);
  });

  it('a dead-letter exchange that does not exist drops the message; a queue without one drops it too', () => {
    const r = run([
      { kind: 'declare-queue', queue: 'q', arguments: { 'x-dead-letter-exchange': 'nope', 'x-max-length': 0 } },
      { kind: 'declare-queue', queue: 'plain', arguments: { 'x-max-length': 0 } },
      ...pub('q', 'x'),
      ...pub('plain', 'y'),
    ]);
    expect(only(r.effects, 'rabbitmq-dead-lettered')[0]?.reason).toMatch(/does not exist/);
    expect(only(r.effects, 'rabbitmq-dropped').map((e) => e.deathReason)).toEqual(['maxlen']);
  });

  it('dying again in the same queue for the same reason counts up the x-death entry', () => {
    let r = run([
      { kind: 'declare-exchange', exchange: 'back', type: 'fanout' },
      { kind: 'declare-queue', queue: 'retry', arguments: { 'x-dead-letter-exchange': 'back' } },
      { kind: 'bind', queue: 'retry', exchange: 'back', routingKey: '' },
      ...pub('retry', 'm'),
      { kind: 'open-channel', channel: 'g' },
    ]);
    for (let i = 0; i < 3; i++) {
      r = run([{ kind: 'get', channel: 'g', queue: 'retry' }], r);
      r = run([{ kind: 'reject', channel: 'g', deliveryTag: tagOf(r, 'g', 'm'), requeue: false }], r);
    }
    expect(r.state.queues.retry?.ready[0]?.message.xDeath.map((d) => [d.reason, d.count])).toEqual([['rejected', 3]]);
  });
});
