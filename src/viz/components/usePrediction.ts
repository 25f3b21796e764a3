import { useMemo } from 'react';
import type { ChoiceTargetDef } from '../../scenarios/schema';
import { usePlaybackActor, useRun } from '../../state/react';

export interface TargetChoice {
  id: string;
  target: ChoiceTargetDef;
}

export interface Prediction {
  choices: readonly TargetChoice[];
  pick(choiceId: string): void;
}

/**
 * The prediction asked at this step and not answered yet, as the choices that are answered on the
 * diagram (null when there is none). Picking one answers the question as the panel's list would.
 */
export function usePrediction(): Prediction | null {
  const question = useRun((s) => s.question);
  const answered = useRun((s) => (s.question ? Object.hasOwn(s.answers, s.question.id) : true));
  const playback = usePlaybackActor();
  return useMemo(() => {
    if (!question || answered) return null;
    const choices = (question.choices ?? []).flatMap((c) => (c.target ? [{ id: c.id, target: c.target }] : []));
    if (choices.length === 0) return null;
    return {
      choices,
      pick: (id: string) =>
        playback.send({ type: 'ANSWER', questionId: question.id, answer: question.multiple ? [id] : id }),
    };
  }, [question, answered, playback]);
}
