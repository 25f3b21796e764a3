/**
 * A script step's question in a run. The question, its choices and its explanation were written for the story
 * the script tells ("the warehouse shipped order 1001 a step ago": right there, false in a branch where the
 * warehouse left its group). So in a run whose story differs (a branch, a fault, a learner's design) it is asked
 * only where it is still true: the step it is asked on, and the next, where the answer is revealed, played out
 * as in the story it was written for (`Stepper.playedAsWritten`, the comparison the narration makes). Anywhere
 * else it is not asked, so never graded against the other story's outcome.
 */
import type { QuestionDef } from './schema';
import type { Stepper } from './stepper';

export type QuestionInRun =
  | { question: QuestionDef; asked: true }
  /** `of`: the story the question was written for, which went differently in this run. */
  | { question: QuestionDef; asked: false; of: 'original' | 'reference' };

// Steps are deterministic for a stepper (its scenario and inputs never change), so the answer is kept.
const known = new WeakMap<Stepper, Map<number, QuestionInRun | null>>();

/** The question of step k of the run, and whether it is asked there; null for a step without one. */
export function questionInRun(stepper: Stepper, k: number): QuestionInRun | null {
  const entry = stepper.entries[k - 1];
  if (entry?.kind !== 'script' || !entry.step.question) return null;
  let byStep = known.get(stepper);
  if (!byStep) known.set(stepper, (byStep = new Map()));
  if (byStep.has(k)) return byStep.get(k)!;
  const question = entry.step.question;
  // The answer is revealed by the step after it: a learner's action there is not the story the question tells.
  const next = stepper.entries[k];
  const holds = stepper.playedAsWritten(k) && (next === undefined || stepper.playedAsWritten(k + 1));
  const found: QuestionInRun = holds
    ? { question, asked: true }
    : { question, asked: false, of: stepper.differsFromReference() ? 'reference' : 'original' };
  byStep.set(k, found);
  return found;
}
