import { describe, expect, it } from 'vitest';
import type { LearnerInput } from '../engine/types';
import { findBuiltin } from './content';
import { buildTimeline } from './timeline';

const scenario = findBuiltin('pubsub-basics')!;

describe('timeline', () => {
  it('is the script when there are no inputs', () => {
    const t = buildTimeline(scenario, []);
    expect(t.map((e) => e.kind === 'script' && e.index)).toEqual(scenario.steps.map((_, i) => i));
  });

  it('weaves an input in after the step it was recorded at', () => {
    const input: LearnerInput = { kind: 'produce', atStep: 2, topic: 'orders', key: 'mine', value: 'hi' };
    const t = buildTimeline(scenario, [input]);
    expect(t).toHaveLength(scenario.steps.length + 1);
    expect(t[2]).toEqual({ kind: 'input', input });
    expect(t[3]).toMatchObject({ kind: 'script', index: 2 });
  });

  it('ignores answers, which do not change the story', () => {
    const t = buildTimeline(scenario, [{ kind: 'answer', atStep: 1, questionId: 'q', answer: 'a' }]);
    expect(t).toHaveLength(scenario.steps.length);
  });
});
