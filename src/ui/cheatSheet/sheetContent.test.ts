import { describe, expect, it } from 'vitest';
import { findBuiltin } from '../../scenarios/content';
import { applyPatches } from '../../scenarios/interview/patches';
import { gradePracticeDesign } from '../../scenarios/interview/practiceGrade';
import { POOR } from '../../scenarios/interview/testing';
import { gradeNoteOf } from '../../scenarios/practiceGradeNote';
import { applyOutcome } from '../../state/progress';
import { DESIGN_GRADE_ID } from '../PracticeGradeReview';
import { keyFigures, sheetOf } from './sheetContent';

const ride = findBuiltin('ride-sharing')!;

describe('cheat sheet content', () => {
  it('key figures come from the topology', () => {
    const figures = keyFigures(ride);
    expect(figures[0]).toBe(`${ride.steps.length} steps, ${ride.stepMs} ms of simulated time each`);
    expect(figures).toContain('Topic “rides”: 3 partitions');
    expect(figures.some((f) => f.startsWith('Topic “driver-locations”') && f.includes('compacted'))).toBe(true);
  });

  it('a group whose members join during the run counts them (Backpressure starts its packers in the script)', () => {
    expect(keyFigures(findBuiltin('backpressure')!)).toContain(
      'Consumer group “Packing”: 4 members over the run, reads orders',
    );
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

  it('a design grade that missed checks lists each failing check with its sentence and study link, and the help it had', () => {
    const r = gradePracticeDesign(applyPatches(ride, POOR));
    if (!r.ok) throw new Error('the poor design does not validate');
    const designGrade = gradeNoteOf(r.grade, { hintsUsed: 2, hintsAvailable: 9, referenceShown: true });
    const graded = (correct: boolean) =>
      applyOutcome(undefined, { scenarioId: 'ride-sharing', questionId: DESIGN_GRADE_ID, correct, designGrade }, 1);
    const sheet = sheetOf(ride, [graded(false)], 0);
    const failing = [...r.grade.rubric, ...r.grade.runs].filter((c) => !c.pass);
    expect(sheet.missedDesign?.failed).toHaveLength(failing.length);
    expect(sheet.missedDesign?.failed).toContainEqual({
      title: 'Consumers with side effects are idempotent',
      feedback: r.grade.rubric.find((p) => p.id === 'idempotent')!.feedback,
      studyTitle: 'Delivery guarantees: an idempotent consumer skips the redelivery',
      studyHref: '#/s/delivery-guarantees/9',
    });
    expect(sheet.missedDesign?.help).toEqual({ hintsUsed: 2, hintsAvailable: 9, referenceShown: true });
    // Not a question with a right answer: it is not among the missed questions.
    expect(sheet.missed).toEqual([]);
    // A full score, or no grade at all: nothing about the design.
    expect(sheetOf(ride, [graded(true)], 0).missedDesign).toBeNull();
    expect(sheetOf(ride, [], 0).missedDesign).toBeNull();
  });

  it('a missed design grade recorded before its checks were kept is still listed, without checks', () => {
    const old = applyOutcome(undefined, { scenarioId: 'ride-sharing', questionId: DESIGN_GRADE_ID, correct: false }, 1);
    expect(sheetOf(ride, [old], 0).missedDesign).toEqual({ failed: [], help: null });
  });
});
