import { describe, expect, it } from 'vitest';
import { consumerOn, deliveries, only, pub, run, tagOf } from './script.testkit';

describe('prefetch, acks and requeues (https://www.rabbitmq.com/confirms.html)', () => {
  it('given two consumers with prefetch 1, messages alternate and wait when both are full', () => {
    const r = run([
      { kind: 'declare-queue', queue: 'q' },
      ...consumerOn('a', 'q', 'c1', 1),
      ...consumerOn('b', 'q', 'c2', 1),
      ...pub('q', 'm1', 'm2', 'm3'),
    ]);
    expect(deliveries(r.effects)).toEqual(['m1@c1', 'm2@c2']);
    expect(r.state.queues.q?.ready.map((m) => m.message.body)).toEqual(['m3']);
    const after = run([{ kind: 'ack', channel: 'b', deliveryTag: tagOf(r, 'b', 'm2') }], r);
    expect(deliveries(after.effects)).toEqual(['m3@c2']);
  });

  it('classic: a nacked message goes back to its original place, ahead of later messages, flagged redelivered', () => {
    const r = run([
      { kind: 'declare-queue', queue: 'q' },
      ...pub('q', 'm1', 'm2', 'm3'),
      { kind: 'open-channel', channel: 'g' },
      { kind: 'get', channel: 'g', queue: 'q' },
    ]);
    const n = run([{ kind: 'nack', channel: 'g', deliveryTag: tagOf(r, 'g', 'm1') }], r);
    expect(only(n.effects, 'rabbitmq-requeued')[0]?.position).toBe('original');
    const g = run([{ kind: 'get', channel: 'g', queue: 'q', noAck: true }], n);
    expect(deliveries(g.effects)).toEqual(['m1*@get']);
  });

  it('quorum 3.10 without a delivery limit: a nacked message goes to the back; with one, to the returns (front)', () => {
    for (const [args, expected] of [
      [{}, ['m2@get', 'm3@get', 'm1*@get']],
      [{ 'x-delivery-limit': 5 }, ['m1*@get', 'm2@get', 'm3@get']],
    ] as const) {
      const r = run([
        { kind: 'declare-queue', queue: 'q', type: 'quorum', arguments: args },
        ...pub('q', 'm1', 'm2', 'm3'),
        { kind: 'open-channel', channel: 'g' },
        { kind: 'get', channel: 'g', queue: 'q' },
      ]);
      const n = run(
        [
          { kind: 'reject', channel: 'g', deliveryTag: tagOf(r, 'g', 'm1'), requeue: true },
          ...[1, 2, 3].map(() => ({ kind: 'get' as const, channel: 'g', queue: 'q', noAck: true })),
        ],
        r,
      );
      expect(deliveries(n.effects)).toEqual(expected);
      expect(only(n.effects, 'rabbitmq-delivered').find((d) => d.redelivered)?.deliveryCount).toBe(1);
    }
  });

  it('a quorum consumer leaves the round when its credit is used up and rejoins at the end; a classic one stays until tried', () => {
    for (const [type, expected] of [
      ['quorum', 'm1*@c2'],
      ['classic', 'm1*@c1'],
    ] as const) {
      const r = run([
        { kind: 'declare-queue', queue: 'q', type },
        ...consumerOn('a', 'q', 'c1', 1),
        ...consumerOn('b', 'q', 'c2', 2),
        ...pub('q', 'm1', 'm2'),
      ]);
      // c1 (full) and c2 (one free slot) hold m1 and m2; c1 gives m1 back.
      const n = run([{ kind: 'reject', channel: 'a', deliveryTag: tagOf(r, 'a', 'm1') }], r);
      expect(deliveries(n.effects), type).toEqual([expected]);
    }
  });

  it('a channel that closes (a crash) requeues everything it held; another consumer gets it redelivered', () => {
    const r = run([
      { kind: 'declare-queue', queue: 'q' },
      ...consumerOn('a', 'q', 'c1', 2),
      ...pub('q', 'm1', 'm2'),
      ...consumerOn('b', 'q', 'c2', 5),
      { kind: 'close-channel', channel: 'a' },
    ]);
    expect(deliveries(r.effects)).toEqual(['m1@c1', 'm2@c1', 'm1*@c2', 'm2*@c2']);
    expect(r.state.consumers.c1).toBeUndefined();
  });

  it('an unknown delivery tag (acked twice) closes the channel with 406 and requeues the rest', () => {
    const r = run([{ kind: 'declare-queue', queue: 'q' }, ...consumerOn('a', 'q', 'c1', 5), ...pub('q', 'x', 'y')]);
    const t = tagOf(r, 'a', 'x');
    const n = run(
      [
        { kind: 'ack', channel: 'a', deliveryTag: t },
        { kind: 'ack', channel: 'a', deliveryTag: t },
      ],
      r,
    );
    expect(only(n.effects, 'rabbitmq-channel-closed').map((e) => e.replyText)).toEqual([
      `PRECONDITION_FAILED - unknown delivery tag ${t}`,
    ]);
    expect(n.state.queues.q?.ready.map((m) => [m.message.body, m.delivered])).toEqual([['y', true]]);
  });

  it('ack multiple settles every tag up to the one given; nack multiple requeues them in order', () => {
    const r = run([
      { kind: 'declare-queue', queue: 'q' },
      ...consumerOn('a', 'q', 'c1', 3),
      ...pub('q', 'a', 'b', 'c'),
    ]);
    const acked = run([{ kind: 'ack', channel: 'a', deliveryTag: tagOf(r, 'a', 'b'), multiple: true }], r);
    expect(only(acked.effects, 'rabbitmq-acked').map((e) => e.body)).toEqual(['a', 'b']);
    const nacked = run([{ kind: 'nack', channel: 'a', deliveryTag: 0, multiple: true, requeue: false }], r);
    expect(only(nacked.effects, 'rabbitmq-dropped').map((e) => e.body)).toEqual(['a', 'b', 'c']);
  });

  it('no-ack consumers are not limited by prefetch and hold nothing', () => {
    const r = run([
      { kind: 'declare-queue', queue: 'q' },
      { kind: 'open-channel', channel: 'a' },
      { kind: 'qos', channel: 'a', prefetch: 1 },
      { kind: 'consume', channel: 'a', queue: 'q', consumerTag: 'c', noAck: true },
      ...pub('q', '1', '2', '3'),
    ]);
    expect(deliveries(r.effects)).toEqual(['1@c', '2@c', '3@c']);
    expect(r.state.channels.a?.unacked).toEqual([]);
  });

  it('global qos limits the whole channel; a quorum queue refuses a consumer on such a channel', () => {
    const r = run([
      { kind: 'declare-queue', queue: 'q' },
      { kind: 'open-channel', channel: 'a' },
      { kind: 'qos', channel: 'a', prefetch: 2, global: true },
      { kind: 'consume', channel: 'a', queue: 'q', consumerTag: 'c1' },
      { kind: 'consume', channel: 'a', queue: 'q', consumerTag: 'c2' },
      ...pub('q', '1', '2', '3'),
      { kind: 'declare-queue', queue: 'qq', type: 'quorum' },
      { kind: 'consume', channel: 'a', queue: 'qq', consumerTag: 'c3' },
    ]);
    expect(deliveries(r.effects)).toEqual(['1@c1', '2@c2']);
    expect(only(r.effects, 'rabbitmq-channel-closed')[0]?.replyCode).toBe(406);
  });

  it('single active consumer: the second consumer waits and takes over when the first is cancelled', () => {
    const r = run([
      { kind: 'declare-queue', queue: 'q', arguments: { 'x-single-active-consumer': true } },
      ...consumerOn('a', 'q', 'first', 0),
      ...consumerOn('b', 'q', 'second', 0),
      ...pub('q', '1', '2'),
      { kind: 'cancel', channel: 'a', consumerTag: 'first' },
      ...pub('q', '3'),
    ]);
    expect(only(r.effects, 'rabbitmq-consumer-started').map((e) => e.active)).toEqual([true, false]);
    expect(only(r.effects, 'rabbitmq-consumer-activated').map((e) => e.consumerTag)).toEqual(['second']);
    expect(deliveries(r.effects)).toEqual(['1@first', '2@first', '3@second']);
  });

  it('classic 3.10: after the active consumer is cancelled, waiting messages stall until something wakes the queue', () => {
    const r = run([
      { kind: 'declare-queue', queue: 'q', arguments: { 'x-single-active-consumer': true } },
      ...consumerOn('a', 'q', 'first', 1),
      ...consumerOn('b', 'q', 'second', 1),
      ...pub('q', '1', '2'),
      { kind: 'cancel', channel: 'a', consumerTag: 'first' },
    ]);
    const acked = run([{ kind: 'ack', channel: 'a', deliveryTag: tagOf(r, 'a', '1') }], r);
    expect(deliveries(acked.effects)).toEqual([]);
    const woken = run(consumerOn('c', 'q', 'third', 1), acked);
    expect(deliveries(woken.effects)).toEqual(['2@second']);
    // A quorum queue hands over at once.
    const qq = run([
      { kind: 'declare-queue', queue: 'q', type: 'quorum', arguments: { 'x-single-active-consumer': true } },
      ...consumerOn('a', 'q', 'first', 1),
      ...consumerOn('b', 'q', 'second', 1),
      ...pub('q', '1', '2'),
      { kind: 'cancel', channel: 'a', consumerTag: 'first' },
    ]);
    expect(deliveries(qq.effects)).toEqual(['1@first', '2@second']);
  });

  it('priorities: highest first, FIFO within a priority, above x-max-priority counts as the maximum', () => {
    const r = run([
      { kind: 'declare-queue', queue: 'q', arguments: { 'x-max-priority': 3 } },
      ...[
        ['low', 1],
        ['none', undefined],
        ['top', 3],
        ['over', 200],
        ['mid', 2],
      ].map(([body, priority]) => ({
        kind: 'publish' as const,
        exchange: '',
        routingKey: 'q',
        body: body as string,
        properties: priority === undefined ? {} : { priority: priority as number },
      })),
    ]);
    expect(r.state.queues.q?.ready.map((m) => m.message.body)).toEqual(['top', 'over', 'mid', 'low', 'none']);
  });
});
