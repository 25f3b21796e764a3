/**
 * The pieces of the IndexedDB store's group commit that every commit shares: the queued jobs, what
 * a decided group comes to, and the one way events and the run record are written inside a
 * readwrite transaction (requests on the unwrapped stores: no promise per request; a failed request
 * aborts the transaction and `tx.done` reports it).
 */
import type { NormalizedEvent } from '../engine/eventstore';
import { toRecorded } from '../engine/eventstore';
import type { AppendResult, ExpectedRevision, RecordedEvent } from '../engine/types';
import type { RunRecord, RunWrite } from './runRecord';
import type { StreamDraft } from './streamCache';

export interface AppendRequest {
  streamId: string;
  events: NormalizedEvent[];
  expected: ExpectedRevision;
}

export interface Job {
  appends: AppendRequest[];
  /** Atomic jobs (a step) run alone: any failed check aborts the job's transaction. */
  run: RunWrite | null;
  atomic: boolean;
  resolve(results: AppendResult[]): void;
  reject(err: unknown): void;
}

/** Per job: its results, or the failed check that rejects it (nothing of it is written). */
export type JobOutcome = { ok: true; results: AppendResult[] } | { ok: false; error: unknown };

/** A decided group: what each job gets, the streams as it leaves them, the head after it. */
export interface DecidedGroup {
  outcomes: JobOutcome[];
  drafts: Map<string, StreamDraft>;
  head: number;
  /** Events another tab wrote since our last commit, read for live delivery. */
  foreign: RecordedEvent[];
  /** An atomic job's failed check: the transaction is aborted and every job rejects with it. */
  atomicFailure: unknown;
}

/** Writes one decided append: `recordedAt` is the append's one clock reading. */
export function writeAppend(
  events: IDBObjectStore,
  req: AppendRequest,
  firstRevision: number,
  firstPosition: number,
  recordedAt: number,
  written: RecordedEvent[],
): void {
  req.events.forEach((e, i) => {
    const rec = toRecorded(e, req.streamId, firstRevision + i, firstPosition + i, recordedAt);
    events.add(rec);
    written.push(rec);
  });
}

/** The global head as stored now (the highest position; 0 when empty), read inside the transaction. */
export function readHead(events: IDBObjectStore): Promise<number> {
  const req = events.openKeyCursor(null, 'prev');
  const head = new Promise<number>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result ? (req.result.key as number) : 0);
    req.onerror = () => reject(req.error);
  });
  head.catch(() => {});
  return head;
}

const isMerge = (run: RunWrite): run is Exclude<RunWrite, RunRecord> =>
  typeof (run as { merge?: unknown }).merge === 'function';

/**
 * Writes the run record inside the transaction: a plain record is put as it is; a merge reads the
 * stored record first and puts what merge makes of it. Resolves once the put is issued (the
 * transaction stays open for it); rejects, having issued nothing, if the read fails or merge throws.
 */
export function writeRun(runs: IDBObjectStore, run: RunWrite): Promise<void> {
  if (!isMerge(run)) {
    runs.put(run);
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    const get = runs.get(run.runId);
    get.onerror = () => reject(get.error);
    get.onsuccess = () => {
      try {
        runs.put(run.merge(get.result));
        resolve();
      } catch (err) {
        reject(err);
      }
    };
  });
}
