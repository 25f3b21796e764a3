/**
 * Whether a built-in practice is over for the learner, so that what answers it may be shown: its reference run
 * (the player's gate, `practiceGate.ts`), its takeaways and key figures (the cheat sheet), its summary (the start
 * page's card shows the practice's `teaser` until then) and its concept tags (the start page's card, the cheat sheet). Over once every question has an answer, the run has been stepped into, or
 * the learner skipped it on this page ("Skip the practice and watch the reference run": a choice kept for the
 * page's life, as the gate keeps it). No React and no storage, so the start page's first chunk can read it.
 */
import { practiceQuestionId } from '../scenarios/practice';

/** What a practice's card on the start page says instead of tags that would give its answers away. */
export const CONCEPTS_AFTER_PRACTICE = 'Concepts are shown after the practice.';

export interface PracticeProgress {
  /** The practice's question ids (as in the scenario). */
  questionIds: readonly string[];
  /** The ids of the questions the learner has answered (`practice:<id>`, as progress and the run keep them). */
  answered: ReadonlySet<string>;
  /** The furthest step reached in the scenario's run (0: never stepped into). */
  furthestStep: number;
  /** Skipped on this page (`practiceRevealed`). */
  revealed: boolean;
}

export const practiceOver = ({ questionIds, answered, furthestStep, revealed }: PracticeProgress): boolean =>
  revealed || furthestStep > 0 || questionIds.every((id) => answered.has(practiceQuestionId(id)));

// The scenarios whose practice the learner skipped, for this page's life: the player's gate, the header's
// actions, the shortcuts, the start page and the cheat sheet read the same choice.
const revealedIds = new Set<string>();
const listeners = new Set<() => void>();

export const practiceRevealed = (id: string): boolean => revealedIds.has(id);

export function revealPractice(id: string): void {
  revealedIds.add(id);
  listeners.forEach((l) => l());
}

export function subscribeRevealed(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}
