import type { LearnerInput } from '../../engine/types';
import type { FaultInput } from '../../scenarios/faults/inject';

type Crash = Extract<LearnerInput, { kind: 'crash-consumer' }>;

/** A fault before it is placed at a step (the panel adds `atStep`: the step on screen). */
export type FaultAction = FaultInput | Crash extends infer T
  ? T extends FaultInput | Crash
    ? Omit<T, 'atStep'>
    : never
  : never;
