/**
 * The payment-failure point's study link opens, in every prompt, a step whose narration teaches what the point
 * grades for that prompt's failure (recorded, then retried once the cause is fixed or compensated), and the
 * "told" run's link a step where a failure is told to the user: never a lesson about another kind of failure.
 * The race point's link opens a step that teaches an append decided by its expected revision, in a scenario that
 * shows its steps (a practice hides its run behind its questions until they are answered).
 */
import { describe, expect, it } from 'vitest';
import { findBuiltin } from '../content';
import { gradeAnswers, referenceAnswers } from './answers';
import { PROMPTS } from './prompts';
import { studyHref } from './study';
import type { StudyLink } from './types';

/** What the linked step's narration must say, per prompt: its failure and what handles it. */
const CONCEPT: Record<string, readonly RegExp[]> = {
  'ride-sharing': [/the fare is still owed/, /charge it again/, /compensated/],
  'food-delivery': [/still owed/, /charge it again/, /compensated/],
  'payments-wallet': [/still owed/, /charge it again/],
  'notification-system': [/fails/, /dead-letter topic/, /fix the address and republish/],
};

function narrationOf(link: StudyLink): string {
  const s = findBuiltin(link.scenarioId);
  if (!s) throw new Error(`${studyHref(link)}: no built-in ${link.scenarioId}`);
  const step = s.steps[link.step - 1];
  if (!step) throw new Error(`${studyHref(link)}: ${link.scenarioId} has ${s.steps.length} steps`);
  return step.narration ?? '';
}

describe('the payment-failure study link, in every prompt', () => {
  it.each(PROMPTS.map((p) => [p.id, p] as const))('%s: opens a step that teaches its own failure', (id, prompt) => {
    const a = referenceAnswers(prompt);
    // "Log the decline and move on" (or its SMS wording): the failure point fails, as a learner would see it.
    const q = prompt.questions.find((x) => x.choices.some((c) => c.patches?.some((p) => p.op === 'refuse-in')))!;
    a.questions[q.id] = { choice: q.choices.find((c) => !c.correct)!.id };
    const { result } = gradeAnswers(prompt, a);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const point = result.grade.rubric.find((p) => p.id === 'payment-failure')!;
    expect(point.pass).toBe(false);
    const concepts = CONCEPT[id];
    expect(concepts, `no concept listed for ${id}`).toBeDefined();
    const text = narrationOf(point.study);
    for (const c of concepts!) expect(text, `${studyHref(point.study)} (${point.study.title})`).toMatch(c);
  });

  it('the run that checks the user is told of the failure opens a step where a failure is told', () => {
    for (const p of PROMPTS) {
      const run = p.key.runs.find((r) => r.id === 'declined')!;
      const text = narrationOf(run.study);
      expect(text, `${p.id}: ${studyHref(run.study)}`).toMatch(/Declined/);
      expect(text, `${p.id}: ${studyHref(run.study)}`).toMatch(/RiderNotified/);
    }
  });
});

describe('the race point’s study link, in every prompt', () => {
  it.each(PROMPTS.map((p) => [p.id, p] as const))(
    '%s: opens a step, outside any practice, where the loser’s expected revision is refused and it is decided again',
    (_id, prompt) => {
      const { result } = gradeAnswers(prompt, referenceAnswers(prompt));
      if (!result.ok) throw new Error(JSON.stringify(result.issues));
      const point = result.grade.rubric.find((p) => p.id === 'race')!;
      expect(findBuiltin(point.study.scenarioId)?.practice, studyHref(point.study)).toBeUndefined();
      const text = narrationOf(point.study);
      for (const c of [
        /decided on revision/,
        /expects revision/,
        /is refused/,
        /optimistic concurrency/,
        /Decided again/,
      ])
        expect(text, `${studyHref(point.study)} (${point.study.title})`).toMatch(c);
    },
  );
});
