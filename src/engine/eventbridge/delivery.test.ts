/** Rules, targets, retries and DLQs, as documented (each test names its page). */
import { describe, expect, it } from 'vitest';
import { kindsOf, ofKind } from '../sqs/testing';
import { createEventBridge } from './admin';
import { delivered, run, S, type Step } from './script.testkit';
import type { TargetSpec } from './admin';
import type { EventPattern } from './types';

const rule = (name = 'orders', pattern: EventPattern = { source: ['shop.orders'] }): Step => [
  { kind: 'put-rule', name, pattern },
  0,
];
const targets = (list: TargetSpec[], name = 'orders'): Step => [{ kind: 'put-targets', rule: name, targets: list }, 0];
const put = (at = 0, detailType = 'OrderPlaced', source = 'shop.orders'): Step => [
  { kind: 'put-events', entries: [{ source, detailType, detail: { id: 1 } }] },
  at,
];
const health = (endpoint: string, h: 'ok' | 'failing' | 'no-permissions' | 'no-resource', at = 0): Step => [
  { kind: 'set-health', endpoint, health: h },
  at,
];

describe('rules and targets (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rules.html)', () => {
  it('a matching event goes to every target of every matching rule; up to 5 targets per rule (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-quota.html)', () => {
    const five = ['billing', 'shipping', 'analytics', 'email', 'audit'].map((e) => ({ id: e, endpoint: e }));
    const { effects } = run([rule(), targets(five), targets([{ id: 'sixth', endpoint: 'sixth' }]), put()]);
    expect(delivered(effects).map((d) => d.endpoint)).toEqual(['billing', 'shipping', 'analytics', 'email', 'audit']);
    expect(ofKind(effects, 'eventbridge-rejected')[0]!.error).toBe('a rule can have at most 5 targets');
  });

  it('an event no rule matches goes nowhere, and the effect says why', () => {
    const { effects } = run([rule(), targets([{ id: 'b', endpoint: 'billing' }]), put(0, 'X', 'crm')]);
    expect(ofKind(effects, 'eventbridge-unmatched')[0]!.reason).toMatch(/source is "crm", not \["shop.orders"\]/);
  });
});

describe('retries (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-retry-policy.html)', () => {
  it('a retriable failure is retried with growing waits; once the target recovers the event arrives', () => {
    const { effects } = run([
      rule(),
      targets([{ id: 'b', endpoint: 'billing' }]),
      health('billing', 'failing'),
      put(),
      [{ kind: 'advance' }, 10 * S],
      health('billing', 'ok', 10 * S),
      [{ kind: 'advance' }, 120 * S],
    ]);
    const fails = ofKind(effects, 'eventbridge-attempt-failed');
    expect(fails.length).toBeGreaterThan(1);
    const waits = fails.map((f) => f.retryAt! - (fails[fails.indexOf(f) - 1]?.retryAt ?? 0));
    expect(waits.at(-1)!).toBeGreaterThan(waits[0]!);
    expect(delivered(effects)).toHaveLength(1);
    expect(delivered(effects)[0]!.attempt).toBe(fails.length + 1);
  });

  it('by default it gives up after 185 retries (186 attempts), within 24 hours, and drops the event when there is no DLQ', () => {
    const { effects } = run([
      rule(),
      targets([{ id: 'b', endpoint: 'billing' }]),
      health('billing', 'failing'),
      put(),
      [{ kind: 'advance' }, 86_400 * S],
    ]);
    expect(ofKind(effects, 'eventbridge-attempt-failed')).toHaveLength(186);
    expect(ofKind(effects, 'eventbridge-dropped')[0]!.reason).toMatch(/MaximumRetryAttempts/);
  });

  it('MaximumEventAgeInSeconds ends the retries first when it is shorter; the DLQ gets the event with its attributes (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html)', () => {
    const { state, effects } = run([
      rule(),
      targets([{ id: 'b', endpoint: 'billing', maxEventAgeMs: 60 * S, deadLetterQueue: 'billing-dlq' }]),
      health('billing', 'failing'),
      put(),
      [{ kind: 'advance' }, 3600 * S],
    ]);
    expect(kindsOf(effects)).toContain('eventbridge-dead-lettered');
    expect(state.deadLetterQueues['billing-dlq']![0]!.attributes).toMatchObject({
      RULE_ARN: 'arn:aws:events:us-east-1:123456789012:rule/default/orders',
      TARGET_ARN: 'billing',
      EXHAUSTED_RETRY_CONDITION: 'MaximumEventAgeInSeconds',
    });
  });

  it('missing permissions or a missing resource are not retried: straight to the DLQ', () => {
    const { state, effects } = run([
      rule(),
      targets([{ id: 'b', endpoint: 'billing', deadLetterQueue: 'dlq' }]),
      health('billing', 'no-permissions'),
      put(),
    ]);
    expect(ofKind(effects, 'eventbridge-attempt-failed')).toHaveLength(0);
    expect(state.deadLetterQueues.dlq![0]!.attributes).toMatchObject({
      ERROR_CODE: 'NO_PERMISSIONS',
      RETRY_ATTEMPTS: '0',
    });
  });

  it('MaximumRetryAttempts is 0–185 and MaximumEventAgeInSeconds 60–86,400 (https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_RetryPolicy.html)', () => {
    const { effects } = run([
      rule(),
      targets([{ id: 'a', endpoint: 'a', maxRetryAttempts: 186 }]),
      targets([{ id: 'a', endpoint: 'a', maxEventAgeMs: 59 * S }]),
    ]);
    expect(ofKind(effects, 'eventbridge-rejected').map((e) => e.error)).toEqual([
      'MaximumRetryAttempts must be 0–185',
      'MaximumEventAgeInSeconds must be 60–86,400',
    ]);
  });
});

describe('at least once, no ordering (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-troubleshooting.html)', () => {
  const entries = Array.from({ length: 12 }, (_, i) => ({ source: 'shop.orders', detailType: `E${i}`, detail: { i } }));
  const steps: Step[] = [rule(), targets([{ id: 'b', endpoint: 'billing' }]), [{ kind: 'put-events', entries }, 0]];

  it('with the quirks on, a target may be invoked twice with one event, and a batch arrives out of order; runs repeat exactly', () => {
    const quirky = () => run(steps, createEventBridge({ seed: 1, quirks: { duplicate: 0.3, shuffle: true } }));
    const order = delivered(quirky().effects).map((d) => d.eventId);
    expect(delivered(quirky().effects).some((d) => d.duplicate)).toBe(true);
    expect(order).not.toEqual([...order].sort((a, b) => Number(a.slice(3)) - Number(b.slice(3))));
    expect(delivered(quirky().effects)).toEqual(delivered(quirky().effects));
  });

  it('with the quirks off, each event is delivered once, in put order', () => {
    expect(delivered(run(steps).effects).map((d) => d.eventId)).toEqual(entries.map((_, i) => `ev-${i + 1}`));
  });
});
