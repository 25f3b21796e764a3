/**
 * Edges learners hit: dead-letter cycles, reject-publish overflow, global qos, cancelling a consumer that
 * still holds messages, single active consumer handing over on cancel, a crashed connection, nack on a stream.
 */
import { describe, expect, inject, it } from 'vitest';
import { bodies, runBoth } from './differential';
import type { ScriptStep } from './script';

const pub = (queue: string, ...names: string[]): ScriptStep[] =>
  names.map((body) => ({ kind: 'publish', exchange: '', routingKey: queue, body }));

describe('edges against RabbitMQ 3.10', () => {
  it('a dead letter cycling back to its queue is dropped after expiry, but allowed after a rejection', async () => {
    const { profile, real } = await runBoth(inject('rabbitmqUrl'), [
      { kind: 'declare-exchange', exchange: 'eg.loopx', type: 'fanout' },
      {
        kind: 'declare-queue',
        queue: 'eg.loop',
        arguments: { 'x-message-ttl': 100, 'x-dead-letter-exchange': 'eg.loopx' },
      },
      { kind: 'declare-queue', queue: 'eg.watch' },
      { kind: 'bind', queue: 'eg.loop', exchange: 'eg.loopx', routingKey: '' },
      { kind: 'bind', queue: 'eg.watch', exchange: 'eg.loopx', routingKey: '' },
      { kind: 'declare-exchange', exchange: 'eg.rx', type: 'fanout' },
      { kind: 'declare-queue', queue: 'eg.retry', arguments: { 'x-dead-letter-exchange': 'eg.rx' } },
      { kind: 'bind', queue: 'eg.retry', exchange: 'eg.rx', routingKey: '' },
      { kind: 'open-channel', channel: 'c' },
      { kind: 'consume', channel: 'c', queue: 'eg.watch', consumerTag: 'watch', noAck: true },
      { kind: 'qos', channel: 'c', prefetch: 1 },
      { kind: 'consume', channel: 'c', queue: 'eg.retry', consumerTag: 'retry' },
      ...pub('eg.loop', 'ttl'),
      ...pub('eg.retry', 'again'),
      { kind: 'reject', channel: 'c', body: 'again', requeue: false },
      { kind: 'reject', channel: 'c', body: 'again', requeue: false },
      { kind: 'ack', channel: 'c', body: 'again' },
      { kind: 'wait', ms: 400 },
    ]);
    expect(real.received.watch).toEqual([
      { body: 'ttl', redelivered: false, deaths: ['eg.loop/expired/1'], deathRoutes: ['(default) eg.loop'] },
    ]);
    expect(real.received.retry?.map((s) => s.deaths ?? [])).toEqual([
      [],
      ['eg.retry/rejected/1'],
      ['eg.retry/rejected/2'],
    ]);
    expect(real.depth).toMatchObject({ 'eg.loop': 0, 'eg.retry': 0 });
    expect(profile).toEqual(real);
  });

  it('x-overflow reject-publish refuses a publish into a full queue (the confirm is a nack)', async () => {
    const { profile, real } = await runBoth(inject('rabbitmqUrl'), [
      { kind: 'declare-queue', queue: 'eg.full', arguments: { 'x-max-length': 1, 'x-overflow': 'reject-publish' } },
      ...pub('eg.full', 'in', 'out'),
      { kind: 'open-channel', channel: 'g' },
      { kind: 'get', channel: 'g', queue: 'eg.full', noAck: true },
    ]);
    expect(real.refused).toEqual(['publish']);
    expect(bodies(real, 'get:g')).toEqual(['in']);
    expect(profile).toEqual(real);
  });

  it('global qos limits the channel across its consumers', async () => {
    const { profile, real } = await runBoth(inject('rabbitmqUrl'), [
      { kind: 'declare-queue', queue: 'eg.global' },
      { kind: 'open-channel', channel: 'c' },
      { kind: 'qos', channel: 'c', prefetch: 2, global: true },
      { kind: 'consume', channel: 'c', queue: 'eg.global', consumerTag: 'g1' },
      { kind: 'consume', channel: 'c', queue: 'eg.global', consumerTag: 'g2' },
      ...pub('eg.global', 'a', 'b', 'c'),
      { kind: 'ack', channel: 'c', body: 'a' },
    ]);
    expect(bodies(real, 'g1')).toEqual(['a', 'c']);
    expect(bodies(real, 'g2')).toEqual(['b']);
    expect(profile).toEqual(real);
  });

  it('single active consumer on cancel: a quorum queue hands over at once; a classic one stalls until woken', async () => {
    const expected = {
      // rabbit_fifo activates the next consumer and delivers to it straight away.
      quorum: { two: ['s2'], depthAfterAck: 0 },
      // rabbit_amqqueue_process names the next consumer but runs no delivery: s2 waits for a new consumer.
      classic: { two: ['s2'], depthAfterAck: 1 },
    };
    for (const type of ['classic', 'quorum'] as const) {
      const q = `eg.sac.${type}`;
      const script: ScriptStep[] = [
        { kind: 'declare-queue', queue: q, type, arguments: { 'x-single-active-consumer': true } },
        { kind: 'open-channel', channel: 'a' },
        { kind: 'open-channel', channel: 'b' },
        { kind: 'qos', channel: 'a', prefetch: 1 },
        { kind: 'qos', channel: 'b', prefetch: 1 },
        { kind: 'consume', channel: 'a', queue: q, consumerTag: 'one' },
        { kind: 'consume', channel: 'b', queue: q, consumerTag: 'two' },
        ...pub(q, 's1', 's2'),
        { kind: 'cancel', channel: 'a', consumerTag: 'one' },
        { kind: 'ack', channel: 'a', body: 's1' },
      ];
      const before = await runBoth(inject('rabbitmqUrl'), script);
      expect(bodies(before.real, 'one'), type).toEqual(['s1']);
      expect(before.real.depth[q], type).toBe(expected[type].depthAfterAck);
      expect(before.profile, type).toEqual(before.real);
      const q2 = `${q}.woken`;
      const woken = await runBoth(inject('rabbitmqUrl'), [
        ...script.map((s) => ('queue' in s ? { ...s, queue: q2 } : 'routingKey' in s ? { ...s, routingKey: q2 } : s)),
        { kind: 'open-channel', channel: 'c' },
        { kind: 'consume', channel: 'c', queue: q2, consumerTag: 'three' },
        { kind: 'ack', channel: 'b', body: 's2' },
      ]);
      expect(bodies(woken.real, 'two'), type).toEqual(expected[type].two);
      expect(woken.real.received.three, type).toBeUndefined();
      expect(woken.real.depth, type).toEqual({ [q2]: 0 });
      expect(woken.profile, type).toEqual(woken.real);
    }
  });

  it('a crashed connection requeues the unacked messages of all its channels', async () => {
    const q = 'eg.crash';
    const { profile, real } = await runBoth(inject('rabbitmqUrl'), [
      { kind: 'declare-queue', queue: q },
      { kind: 'open-channel', channel: 'x1', connection: 'app' },
      { kind: 'open-channel', channel: 'x2', connection: 'app' },
      { kind: 'qos', channel: 'x1', prefetch: 1 },
      { kind: 'qos', channel: 'x2', prefetch: 1 },
      { kind: 'consume', channel: 'x1', queue: q, consumerTag: 'x1' },
      { kind: 'consume', channel: 'x2', queue: q, consumerTag: 'x2' },
      ...pub(q, 'p', 'q', 'r'),
      { kind: 'close-connection', connection: 'app' },
      { kind: 'open-channel', channel: 'y', connection: 'other' },
      { kind: 'qos', channel: 'y', prefetch: 5 },
      { kind: 'consume', channel: 'y', queue: q, consumerTag: 'y' },
    ]);
    expect(bodies(real, 'x1')).toEqual(['p']);
    expect(bodies(real, 'x2')).toEqual(['q']);
    expect(bodies(real, 'y')).toEqual(['p*', 'q*', 'r']);
    expect(profile).toEqual(real);
  });

  it('publishing to a missing exchange closes the publishing channel (404) and requeues what it held', async () => {
    const q = 'eg.404';
    const { profile, real } = await runBoth(inject('rabbitmqUrl'), [
      { kind: 'declare-queue', queue: q },
      { kind: 'open-channel', channel: 'p' },
      { kind: 'qos', channel: 'p', prefetch: 1 },
      { kind: 'consume', channel: 'p', queue: q, consumerTag: 'c' },
      ...pub(q, 'held'),
      { kind: 'publish', exchange: 'eg.missing', routingKey: 'x', body: 'lost', channel: 'p' },
      { kind: 'open-channel', channel: 'g' },
      { kind: 'get', channel: 'g', queue: q, noAck: true },
    ]);
    expect(real.closedByBroker).toEqual(['p 404']);
    expect(bodies(real, 'get:g')).toEqual(['held*']);
    expect(profile).toEqual(real);
  });

  it('nack on a stream is NOT_IMPLEMENTED: the connection closes (540)', async () => {
    const q = 'eg.stream';
    const { profile, real } = await runBoth(inject('rabbitmqUrl'), [
      { kind: 'declare-queue', queue: q, type: 'stream' },
      ...pub(q, 'e0'),
      { kind: 'open-channel', channel: 's', connection: 'reader' },
      { kind: 'open-channel', channel: 'other', connection: 'reader' },
      { kind: 'qos', channel: 's', prefetch: 5 },
      { kind: 'consume', channel: 's', queue: q, consumerTag: 'r', streamOffset: 'first' },
      { kind: 'nack', channel: 's', body: 'e0', requeue: true },
    ]);
    expect(bodies(real, 'r')).toEqual(['e0']);
    expect(real.closedByBroker).toEqual(['s 540', 'other 540']);
    expect(profile).toEqual(real);
  });
});
