import { useEffect, useRef } from 'react';
import { useRun, useRunChrome } from '../../state/react';
import { recordOutcome, recordStepReached } from '../../state/progressStore';
import { outcomeOf } from './outcomeOf';

/**
 * Keeps the learner's progress on a built-in scenario: the furthest step reached (with the run's
 * answers, as the backup reads them from the main run too), and each answer
 * given in this tab (graded; a missed one enters the review queue). Answers the run already had when
 * it was read are not counted again. Renders nothing; a failed write loses only that bit of progress.
 */
export function ProgressRecorder() {
  const builtin = useRunChrome().ownership === 'builtin';
  const scenario = useRun((s) => s.scenario);
  const answers = useRun((s) => s.answers);
  const furthest = useRun((s) => s.furthestStep);
  const lastStep = useRun((s) => s.lastStep);
  const loaded = useRun((s) => s.storage.mode !== 'loading');
  const seen = useRef<Readonly<Record<string, string | string[]>> | null>(null);

  useEffect(() => {
    if (!builtin || !loaded) return;
    const before = seen.current;
    seen.current = answers;
    if (before === null) return;
    for (const [questionId, answer] of Object.entries(answers)) {
      if (JSON.stringify(before[questionId]) === JSON.stringify(answer)) continue;
      const graded = outcomeOf(scenario, questionId, answer);
      if (graded)
        void recordOutcome({ scenarioId: scenario.id, concepts: scenario.concepts, ...graded }).catch(() => undefined);
    }
  }, [builtin, loaded, answers, scenario]);

  useEffect(() => {
    if (builtin && loaded && furthest > 0)
      void recordStepReached(scenario.id, furthest, lastStep, answers).catch(() => undefined);
  }, [builtin, loaded, furthest, lastStep, answers, scenario.id]);
  return null;
}
