import { describe, expect, it } from 'vitest';
import { seedRng } from '../sim/random';
import { recordSpan, type Span } from './spans';
import { buildTrace, traceIds, traceOfRecord, traceProblems } from './trace';
import { processSpan, sendSpan } from './tracing.testkit';

/** checkout sends orders@0; payments processes it and sends payments@0; emails fails once then succeeds. */
function flow(): Span[] {
  const root = sendSpan(seedRng(1), null, null, { service: 'checkout', topic: 'orders', offset: 0, time: 1000 });
  const order = {
    topic: 'orders',
    offset: 0,
    time: 1000,
    context: { traceId: root.span.traceId, spanId: root.span.spanId, sampled: true },
  };
  const pay = processSpan(seedRng(2), order, { group: 'payments', attempt: 1, time: 2000, failed: false, step: 2 });
  const payCtx = { traceId: pay.traceId, spanId: pay.spanId, sampled: true };
  const sent = sendSpan(root.rng, payCtx, pay.spanId, {
    service: 'payments',
    topic: 'payments',
    offset: 0,
    time: 2000,
  });
  const e1 = processSpan(seedRng(3), order, { group: 'emails', attempt: 1, time: 3000, failed: true, step: 3 });
  const e2 = processSpan(seedRng(4), order, { group: 'emails', attempt: 2, time: 4000, failed: false, step: 4 });
  return [root.span, pay, sent.span, e1, e2];
}

describe('buildTrace', () => {
  it('orders spans as a tree with depths, and says how long each record waited in its topic', () => {
    const spans = flow();
    expect(traceIds(spans)).toHaveLength(1);
    const t = buildTrace(spans, spans[0]!.traceId);
    expect(t.rows.map((r) => [r.span.service, r.span.name, r.depth, r.offsetMs, r.waitedMs])).toEqual([
      ['checkout', 'send orders', 0, 0, null],
      ['payments', 'process orders', 1, 1000, 1000],
      ['payments', 'send payments', 2, 1000, null],
      ['emails', 'process orders', 1, 2000, 2000],
      ['emails', 'process orders', 1, 3000, 3000],
    ]);
    expect(t.orphans).toEqual([]);
    expect(traceProblems(spans)).toEqual([]);
    expect(traceOfRecord(spans, 'payments', 0, 0)?.traceId).toBe(spans[0]!.traceId);
  });

  it('a consumer that publishes continues the trace: same trace id, its process span as parent', () => {
    const [root, pay, sent] = flow();
    expect(sent!.traceId).toBe(root!.traceId);
    expect(sent!.parentId).toBe(pay!.spanId);
    expect(pay!.parentId).toBe(root!.spanId);
    expect(pay!.links).toEqual([{ traceId: root!.traceId, spanId: root!.spanId, sampled: true }]);
  });

  it('lists a span whose parent was never recorded as an orphan, not hidden', () => {
    const [, pay] = flow();
    const t = buildTrace([pay!], pay!.traceId);
    expect(t.rows.map((r) => r.depth)).toEqual([0]);
    expect(t.orphans).toEqual([pay]);
    expect(traceProblems([pay!])[0]).toMatch(/missing/);
  });

  it('recording a span says where it sits, and keeps the input unchanged', () => {
    const [root, pay] = flow();
    const before = Object.freeze([root!]);
    const r = recordSpan(before, pay!);
    expect(before).toHaveLength(1);
    expect(r.spans).toHaveLength(2);
    expect(r.effects[0]!.reason).toMatch(/CONSUMER span "process orders" for orders-0@0: trace .*child of span/);
  });
});
