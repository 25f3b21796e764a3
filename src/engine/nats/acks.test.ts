import { describe, expect, it } from 'vitest';
import type { NatsRequest } from './apply';
import { consumerInfo } from './consumer';
import { deliveries, only, replyOf, run } from './script.testkit';

type StreamReq = Extract<NatsRequest, { kind: 'add-stream' }>;
type ConsumerReq = Extract<NatsRequest, { kind: 'add-consumer' }>;
const pub = (data: string): NatsRequest => ({ kind: 'publish', client: 'p', subject: 'jobs.x', data, ack: true });
const fetch = (consumer = 'c', batch = 10): NatsRequest => ({ kind: 'fetch', stream: 'S', consumer, batch });
const setup = (stream: Partial<StreamReq> = {}, c: Partial<ConsumerReq> = {}, n = 3): NatsRequest[] => [
  { kind: 'connect', client: 'p' },
  { kind: 'add-stream', name: 'S', subjects: ['jobs.>'], ...stream },
  { kind: 'add-consumer', stream: 'S', name: 'c', ackPolicy: 'explicit', ackWaitMs: 1000, ...c },
  ...Array.from({ length: n }, (_, i) => pub(`m${i + 1}`)),
];
const ack = (
  first: ReturnType<typeof run>,
  seq: number,
  type: 'ack' | 'nak' | 'term' | 'in-progress' = 'ack',
  extra: { delayMs?: number; sync?: boolean } = {},
  consumer = 'c',
): NatsRequest => ({ kind: 'ack', ackReply: replyOf(first.effects, consumer, seq), type, ...extra });

// https://docs.nats.io/nats-concepts/jetstream/consumers; server/consumer.go processAck (v2.9.10)
describe('JetStream acks and redelivery', () => {
  it('given an explicit-ack consumer, when it acks 1 and 3, then the ack floor stops at 1 until 2 is acked', () => {
    const first = run([...setup(), fetch()]);
    const after = run([ack(first, 1), ack(first, 3)], first.state);
    expect(consumerInfo(after.state, 'S', 'c')).toMatchObject({
      numAckPending: 1,
      ackFloor: { streamSeq: 1, consumerSeq: 1 },
    });
    const all = run([ack(first, 2)], after.state);
    expect(consumerInfo(all.state, 'S', 'c')).toMatchObject({
      numAckPending: 0,
      ackFloor: { streamSeq: 3, consumerSeq: 3 },
    });
  });

  it('given no ack within ack wait, then the message is redelivered with delivery count 2 and a new consumer sequence', () => {
    const first = run([...setup({}, {}, 2), { at: 0, req: fetch() }]);
    const later = run(
      [
        { at: 400, req: ack(first, 1) },
        { at: 1000, req: fetch() },
      ],
      first.state,
    );
    const d = only(later.effects, 'nats-js-delivered');
    expect(d.map((e) => [e.seq, e.deliveryCount, e.redelivered, e.consumerSeq])).toEqual([[2, 2, true, 3]]);
    expect(consumerInfo(later.state, 'S', 'c')).toMatchObject({ numRedelivered: 1, numAckPending: 1 });
  });

  it('given a nak, then the message comes back first at the next fetch, before new messages', () => {
    const first = run([...setup({}, {}, 2), fetch('c', 1)]);
    const after = run([ack(first, 1, 'nak'), pub('m3'), fetch()], first.state);
    expect(deliveries(after.effects)).toEqual(['1/2', '2/1', '3/1']);
  });

  it('given a nak with a delay, then the message waits that long', () => {
    const first = run([...setup({}, { ackWaitMs: 30_000 }, 1), { at: 0, req: fetch() }]);
    const soon = run(
      [
        { at: 0, req: ack(first, 1, 'nak', { delayMs: 500 }) },
        { at: 400, req: fetch() },
      ],
      first.state,
    );
    expect(deliveries(soon.effects)).toEqual([]);
    const later = run([{ at: 500, req: fetch() }], soon.state);
    expect(deliveries(later.effects)).toEqual(['1/2']);
  });

  it('given term, then the message is never redelivered', () => {
    const first = run([...setup({}, {}, 1), { at: 0, req: fetch() }]);
    const after = run(
      [
        { at: 0, req: ack(first, 1, 'term') },
        { at: 5000, req: fetch() },
      ],
      first.state,
    );
    expect(deliveries(after.effects)).toEqual([]);
    expect(only(after.effects, 'nats-acked').map((e) => e.how)).toEqual(['term']);
  });

  it('given in progress, then ack wait starts again', () => {
    const first = run([...setup({}, {}, 1), { at: 0, req: fetch() }]);
    const after = run(
      [
        { at: 800, req: ack(first, 1, 'in-progress') },
        { at: 1500, req: fetch() },
      ],
      first.state,
    );
    expect(deliveries(after.effects)).toEqual([]);
    expect(deliveries(run([{ at: 1800, req: fetch() }], after.state).effects)).toEqual(['1/2']);
  });

  it('given max_deliver 2, then after two deliveries the message is given up but stays in the stream', () => {
    const first = run([
      ...setup({}, { maxDeliver: 2 }, 1),
      { at: 0, req: fetch() },
      { at: 1000, req: fetch() },
      { at: 2000, req: fetch() },
    ]);
    expect(deliveries(first.effects)).toEqual(['1/1', '1/2']);
    expect(only(first.effects, 'nats-max-deliver').map((e) => e.deliveries)).toEqual([2]);
    expect(consumerInfo(first.state, 'S', 'c')).toMatchObject({ numAckPending: 0, numRedelivered: 1 });
    expect(first.state.streams['S']!.messages.map((m) => m.seq)).toEqual([1]);
  });

  it('given ack policy all, then acking 2 settles 1 and 2', () => {
    const first = run([...setup({}, { ackPolicy: 'all' }), fetch()]);
    const after = run([ack(first, 2)], first.state);
    expect(only(after.effects, 'nats-acked').map((e) => e.settled)).toEqual([[1, 2]]);
    expect(consumerInfo(after.state, 'S', 'c')).toMatchObject({ numAckPending: 1, ackFloor: { streamSeq: 2 } });
  });

  it('given ack policy none, then nothing is pending after delivery', () => {
    const { state } = run([...setup({}, { ackPolicy: 'none' }), fetch()]);
    expect(consumerInfo(state, 'S', 'c')).toMatchObject({
      numAckPending: 0,
      ackFloor: { streamSeq: 3, consumerSeq: 3 },
    });
  });

  it('given a double ack, then the server confirms, even for a second ack of the same message', () => {
    const first = run([...setup({}, {}, 1), fetch()]);
    const after = run([ack(first, 1, 'ack', { sync: true }), ack(first, 1, 'ack', { sync: true })], first.state);
    expect(only(after.effects, 'nats-ack-confirmed')).toHaveLength(2);
    expect(only(after.effects, 'nats-acked')).toHaveLength(1);
  });

  it('given max_ack_pending 2, then a third message waits until one is acked', () => {
    const first = run([...setup({}, { maxAckPending: 2 }), fetch()]);
    expect(deliveries(first.effects)).toEqual(['1/1', '2/1']);
    const after = run([ack(first, 1), fetch()], first.state);
    expect(deliveries(after.effects)).toEqual(['3/1']);
  });

  it('given work-queue retention, then an acked message leaves the stream and a nacked one stays', () => {
    const first = run([...setup({ retention: 'workqueue' }), fetch()]);
    const after = run([ack(first, 1), ack(first, 2, 'nak'), ack(first, 3, 'term')], first.state);
    expect(after.state.streams['S']!.messages.map((m) => m.seq)).toEqual([2]);
    expect(only(after.effects, 'nats-removed').map((e) => e.cause)).toEqual(['workqueue-ack', 'workqueue-ack']);
  });

  it('refuses a second unfiltered consumer on a work-queue stream', () => {
    const { effects } = run([
      ...setup({ retention: 'workqueue' }),
      { kind: 'add-consumer', stream: 'S', name: 'd', ackPolicy: 'explicit' },
    ]);
    expect(only(effects, 'nats-rejected').map((e) => e.code)).toEqual([10099]);
  });

  it('given interest retention and two consumers, then a message leaves only when both acked it', () => {
    const first = run([
      { kind: 'connect', client: 'p' },
      { kind: 'add-stream', name: 'S', subjects: ['jobs.>'], retention: 'interest' },
      { kind: 'add-consumer', stream: 'S', name: 'c', ackPolicy: 'explicit' },
      { kind: 'add-consumer', stream: 'S', name: 'd', ackPolicy: 'explicit' },
      pub('m1'),
      fetch('c'),
      fetch('d'),
    ]);
    const one = run([ack(first, 1)], first.state);
    expect(one.state.streams['S']!.messages.map((m) => m.seq)).toEqual([1]);
    const both = run([ack(first, 1, 'ack', {}, 'd')], one.state);
    expect(both.state.streams['S']!.messages.map((m) => m.seq)).toEqual([]);
    expect(only(both.effects, 'nats-removed').map((e) => e.cause)).toEqual(['interest-ack']);
  });

  it('given a pending message removed by max_msgs, then it stops counting as ack pending', () => {
    const first = run([...setup({ maxMsgs: 2 }, {}, 2), fetch(), pub('m3')]);
    expect(consumerInfo(first.state, 'S', 'c')).toMatchObject({ numAckPending: 1, numPending: 1 });
  });
});
