/** Pub/Sub delivery, acks and deadlines, as documented (each test names its page). */
import { describe, expect, it } from 'vitest';
import { kindsOf, ofKind } from '../sqs/testing';
import { deliveries, run, S, type Step } from './script.testkit';

const topic: Step = [{ kind: 'create-topic', name: 'orders' }, 0];
const sub = (extra: object = {}, name = 'billing'): Step => [
  { kind: 'create-subscription', name, topic: 'orders', ...extra },
  0,
];
const pub = (data: string, at = 0, extra: object = {}): Step => [
  { kind: 'publish', topic: 'orders', data, ...extra },
  at,
];
const pull = (at: number, max = 10, consumer = 'c'): Step => [
  { kind: 'pull', subscription: 'billing', consumer, max },
  at,
];
const ack = (ackId: string, at: number, extra: object = {}): Step => [
  { kind: 'ack', subscription: 'billing', ackId, ...extra },
  at,
];

describe('ack deadline (https://cloud.google.com/pubsub/docs/reference/rest/v1/projects.subscriptions)', () => {
  it('given a pulled message, when 10 s (the default) pass without an ack, then it is delivered again as attempt 2', () => {
    const { effects } = run([topic, sub(), pub('a'), pull(0), pull(9_999), pull(10 * S)]);
    expect(kindsOf(effects)).toContain('pubsub-deadline-expired');
    expect(deliveries(effects).map((d) => d.ackId)).toEqual(['billing/1#1', 'billing/1#2']);
  });

  it('accepts 10–600 s only', () => {
    const { effects } = run([
      topic,
      sub({ ackDeadlineMs: 9 * S }),
      sub({ ackDeadlineMs: 601 * S }),
      sub({ ackDeadlineMs: 600 * S }),
    ]);
    expect(kindsOf(effects).slice(1)).toEqual(['pubsub-rejected', 'pubsub-rejected', 'pubsub-subscription-created']);
  });

  it('modifyAckDeadline extends the lease from the call, up to 600 s per request; 0 is a nack (https://cloud.google.com/pubsub/docs/lease-management)', () => {
    const mod = (deadlineMs: number, at: number): Step => [
      { kind: 'modify-ack-deadline', subscription: 'billing', ackId: 'billing/1#1', deadlineMs },
      at,
    ];
    const { effects } = run([
      topic,
      sub(),
      pub('a'),
      pull(0),
      mod(60 * S, 5 * S),
      pull(64 * S),
      mod(601 * S, 64 * S),
      mod(0, 64 * S),
      pull(64 * S),
    ]);
    expect(deliveries(effects).map((d) => d.deliveryAttempt)).toEqual([1, 2]);
    expect(ofKind(effects, 'pubsub-rejected')[0]!.error).toMatch(/0–600 s/);
    expect(kindsOf(effects)).toContain('pubsub-nacked');
  });

  it('an acked message is not delivered again', () => {
    const { effects, state } = run([topic, sub(), pub('a'), pull(0), ack('billing/1#1', 1), pull(60 * S)]);
    expect(deliveries(effects)).toHaveLength(1);
    expect(state.subscriptions.billing!.held).toEqual([]);
  });
});

describe('retention (https://cloud.google.com/pubsub/docs/subscription-properties)', () => {
  it('drops an unacked message 7 days (the default) after it was published; 10 minutes is the minimum', () => {
    const { state, effects } = run([
      topic,
      sub(),
      pub('a'),
      [{ kind: 'advance' }, 7 * 86_400 * S],
      [{ kind: 'create-subscription', name: 'x', topic: 'orders', retentionMs: 9 * 60 * S }, 7 * 86_400 * S],
    ]);
    expect(kindsOf(effects)).toContain('pubsub-expired');
    expect(state.subscriptions.billing!.held).toEqual([]);
    expect(ofKind(effects, 'pubsub-rejected')[0]!.error).toMatch(/10 minutes/);
  });

  it('a subscription gets only messages published after it was created', () => {
    const { effects } = run([topic, pub('early'), sub({}, 'billing'), pub('late', 1), pull(2)]);
    expect(deliveries(effects).map((d) => d.messageId)).toEqual(['2']);
  });
});

describe('dead-letter topics (https://cloud.google.com/pubsub/docs/dead-letter-topics)', () => {
  const dlt: Step[] = [
    topic,
    [{ kind: 'create-topic', name: 'orders-dlt' }, 0],
    [{ kind: 'create-subscription', name: 'dlt-sub', topic: 'orders-dlt' }, 0],
  ];
  it('after maxDeliveryAttempts (default 5) failed attempts the message goes to the dead-letter topic with its delivery count', () => {
    const steps: Step[] = [...dlt, sub({ deadLetter: { topic: 'orders-dlt' } }), pub('poison')];
    for (let i = 1; i <= 5; i++)
      steps.push(pull(i), [{ kind: 'nack', subscription: 'billing', ackId: `billing/1#${i}` }, i]);
    steps.push(pull(10), [{ kind: 'pull', subscription: 'dlt-sub', consumer: 'ops' }, 10]);
    const { state, effects } = run(steps);
    expect(deliveries(effects, 'billing')).toHaveLength(5);
    expect(ofKind(effects, 'pubsub-dead-lettered')[0]!.reason).toMatch(/after 5 delivery attempts/);
    expect(deliveries(effects, 'dlt-sub')).toHaveLength(1);
    expect(state.subscriptions['dlt-sub']!.held[0]!.msg.attributes.CloudPubSubDeadLetterSourceDeliveryCount).toBe('5');
  });

  it('maxDeliveryAttempts is 5–100', () => {
    const { effects } = run([
      ...dlt,
      sub({ deadLetter: { topic: 'orders-dlt', maxDeliveryAttempts: 4 } }),
      sub({ deadLetter: { topic: 'orders-dlt', maxDeliveryAttempts: 101 } }),
    ]);
    expect(ofKind(effects, 'pubsub-rejected').map((e) => e.error)).toEqual([
      'maxDeliveryAttempts must be 5–100',
      'maxDeliveryAttempts must be 5–100',
    ]);
  });
});

describe('retry policy (https://cloud.google.com/pubsub/docs/handling-failures)', () => {
  it('without one, a nacked message is available at once; with one, after an exponential backoff from 10 s', () => {
    const nack = (n: number, at: number): Step => [
      { kind: 'nack', subscription: 'billing', ackId: `billing/1#${n}` },
      at,
    ];
    const plain = run([topic, sub(), pub('a'), pull(0), nack(1, 0), pull(0)]);
    expect(deliveries(plain.effects)).toHaveLength(2);
    const backed = run([
      topic,
      sub({ retry: {} }),
      pub('a'),
      pull(0),
      nack(1, 0),
      pull(9_999),
      pull(10 * S),
      nack(2, 10 * S),
      pull(29_999),
      pull(30 * S),
    ]);
    expect(deliveries(backed.effects).map((d) => d.deliveryAttempt)).toEqual([1, 2, 3]);
  });
});

describe('push subscriptions (https://cloud.google.com/pubsub/docs/push)', () => {
  it('send each message to the endpoint; a success status acknowledges, an error status is a nack', () => {
    const resp = (ackId: string, status: number, at: number): Step => [
      { kind: 'push-response', subscription: 'billing', ackId, status },
      at,
    ];
    const { state, effects } = run([
      topic,
      sub({ push: 'https://billing.example/push' }),
      pub('a'),
      resp('billing/1#1', 503, 1),
      resp('billing/1#2', 204, 2),
    ]);
    expect(deliveries(effects).map((d) => [d.consumer, d.push])).toEqual([
      ['https://billing.example/push', true],
      ['https://billing.example/push', true],
    ]);
    expect(ofKind(effects, 'pubsub-nacked')[0]!.reason).toMatch(/HTTP 503/);
    expect(state.subscriptions.billing!.held).toEqual([]);
  });
});

describe('filters (https://cloud.google.com/pubsub/docs/subscription-message-filter)', () => {
  it('deliver only matching messages; the others are acknowledged automatically', () => {
    const { effects } = run([
      topic,
      sub({ filter: 'attributes.type = "placed" AND hasPrefix(attributes.region, "eu-")' }),
      pub('a', 0, { attributes: { type: 'placed', region: 'eu-west1' } }),
      pub('b', 0, { attributes: { type: 'placed', region: 'us-east1' } }),
      pub('c', 0, { attributes: { type: 'paid', region: 'eu-west1' } }),
      pull(1),
    ]);
    expect(deliveries(effects).map((d) => d.messageId)).toEqual(['1']);
    expect(ofKind(effects, 'pubsub-filtered')).toHaveLength(2);
  });

  it('supports attributes:key, != and NOT, and refuses AND mixed with OR without parentheses', () => {
    const { effects } = run([
      topic,
      sub({ filter: 'NOT attributes:test AND attributes.type != "paid"' }),
      sub({ filter: 'attributes.a = "1" AND attributes.b = "2" OR attributes.c = "3"' }, 'bad'),
      sub({ filter: '(attributes.a = "1" AND attributes.b = "2") OR attributes.c = "3"' }, 'ok'),
      pub('a', 0, { attributes: { type: 'placed' } }),
      pub('b', 0, { attributes: { type: 'placed', test: 'yes' } }),
      pull(1),
    ]);
    expect(deliveries(effects, 'billing').map((d) => d.messageId)).toEqual(['1']);
    expect(ofKind(effects, 'pubsub-rejected')[0]!.error).toMatch(/cannot be mixed/);
  });
});
