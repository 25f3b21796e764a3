import { useMemo } from 'react';
import { seededOrder } from '../scenarios/practiceOrder';
import { learnerSeed } from '../state/progressSeed';
import { useRun } from '../state/react';

/**
 * Items in this learner's order for one key: shuffled so the right answer is not first by construction,
 * the same on every visit (the device's seed plus the key). The mock interview's choice lists use it directly.
 */
export function useSeededOrder<T>(items: readonly T[], key: string): T[] {
  return useMemo(() => seededOrder(items, learnerSeed(), key), [items, key]);
}

/** Choices in this learner's order for one question of the current scenario. */
export function useLearnerOrder<T>(choices: readonly T[], questionKey: string): T[] {
  const scenarioId = useRun((s) => s.scenario.id);
  return useSeededOrder(choices, `${scenarioId}/${questionKey}`);
}
