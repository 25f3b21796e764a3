/**
 * Property: whatever a run does — new requests, consumers processing any record sent so far (fan-out to any
 * number of groups, retries), consumers publishing in turn — every span's parent exists in the same trace, and
 * each trace's spans form a tree that buildTrace lists completely, each child one level below its parent.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seedRng, type RngState } from '../sim/random';
import { contextOf, type Span } from './spans';
import { buildTrace, traceIds, traceProblems } from './trace';
import { processSpan, sendSpan, type SentRecord } from './tracing.testkit';

type Op = { kind: 'request' } | { kind: 'process'; pick: number; group: number; fails: boolean; publishes: boolean };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.constant<Op>({ kind: 'request' }),
  fc.record({
    kind: fc.constant('process' as const),
    pick: fc.nat(),
    group: fc.nat(2),
    fails: fc.boolean(),
    publishes: fc.boolean(),
  }),
);

function run(seed: number, ops: Op[]): Span[] {
  let rng: RngState = seedRng(seed);
  const spans: Span[] = [];
  const records: SentRecord[] = [];
  const attempts = new Map<string, number>();
  ops.forEach((o, step) => {
    const time = 1000 * (step + 1);
    if (o.kind === 'request' || records.length === 0) {
      const s = sendSpan(rng, null, null, { service: 'checkout', topic: 'orders', offset: records.length, time });
      rng = s.rng;
      spans.push(s.span);
      records.push({ topic: 'orders', offset: records.length, time, context: contextOf(s.span) });
      return;
    }
    const record = records[o.pick % records.length]!;
    const group = `g${o.group}`;
    const k = `${group}|${record.offset}`;
    const attempt = (attempts.get(k) ?? 0) + 1;
    attempts.set(k, o.fails ? attempt : 0);
    const p = processSpan(rng, record, { group, attempt, time, failed: o.fails, step });
    spans.push(p);
    if (o.publishes && !o.fails) {
      const s = sendSpan(rng, contextOf(p), p.spanId, {
        service: group,
        topic: 'orders',
        offset: records.length,
        time,
      });
      rng = s.rng;
      spans.push(s.span);
      records.push({ topic: 'orders', offset: records.length, time, context: contextOf(s.span) });
    }
  });
  return spans;
}

describe('traces built from a run', () => {
  it('every span’s parent is in the same trace, and every trace is a tree listed whole', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(op, { minLength: 1, maxLength: 40 }), (seed, ops) => {
        const spans = run(seed, ops);
        expect(traceProblems(spans)).toEqual([]);
        const byId = new Map(spans.map((s) => [s.spanId, s]));
        for (const s of spans) if (s.parentId !== null) expect(byId.get(s.parentId)?.traceId).toBe(s.traceId);
        let listed = 0;
        for (const id of traceIds(spans)) {
          const t = buildTrace(spans, id);
          expect(t.orphans).toEqual([]);
          expect(t.rows.filter((r) => r.depth === 0)).toHaveLength(1); // one request, one root
          t.rows.forEach((r, i) => {
            if (r.span.parentId === null) return;
            const parentRow = t.rows.findIndex((x) => x.span.spanId === r.span.parentId);
            expect(parentRow).toBeGreaterThanOrEqual(0);
            expect(parentRow).toBeLessThan(i);
            expect(t.rows[parentRow]!.depth).toBe(r.depth - 1);
          });
          listed += t.rows.length;
        }
        expect(listed).toBe(spans.length);
      }),
      { numRuns: 200 },
    );
  });

  it('the same seed and operations give the same ids', () => {
    const ops: Op[] = [{ kind: 'request' }, { kind: 'process', pick: 0, group: 1, fails: false, publishes: true }];
    expect(run(5, ops)).toEqual(run(5, ops));
    expect(run(5, ops)[0]!.traceId).not.toBe(run(6, ops)[0]!.traceId);
  });
});
