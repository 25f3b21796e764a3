import type { LearnerInput } from '../engine/types';

/** A run: one scenario played with one sequence of learner inputs (DESIGN.md, "Source of truth"). */
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
