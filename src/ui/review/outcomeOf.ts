/**
 * Whether an answer recorded in a run was right, for progress and the review queue: a step question
 * graded by its choices (the question panel's grade; "partly" counts as missed), a practice question
 * by its choices exactly. Free text and self-assessments are never graded: they give no outcome.
 */
import { decodePracticeAnswer, gradePractice } from '../../scenarios/practice';
import type { QuestionDef, ScenarioDef } from '../../scenarios/schema';
import { grade } from '../QuestionPanel';

export interface GradedAnswer {
  questionId: string;
  /** The step the player opens to replay it. */
  step: number;
  correct: boolean;
}

/** A step question by id, with the step it is asked at (the step after its script step has run). */
export function stepQuestion(
  scenario: ScenarioDef,
  questionId: string,
): { question: QuestionDef; step: number } | null {
  const i = scenario.steps.findIndex((s) => s.question?.id === questionId);
  return i < 0 ? null : { question: scenario.steps[i]!.question!, step: i + 1 };
}

export function outcomeOf(scenario: ScenarioDef, questionId: string, answer: string | string[]): GradedAnswer | null {
  if (questionId.startsWith('practice:')) {
    const q = scenario.practice?.questions.find((x) => `practice:${x.id}` === questionId);
    const a = decodePracticeAnswer(answer);
    if (!q || !a) return null;
    const g = gradePractice(q, a).correct;
    return g === null ? null : { questionId, step: 0, correct: g };
  }
  const found = stepQuestion(scenario, questionId);
  if (!found) return null;
  const verdict = grade(found.question, answer);
  return verdict === 'open' ? null : { questionId, step: found.step, correct: verdict === 'correct' };
}
