/**
 * A run's timeline: the scenario's script with the learner's inputs woven in. An input recorded
 * at step j becomes step j+1 of the run and the script continues after it.
 */
import { changesTheStory, type LearnerInput } from '../engine/types';
import type { ScenarioDef, StepDef } from './schema';

export type TimelineEntry = { kind: 'script'; index: number; step: StepDef } | { kind: 'input'; input: LearnerInput };

export function buildTimeline(scenario: ScenarioDef, inputs: readonly LearnerInput[]): TimelineEntry[] {
  const pending = inputs
    .map((input, order) => ({ input, order }))
    .filter(({ input }) => changesTheStory(input))
    .sort((a, b) => a.input.atStep - b.input.atStep || a.order - b.order);
  const entries: TimelineEntry[] = [];
  let script = 0;
  let next = 0;
  while (script < scenario.steps.length || next < pending.length) {
    const due = pending[next];
    if (due && due.input.atStep <= entries.length) {
      entries.push({ kind: 'input', input: due.input });
      next++;
    } else if (script < scenario.steps.length) {
      entries.push({ kind: 'script', index: script, step: scenario.steps[script]! });
      script++;
    } else {
      // Inputs recorded beyond the end of the script still happen, in order.
      entries.push({ kind: 'input', input: due!.input });
      next++;
    }
  }
  return entries;
}
