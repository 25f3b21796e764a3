import { describe, expect, it } from 'vitest';
import { findBuiltin } from '../../scenarios/content';
import { Stepper } from '../../scenarios/stepper';
import { currentTrace, traceChoices, waterfallOf } from './waterfallRows';

const spansAt = (k: number) => new Stepper(findBuiltin('observability')!, []).at(k).world.tracing!.state.spans;

describe('the waterfall of a trace from the Observability run', () => {
  it('order-2 after its dead letter: the send, payments’ branch, three failed attempts and the dead-letter send', () => {
    const spans = spansAt(10);
    const w = waterfallOf(spans, currentTrace(spans)!);
    expect(w.rows.map((r) => [r.depth, r.label, r.startText, r.statusText])).toEqual([
      [0, 'checkout · send orders', '+0 s', 'OK'],
      [1, 'payments-svc · process orders', '+1 s', 'attempt 1 · OK'],
      [2, 'payments-svc · send payments', '+1 s', 'OK'],
      [1, 'emails-svc · process orders', '+2 s', 'attempt 1 · ERROR · failed, will retry'],
      [1, 'emails-svc · process orders', '+3 s', 'attempt 2 · ERROR · failed, will retry'],
      [1, 'emails-svc · process orders', '+4 s', 'attempt 3 · ERROR · failed, last attempt'],
      [2, 'emails-svc · send orders.DLT', '+4 s', 'OK · dead-lettered to orders.DLT'],
    ]);
    expect(w.rows[3]!.waitText).toBe('waited 2 s in orders-0 before processing');
    expect(w.rows[0]!.traceparent).toMatch(new RegExp(`^00-${w.traceId}-[0-9a-f]{16}-01$`));
    expect(w.rows[1]!.traceparent).toBeNull();
    expect(w.rows[1]!.parentId).toBe(w.rows[0]!.spanId);
    expect(w.summary).toMatch(/7 spans over 4 s, 3 with status ERROR/);
    expect(w.rows.every((r) => r.startPct >= 0 && r.startPct <= 100)).toBe(true);
  });

  it('a process span with no context is a root, its wait still drawn on the axis', () => {
    const spans = spansAt(5);
    const w = waterfallOf(spans, currentTrace(spans)!);
    expect(w.rows.map((r) => [r.depth, r.label, r.waitFromPct, r.startPct])).toEqual([
      [0, 'tracking · process shipments', 0, 100],
    ]);
    expect(traceChoices(spans).map((c) => c.label.split(' · ').slice(0, 3).join(' · '))).toEqual([
      'checkout · send orders orders-0@0 · 4 spans',
      'tracking · process shipments shipments-0@0 · 1 span',
    ]);
  });
});
