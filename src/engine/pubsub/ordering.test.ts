/** Ordering keys, seek and snapshots, exactly-once delivery — as documented (each test names its page). */
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
const pull = (at: number, max = 10): Step => [{ kind: 'pull', subscription: 'billing', consumer: 'c', max }, at];
const ack = (ackId: string, at: number, extra: object = {}): Step => [
  { kind: 'ack', subscription: 'billing', ackId, ...extra },
  at,
];
const ids = (effects: Parameters<typeof deliveries>[0]) => deliveries(effects).map((d) => d.messageId);

describe('ordering keys (https://cloud.google.com/pubsub/docs/ordering)', () => {
  const three: Step[] = [
    pub('k1-a', 0, { orderingKey: 'k1' }),
    pub('k1-b', 0, { orderingKey: 'k1' }),
    pub('k2-a', 0, { orderingKey: 'k2' }),
  ];

  it('with message ordering on the subscription, a key waits while one of its messages is outstanding; other keys go on', () => {
    const { effects } = run([
      topic,
      sub({ ordering: true }),
      ...three,
      pull(1, 1),
      pull(2, 10),
      ack('billing/1#1', 3),
      pull(4),
    ]);
    expect(ids(effects)).toEqual(['1', '3', '2']);
  });

  it('without it, ordering keys are ignored: the second message of a key is delivered while the first is outstanding', () => {
    const { effects } = run([topic, sub(), ...three, pull(1, 1), pull(2, 10)]);
    expect(ids(effects)).toEqual(['1', '2', '3']);
  });

  it('redelivering a message redelivers every later message of its key, acknowledged ones included', () => {
    const { effects } = run([
      topic,
      sub({ ordering: true }),
      ...three,
      pull(1, 10),
      ack('billing/2#1', 2),
      pull(11 * S, 10),
    ]);
    expect(ofKind(effects, 'pubsub-redelivery-forced')[0]!.reason).toMatch(/although it was acknowledged/);
    expect(deliveries(effects).map((d) => d.ackId)).toEqual([
      'billing/1#1',
      'billing/2#1',
      'billing/3#1',
      'billing/1#2',
      'billing/2#2',
      'billing/3#2',
    ]);
  });

  it('a failed publish pauses its key in the publisher until resumePublish (https://cloud.google.com/pubsub/docs/samples/pubsub-resume-publish-with-ordering-keys)', () => {
    const { effects } = run([
      topic,
      sub({ ordering: true }),
      pub('a', 0, { orderingKey: 'k1', fail: true }),
      pub('b', 1, { orderingKey: 'k1' }),
      pub('c', 1, { orderingKey: 'k2' }),
      [{ kind: 'resume-publish', orderingKey: 'k1' }, 2],
      pub('a', 3, { orderingKey: 'k1' }),
    ]);
    expect(kindsOf(effects).slice(2)).toEqual([
      'pubsub-publish-failed',
      'pubsub-rejected',
      'pubsub-published',
      'pubsub-publish-resumed',
      'pubsub-published',
    ]);
    expect(ofKind(effects, 'pubsub-rejected')[0]!.error).toMatch(/resumePublish/);
  });
});

describe('seek (https://cloud.google.com/pubsub/docs/replay-overview)', () => {
  it('to a time: retained acked messages published at or after it are delivered again, earlier ones stay acked', () => {
    const { effects } = run([
      topic,
      sub({ retainAcked: true }),
      pub('a', 0),
      pub('b', 10 * S),
      pull(11 * S),
      ack('billing/1#1', 11 * S),
      ack('billing/2#1', 11 * S),
      [{ kind: 'seek', subscription: 'billing', time: 5 * S }, 12 * S],
      pull(12 * S),
    ]);
    expect(ids(effects)).toEqual(['1', '2', '2']);
  });

  it('without retainAckedMessages, acknowledged messages are gone and a seek cannot bring them back', () => {
    const { effects } = run([
      topic,
      sub(),
      pub('a'),
      pull(1),
      ack('billing/1#1', 1),
      [{ kind: 'seek', subscription: 'billing', time: 0 }, 2],
      pull(2),
    ]);
    expect(ids(effects)).toEqual(['1']);
  });

  it('with topic retention, a new subscription can seek back to messages published before it existed', () => {
    const { effects } = run([
      [{ kind: 'create-topic', name: 'orders', retentionMs: 86_400 * S }, 0],
      pub('old', 0),
      [{ kind: 'create-subscription', name: 'billing', topic: 'orders' }, 5 * S],
      [{ kind: 'seek', subscription: 'billing', time: 0 }, 6 * S],
      pull(6 * S),
    ]);
    expect(ids(effects)).toEqual(['1']);
  });

  it('to a snapshot: its unacked messages and everything published after it become unacked again', () => {
    const { effects } = run([
      topic,
      sub(),
      pub('a', 0),
      [{ kind: 'create-snapshot', name: 'before-deploy', subscription: 'billing' }, 1],
      pull(2),
      ack('billing/1#1', 2),
      pub('b', 3),
      pull(3),
      ack('billing/2#1', 3),
      [{ kind: 'seek', subscription: 'billing', snapshot: 'before-deploy' }, 4],
      pull(4),
    ]);
    expect(ids(effects)).toEqual(['1', '2', '1', '2']);
  });

  it('a snapshot lives 7 days minus the age of the oldest unacked message, and is refused under 1 hour', () => {
    const day = 86_400 * S;
    const snap = (name: string, at: number): Step => [{ kind: 'create-snapshot', name, subscription: 'billing' }, at];
    const { effects } = run([topic, sub(), pub('a', 0), snap('s1', 3 * day), snap('s2', 7 * day - 3599 * S)]);
    expect(ofKind(effects, 'pubsub-snapshot-created')[0]!.expiresAt).toBe(7 * day);
    expect(ofKind(effects, 'pubsub-rejected')[0]!.error).toMatch(/less than 1 hour/);
  });
});

describe('exactly-once delivery (https://cloud.google.com/pubsub/docs/exactly-once-delivery)', () => {
  it('only the latest ack id, within its deadline, acknowledges; a failed ack is reported', () => {
    const { effects } = run([
      topic,
      sub({ exactlyOnce: true }),
      pub('a'),
      pull(0),
      pull(10 * S),
      ack('billing/1#1', 11 * S),
      ack('billing/1#2', 21 * S),
    ]);
    const failed = ofKind(effects, 'pubsub-ack-failed').map((e) => e.reason);
    expect(failed[0]).toMatch(/not the latest ack id/);
    expect(failed[1]).toMatch(/deadline .* has passed/);
  });

  it('a lost ack is reported with exactly-once; without it the subscriber is not told and gets a duplicate', () => {
    const eod = run([
      topic,
      sub({ exactlyOnce: true }),
      pub('a'),
      pull(0),
      ack('billing/1#1', 1, { lost: true }),
      ack('billing/1#1', 2),
      pull(60 * S),
    ]);
    expect(kindsOf(eod.effects)).toContain('pubsub-ack-failed');
    expect(ids(eod.effects)).toEqual(['1']);
    const plain = run([topic, sub(), pub('a'), pull(0), ack('billing/1#1', 1, { lost: true }), pull(10 * S)]);
    expect(kindsOf(plain.effects)).toContain('pubsub-ack-lost');
    expect(ids(plain.effects)).toEqual(['1', '1']);
  });

  it('does not cover the publisher: a publish retried after a timeout is a second message with its own id', () => {
    const { effects } = run([
      topic,
      sub({ exactlyOnce: true }),
      pub('OrderPlaced 42', 0),
      pub('OrderPlaced 42', 1),
      pull(2),
    ]);
    expect(ids(effects)).toEqual(['1', '2']);
    expect(ofKind(effects, 'pubsub-subscription-created')[0]!.reason).toMatch(
      /within one cloud region; publishes are not deduplicated/,
    );
  });

  it('is for pull subscriptions only', () => {
    const { effects } = run([topic, sub({ exactlyOnce: true, push: 'https://x.example' })]);
    expect(ofKind(effects, 'pubsub-rejected')[0]!.error).toMatch(/pull subscriptions only/);
  });
});
