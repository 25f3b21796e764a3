import { describe, expect, it } from 'vitest';
import { applyOutcome, conceptTallies, dueQuestions, nextDue, scenarioTally } from './progress';
import { recordOutcome, readProgress, recordStepReached } from './progressStore';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 9);
const base = { scenarioId: 'ride-sharing', questionId: 'practice:accept', concepts: ['optimistic concurrency'] };

describe('progress per question and the review schedule', () => {
  it('a question answered right the first time is counted and never enters the queue', () => {
    const r = applyOutcome(undefined, { ...base, correct: true }, T0);
    expect(r).toMatchObject({ right: 1, wrong: 0, lastCorrect: true, card: null, id: 'ride-sharing/practice:accept' });
    expect(dueQuestions([r], T0 + 100 * DAY)).toEqual([]);
  });

  it('a missed question is due the next day, not before; right again pushes it further out, wrong brings it back', () => {
    const missed = applyOutcome(undefined, { ...base, correct: false }, T0);
    expect(missed.card!.due).toBe(T0 + DAY);
    expect(dueQuestions([missed], T0 + DAY - 1)).toEqual([]);
    expect(dueQuestions([missed], T0 + DAY)).toEqual([missed]);
    expect(nextDue([missed], T0)).toBe(T0 + DAY);
    const right = applyOutcome(missed, { ...base, correct: true }, T0 + DAY);
    expect(right.card!.due - (T0 + DAY)).toBeGreaterThan(DAY);
    expect(right).toMatchObject({ right: 1, wrong: 1, lastCorrect: true });
    const again = applyOutcome(right, { ...base, correct: false }, right.card!.due);
    expect(again.card!.due - right.card!.due).toBeLessThan(right.card!.due - (T0 + DAY));
    expect(again.card!.lapses).toBe(1);
  });

  it('tallies per scenario and per concept', () => {
    const a = applyOutcome(undefined, { ...base, correct: false }, T0);
    const b = applyOutcome(
      undefined,
      { scenarioId: 'pubsub-basics', questionId: 'q1', concept: 'consumer groups', correct: true },
      T0,
    );
    const c = applyOutcome(undefined, { ...base, questionId: 'two-accepts', step: 5, correct: true }, T0);
    expect(scenarioTally([a, b, c], 'ride-sharing')).toEqual({
      answered: 2,
      right: 1,
      wrong: 1,
      missed: 1,
      practiceAnswered: 1,
    });
    expect(conceptTallies([a, b, c])).toEqual(
      new Map([
        ['consumer groups', { answered: 1, right: 1, wrong: 0, missed: 0 }],
        ['optimistic concurrency', { answered: 2, right: 1, wrong: 1, missed: 1 }],
      ]),
    );
    expect(c.step).toBe(5);
  });
});

describe('progress store (fake IndexedDB)', () => {
  it('records outcomes and the furthest step, which never moves back', async () => {
    await recordOutcome({ ...base, correct: false, at: T0 });
    await recordOutcome({ ...base, correct: true, at: T0 + DAY });
    await recordStepReached('ride-sharing', 7, 30);
    await recordStepReached('ride-sharing', 3, 30, { q1: 'a' });
    const p = await readProgress();
    expect(p.questions).toHaveLength(1);
    expect(p.questions[0]).toMatchObject({ right: 1, wrong: 1, lastAt: T0 + DAY });
    expect(p.scenarios).toEqual([
      {
        scenarioId: 'ride-sharing',
        furthestStep: 7,
        completed: false,
        answers: { q1: 'a' },
        updatedAt: expect.any(Number),
      },
    ]);
    await recordStepReached('ride-sharing', 30, 30);
    expect((await readProgress()).scenarios[0]).toMatchObject({ furthestStep: 30, completed: true });
  });
});
