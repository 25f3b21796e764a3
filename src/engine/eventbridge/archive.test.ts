/**
 * Archive and replay, as documented:
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-archive.html
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-replay-archived-event.html
 * https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_StartReplay.html
 */
import { describe, expect, it } from 'vitest';
import { ofKind } from '../sqs/testing';
import { createEventBridge } from './admin';
import { delivered, run, S, type Step } from './script.testkit';

const setup: Step[] = [
  [{ kind: 'put-rule', name: 'billing', pattern: { source: ['shop.orders'] } }, 0],
  [{ kind: 'put-targets', rule: 'billing', targets: [{ id: 'b', endpoint: 'billing-fn' }] }, 0],
  [{ kind: 'put-rule', name: 'analytics', pattern: { source: ['shop.orders'] } }, 0],
  [{ kind: 'put-targets', rule: 'analytics', targets: [{ id: 'a', endpoint: 'analytics-fn' }] }, 0],
  [{ kind: 'create-archive', name: 'orders-archive', pattern: { 'detail-type': ['OrderPlaced', 'OrderPaid'] } }, 0],
];
const put = (detailType: string, at: number): Step => [
  { kind: 'put-events', entries: [{ source: 'shop.orders', detailType, detail: {} }] },
  at,
];

describe('archives', () => {
  it('record the events their pattern matches, from their creation on, indefinitely by default', () => {
    const { state } = run([
      ...setup,
      put('OrderPlaced', 1),
      put('OrderShipped', 2),
      put('OrderPaid', 3),
      [{ kind: 'advance' }, 400 * 86_400 * S],
    ]);
    expect(state.archives[0]!.events.map((e) => e.event['detail-type'])).toEqual(['OrderPlaced', 'OrderPaid']);
  });

  it('drop events older than their retention when one is set', () => {
    const { state } = run([
      [{ kind: 'create-archive', name: 'week', retentionMs: 7 * 86_400 * S }, 0],
      put('OrderPlaced', 0),
      [{ kind: 'advance' }, 7 * 86_400 * S],
    ]);
    expect(state.archives[0]!.events).toEqual([]);
  });
});

describe('replay', () => {
  const replay = (extra: object, at: number): Step => [
    { kind: 'start-replay', name: 'fix-1', archive: 'orders-archive', start: 0, end: 10 * S, ...extra },
    at,
  ];

  it('resends archived events to the rules of the same bus, marked with replay-name, and never archives them again', () => {
    const { state, effects } = run([...setup, put('OrderPlaced', 1), put('OrderPaid', 2), replay({}, 20 * S)]);
    const replayed = delivered(effects).filter((d) => d.replayName === 'fix-1');
    expect(replayed.map((d) => [d.endpoint, d.eventId])).toEqual([
      ['billing-fn', 'ev-1'],
      ['analytics-fn', 'ev-1'],
      ['billing-fn', 'ev-2'],
      ['analytics-fn', 'ev-2'],
    ]);
    expect(state.archives[0]!.events).toHaveLength(2);
  });

  it('can be limited to named rules (Destination.FilterArns), and only to the archive’s own bus', () => {
    const { effects } = run([
      ...setup,
      [{ kind: 'create-bus', name: 'other' }, 0],
      put('OrderPlaced', 1),
      replay({ rules: ['analytics'] }, 20 * S),
      replay({ bus: 'other' }, 20 * S),
    ]);
    expect(
      delivered(effects)
        .filter((d) => d.replayName)
        .map((d) => d.endpoint),
    ).toEqual(['analytics-fn']);
    expect(ofKind(effects, 'eventbridge-rejected')[0]!.error).toMatch(/only to the bus that archived them/);
  });

  it('goes minute by minute through the event times; within a minute the order is not guaranteed', () => {
    const puts = Array.from({ length: 10 }, (_, i) => put('OrderPlaced', i * S));
    const late = put('OrderPaid', 61 * S);
    const steps: Step[] = [...setup.slice(0, 2), setup[4]!, ...puts, late, replay({ end: 120 * S }, 200 * S)];
    const order = delivered(run(steps, createEventBridge({ seed: 2, quirks: { duplicate: 0, shuffle: true } })).effects)
      .filter((d) => d.replayName)
      .map((d) => Number(d.eventId.slice(3)));
    expect(order.at(-1)).toBe(11); // the second minute comes after the first
    expect(order.slice(0, 10)).not.toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect([...order.slice(0, 10)].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});
