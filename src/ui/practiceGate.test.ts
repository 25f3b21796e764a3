import { describe, expect, it } from 'vitest';
import { findBuiltin } from '../scenarios/content';
import { practiceQuestionId } from '../scenarios/practice';
import { gatedReason, openQuestions, practiceGated } from './practiceGate';

const practice = findBuiltin('ride-sharing')!.practice!;
const fresh = { practice, own: false, revealed: false, untouched: true };

describe('the practice gate', () => {
  it('hides the reference of a practice nobody has watched yet', () => {
    expect(practiceGated(fresh)).toBe(true);
  });

  it('opens when the learner chose to watch, on their own copy, once the run was watched, or without a practice', () => {
    expect(practiceGated({ ...fresh, revealed: true })).toBe(false);
    expect(practiceGated({ ...fresh, own: true })).toBe(false);
    expect(practiceGated({ ...fresh, untouched: false })).toBe(false);
    expect(practiceGated({ ...fresh, practice: undefined })).toBe(false);
  });

  it('counts the questions still without an answer', () => {
    const n = practice.questions.length;
    expect(openQuestions(practice, {})).toBe(n);
    const first = practiceQuestionId(practice.questions[0]!.id);
    expect(openQuestions(practice, { [first]: ['a', 'text:'] })).toBe(n - 1);
    // A self-assessment or hints count is not an answer.
    expect(openQuestions(practice, { [`practice-self:${practice.questions[0]!.id}`]: [] })).toBe(n);
  });

  it('gives the reason the actions wait, true to how many questions are open', () => {
    expect(gatedReason(1)).toContain('while a practice question is open');
    expect(gatedReason(3)).toContain('while 3 practice questions are open');
    expect(gatedReason(0)).toContain('they open when you watch the reference run');
  });
});
