import { describe, expect, it } from 'vitest';
import { headersMatch, topicMatches } from './routing';
import { deliveries, only, run } from './script.testkit';

describe('topic patterns (rabbit_exchange_type_topic)', () => {
  it.each([
    ['order.*', 'order.placed', true],
    ['order.*', 'order', false],
    ['order.*', 'order.eu.paid', false],
    ['order.#', 'order', true],
    ['order.#', 'order.eu.paid', true],
    ['#.paid', 'paid', true],
    ['#', '', true],
    ['*', '', false],
    ['', '', true],
    ['a..b', 'a..b', true],
    ['a.#.b', 'a.b', true],
    ['a.#.b', 'a.x.y.b', true],
    ['a.*.b', 'a.b', false],
    ['#.#', 'a.b.c', true],
  ])('%s matches %s: %s', (pattern, key, expected) => {
    expect(topicMatches(pattern, key)).toBe(expected);
  });
});

describe('headers matching (rabbit_exchange_type_headers)', () => {
  it('x-match all needs every pair, any needs one, x- arguments are not compared', () => {
    const headers = { type: 'order', region: 'eu' };
    expect(headersMatch({ 'x-match': 'all', type: 'order', region: 'eu' }, headers)).toBe(true);
    expect(headersMatch({ type: 'order', region: 'us' }, headers)).toBe(false);
    expect(headersMatch({ 'x-match': 'any', type: 'refund', region: 'eu' }, headers)).toBe(true);
    expect(headersMatch({ 'x-match': 'any', 'x-other': 'order' }, headers)).toBe(false);
    expect(headersMatch({ 'x-match': 'all' }, headers)).toBe(true);
  });

  it('a binding argument without a value matches any value; all-with-x compares x- headers too', () => {
    expect(headersMatch({ region: null }, { region: 'us' })).toBe(true);
    expect(headersMatch({ region: null }, { type: 'order' })).toBe(false);
    expect(headersMatch({ 'x-match': 'all-with-x', 'x-tenant': 'a' }, { 'x-tenant': 'b' })).toBe(false);
    expect(headersMatch({ 'x-match': 'any-with-x', 'x-tenant': 'a' }, { 'x-tenant': 'a' })).toBe(true);
  });
});

describe('routing', () => {
  it('given two matching bindings to one queue, when a message is published, then the queue gets one copy', () => {
    const r = run([
      { kind: 'declare-exchange', exchange: 't', type: 'topic' },
      { kind: 'declare-queue', queue: 'q' },
      { kind: 'bind', queue: 'q', exchange: 't', routingKey: 'order.*' },
      { kind: 'bind', queue: 'q', exchange: 't', routingKey: '#.paid' },
      { kind: 'publish', exchange: 't', routingKey: 'order.paid', body: 'm' },
    ]);
    expect(only(r.effects, 'rabbitmq-routed')[0]?.queues).toEqual(['q']);
    expect(r.state.queues.q?.ready.map((m) => m.message.body)).toEqual(['m']);
  });

  it('the default exchange routes to the queue named by the key and cannot be bound', () => {
    const r = run([
      { kind: 'declare-queue', queue: 'jobs' },
      { kind: 'bind', queue: 'jobs', exchange: '', routingKey: 'x' },
      { kind: 'publish', exchange: '', routingKey: 'jobs', body: 'j' },
    ]);
    expect(only(r.effects, 'rabbitmq-rejected')[0]?.error).toMatch(/default exchange/);
    expect(r.state.queues.jobs?.ready).toHaveLength(1);
  });

  it('a mandatory message no queue takes is returned (312); without mandatory it is dropped silently', () => {
    const r = run([
      { kind: 'declare-exchange', exchange: 'd', type: 'direct' },
      { kind: 'publish', exchange: 'd', routingKey: 'nobody', body: 'a', mandatory: true },
      { kind: 'publish', exchange: 'd', routingKey: 'nobody', body: 'b' },
    ]);
    expect(only(r.effects, 'rabbitmq-returned').map((e) => [e.body, e.replyCode])).toEqual([['a', 312]]);
    expect(only(r.effects, 'rabbitmq-unroutable')).toHaveLength(1);
  });

  it('fanout ignores the key; publishing to a missing exchange closes the publishing channel (404)', () => {
    const r = run([
      { kind: 'declare-exchange', exchange: 'f', type: 'fanout' },
      { kind: 'declare-queue', queue: 'a' },
      { kind: 'declare-queue', queue: 'b' },
      { kind: 'bind', queue: 'a', exchange: 'f', routingKey: 'x' },
      { kind: 'bind', queue: 'b', exchange: 'f', routingKey: 'y' },
      { kind: 'open-channel', channel: 'p' },
      { kind: 'consume', channel: 'p', queue: 'a', consumerTag: 'ca', noAck: true },
      { kind: 'publish', exchange: 'f', routingKey: 'z', body: 'm' },
      { kind: 'publish', exchange: 'missing', routingKey: 'z', body: 'n', channel: 'p' },
    ]);
    expect(deliveries(r.effects)).toEqual(['m@ca']);
    expect(r.state.queues.b?.ready).toHaveLength(1);
    expect(only(r.effects, 'rabbitmq-channel-closed').map((e) => e.replyCode)).toEqual([404]);
  });
});
