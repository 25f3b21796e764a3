/**
 * The scenario's specs as the Specs panel shows them at the current step: each run against the design as the
 * proposed changes leave it (`scenarios/specs`), its result one step earlier (so a change is said), and what the
 * script step's own `spec` expectations say of it. Views may not run specs themselves; they read this.
 */
import { useMemo } from 'react';
import { pendingChanges } from '../scenarios/specs/design';
import type { SpecResult } from '../scenarios/specs/result';
import { runSpecs } from '../scenarios/specs/run';
import { describeChange } from '../scenarios/steps/specs';
import { useRun } from './react';

export interface SpecView {
  readonly result: SpecResult;
  /** Passed one step earlier (absent at step 0). */
  readonly before?: boolean;
  /** What this step's own `spec` expectation says (absent: none names it). */
  readonly expected?: boolean;
}

export interface SpecsAtStep {
  readonly specs: readonly SpecView[];
  /** The changes proposed at this step, in words (empty: the deployed design). */
  readonly proposed: readonly string[];
}

export function useSpecs(): SpecsAtStep | null {
  const scenario = useRun((s) => s.scenario);
  const changes = useRun((s) => s.world.designChanges);
  const before = useRun((s) => s.before);
  const step = useRun((s) => s.step);
  // A script step's expectations apply while the run follows the script (a learner's action shifts the steps).
  const scripted = useRun((s) => s.inputs.every((i) => i.kind === 'answer'));
  const changesBefore = before?.designChanges;
  const hasBefore = before !== null;
  return useMemo(() => {
    if (!scenario.specs?.length) return null;
    const now = runSpecs(scenario, changes ?? []);
    const then = hasBefore ? new Map(runSpecs(scenario, changesBefore ?? []).map((r) => [r.id, r.passed])) : null;
    const expect = scripted && step > 0 ? (scenario.steps[step - 1]?.expect ?? []) : [];
    const expected = new Map(expect.flatMap((e) => (e.kind === 'spec' ? [[e.spec, e.passes] as const] : [])));
    return {
      specs: now.map((result) => ({
        result,
        ...(then?.has(result.id) ? { before: then.get(result.id)! } : {}),
        ...(expected.has(result.id) ? { expected: expected.get(result.id)! } : {}),
      })),
      proposed: pendingChanges(changes ?? []).map(describeChange),
    };
  }, [scenario, changes, changesBefore, hasBefore, step, scripted]);
}
