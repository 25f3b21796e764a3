/**
 * Progress, pure: what one answer does to a question's record (counts, last result, review card),
 * and the summaries the start page and the cheat sheets show (per scenario, per concept, what is due).
 * No storage and no clock here: `progressStore.ts` reads and writes, `progressClock.ts` says when.
 */
import { questionKey, type QuestionProgress } from '../persistence/progressRecords';
import type { GradeNote } from '../scenarios/practiceGradeNote';

export type { QuestionProgress };
import { isDue, scheduleAfter } from './review';

/** One graded answer: a step question, a practice question, or another caller's (an interview's rubric point). */
export interface Outcome {
  scenarioId: string;
  /** A step question's id, `practice:<id>`, or the caller's own id (at most 200 characters). */
  questionId: string;
  /** The step the question belongs to (0 when it has none). */
  step?: number;
  /** The concepts it practises; a single concept may be given as `concept`. */
  concepts?: readonly string[];
  concept?: string;
  correct: boolean;
  /** When it was answered (ms); the progress clock's now when left out. */
  at?: number;
  /** A design grade's help and failing checks (`scenarios/practiceGradeNote.ts`), kept with its latest result. */
  designGrade?: GradeNote;
}

/** The question's record after the answer: counted, and (re)scheduled once it has been missed. */
export function applyOutcome(prev: QuestionProgress | undefined, o: Outcome, at: number): QuestionProgress {
  const concepts = [...new Set([...(o.concepts ?? []), ...(o.concept ? [o.concept] : [])])]
    .map((c) => c.slice(0, 200))
    .slice(0, 20);
  return {
    id: questionKey(o.scenarioId, o.questionId),
    scenarioId: o.scenarioId,
    questionId: o.questionId,
    step: o.step ?? prev?.step ?? 0,
    // The caller's tags when it gives them (none: the question names none of its scenario's), else the last ones.
    concepts: o.concepts !== undefined || o.concept !== undefined ? concepts : (prev?.concepts ?? []),
    right: (prev?.right ?? 0) + (o.correct ? 1 : 0),
    wrong: (prev?.wrong ?? 0) + (o.correct ? 0 : 1),
    lastCorrect: o.correct,
    lastAt: at,
    card: scheduleAfter(prev?.card ?? null, o.correct, at),
    ...(o.designGrade ? { designGrade: structuredClone(o.designGrade) } : {}),
  };
}

/** Questions due for review now, the longest overdue first. */
export const dueQuestions = (questions: readonly QuestionProgress[], now: number): QuestionProgress[] =>
  questions.filter((q) => isDue(q.card, now)).sort((a, b) => a.card!.due - b.card!.due);

/** When the next question not yet due comes back, or null. */
export function nextDue(questions: readonly QuestionProgress[], now: number): number | null {
  const later = questions.flatMap((q) => (q.card && q.card.due > now ? [q.card.due] : []));
  return later.length ? Math.min(...later) : null;
}

export interface Tally {
  answered: number;
  right: number;
  wrong: number;
  /** Questions whose latest answer was wrong. */
  missed: number;
}

const tally = (qs: readonly QuestionProgress[]): Tally => ({
  answered: qs.length,
  right: qs.reduce((n, q) => n + q.right, 0),
  wrong: qs.reduce((n, q) => n + q.wrong, 0),
  missed: qs.filter((q) => !q.lastCorrect).length,
});

/** Per scenario: its questions' tally and whether its practice questions were answered. */
export function scenarioTally(questions: readonly QuestionProgress[], scenarioId: string) {
  const mine = questions.filter((q) => q.scenarioId === scenarioId);
  return { ...tally(mine), practiceAnswered: mine.filter((q) => q.questionId.startsWith('practice:')).length };
}

/** Per concept (the scenarios' concept tags): the tally of every question that practises it, by concept name. */
export function conceptTallies(questions: readonly QuestionProgress[]): Map<string, Tally> {
  const by = new Map<string, QuestionProgress[]>();
  for (const q of questions) for (const c of q.concepts) by.set(c, [...(by.get(c) ?? []), q]);
  return new Map([...by].sort(([a], [b]) => a.localeCompare(b)).map(([c, qs]) => [c, tally(qs)]));
}
