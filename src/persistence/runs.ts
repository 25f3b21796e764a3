/**
 * The run database the app uses: one IndexedDB database per run (`event-lab-run-<runId>`) holding the
 * run's event store, its run record (inputs and cursor), checkpoints and snapshots, so that one
 * transaction covers a whole step.
 */
import type { AppendResult, EventStore, ExpectedRevision, NewEvent } from '../engine/types';
import { normalizeBatch, validateExpected } from '../engine/eventstore';
import { DatabaseClosedError } from './errors';
import { IdbEventStore } from './idbEventStore';
import { openRunDb } from './schema';
import { createIdbCheckpointStore, createIdbSnapshotStore } from './cqrsStores';
import type { CheckpointStore, SnapshotStore } from '../engine/cqrs';
import type { RunRecord } from './runTypes';

export type { RunRecord } from './runTypes';

export interface RunDatabase {
  readonly runId: string;
  /** The run's event store (same database). */
  readonly store: EventStore;
  loadRun(): Promise<RunRecord | undefined>;
  /**
   * ONE readwrite transaction: every append checked as appendToStream would (in order), then the run
   * record written. All or nothing; a failed expectation throws WrongExpectedVersionError and writes
   * nothing.
   */
  commitStep(input: { appends: { streamId: string; events: NewEvent[]; expectedRevision?: ExpectedRevision }[]; run: RunRecord }): Promise<AppendResult[]>;
  /** Cursor moves (step back/scrub) without events. */
  saveRun(run: RunRecord): Promise<void>;
  /** Projection and relay checkpoints with their read models (same database). */
  readonly checkpoints: CheckpointStore;
  /** Aggregate snapshots (same database). */
  readonly snapshots: SnapshotStore;
  close(): void;
}

export const runDbName = (runId: string): string => `event-lab-run-${runId}`;

const checkRun = (run: RunRecord, runId: string): RunRecord => {
  if (!run || typeof run !== 'object') throw new TypeError('run must be a RunRecord');
  if (run.runId !== runId) throw new TypeError(`run.runId '${String(run.runId)}' does not match this database's run '${runId}'`);
  return structuredClone(run);
};

export async function openRunDatabase(
  runId: string,
  options: { clock?: () => number; /** See IdbEventStoreOptions.onClosedElsewhere. */ onClosedElsewhere?: (err: Error) => void } = {},
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
    checkpoints: createIdbCheckpointStore(db, assertOpen),
    snapshots: createIdbSnapshotStore(db, assertOpen),
    async loadRun() {
      assertOpen();
      return db.get('run', runId);
    },
    async commitStep({ appends, run }) {
      assertOpen();
      const reqs = appends.map((a) => ({
        streamId: a.streamId,
        events: normalizeBatch(a.streamId, a.events),
        expected: validateExpected(a.expectedRevision),
      }));
      return s.commitAtomic(reqs, checkRun(run, runId));
    },
    async saveRun(run) {
      assertOpen();
      await s.commitAtomic([], checkRun(run, runId));
    },
    close() {
      closedError ??= new DatabaseClosedError(name);
      s.close();
    },
  };
}
