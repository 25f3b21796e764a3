import { useEffect, useRef } from 'react';
import { questionConcepts } from '../../scenarios/questionConcepts';
import { recordOutcome, recordStepReached } from '../../state/progressStore';
import { useRun, useRunChrome } from '../../state/react';
import type { RunState } from '../../state/runStore';
import { outcomeOf } from './outcomeOf';

/**
 * Keeps the learner's progress on a built-in scenario or one of their saved ones (keyed by its id, never a
 * built-in's: see state/progressStore.ts; a shared link's scenario is not stored, so nothing is kept for it):
 * the furthest step reached (with the run's
 * answers, as the backup reads them from the main run too), and each answer given in THIS tab, graded
 * (a missed one enters the review queue). An answer given here is one input appended to the run's
 * inputs; the inputs the run had when it was read, and another tab's (which arrive as a merged list,
 * and which that tab recorded), are not counted again. Renders nothing; a failed write loses only
 * that bit of progress.
 */
export function ProgressRecorder() {
  const ownership = useRunChrome().ownership;
  const kept = ownership === 'builtin' || ownership === 'saved';
  const scenario = useRun((s) => s.scenario);
  const inputs = useRun((s) => s.inputs);
  const answers = useRun((s) => s.answers);
  const furthest = useRun((s) => s.furthestStep);
  const lastStep = useRun((s) => s.lastStep);
  const loaded = useRun((s) => s.storage.mode !== 'loading');
  const seen = useRef<RunState['inputs'] | null>(null);

  useEffect(() => {
    if (!kept || !loaded) return;
    const before = seen.current;
    seen.current = inputs;
    if (before === null || inputs.length !== before.length + 1) return;
    if (before.length > 0 && inputs[before.length - 1] !== before[before.length - 1]) return;
    const added = inputs[before.length]!;
    if (added.kind !== 'answer') return;
    const graded = outcomeOf(scenario, added.questionId, added.answer);
    if (graded)
      void recordOutcome({
        scenarioId: scenario.id,
        concepts: questionConcepts(scenario, added.questionId),
        ...graded,
      }).catch(() => undefined);
  }, [kept, loaded, inputs, scenario]);

  useEffect(() => {
    if (kept && loaded && furthest > 0)
      void recordStepReached(scenario.id, furthest, lastStep, answers).catch(() => undefined);
  }, [kept, loaded, furthest, lastStep, answers, scenario.id]);
  return null;
}
