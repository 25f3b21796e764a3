/**
 * RabbitMQ Streams over AMQP 0-9-1: an append-only log read from an offset (`x-stream-offset` first, last,
 * next or a number), messages kept after acks, each delivery carrying its `x-stream-offset`; consumers
 * need a prefetch (credit) and manual acks.
 */
import { describe, expect, inject, it } from 'vitest';
import { runBoth } from './differential';
import type { Observation, ScriptStep } from './script';

const publish = (queue: string, bodies: string[]): ScriptStep[] =>
  bodies.map((body) => ({ kind: 'publish', exchange: '', routingKey: queue, body }));

const offsets = (o: Observation, to: string) => (o.received[to] ?? []).map((s) => `${s.body}@${s.offset}`);

describe('streams against RabbitMQ 3.10', () => {
  it('replay from first, from an offset, from last and from next; acks only give credit back', async () => {
    const q = 'st.orders';
    const script: ScriptStep[] = [
      { kind: 'declare-queue', queue: q, type: 'stream' },
      ...publish(q, ['e0', 'e1', 'e2', 'e3']),
      { kind: 'open-channel', channel: 'r' },
      { kind: 'qos', channel: 'r', prefetch: 10 },
      { kind: 'consume', channel: 'r', queue: q, consumerTag: 'first', streamOffset: 'first' },
      { kind: 'consume', channel: 'r', queue: q, consumerTag: 'from2', streamOffset: 2 },
      { kind: 'consume', channel: 'r', queue: q, consumerTag: 'last', streamOffset: 'last' },
      { kind: 'consume', channel: 'r', queue: q, consumerTag: 'next', streamOffset: 'next' },
      { kind: 'open-channel', channel: 's' },
      { kind: 'qos', channel: 's', prefetch: 2 },
      { kind: 'consume', channel: 's', queue: q, consumerTag: 'slow', streamOffset: 'first' },
      ...publish(q, ['e4']),
      { kind: 'ack', channel: 's', body: 'e0' },
      { kind: 'ack', channel: 's', body: 'e1' },
    ];
    const { profile, real } = await runBoth(inject('rabbitmqUrl'), script);
    expect(offsets(real, 'first')).toEqual(['e0@0', 'e1@1', 'e2@2', 'e3@3', 'e4@4']);
    expect(offsets(real, 'from2')).toEqual(['e2@2', 'e3@3', 'e4@4']);
    expect(offsets(real, 'last')).toEqual(['e3@3', 'e4@4']);
    expect(offsets(real, 'next')).toEqual(['e4@4']);
    expect(offsets(real, 'slow')).toEqual(['e0@0', 'e1@1', 'e2@2', 'e3@3']);
    expect(profile).toEqual(real);
  });

  it('an offset beyond the end delivers nothing until the log reaches it', async () => {
    const q = 'st.beyond';
    const { profile, real } = await runBoth(inject('rabbitmqUrl'), [
      { kind: 'declare-queue', queue: q, type: 'stream' },
      ...publish(q, ['a', 'b']),
      { kind: 'open-channel', channel: 'r' },
      { kind: 'qos', channel: 'r', prefetch: 5 },
      { kind: 'consume', channel: 'r', queue: q, consumerTag: 'far', streamOffset: 3 },
      { kind: 'consume', channel: 'r', queue: q, consumerTag: 'near', streamOffset: 'first' },
      ...publish(q, ['c', 'd']),
    ]);
    expect(offsets(real, 'near')).toEqual(['a@0', 'b@1', 'c@2', 'd@3']);
    expect(offsets(real, 'far')).toEqual(['d@3']);
    expect(profile).toEqual(real);
  });

  it('a stream consumer without a prefetch is refused (406, the channel closes)', async () => {
    const q = 'st.noqos';
    const { profile, real } = await runBoth(inject('rabbitmqUrl'), [
      { kind: 'declare-queue', queue: q, type: 'stream' },
      ...publish(q, ['x']),
      { kind: 'open-channel', channel: 'r' },
      { kind: 'consume', channel: 'r', queue: q, consumerTag: 'c', streamOffset: 'first' },
    ]);
    expect(real.closedByBroker).toEqual(['r 406']);
    expect(real.received).toEqual({});
    expect(profile).toEqual(real);
  });
});
