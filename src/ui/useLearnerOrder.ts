import { useMemo } from 'react';
import { seededOrder } from '../scenarios/practiceOrder';
import { learnerSeed } from '../state/progressSeed';
import { useRun } from '../state/react';

/**
 * Choices in this learner's order for one question of the current scenario: shuffled so the right
 * answer is not first by construction, the same on every visit (the device's seed plus the key).
 */
export function useLearnerOrder<T>(choices: readonly T[], questionKey: string): T[] {
  const scenarioId = useRun((s) => s.scenario.id);
  return useMemo(
    () => seededOrder(choices, learnerSeed(), `${scenarioId}/${questionKey}`),
    [choices, scenarioId, questionKey],
  );
}
