/** Quorum queue length limits, and requeue places inside a classic priority queue. */
import { describe, expect, inject, it } from 'vitest';
import { bodies, runBoth } from './differential';
import type { ScriptStep } from './script';

describe('limits and priorities against RabbitMQ 3.10', () => {
  it('a quorum queue over x-max-length drops from the head (maxlen); with reject-publish it takes one over, then refuses', async () => {
    const { profile, real } = await runBoth(inject('rabbitmqUrl'), [
      { kind: 'declare-exchange', exchange: 'qu.dlx', type: 'fanout' },
      { kind: 'declare-queue', queue: 'qu.dead' },
      { kind: 'bind', queue: 'qu.dead', exchange: 'qu.dlx', routingKey: '' },
      {
        kind: 'declare-queue',
        queue: 'qu.max',
        type: 'quorum',
        arguments: { 'x-max-length': 2, 'x-dead-letter-exchange': 'qu.dlx' },
      },
      {
        kind: 'declare-queue',
        queue: 'qu.strict',
        type: 'quorum',
        arguments: { 'x-max-length': 1, 'x-overflow': 'reject-publish' },
      },
      ...['a', 'b', 'c', 'd'].map((body): ScriptStep => ({
        kind: 'publish',
        exchange: '',
        routingKey: 'qu.max',
        body,
      })),
      // rabbit_fifo accepts 'y' (it takes the queue over its limit), then refuses until back at 80%.
      ...['x', 'y', 'z'].map((body): ScriptStep => ({ kind: 'publish', exchange: '', routingKey: 'qu.strict', body })),
      { kind: 'open-channel', channel: 'c' },
      { kind: 'consume', channel: 'c', queue: 'qu.dead', consumerTag: 'dead', noAck: true },
      { kind: 'consume', channel: 'c', queue: 'qu.max', consumerTag: 'rest', noAck: true },
    ]);
    expect(bodies(real, 'dead')).toEqual(['a', 'b']);
    expect(real.received.dead?.map((s) => s.deaths)).toEqual([['qu.max/maxlen/1'], ['qu.max/maxlen/1']]);
    expect(bodies(real, 'rest')).toEqual(['c', 'd']);
    expect(real.refused).toEqual(['publish']);
    expect(real.depth).toMatchObject({ 'qu.strict': 2, 'qu.max': 0 });
    expect(profile).toEqual(real);
  });

  it('a classic priority queue requeues a message to its place within its own priority', async () => {
    const q = 'qu.prio';
    const pub = (body: string, priority: number): ScriptStep => ({
      kind: 'publish',
      exchange: '',
      routingKey: q,
      body,
      properties: { priority },
    });
    const { profile, real } = await runBoth(inject('rabbitmqUrl'), [
      { kind: 'declare-queue', queue: q, arguments: { 'x-max-priority': 9 } },
      pub('low1', 1),
      pub('high1', 9),
      pub('low2', 1),
      pub('high2', 9),
      { kind: 'open-channel', channel: 'g' },
      { kind: 'get', channel: 'g', queue: q },
      { kind: 'get', channel: 'g', queue: q },
      { kind: 'get', channel: 'g', queue: q },
      { kind: 'nack', channel: 'g', body: 'low1', requeue: true },
      { kind: 'nack', channel: 'g', body: 'high1', requeue: true },
      { kind: 'get', channel: 'g', queue: q, noAck: true },
      { kind: 'get', channel: 'g', queue: q, noAck: true },
      { kind: 'get', channel: 'g', queue: q, noAck: true },
      { kind: 'ack', channel: 'g', body: 'high2' },
    ]);
    expect(bodies(real, 'get:g')).toEqual(['high1', 'high2', 'low1', 'high1*', 'low1*', 'low2']);
    expect(profile).toEqual(real);
  });
});
