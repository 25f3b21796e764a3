/**
 * How a run session words what went wrong with its storage: a damaged record (and what of it can be
 * kept), and any storage failure, always in plain words — never raw error text.
 */
import type { LearnerInput, RecordedEvent } from '../engine/types';
import { describeFailure } from '../persistence/errors';
import { DamagedRunRecordError, type RunRecord, type RunSalvage } from '../persistence/runRecord';
import { DamagedStoredEventError } from '../persistence/storedEvent';

/** A damaged run: what is wrong (for the learner) and what can be kept. */
export interface Damage {
  message: string;
  salvage: RunSalvage;
  /**
   * The stored events are what is wrong, not the story: starting again clears them and stores the
   * events of the salvaged furthest step afresh from the scenario (none is lost).
   */
  restoreEvents?: boolean;
}

export const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** A damaged record as the learner reads it, with what is kept. */
export function damageOf(err: DamagedRunRecordError, fallbackInputs: readonly LearnerInput[]): Damage {
  const salvage =
    err.salvage.inputs.length > 0 || fallbackInputs.length === 0
      ? err.salvage
      : { ...err.salvage, inputs: [...fallbackInputs] };
  return {
    message: `${err.message} Nothing was changed; the run is shown read-only. Start this run again to repair it: the answers and stored events that can still be read are kept.`,
    salvage,
  };
}

/** Stored events that cannot be read (or disagree with the scenario): the record, and so the story, is kept. */
export function storedEventsDamage(problem: string, salvage: RunSalvage): Damage {
  return {
    message: `${problem} Nothing was changed; this run is shown read-only. Start this run again to store its events afresh from the scenario (your answers are kept).`,
    salvage,
    restoreEvents: true,
  };
}

/** A stored event that does not validate. */
export const damagedEventOf = (err: DamagedStoredEventError, salvage: RunSalvage): Damage =>
  storedEventsDamage(err.message, salvage);

/** The stored run record of `scenarioId`, or what is wrong with it (damaged, or another scenario's). */
export async function loadRecord(
  port: { loadRun(): Promise<RunRecord | undefined> },
  scenarioId: string,
  fallbackInputs: readonly LearnerInput[],
): Promise<{ saved: RunRecord | undefined; found: Damage | null }> {
  let saved: RunRecord | undefined;
  try {
    saved = await port.loadRun();
  } catch (err) {
    if (!(err instanceof DamagedRunRecordError)) throw err;
    return { saved: undefined, found: damageOf(err, fallbackInputs) };
  }
  if (saved && saved.scenarioId !== scenarioId) {
    const err = new DamagedRunRecordError([`it belongs to another scenario`], { ...saved, scenarioId });
    return { saved: undefined, found: damageOf(err, fallbackInputs) };
  }
  return { saved, found: null };
}

/**
 * What the stored events (as read: the events, or the one that cannot be read) add to what is wrong
 * with a run: an unreadable event, or events stored without a record.
 */
export function storedDamage(
  read: RecordedEvent[] | DamagedStoredEventError,
  saved: RunRecord | undefined,
  fallbackInputs: readonly LearnerInput[],
): Damage | null {
  if (read instanceof DamagedStoredEventError)
    return damagedEventOf(read, {
      inputs: [...(saved?.inputs ?? fallbackInputs)],
      ...(saved && { createdAt: saved.createdAt, cursor: saved.cursor, furthestStep: saved.furthestStep }),
    });
  if (!saved && read.length > 0)
    return {
      message: `This run's saved record is missing, but ${plural(read.length, 'event')} of it are stored. Nothing was changed; it is shown read-only. Start this run again to keep them and play on.`,
      salvage: { inputs: [...fallbackInputs] },
    };
  return null;
}

/**
 * What starting a damaged run again did: `onDisk` = how many stored events could be read (null:
 * not all could), `stored` = how many are stored now, `answers` = how many answers are kept.
 */
export function restartNotice(o: {
  onDisk: number | null;
  clearEvents: boolean;
  refill: boolean;
  stored: number;
  answers: number;
}): string {
  const cleared =
    o.onDisk === null
      ? 'Its stored events could not all be read and were cleared'
      : `Its ${plural(o.onDisk, 'stored event')} did not match what can still be read of it and were cleared`;
  const kept = `${plural(o.answers, 'answer')} kept.`;
  if (o.refill)
    return `This run was started again. ${cleared}, then stored again from the scenario (${plural(o.stored, 'event')}). ${kept}`;
  if (o.clearEvents) return `This run was started again. ${cleared}; they are stored again as you step. ${kept}`;
  return `This run was started again: its saved record was repaired, with ${plural(o.answers, 'answer')} and ${plural(o.onDisk ?? 0, 'stored event')} kept.`;
}

/** Errors whose message is written for the learner; anything else is described in plain words (never raw error text). */
const WORDED = new Set([
  'StorageFullError',
  'StorageUnavailableError',
  'DatabaseUpgradedElsewhereError',
  'DatabaseDeletedElsewhereError',
  'DatabaseClosedError',
  'DamagedRunRecordError',
  'DamagedStoredEventError',
  'RunDivergedError',
]);

export const describe = (err: unknown): string =>
  err instanceof Error && WORDED.has(err.name)
    ? err.message
    : describeFailure('Storing this run', err, 'What you see is shown but may not be kept');
