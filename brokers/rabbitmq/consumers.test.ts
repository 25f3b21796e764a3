/** Priorities, single active consumer, consumer_timeout, and what a quorum queue refuses. */
import { describe, expect, inject, it } from 'vitest';
import { TEST_CONSUMER_TIMEOUT_MS } from '../servers/rabbitmqConfig';
import { bodies, runBoth } from './differential';
import type { ScriptStep } from './script';

describe('consumers against RabbitMQ 3.10', () => {
  it('x-max-priority: higher priorities first, FIFO within one, above the maximum counts as the maximum', async () => {
    const q = 'cs.prio';
    const msgs: [string, number | undefined][] = [
      ['p1', 1],
      ['p5a', 5],
      ['none', undefined],
      ['p5b', 5],
      ['p9', 9],
      ['p3', 3],
    ];
    const { profile, real } = await runBoth(inject('rabbitmqUrl'), [
      { kind: 'declare-queue', queue: q, arguments: { 'x-max-priority': 5 } },
      ...msgs.map(([body, priority]): ScriptStep => ({
        kind: 'publish',
        exchange: '',
        routingKey: q,
        body,
        ...(priority !== undefined ? { properties: { priority } } : {}),
      })),
      { kind: 'open-channel', channel: 'ch' },
      { kind: 'qos', channel: 'ch', prefetch: 1 },
      { kind: 'consume', channel: 'ch', queue: q, consumerTag: 'c' },
      ...['p5a', 'p5b', 'p9', 'p3', 'p1'].map((body): ScriptStep => ({ kind: 'ack', channel: 'ch', body })),
    ]);
    expect(bodies(real, 'c')).toEqual(['p5a', 'p5b', 'p9', 'p3', 'p1', 'none']);
    expect(profile).toEqual(real);
  });

  it('single active consumer: only the first registered consumer gets messages; when its channel closes the next takes over', async () => {
    for (const type of ['classic', 'quorum'] as const) {
      const q = `cs.sac.${type}`;
      const { profile, real } = await runBoth(inject('rabbitmqUrl'), [
        { kind: 'declare-queue', queue: q, type, arguments: { 'x-single-active-consumer': true } },
        { kind: 'open-channel', channel: 'a' },
        { kind: 'open-channel', channel: 'b' },
        { kind: 'qos', channel: 'a', prefetch: 1 },
        { kind: 'qos', channel: 'b', prefetch: 1 },
        { kind: 'consume', channel: 'a', queue: q, consumerTag: 'first' },
        { kind: 'consume', channel: 'b', queue: q, consumerTag: 'second' },
        ...['s1', 's2', 's3'].map((body): ScriptStep => ({ kind: 'publish', exchange: '', routingKey: q, body })),
        { kind: 'ack', channel: 'a', body: 's1' },
        { kind: 'close-channel', channel: 'a' },
        { kind: 'ack', channel: 'b', body: 's2' },
        { kind: 'ack', channel: 'b', body: 's3' },
      ]);
      expect(bodies(real, 'first'), type).toEqual(['s1', 's2']);
      expect(bodies(real, 'second'), type).toEqual(['s2*', 's3']);
      expect(profile, type).toEqual(real);
    }
  });

  it('consumer_timeout: the broker closes a channel that holds a delivery too long (406) and requeues it', async () => {
    const q = 'cs.timeout';
    const { profile, real } = await runBoth(inject('rabbitmqUrl'), [
      { kind: 'declare-queue', queue: q },
      { kind: 'open-channel', channel: 'slow' },
      { kind: 'qos', channel: 'slow', prefetch: 1 },
      { kind: 'consume', channel: 'slow', queue: q, consumerTag: 'slow' },
      { kind: 'publish', exchange: '', routingKey: q, body: 'job' },
      { kind: 'open-channel', channel: 'fast' },
      { kind: 'qos', channel: 'fast', prefetch: 1 },
      { kind: 'consume', channel: 'fast', queue: q, consumerTag: 'fast' },
      { kind: 'wait', ms: TEST_CONSUMER_TIMEOUT_MS + 500 },
      { kind: 'ack', channel: 'fast', body: 'job' },
    ]);
    expect(real.closedByBroker).toEqual(['slow 406']);
    expect(bodies(real, 'slow')).toEqual(['job']);
    expect(bodies(real, 'fast')).toEqual(['job*']);
    expect(profile).toEqual(real);
  });

  it('a quorum queue refuses x-max-priority; a stream refuses x-message-ttl (invalid arg)', async () => {
    const { profile, real } = await runBoth(inject('rabbitmqUrl'), [
      { kind: 'declare-queue', queue: 'cs.qprio', type: 'quorum', arguments: { 'x-max-priority': 5 } },
      { kind: 'declare-queue', queue: 'cs.sttl', type: 'stream', arguments: { 'x-message-ttl': 1000 } },
      { kind: 'declare-queue', queue: 'cs.ok', type: 'quorum', arguments: { 'x-delivery-limit': 3 } },
    ]);
    expect(real.refused).toEqual(['declare-queue', 'declare-queue']);
    expect(real.depth).toEqual({ 'cs.ok': 0 });
    expect(profile).toEqual(real);
  });
});
