/**
 * Which stored world checkpoints a read chooses: for each step asked for, the nearest at or below it.
 * Apart from worldCheckpoints.ts (which checks what it reads with zod) because the early read of a
 * page opened at a saved scenario (earlyReads.ts) chooses the same ones before zod has loaded.
 */

/** The nearest of `stored` (checkpoint steps) at or below `step`, or undefined. */
export const nearestAtOrBelow = (stored: readonly number[], step: number): number | undefined =>
  stored.reduce<number | undefined>((best, s) => (s <= step && (best === undefined || s > best) ? s : best), undefined);

/** The checkpoint steps of `stored` a read of `steps` reads: each one's nearest at or below it, once. */
export const chosenCheckpointSteps = (stored: readonly number[], steps: readonly number[]): number[] => [
  ...new Set(steps.flatMap((s) => nearestAtOrBelow(stored, s) ?? [])),
];
