import type { LearnerInput } from '../engine/types';

/** A run: one scenario played with one sequence of learner inputs (docs/architecture.md, "Source of truth"). */
export interface RunRecord {
  runId: string;
  scenarioId: string;
  parentRunId: string | null;
  branchedAtStep: number | null;
  inputs: LearnerInput[];
  cursor: number;
  furthestStep: number;
  createdAt: number;
  updatedAt: number;
}

/**
 * How a run record is written inside a step's transaction: a whole record (put as it is), or a
 * merge of the stored value (read in the same transaction) with the writer's record.
 */
export type RunWrite = RunRecord | { readonly runId: string; merge(stored: unknown): RunRecord };
