import { useState } from 'react';
import { noAnswers, type Answer, type Answers } from '../../scenarios/interview/answers';
import { drawWhatIfs, type InterviewPrompt, type StageId, type WhatIf } from '../../scenarios/interview/prompt';
import { newInterviewId } from '../../state/interviewStore';
import { STAGES, WHAT_IFS, type Length } from './stages';

export interface Interview {
  /** The id its saved scorecard is stored under (saving it again replaces it). */
  id: string;
  prompt: InterviewPrompt;
  length: Length;
  /** The seed the what-ifs were drawn with (shown, so a draw can be told apart). */
  seed: number;
  whatIfs: WhatIf[];
  startedAt: number;
  stage: number;
  stageStart: number;
  /** ms spent in each stage left so far. */
  times: Partial<Record<StageId, number>>;
  answers: Answers;
  finished: boolean;
  /** When the last stage was left (null until then). */
  finishedAt: number | null;
}

/** One mock interview's state: the stages in order, the time spent in each (from the injected clock), the answers. */
export function useInterview(now: () => number) {
  const [iv, setIv] = useState<Interview | null>(null);

  const start = (prompt: InterviewPrompt, length: Length, seed: number) => {
    const t = now();
    setIv({
      id: newInterviewId(t),
      prompt,
      length,
      seed,
      whatIfs: drawWhatIfs(prompt, seed, WHAT_IFS[length]),
      startedAt: t,
      stage: 0,
      stageStart: t,
      times: {},
      answers: noAnswers(),
      finished: false,
      finishedAt: null,
    });
  };

  const update = (f: (a: Answers) => Answers) => setIv((x) => (x ? { ...x, answers: f(x.answers) } : x));

  /** Leaves the stage on screen (its time recorded) for the next one, or the scorecard after the last. */
  const next = () =>
    setIv((x) => {
      if (!x) return x;
      const t = now();
      const id = STAGES[x.stage]!.id;
      const times = { ...x.times, [id]: (x.times[id] ?? 0) + (t - x.stageStart) };
      const last = x.stage === STAGES.length - 1;
      return {
        ...x,
        times,
        stage: last ? x.stage : x.stage + 1,
        stageStart: t,
        finished: last,
        finishedAt: last ? t : null,
      };
    });

  return {
    iv,
    start,
    next,
    restart: () => setIv(null),
    setRequirements: (ids: string[]) => update((a) => ({ ...a, requirements: ids })),
    answer: (id: string, ans: Answer) => update((a) => ({ ...a, questions: { ...a.questions, [id]: ans } })),
    pick: (id: string, ids: string[]) => update((a) => ({ ...a, picks: { ...a.picks, [id]: ids } })),
    answerWhatIf: (id: string, choice: string) => update((a) => ({ ...a, whatIfs: { ...a.whatIfs, [id]: choice } })),
  };
}
