/** SNS fan-out to SQS with filter policies, as documented (each test names its page). */
import { describe, expect, it } from 'vitest';
import { evaluatePolicy, policyProblem, type FilterPolicy } from './filterPolicy';
import { kindsOf, ofKind } from './testing';
import { received, run, type Step } from './script.testkit';
import type { Attributes } from './types';

const queue = (name: string): Step => [{ kind: 'create-queue', name }, 0];
const str = (value: string) => ({ type: 'String' as const, value });
const num = (value: number) => ({ type: 'Number' as const, value: String(value) });

describe('fan-out (https://docs.aws.amazon.com/sns/latest/dg/sns-sqs-as-subscriber.html)', () => {
  it('one publish reaches every subscribed queue, wrapped in the JSON notification envelope by default', () => {
    const { state, effects } = run([
      [{ kind: 'create-topic', name: 'orders' }, 0],
      queue('billing'),
      queue('shipping'),
      [{ kind: 'subscribe', topic: 'orders', queue: 'billing' }, 0],
      [{ kind: 'subscribe', topic: 'orders', queue: 'shipping' }, 0],
      [{ kind: 'publish', topic: 'orders', message: 'OrderPlaced', attributes: { type: str('placed') } }, 1000],
    ]);
    expect(ofKind(effects, 'sqs-sent').map((e) => e.queue)).toEqual(['billing', 'shipping']);
    const body = JSON.parse(state.queues.billing!.messages[0]!.body) as Record<string, unknown>;
    expect(body).toMatchObject({
      Type: 'Notification',
      MessageId: 'sns-1',
      Message: 'OrderPlaced',
      Timestamp: '1970-01-01T00:00:01.000Z',
    });
    expect(body.MessageAttributes).toEqual({ type: { Type: 'String', Value: 'placed' } });
  });

  it('raw message delivery sends the message as published, its attributes as SQS message attributes (https://docs.aws.amazon.com/sns/latest/dg/sns-large-payload-raw-message-delivery.html)', () => {
    const { effects } = run([
      [{ kind: 'create-topic', name: 'orders' }, 0],
      queue('billing'),
      [{ kind: 'subscribe', topic: 'orders', queue: 'billing', raw: true }, 0],
      [{ kind: 'publish', topic: 'orders', message: '{"id":1}', attributes: { type: str('placed') } }, 0],
      [{ kind: 'receive', queue: 'billing', consumer: 'b' }, 1],
    ]);
    expect(received(effects)[0]).toMatchObject({ body: '{"id":1}', attributes: { type: str('placed') } });
  });
});

describe('filter policies (https://docs.aws.amazon.com/sns/latest/dg/sns-subscription-filter-policies.html)', () => {
  const attrs: Attributes = {
    color: str('blue'),
    size: str('large'),
    price: num(150),
    tags: { type: 'String.Array', value: '["sale","new"]' },
  };
  const match = (policy: FilterPolicy) =>
    evaluatePolicy(policy, 'MessageAttributes', { body: '', attributes: attrs }).match;

  it('exact values (OR within a key, AND across keys) and String.Array elements', () => {
    expect(match({ color: ['red', 'blue'], size: ['large'] })).toBe(true);
    expect(match({ color: ['red', 'blue'], size: ['small'] })).toBe(false);
    expect(match({ tags: ['new'] })).toBe(true);
  });

  it('prefix, suffix, equals-ignore-case and anything-but', () => {
    expect(match({ color: [{ prefix: 'bl' }] })).toBe(true);
    expect(match({ color: [{ suffix: 'ue' }] })).toBe(true);
    expect(match({ color: [{ 'equals-ignore-case': 'BLUE' }] })).toBe(true);
    expect(match({ color: [{ 'anything-but': ['red', 'green'] }] })).toBe(true);
    expect(match({ color: [{ 'anything-but': { prefix: 'bl' } }] })).toBe(false);
  });

  it('numeric ranges apply to Number attributes only (a String "150" is not a number)', () => {
    expect(match({ price: [{ numeric: ['>=', 100, '<', 200] }] })).toBe(true);
    expect(match({ price: [{ numeric: ['>', 150] }] })).toBe(false);
    expect(match({ size: [{ numeric: ['>', 0] }] })).toBe(false);
    expect(
      evaluatePolicy({ n: [{ numeric: ['=', 150] }] }, 'MessageAttributes', { body: '', attributes: { n: str('150') } })
        .match,
    ).toBe(false);
  });

  it('exists true / false, and a missing attribute fails any other condition', () => {
    expect(match({ color: [{ exists: true }] })).toBe(true);
    expect(match({ store: [{ exists: false }] })).toBe(true);
    expect(match({ store: [{ 'anything-but': 'x' }] })).toBe(false);
  });

  it('payload-based filtering matches nested keys of a JSON body, and $or (https://docs.aws.amazon.com/sns/latest/dg/sns-message-filtering-scope.html)', () => {
    const body = JSON.stringify({ order: { total: 250, country: 'NL' }, type: 'OrderPlaced' });
    const on = (p: FilterPolicy) => evaluatePolicy(p, 'MessageBody', { body, attributes: {} });
    expect(on({ order: { total: [{ numeric: ['>', 200] }] } }).match).toBe(true);
    expect(on({ order: { country: ['DE'] } })).toEqual({
      match: false,
      why: `body field 'order.country' is "NL", not ["DE"]`,
    });
    expect(on({ $or: [{ type: ['OrderPaid'] }, { order: { country: ['NL'] } }] }).match).toBe(true);
    expect(evaluatePolicy({ a: ['x'] }, 'MessageBody', { body: 'not json', attributes: {} }).match).toBe(false);
  });

  it('refuses more than 5 keys, more than 150 combinations, and nesting in an attribute policy (https://docs.aws.amazon.com/sns/latest/dg/subscription-filter-policy-constraints.html)', () => {
    const six = Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f'].map((k) => [k, ['x']]));
    expect(policyProblem(six, 'MessageAttributes')).toMatch(/at most 5 keys/);
    const big = { a: Array.from({ length: 11 }, (_, i) => `v${i}`), b: Array.from({ length: 14 }, (_, i) => `w${i}`) };
    expect(policyProblem(big, 'MessageAttributes')).toMatch(/at most 150/);
    expect(policyProblem({ a: { b: ['x'] } }, 'MessageAttributes')).toMatch(/cannot nest/);
    expect(policyProblem({ a: { b: ['x'] } }, 'MessageBody')).toBeNull();
  });

  it('a subscription whose policy does not match is skipped, with the reason', () => {
    const { effects } = run([
      [{ kind: 'create-topic', name: 'orders' }, 0],
      queue('eu'),
      queue('all'),
      [{ kind: 'subscribe', topic: 'orders', queue: 'eu', filterPolicy: { region: ['eu-west-1'] } }, 0],
      [{ kind: 'subscribe', topic: 'orders', queue: 'all' }, 0],
      [{ kind: 'publish', topic: 'orders', message: 'x', attributes: { region: str('us-east-1') } }, 0],
    ]);
    expect(ofKind(effects, 'sns-filtered-out')[0]!.reason).toBe(
      `eu skipped: message attribute 'region' is "us-east-1", not ["eu-west-1"]`,
    );
    expect(ofKind(effects, 'sqs-sent').map((e) => e.queue)).toEqual(['all']);
  });
});

describe('FIFO topics (https://docs.aws.amazon.com/sns/latest/dg/fifo-message-grouping.html)', () => {
  it('pass the group and deduplication ids to FIFO queues, keep group order, and deduplicate within 5 minutes', () => {
    const { state, effects } = run([
      [{ kind: 'create-topic', name: 'prices.fifo' }, 0],
      queue('retail.fifo'),
      queue('analytics'),
      [{ kind: 'subscribe', topic: 'prices.fifo', queue: 'retail.fifo', raw: true }, 0],
      [{ kind: 'subscribe', topic: 'prices.fifo', queue: 'analytics', raw: true }, 0],
      [{ kind: 'publish', topic: 'prices.fifo', message: 'p1', groupId: 'product-214', dedupId: 'd1' }, 0],
      [{ kind: 'publish', topic: 'prices.fifo', message: 'p2', groupId: 'product-214', dedupId: 'd2' }, 1],
      [{ kind: 'publish', topic: 'prices.fifo', message: 'p1', groupId: 'product-214', dedupId: 'd1' }, 2],
      [{ kind: 'receive', queue: 'retail.fifo', consumer: 'r', max: 10 }, 3],
    ]);
    expect(received(effects).map((d) => [d.body, d.groupId])).toEqual([
      ['p1', 'product-214'],
      ['p2', 'product-214'],
    ]);
    expect(state.queues.analytics!.messages.map((m) => m.groupId)).toEqual([null, null]); // not passed to standard queues
    expect(kindsOf(effects)).toContain('sns-deduplicated');
  });

  it('a FIFO queue cannot subscribe to a standard topic', () => {
    const { effects } = run([
      [{ kind: 'create-topic', name: 'orders' }, 0],
      queue('q.fifo'),
      [{ kind: 'subscribe', topic: 'orders', queue: 'q.fifo' }, 0],
    ]);
    expect(ofKind(effects, 'sqs-rejected')[0]!.error).toMatch(/only to a FIFO topic/);
  });
});
