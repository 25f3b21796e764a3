import { describe, expect, it } from 'vitest';
import { findBuiltin } from '../../scenarios/content';
import { encodePracticeAnswer, encodeSelfAssessment } from '../../scenarios/practice';
import { outcomeOf, stepQuestion } from './outcomeOf';

const ride = findBuiltin('ride-sharing')!;

describe('outcomeOf: what an answer in a run counts as', () => {
  it('a step question: right only when every right choice and no other is picked; asked the step after its own', () => {
    const found = stepQuestion(ride, 'two-accepts')!;
    const right = found.question.choices!.filter((c) => c.correct).map((c) => c.id);
    const wrong = found.question.choices!.find((c) => !c.correct)!.id;
    expect(found.step).toBe(ride.steps.findIndex((s) => s.question?.id === 'two-accepts') + 1);
    expect(outcomeOf(ride, 'two-accepts', right)).toEqual({
      questionId: 'two-accepts',
      step: found.step,
      correct: true,
    });
    expect(outcomeOf(ride, 'two-accepts', [right[0]!])?.correct).toBe(false);
    expect(outcomeOf(ride, 'two-accepts', [...right, wrong])?.correct).toBe(false);
  });

  it('a practice question by its choices exactly; free text alone and self-assessments give no outcome', () => {
    expect(
      outcomeOf(ride, 'practice:accept', encodePracticeAnswer({ choices: ['distributed-lock'], text: '' })),
    ).toEqual({
      questionId: 'practice:accept',
      step: 0,
      correct: false,
    });
    const q = ride.practice!.questions.find((x) => x.id === 'accept')!;
    const all = q.choices!.filter((c) => c.inReference).map((c) => c.id);
    expect(outcomeOf(ride, 'practice:accept', encodePracticeAnswer({ choices: all, text: 'x' }))?.correct).toBe(true);
    expect(outcomeOf(ride, 'practice-self:accept', encodeSelfAssessment({ occ: 'yes' }))).toBeNull();
    expect(outcomeOf(ride, 'unknown', 'a')).toBeNull();
  });
});
