/** Each profile's diagram from a short script run through that profile's own `apply()`. */
import { describe, expect, it } from 'vitest';
import * as eb from '../../engine/eventbridge';
import * as nats from '../../engine/nats';
import * as pubsub from '../../engine/pubsub';
import * as rabbit from '../../engine/rabbitmq';
import * as sqs from '../../engine/sqs';
import type { BrokerState } from '../../engine/broker';
import type { Effect } from '../../engine/types';
import type { DiagramSpec } from './diagramTypes';
import { eventbridgeSpec } from './eventbridgeSpec';
import { kafkaSpec } from './kafkaSpec';
import { natsSpec } from './natsSpec';
import { placeRows } from './placeRows';
import { pubsubSpec } from './pubsubSpec';
import { rabbitmqSpec } from './rabbitmqSpec';
import { sqsSpec } from './sqsSpec';

/** Runs requests in order; returns the last state and the effects of the requests from `markFrom` on. */
function run<S, R, E>(
  apply: (s: S, r: R, now: number) => { state: S; effects: E[] },
  s0: S,
  rs: R[],
  markFrom: number,
) {
  let s = s0;
  const effects: E[] = [];
  rs.forEach((r, i) => {
    const step = apply(s, r, 1000 + i);
    s = step.state;
    if (i >= markFrom) effects.push(...step.effects);
  });
  return { state: s, effects };
}

const box = (spec: DiagramSpec, title: string) => spec.nodes.find((n) => n.title === title)!;
const hot = (spec: DiagramSpec) => spec.edges.filter((e) => e.hot).map((e) => `${e.from}->${e.to}`);

describe('RabbitMQ diagram', () => {
  const setup: rabbit.RabbitRequest[] = [
    { kind: 'declare-exchange', exchange: 'orders', type: 'topic' },
    { kind: 'declare-exchange', exchange: 'dlx', type: 'fanout' },
    { kind: 'declare-queue', queue: 'billing', type: 'quorum', arguments: { 'x-dead-letter-exchange': 'dlx' } },
    { kind: 'declare-queue', queue: 'dead', type: 'quorum' },
    { kind: 'bind', queue: 'billing', exchange: 'orders', routingKey: 'order.*' },
    { kind: 'bind', queue: 'dead', exchange: 'dlx', routingKey: '' },
    { kind: 'open-channel', channel: 'ch1' },
    { kind: 'qos', channel: 'ch1', prefetch: 1 },
    { kind: 'consume', channel: 'ch1', queue: 'billing', consumerTag: 'billing-1' },
  ];
  const publish = (n: number): rabbit.RabbitRequest => ({
    kind: 'publish',
    exchange: 'orders',
    routingKey: 'order.placed',
    body: `o-${n}`,
  });

  it('shows exchanges, bindings with keys, queues with ready/unacked, consumers against prefetch', () => {
    const { state, effects } = run(
      rabbit.apply,
      rabbit.createRabbit(),
      [...setup, publish(1), publish(2)],
      setup.length,
    );
    const spec = rabbitmqSpec(state, effects);
    expect(spec.summary).toBe('RabbitMQ: 2 exchanges, 2 queues, 1 consumer.');
    expect(box(spec, 'billing').lines).toEqual(['ready 1 · unacked 1', 'quorum queue', 'DLX dlx']);
    expect(box(spec, 'billing').step).toBe('2 in · 1 delivered');
    expect(box(spec, 'billing-1').lines).toEqual(['unacked 1', 'prefetch 1']);
    expect(box(spec, 'dead').kind).toBe('dead');
    expect(spec.edges.find((e) => e.to === 'q:billing')!.label).toBe('order.*');
    expect(hot(spec)).toEqual(['x:orders->q:billing', 'q:billing->c:billing-1']);
  });

  it('marks the dead-letter path when a message is rejected without requeue', () => {
    const before = run(rabbit.apply, rabbit.createRabbit(), [...setup, publish(1)], 0).state;
    const { state, effects } = run(
      rabbit.apply,
      before,
      [{ kind: 'reject', channel: 'ch1', deliveryTag: 1, requeue: false }],
      0,
    );
    const spec = rabbitmqSpec(state, effects);
    expect(box(spec, 'billing').step).toBe('1 dead-lettered');
    expect(box(spec, 'dead').lines[0]).toBe('ready 1 · unacked 0');
    expect(hot(spec)).toEqual(['x:dlx->q:dead', 'q:billing->x:dlx']);
    expect(spec.edges.find((e) => e.from === 'q:billing' && e.to === 'x:dlx')!.dashed).toBe(true);
  });
});

describe('NATS JetStream diagram', () => {
  it('shows the stream’s sequences and each consumer’s ack floor, pending and redeliveries', () => {
    const reqs: nats.NatsRequest[] = [
      { kind: 'connect', client: 'p' },
      { kind: 'add-stream', name: 'ORDERS', subjects: ['orders.>'] },
      { kind: 'add-consumer', stream: 'ORDERS', name: 'billing', ackPolicy: 'explicit' },
      { kind: 'publish', client: 'p', subject: 'orders.placed', data: 'o-1' },
      { kind: 'publish', client: 'p', subject: 'orders.placed', data: 'o-2' },
      { kind: 'fetch', stream: 'ORDERS', consumer: 'billing', batch: 2 },
    ];
    const { state, effects } = run(nats.apply, nats.createNats(), reqs, 3);
    const spec = natsSpec(state, effects);
    expect(box(spec, 'ORDERS').lines.slice(0, 2)).toEqual(['seq 1–2', '2 messages']);
    expect(box(spec, 'ORDERS').step).toBe('2 stored');
    expect(box(spec, 'billing').lines).toEqual(['ack floor 0', 'pending acks 2', 'redelivered 0', 'to deliver 0']);
    expect(box(spec, 'billing').step).toBe('2 delivered');
    expect(hot(spec)).toEqual(['s:ORDERS->c:ORDERS/billing']);
  });
});

describe('SNS + SQS diagram', () => {
  it('shows topic → filter → queue → consumer, visible and in flight, and the redrive to the DLQ', () => {
    const reqs: sqs.SqsRequest[] = [
      { kind: 'create-topic', name: 'orders' },
      { kind: 'create-queue', name: 'billing-dlq' },
      { kind: 'create-queue', name: 'billing', redrive: { deadLetterQueue: 'billing-dlq', maxReceiveCount: 3 } },
      { kind: 'subscribe', topic: 'orders', queue: 'billing', raw: true },
      { kind: 'publish', topic: 'orders', message: 'o-1' },
      { kind: 'publish', topic: 'orders', message: 'o-2' },
      { kind: 'receive', queue: 'billing', consumer: 'billing-1', max: 1 },
    ];
    const { state, effects } = run(sqs.apply, sqs.createSqs({ quirks: null }), reqs, 4);
    const spec = sqsSpec(state, effects);
    expect(box(spec, 'billing').lines.slice(0, 2)).toEqual(['visible 1', 'in flight 1']);
    expect(box(spec, 'billing').step).toBe('2 in · 1 received');
    expect(box(spec, 'billing-1').step).toBe('1 received');
    expect(box(spec, 'billing-dlq').kind).toBe('dead');
    expect(spec.edges.find((e) => e.to === 'q:billing-dlq')!.label).toBe('after 3 receives');
    expect(hot(spec)).toEqual(['t:orders->q:billing', 'q:billing->c:billing/billing-1']);
  });
});

describe('Pub/Sub diagram', () => {
  it('shows subscriptions with outstanding and waiting messages, and the ordering keys held', () => {
    const reqs: pubsub.PubsubRequest[] = [
      { kind: 'create-topic', name: 'orders' },
      { kind: 'create-subscription', name: 'billing', topic: 'orders', ordering: true },
      { kind: 'publish', topic: 'orders', data: 'o-1 placed', orderingKey: 'o-1' },
      { kind: 'publish', topic: 'orders', data: 'o-1 paid', orderingKey: 'o-1' },
      { kind: 'pull', subscription: 'billing', consumer: 'billing-1', max: 1 },
    ];
    const { state, effects } = run(pubsub.apply, pubsub.createPubsub(), reqs, 2);
    const spec = pubsubSpec(state, effects);
    expect(box(spec, 'billing').lines).toEqual([
      'outstanding 1',
      'waiting 1',
      'acked, kept 0',
      'pull, ordered, 10 s',
      'keys held: o-1',
    ]);
    expect(box(spec, 'billing-1').step).toBe('1 got');
    expect(hot(spec)).toEqual(['t:orders->s:billing', 's:billing->c:billing/billing-1']);
  });
});

describe('EventBridge diagram', () => {
  it('shows bus → rule with its pattern → target, the archive, and a failing target’s DLQ', () => {
    const reqs: eb.EbRequest[] = [
      { kind: 'create-bus', name: 'orders' },
      { kind: 'put-rule', name: 'billing', bus: 'orders', pattern: { source: ['shop'] } },
      {
        kind: 'put-targets',
        rule: 'billing',
        targets: [{ id: 'billing', endpoint: 'billing', maxRetryAttempts: 0, deadLetterQueue: 'billing-dlq' }],
      },
      { kind: 'create-archive', name: 'all', bus: 'orders' },
      { kind: 'set-health', endpoint: 'billing', health: 'no-permissions' },
      { kind: 'put-events', entries: [{ source: 'shop', detailType: 'OrderPlaced', detail: {}, bus: 'orders' }] },
    ];
    const { state, effects } = run(eb.apply, eb.createEventBridge({ quirks: null }), reqs, 5);
    const spec = eventbridgeSpec(state, effects);
    expect(box(spec, 'billing').lines).toEqual(['rule · 1 target', '{source:[shop]}']);
    expect(box(spec, 'all').step).toBe('1 archived');
    expect(box(spec, 'billing-dlq').lines).toEqual(['dead-letter queue', '1 event']);
    expect(hot(spec)).toContain('t:billing/billing->d:billing-dlq');
    expect(placeRows(spec).description).toContain('billing-dlq: 1 in');
  });
});

describe('Kafka diagram (the broker comparison’s column)', () => {
  it('shows partitions’ offsets, each group’s committed offset and lag, and who owns what; marks fetches', async () => {
    const { allRuns } = await import('../../scenarios/brokerChoice');
    const kafka = allRuns().find((r) => r.profile === 'kafka')!;
    const step = kafka.steps[1]!;
    const spec = kafkaSpec(step.broker!.state as BrokerState, step.broker!.effects as Effect[]);
    expect(spec.summary).toBe('Apache Kafka: 2 topics, 3 consumer groups.');
    expect(box(spec, 'orders').lines).toEqual(['p0: offsets 0–3', 'p1: offsets 0–1', 'p2: empty']);
    expect(box(spec, 'billing').lines).toEqual(['orders-0 @4, lag 0', 'orders-1 @2, lag 0', 'orders-2 @0, lag 0']);
    expect(box(spec, 'billing-1').lines).toEqual(['owns orders-0, orders-1, orders-2']);
    expect(box(spec, 'billing-1').step).toBe('6 fetched');
    expect(hot(spec)).toContain('t:orders->g:billing');
  });
});
