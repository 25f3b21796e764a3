/**
 * Tracing in a run (`steps/tracing.ts`) under the failure lab's faults: whatever a learner breaks, the spans the
 * Observability run records stay a forest of trees (no repeated id, no parent missing or in another trace), and a
 * consumer that processes a record again records a second span for it.
 */
import { describe, expect, it } from 'vitest';
import { traceProblems } from '../../engine/tracing';
import type { LearnerInput } from '../../engine/types';
import { findBuiltin } from '../content';
import { Stepper } from '../stepper';

const scenario = findBuiltin('observability')!;
const spansAfter = (inputs: LearnerInput[]) => {
  const run = new Stepper(scenario, inputs);
  return run.at(run.lastStep).world.tracing!.state.spans;
};

describe('traces under faults', () => {
  it('the scripted run: every trace is a tree', () => {
    expect(traceProblems(spansAfter([]))).toEqual([]);
  });

  it.each<[string, LearnerInput]>([
    ['a duplicate delivery', { kind: 'duplicate-delivery', atStep: 2, groupId: 'emails', memberId: 'emails-a' }],
    [
      'a crash before commit',
      { kind: 'crash-consumer-before-commit', atStep: 1, groupId: 'emails', memberId: 'emails-a' },
    ],
    [
      'a slow consumer',
      { kind: 'slow-consumer', atStep: 12, groupId: 'payments', memberId: 'payments-a', processingMs: 400_000 },
    ],
    ['a poison message', { kind: 'poison-message', atStep: 11, topic: 'orders', key: 'order-9' }],
  ])('%s: still a forest of trees', (_name, fault) => {
    const spans = spansAfter([fault]);
    expect(traceProblems(spans)).toEqual([]);
    expect(spans.length).toBeGreaterThan(0);
  });

  it('a record processed twice by the same group gets two process spans with their own ids', () => {
    // emails publishes nothing, so nothing else moves the generator between its two polls of order-1.
    const spans = spansAfter([{ kind: 'duplicate-delivery', atStep: 2, groupId: 'emails', memberId: 'emails-a' }]);
    const first = spans.filter(
      (s) => s.kind === 'consumer' && s.service === 'emails-svc' && s.offset === 0 && s.topic === 'orders',
    );
    expect(first.length).toBe(2);
    expect(new Set(first.map((s) => s.spanId)).size).toBe(2);
  });
});
