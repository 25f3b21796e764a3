/**
 * A question with several correct choices must be answered by choosing several: `multiple: true` makes
 * the player offer checkboxes instead of radio buttons. Without it a learner can only pick one of the
 * correct answers and is told the others were right too.
 */
import { describe, expect, it } from 'vitest';
import { allBuiltins } from './content';

const questions = allBuiltins().flatMap((s) =>
  s.steps.flatMap((step, i) =>
    step.question?.choices
      ? [
          {
            where: `${s.id} steps[${i}] (${step.question.id})`,
            question: step.question,
            choices: step.question.choices,
          },
        ]
      : [],
  ),
);

describe('built-in questions', () => {
  it('has questions to check', () => {
    expect(questions.length).toBeGreaterThan(10);
  });

  it('every question with more than one correct choice is multiple choice (multiple: true)', () => {
    const missing = questions
      .filter((q) => q.choices.filter((c) => c.correct).length > 1 && q.question.multiple !== true)
      .map((q) => q.where);
    expect(missing).toEqual([]);
  });

  it('every question has at least one correct choice', () => {
    expect(questions.filter((q) => !q.choices.some((c) => c.correct)).map((q) => q.where)).toEqual([]);
  });
});
