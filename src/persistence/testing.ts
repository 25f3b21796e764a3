import type { RunRecord } from './runRecord';

/** Test helpers: unique database names so tests never share state. */
let n = 0;
export const uniqueDbName = (prefix = 'test'): string => `${prefix}-${Date.now().toString(36)}-${++n}`;

/** A valid run record for tests, with the fields a test cares about overridden. */
export const runRecordOf = (runId: string, scenarioId: string, patch: Partial<RunRecord> = {}): RunRecord => ({
  runId,
  scenarioId,
  parentRunId: null,
  branchedAtStep: null,
  inputs: [],
  cursor: 0,
  furthestStep: 0,
  createdAt: 1,
  updatedAt: 1,
  ...patch,
});
