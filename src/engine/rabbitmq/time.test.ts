import { describe, expect, it } from 'vitest';
import { DEFAULT_CONSUMER_TIMEOUT_MS } from './constants';
import { createRabbit } from './rabbitState';
import { consumerOn, deliveries, only, pub, run } from './script.testkit';

describe('consumer_timeout (https://www.rabbitmq.com/consumers.html#acknowledgement-timeout)', () => {
  it('defaults to 30 minutes in 3.10', () => {
    expect(createRabbit().config.consumerTimeoutMs).toBe(DEFAULT_CONSUMER_TIMEOUT_MS);
    expect(DEFAULT_CONSUMER_TIMEOUT_MS).toBe(30 * 60 * 1000);
  });

  it('closes the channel once its oldest delivery is strictly older than the timeout, and requeues it', () => {
    const r = run(
      [{ kind: 'declare-queue', queue: 'q' }, ...consumerOn('slow', 'q', 's', 1), ...pub('q', 'job'), { at: 1000 }],
      { consumerTimeoutMs: 1000 },
    );
    expect(only(r.effects, 'rabbitmq-channel-closed')).toEqual([]);
    const later = run([{ at: 1001 }], r);
    const closed = only(later.effects, 'rabbitmq-channel-closed');
    expect(closed.map((e) => [e.channel, e.replyCode])).toEqual([['slow', 406]]);
    expect(later.state.queues.q?.ready.map((m) => m.message.body)).toEqual(['job']);
  });

  it('events happen in time order within one jump: a redelivered message can time out again', () => {
    const r = run(
      [
        { kind: 'declare-queue', queue: 'q' },
        ...consumerOn('a', 'q', 'c1', 1),
        ...pub('q', 'job'),
        ...consumerOn('b', 'q', 'c2', 1),
        { at: 5000 },
      ],
      { consumerTimeoutMs: 1000 },
    );
    expect(deliveries(r.effects)).toEqual(['job@c1', 'job*@c2']);
    expect(only(r.effects, 'rabbitmq-channel-closed').map((e) => e.channel)).toEqual(['a', 'b']);
  });

  it('null turns it off', () => {
    const r = run(
      [{ kind: 'declare-queue', queue: 'q' }, ...consumerOn('a', 'q', 'c', 1), ...pub('q', 'job'), { at: 10 ** 9 }],
      { consumerTimeoutMs: null },
    );
    expect(only(r.effects, 'rabbitmq-channel-closed')).toEqual([]);
  });
});
