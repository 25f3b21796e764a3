import { useSyncExternalStore } from 'react';
import { practiceQuestionId } from '../scenarios/practice';
import type { ScenarioDef } from '../scenarios/schema';
import { useRun, useRunChrome } from '../state/react';
import { practiceRevealed, revealPractice, subscribeRevealed } from './practiceOver';

type Practice = NonNullable<ScenarioDef['practice']>;

/** What decides whether a practice's reference stays hidden (pure, so it is tested without a page). */
export interface GateInputs {
  practice: Practice | undefined;
  /** A learner's own copy (fork, import, own design): their design, shown whole. */
  own: boolean;
  /** The learner chose to see the reference ("Skip the practice and watch the reference run"). */
  revealed: boolean;
  /** Nothing of the run watched yet: step 0 and no step further before. */
  untouched: boolean;
}

/** The reference is hidden for a practice not yet watched on a built-in or shared copy, until the learner reveals it. */
export function practiceGated({ practice, own, revealed, untouched }: GateInputs): boolean {
  return !!practice && !own && !revealed && untouched;
}

/** How many of the practice's questions have no answer yet. */
export function openQuestions(practice: Practice, answers: Readonly<Record<string, unknown>>): number {
  return practice.questions.filter((q) => !Object.hasOwn(answers, practiceQuestionId(q.id))).length;
}

/** Why the actions wait: true for any number of open questions, and once all are answered but the run not watched. */
export function gatedReason(open: number): string {
  const held = 'Fork, Export, AsyncAPI, Run it for real and Run on another broker hand over the reference design';
  return open > 0
    ? `${held}, so they wait while ${open === 1 ? 'a practice question is' : `${open} practice questions are`} open (or until you skip the practice and watch the reference run).`
    : `${held}: they open when you watch the reference run.`;
}

/** Whether the practice on screen still hides its reference, how many questions are open, and the way to reveal it. */
export function usePracticeGate(): { gated: boolean; open: number; reveal(): void } {
  const practice = useRun((s) => s.scenario.practice);
  const id = useRun((s) => s.scenario.id);
  const untouched = useRun((s) => s.step === 0 && s.furthestStep === 0);
  const answers = useRun((s) => s.answers);
  const own = useRunChrome().ownership === 'saved';
  // The learner's choice to skip, kept for the page's life (`practiceOver.ts`): the header's actions, the
  // shortcuts, the gate itself, the start page and the cheat sheet read the same one.
  const revealed = useSyncExternalStore(subscribeRevealed, () => practiceRevealed(id));
  const reveal = () => revealPractice(id);
  const gated = practiceGated({ practice, own, revealed, untouched });
  return { gated, open: practice ? openQuestions(practice, answers) : 0, reveal };
}
