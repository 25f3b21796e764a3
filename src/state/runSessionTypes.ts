/** The run session's contract: what it needs from persistence, how it is opened, what it offers (runSession.ts). */
import type { LearnerInput, RecordedEvent } from '../engine/types';
import type { RunRecord } from '../persistence/runRecord';
import type { ScenarioDef } from '../scenarios/schema';
import type { StreamAppend } from './appends';
import type { CheckpointPort } from './runCheckpoint';
import type { RunChannel } from './runChannel';
import type { RunStore } from './runStore';

/** What a session needs from persistence (implemented by the IndexedDB run database). */
export interface RunPort {
  /** The validated record; throws DamagedRunRecordError when the stored one does not validate. */
  loadRun(): Promise<RunRecord | undefined>;
  /** The step's appends and the record, merged into the stored record, in one transaction. */
  commitStep(input: { appends: StreamAppend[]; run: RunRecord }): Promise<unknown>;
  /** The record alone, merged into the stored record. */
  saveRun(run: RunRecord): Promise<void>;
  /** Replaces the record (and, with clearEvents, empties the run's events) in one transaction. */
  replaceRun(run: RunRecord, options: { clearEvents: boolean }): Promise<void>;
  readonly store: { readAll(): Promise<RecordedEvent[]> };
  /** World checkpoints (a cache: runCheckpoint.ts); a port without them opens runs by replaying. */
  loadCheckpoints?: CheckpointPort['loadCheckpoints'];
  saveCheckpoint?: CheckpointPort['saveCheckpoint'];
}

export interface RunSessionOptions {
  scenario: ScenarioDef;
  /** The reference design the scenario was built from (a learner's design), or null (the Stepper's `reference`). */
  reference?: ScenarioDef | null;
  runId: string;
  /** Null when IndexedDB is unavailable: the run plays in memory. */
  port: RunPort | null;
  /** Why there is no port, worded for the learner. */
  unavailableReason?: string;
  /** Step asked for by the URL; null = where the learner left off. */
  requestedStep: number | null;
  /** Wall clock for createdAt/updatedAt (injected; tests pass a fake). */
  now: () => number;
  parentRunId?: string | null;
  branchedAtStep?: number | null;
  inputs?: readonly LearnerInput[];
  /** The live notice between tabs of this run (null: none). */
  channel?: RunChannel | null;
  /** The build world checkpoints are keyed by (default: checkpointKeys.ts's SOURCE_BUILD; null: none). */
  checkpointBuild?: string | null;
  /** How long the learner rests on a step before its checkpoint is written (default REST_MS). */
  checkpointRestMs?: number;
}

export interface RunSession {
  readonly store: RunStore;
  /** Resolves when the stored run has been read and checked (or could not be: memory only). */
  readonly ready: Promise<void>;
  /**
   * Resolves when the store first shows the run's world at the step it opens at: for a stored run
   * whose record tells the story the session was opened with, before its stored events are read and
   * checked (they cannot change that world; storage.mode stays 'loading' until then); else with `ready`.
   */
  readonly shown: Promise<void>;
  goTo(step: number): Promise<void>;
  /** Records the learner's answer to the current step's question (part of the run; no branch). */
  answer(questionId: string, answer: string | string[]): Promise<void>;
  /** True when the current step asks a question the learner has not answered in this run. */
  hasOpenQuestion(): boolean;
  /**
   * For a damaged run (or one whose stored events disagree): rewrites its record from what can
   * still be read, keeping the stored events when they agree with it and clearing them when not.
   */
  restart(): Promise<void>;
  settled(): Promise<void>;
  /** Stops listening to the other tabs. */
  close(): void;
}
