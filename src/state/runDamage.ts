/**
 * How a run session words what went wrong with its storage: a damaged record (and what of it can be
 * kept), and any storage failure, always in plain words — never raw error text.
 */
import type { LearnerInput } from '../engine/types';
import { describeFailure } from '../persistence/errors';
import type { DamagedRunRecordError, RunSalvage } from '../persistence/runRecord';

/** A damaged run: what is wrong (for the learner) and what can be kept. */
export interface Damage {
  message: string;
  salvage: RunSalvage;
}

export const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** A damaged record as the learner reads it, with what is kept. */
export function damageOf(err: DamagedRunRecordError, fallbackInputs: readonly LearnerInput[]): Damage {
  const salvage = err.salvage.inputs.length > 0 || fallbackInputs.length === 0 ? err.salvage : { ...err.salvage, inputs: [...fallbackInputs] };
  return {
    message: `${err.message} Nothing was changed; the run is shown read-only. Start this run again to repair it: the answers and stored events that can still be read are kept.`,
    salvage,
  };
}

/** Errors whose message is written for the learner; anything else is described in plain words (never raw error text). */
const WORDED = new Set(['StorageFullError', 'StorageUnavailableError', 'DatabaseUpgradedElsewhereError', 'DatabaseDeletedElsewhereError', 'DatabaseClosedError', 'DamagedRunRecordError', 'RunDivergedError']);

export const describe = (err: unknown): string =>
  err instanceof Error && WORDED.has(err.name) ? err.message : describeFailure('Storing this run', err, 'What you see is shown but may not be kept');
