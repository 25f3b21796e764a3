/**
 * An events-stage question that names one of the reference's events: the right name is the event's own,
 * and each wrong name is that event renamed everywhere in the design (a real change, graded by the rubric's
 * naming point). Every prompt asks three of them.
 */
import type { Question } from '../prompt';

export interface NameQuestion {
  id: string;
  prompt: string;
  /** The reference's event, the right answer (a learner may type their own name for it instead). */
  event: string;
  right: { id: string; why: string };
  wrong: { id: string; text: string; why: string }[];
}

export const nameQuestion = ({ id, prompt, event, right, wrong }: NameQuestion): Question => ({
  id,
  stage: 'events',
  prompt,
  ownName: { event },
  choices: [
    { id: right.id, text: event, correct: true, why: right.why },
    ...wrong.map((c) => ({
      id: c.id,
      text: c.text,
      correct: false,
      why: c.why,
      patches: [{ op: 'rename-event' as const, from: event, to: c.text }],
    })),
  ],
});
