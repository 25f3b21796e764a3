import { describe, expect, it } from 'vitest';
import { findBuiltin } from '../../scenarios/content';
import { applyOutcome, type QuestionProgress } from '../../state/progress';
import { practiceHeld, sheetOf } from './sheetContent';

const ride = findBuiltin('ride-sharing')!;
const answered = (ids: string[]): QuestionProgress[] =>
  ids.map((id) =>
    applyOutcome(undefined, { scenarioId: 'ride-sharing', questionId: `practice:${id}`, correct: false }, 0),
  );
const all = ride.practice!.questions.map((q) => q.id);

describe('a practice’s cheat sheet before it is answered', () => {
  it('holds back the takeaways and key figures, which answer the practice, while a question is open and the run unwatched', () => {
    expect(practiceHeld(ride, [], 0, true)).toBe(true);
    expect(practiceHeld(ride, answered(all.slice(1)), 0, true)).toBe(true);
    const sheet = sheetOf(ride, [], 0, true);
    expect(sheet).toMatchObject({ held: true, takeaways: [], figures: [] });
  });

  it('shows them once every question is answered, the run was stepped into, or the copy is the learner’s own', () => {
    expect(practiceHeld(ride, answered(all), 0, true)).toBe(false);
    expect(practiceHeld(ride, [], 1, true)).toBe(false);
    expect(practiceHeld(ride, [], 0, false)).toBe(false);
    expect(sheetOf(ride, answered(all), 0, true).takeaways).toEqual(ride.takeaways);
  });

  it('never holds a scenario without a practice', () => {
    expect(practiceHeld(findBuiltin('pubsub-basics')!, [], 0, true)).toBe(false);
  });
});
