/**
 * The run database the app uses: one IndexedDB database per run (`event-lab-run-<runId>`) holding the
 * run's event store, its run record (inputs and cursor) and world checkpoints, so that one
 * transaction covers a whole step.
 */
import type { AppendResult, EventStore, ExpectedRevision, NewEvent } from '../engine/types';
import { normalizeBatch, validateExpected } from '../engine/eventstore';
import { DatabaseClosedError } from './errors';
import { IdbEventStore } from './idbEventStore';
import { openRunDb } from './databases';
import { runDbName } from './dbNames';
import type { RunRecord } from './runRecord';
import { DamagedRunRecordError, mergeRunRecords, parseRunRecord } from './runRecord';
import { readWorldCheckpoints, writeWorldCheckpoint, type WorldCheckpoint } from './worldCheckpoints';

export type { RunRecord } from './runRecord';

export interface RunDatabase {
  readonly runId: string;
  /** The run's event store (same database). */
  readonly store: EventStore;
  /**
   * The run record, validated (runRecord.ts); undefined when there is none. A record that does not
   * pass, or one filed under another run id, throws DamagedRunRecordError (with what can be salvaged).
   */
  loadRun(): Promise<RunRecord | undefined>;
  /**
   * ONE readwrite transaction: every append checked as appendToStream would (in order), then the run
   * record merged into the stored one (mergeRunRecords: the furthest step is a maximum, the inputs a
   * log; another tab's progress is never overwritten). All or nothing; a failed expectation throws
   * WrongExpectedVersionError, a damaged stored record DamagedRunRecordError, a different story
   * RunDivergedError, and nothing is written.
   */
  commitStep(input: {
    appends: { streamId: string; events: NewEvent[]; expectedRevision?: ExpectedRevision }[];
    run: RunRecord;
  }): Promise<AppendResult[]>;
  /** Cursor moves (step back/scrub) and answers without events; merged like commitStep's record. */
  saveRun(run: RunRecord): Promise<void>;
  /**
   * Starting a damaged run again: ONE transaction replaces the run record (dropping any record filed
   * under another id) and, with clearEvents, empties the run's events
   * (they belonged to a story that can no longer be read). World checkpoints are always dropped.
   */
  replaceRun(run: RunRecord, options: { clearEvents: boolean }): Promise<void>;
  /** World checkpoints of the story `key` (null: any story) at the given steps (a cache: worldCheckpoints.ts). */
  loadCheckpoints(steps: readonly number[], key: string | null): Promise<WorldCheckpoint[]>;
  /** Stores a world checkpoint, keeping of the others only those of the same story at the `keep` steps. */
  saveCheckpoint(checkpoint: WorldCheckpoint, keep: readonly number[]): Promise<void>;
  close(): void;
}

export { runDbName };

/**
 * The run record from what the store `run` holds: `raw` under the run's id, and `stray`, its first
 * record of any key (read with it, for when there is none under the id). Validated as loadRun's are.
 */
export function runRecordFrom(raw: unknown, stray: readonly unknown[], runId: string): RunRecord | undefined {
  if (raw === undefined) {
    // A record filed under another key (its runId damaged) still holds the learner's answers.
    if (stray.length === 0) return undefined;
    const parsed = parseRunRecord(stray[0], runId);
    throw new DamagedRunRecordError(
      parsed.ok ? ['it is filed under another run'] : parsed.problems,
      parsed.ok ? { ...parsed.run } : parsed.salvage,
    );
  }
  const parsed = parseRunRecord(raw, runId);
  if (!parsed.ok) throw new DamagedRunRecordError(parsed.problems, parsed.salvage);
  return parsed.run;
}

/** The writer's record is checked with the schema it will be read with (a bug must not store a damaged record). */
const checkRun = (run: RunRecord, runId: string): RunRecord => {
  if (!run || typeof run !== 'object') throw new TypeError('run must be a RunRecord');
  if (run.runId !== runId)
    throw new TypeError(`run.runId '${String(run.runId)}' does not match this database's run '${runId}'`);
  const parsed = parseRunRecord(structuredClone(run), runId);
  if (!parsed.ok) throw new TypeError(`run record refused: ${parsed.problems.join('; ')}`);
  return parsed.run;
};

/** The write of a run record: merged, inside the step's transaction, with the record stored there. */
const mergeInto = (incoming: RunRecord, runId: string) => ({
  runId,
  merge(stored: unknown): RunRecord {
    if (stored === undefined) return incoming;
    const parsed = parseRunRecord(stored, runId);
    if (!parsed.ok) throw new DamagedRunRecordError(parsed.problems, parsed.salvage);
    return mergeRunRecords(parsed.run, incoming);
  },
});

export async function openRunDatabase(
  runId: string,
  options: {
    clock?: () => number;
    /** See IdbEventStoreOptions.onClosedElsewhere. */ onClosedElsewhere?: (err: Error) => void;
  } = {},
): Promise<RunDatabase> {
  if (typeof runId !== 'string' || runId.length === 0) throw new TypeError('runId must be a non-empty string');
  const name = runDbName(runId);
  let store: IdbEventStore | null = null;
  let closedError: Error | null = null;
  const db = await openRunDb(name, {
    onClosedElsewhere: (err) => {
      closedError ??= err;
      store?.markClosed(err);
      options.onClosedElsewhere?.(err);
    },
  });
  store = new IdbEventStore(db, name, { clock: options.clock });
  if (closedError) store.markClosed(closedError);
  await store.init();
  const s = store;
  const assertOpen = () => {
    if (closedError) throw closedError;
  };

  return {
    runId,
    store: s,
    async loadRun() {
      assertOpen();
      const tx = db.transaction('run');
      const [raw, stray] = await Promise.all([tx.store.get(runId), tx.store.getAll(undefined, 1)]);
      return runRecordFrom(raw, stray, runId);
    },
    async commitStep({ appends, run }) {
      assertOpen();
      const reqs = appends.map((a) => ({
        streamId: a.streamId,
        events: normalizeBatch(a.streamId, a.events),
        expected: validateExpected(a.expectedRevision),
      }));
      return s.commitAtomic(reqs, mergeInto(checkRun(run, runId), runId));
    },
    async saveRun(run) {
      assertOpen();
      await s.commitAtomic([], mergeInto(checkRun(run, runId), runId));
    },
    async replaceRun(run, { clearEvents }) {
      assertOpen();
      const record = checkRun(run, runId);
      // Behind every write already queued, so the store's own bookkeeping sees the result.
      await s.commitAtomic([], null).catch(() => undefined);
      const tx = db.transaction(['run', 'events', 'worlds'], 'readwrite');
      const cleared = (clearEvents ? (['run', 'events', 'worlds'] as const) : (['run', 'worlds'] as const)).map(
        (name) => tx.objectStore(name).clear(),
      );
      await Promise.all([...cleared, tx.objectStore('run').put(record), tx.done]);
      // The store re-reads the head (its cache of streams is dropped).
      await s.init();
    },
    async loadCheckpoints(steps, key) {
      assertOpen();
      return readWorldCheckpoints(db, steps, key);
    },
    async saveCheckpoint(checkpoint, keep) {
      assertOpen();
      await writeWorldCheckpoint(db, checkpoint, keep);
    },
    close() {
      closedError ??= new DatabaseClosedError(name);
      s.close();
    },
  };
}
