/** Exchanges and bindings: direct, topic (* and #), fanout, headers (all/any), the default exchange, mandatory returns. */
import { describe, expect, inject, it } from 'vitest';
import { bodies, runBoth } from './differential';
import type { ScriptStep } from './script';

const consumeAll = (queues: string[]): ScriptStep[] => [
  { kind: 'open-channel', channel: 'c' },
  ...queues.map((q): ScriptStep => ({ kind: 'consume', channel: 'c', queue: q, consumerTag: q, noAck: true })),
];

describe('routing against RabbitMQ 3.10', () => {
  it('topic patterns, direct keys, fanout and the default exchange route the same messages to the same queues', async () => {
    const script: ScriptStep[] = [
      { kind: 'declare-exchange', exchange: 'rt.topic', type: 'topic' },
      { kind: 'declare-exchange', exchange: 'rt.direct', type: 'direct' },
      { kind: 'declare-exchange', exchange: 'rt.fanout', type: 'fanout' },
      ...['rt.star', 'rt.hash', 'rt.exact', 'rt.d', 'rt.f1', 'rt.f2', 'rt.oneword', 'rt.every'].map(
        (q): ScriptStep => ({
          kind: 'declare-queue',
          queue: q,
        }),
      ),
      { kind: 'bind', queue: 'rt.star', exchange: 'rt.topic', routingKey: 'order.*' },
      { kind: 'bind', queue: 'rt.hash', exchange: 'rt.topic', routingKey: 'order.#' },
      { kind: 'bind', queue: 'rt.hash', exchange: 'rt.topic', routingKey: '#.paid' },
      { kind: 'bind', queue: 'rt.exact', exchange: 'rt.topic', routingKey: 'order.eu.paid' },
      { kind: 'bind', queue: 'rt.d', exchange: 'rt.direct', routingKey: 'billing' },
      { kind: 'bind', queue: 'rt.oneword', exchange: 'rt.topic', routingKey: '*' },
      { kind: 'bind', queue: 'rt.every', exchange: 'rt.topic', routingKey: '#' },
      { kind: 'bind', queue: 'rt.f1', exchange: 'rt.fanout', routingKey: 'ignored' },
      { kind: 'bind', queue: 'rt.f2', exchange: 'rt.fanout', routingKey: '' },
      ...consumeAll(['rt.star', 'rt.hash', 'rt.exact', 'rt.d', 'rt.f1', 'rt.f2', 'rt.oneword', 'rt.every']),
      { kind: 'publish', exchange: 'rt.topic', routingKey: 'order', body: 'a' },
      { kind: 'publish', exchange: 'rt.topic', routingKey: 'order.placed', body: 'b' },
      { kind: 'publish', exchange: 'rt.topic', routingKey: 'order.eu.paid', body: 'c' },
      { kind: 'publish', exchange: 'rt.topic', routingKey: 'refund.paid', body: 'd' },
      { kind: 'publish', exchange: 'rt.direct', routingKey: 'billing', body: 'e' },
      { kind: 'publish', exchange: 'rt.direct', routingKey: 'billing.eu', body: 'f' },
      { kind: 'publish', exchange: 'rt.fanout', routingKey: 'anything', body: 'g' },
      { kind: 'publish', exchange: '', routingKey: 'rt.d', body: 'h' },
      { kind: 'publish', exchange: 'rt.topic', routingKey: '', body: 'empty' },
    ];
    const { profile, real } = await runBoth(inject('rabbitmqUrl'), script);
    expect(bodies(real, 'rt.star')).toEqual(['b']);
    expect(bodies(real, 'rt.hash')).toEqual(['a', 'b', 'c', 'd']); // '#' matches zero words; c matches twice, arrives once
    expect(bodies(real, 'rt.exact')).toEqual(['c']);
    expect(bodies(real, 'rt.d')).toEqual(['e', 'h']);
    expect(bodies(real, 'rt.f1')).toEqual(['g']);
    expect(bodies(real, 'rt.f2')).toEqual(['g']);
    // An empty key has zero words: '#' matches it, '*' (exactly one word) does not.
    expect(bodies(real, 'rt.oneword')).toEqual(['a']);
    expect(bodies(real, 'rt.every')).toEqual(['a', 'b', 'c', 'd', 'empty']);
    expect(profile).toEqual(real);
  });

  it('headers exchange with x-match all and any; a mandatory unroutable message comes back', async () => {
    const script: ScriptStep[] = [
      { kind: 'declare-exchange', exchange: 'rt.headers', type: 'headers' },
      { kind: 'declare-queue', queue: 'rt.all' },
      { kind: 'declare-queue', queue: 'rt.any' },
      { kind: 'declare-queue', queue: 'rt.present' },
      { kind: 'declare-queue', queue: 'rt.withx' },
      {
        kind: 'bind',
        queue: 'rt.all',
        exchange: 'rt.headers',
        routingKey: '',
        arguments: { 'x-match': 'all', type: 'order', region: 'eu' },
      },
      {
        kind: 'bind',
        queue: 'rt.any',
        exchange: 'rt.headers',
        routingKey: '',
        arguments: { 'x-match': 'any', type: 'order', region: 'eu' },
      },
      // No value (AMQP void): any value of the header matches. all-with-x compares x- headers too.
      { kind: 'bind', queue: 'rt.present', exchange: 'rt.headers', routingKey: '', arguments: { region: null } },
      {
        kind: 'bind',
        queue: 'rt.withx',
        exchange: 'rt.headers',
        routingKey: '',
        arguments: { 'x-match': 'all-with-x', 'x-tenant': 'acme' },
      },
      ...consumeAll(['rt.all', 'rt.any', 'rt.present', 'rt.withx']),
      {
        kind: 'publish',
        exchange: 'rt.headers',
        routingKey: '',
        body: 'both',
        properties: { headers: { type: 'order', region: 'eu' } },
      },
      {
        kind: 'publish',
        exchange: 'rt.headers',
        routingKey: '',
        body: 'one',
        properties: { headers: { type: 'order', region: 'us' } },
      },
      {
        kind: 'publish',
        exchange: 'rt.headers',
        routingKey: '',
        body: 'none',
        properties: { headers: { type: 'refund' } },
      },
      {
        kind: 'publish',
        exchange: 'rt.headers',
        routingKey: '',
        body: 'tenant',
        properties: { headers: { 'x-tenant': 'acme' } },
      },
      {
        kind: 'publish',
        exchange: 'rt.headers',
        routingKey: '',
        body: 'lost',
        properties: { headers: { type: 'refund' } },
        mandatory: true,
      },
      { kind: 'publish', exchange: '', routingKey: 'no-such-queue', body: 'lost2', mandatory: true },
    ];
    const { profile, real } = await runBoth(inject('rabbitmqUrl'), script);
    expect(bodies(real, 'rt.all')).toEqual(['both']);
    expect(bodies(real, 'rt.any')).toEqual(['both', 'one']);
    expect(bodies(real, 'rt.present')).toEqual(['both', 'one']);
    expect(bodies(real, 'rt.withx')).toEqual(['tenant']);
    expect(real.returned).toEqual(['lost', 'lost2']);
    expect(profile).toEqual(real);
  });
});
