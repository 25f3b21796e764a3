import { describe, expect, it } from 'vitest';
import { findBuiltin } from '../../scenarios/content';
import { applyOutcome } from '../../state/progress';
import { keyFigures, sheetOf } from './sheetContent';

const ride = findBuiltin('ride-sharing')!;

describe('cheat sheet content', () => {
  it('key figures come from the topology', () => {
    const figures = keyFigures(ride);
    expect(figures[0]).toBe(`${ride.steps.length} steps, ${ride.stepMs} ms of simulated time each`);
    expect(figures).toContain('Topic “rides”: 3 partitions');
    expect(figures.some((f) => f.startsWith('Topic “driver-locations”') && f.includes('compacted'))).toBe(true);
  });

  it('lists what the learner missed (latest answer wrong) with the right answer, and not what they got right', () => {
    const missed = applyOutcome(
      undefined,
      { scenarioId: 'ride-sharing', questionId: 'two-accepts', correct: false },
      1,
    );
    const right = applyOutcome(
      undefined,
      { scenarioId: 'ride-sharing', questionId: 'practice:events', correct: true },
      1,
    );
    const other = applyOutcome(undefined, { scenarioId: 'pubsub-basics', questionId: 'x', correct: false }, 1);
    const sheet = sheetOf(ride, [missed, right, other], 12);
    const q = ride.steps.find((s) => s.question?.id === 'two-accepts')!.question!;
    expect(sheet.missed).toEqual([
      {
        id: 'ride-sharing/two-accepts',
        prompt: q.prompt,
        answer: [...q.choices!.filter((c) => c.correct).map((c) => c.text), q.explanation].join(' · '),
        step: ride.steps.findIndex((s) => s.question?.id === 'two-accepts') + 1,
      },
    ]);
    expect(sheet.takeaways).toBe(ride.takeaways);
    expect(sheet.reached).toEqual({ step: 12, of: ride.steps.length });
    expect(sheet.tally).toMatchObject({ answered: 2, right: 1, wrong: 1 });
  });
});
