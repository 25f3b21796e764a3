/**
 * The IndexedDB event store (idb). Appends go through a queue and are committed by group commit:
 * every append issued while a transaction is in flight joins the next readwrite transaction. In that
 * transaction the global head is read, then each append in turn is checked against the stream as it
 * stands (earlier appends of the group included) with the shared rules of `decideAppend`, and only
 * then are its events written with the next positions. A failed check rejects that append alone and
 * writes nothing of it; an I/O failure (storage full, …) aborts the whole group and rejects every
 * append in it. A promise resolves only after its transaction completed and its events reached the
 * subscribers. Nothing unrelated is awaited inside a transaction (idb's "transaction lifetime").
 *
 * Speculative writes: this object remembers what it last committed (the head, each stream's last
 * revision, hashes of its event ids; see `streamCache.ts`). When that decides every append of a
 * group, the events are written right behind the read of the head, without waiting for it; the
 * transaction commits only if the head is the one remembered (nobody else wrote, so the decisions
 * were exact), else it is aborted, writing nothing, and the group is decided again from reads.
 */
import { unwrap, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import {
  SubscriptionHub,
  decideAppend,
  decideAsync,
  toRecorded,
  validateExpected,
  validateReadAll,
  validateReadStream,
  type NormalizedEvent,
  type Probe,
  type ProbeAnswer,
} from '../engine/eventstore';
import type { AppendResult, EventStore, ExpectedRevision, RecordedEvent } from '../engine/types';
import { cloneBatch } from './cloneBatch';
import { DatabaseClosedError, translateTxError } from './errors';
import { StreamCache, decideFromCache, idHash, type StreamDraft } from './streamCache';
import { openRunDb, type RunDbSchema } from './schema';
import { checkStoredEvents } from './storedEvent';
import type { RunRecord, RunWrite } from './runTypes';

type WriteTx = IDBPTransaction<RunDbSchema, ArrayLike<StoreNames<RunDbSchema>>, 'readwrite'>;

export interface AppendRequest {
  streamId: string;
  events: NormalizedEvent[];
  expected: ExpectedRevision;
}

interface Job {
  appends: AppendRequest[];
  /** Atomic jobs (a step) run alone: any failed check aborts the job's transaction. */
  run: RunWrite | null;
  atomic: boolean;
  resolve(results: AppendResult[]): void;
  reject(err: unknown): void;
}

export interface IdbEventStoreOptions {
  /** One reading per append becomes `recordedAt`. Default: wall time. */
  clock?: () => number;
  /**
   * Called once if the connection is closed from outside (another tab upgraded or deleted the
   * database: a DatabaseUpgradedElsewhereError asking to reload). Every later call rejects with it.
   */
  onClosedElsewhere?: (err: Error) => void;
}

/** A group decided from the stream cache: per job, its results and the events to write. */
interface PlannedJob {
  results: AppendResult[];
  writes: { req: AppendRequest; firstRevision: number; firstPosition: number }[];
  /** A failed check (non-atomic jobs only): the job is rejected, nothing of it is written. */
  error: unknown;
}
interface Plan {
  jobs: PlannedJob[];
  drafts: Map<string, StreamDraft>;
  /** The global head once the group is written. */
  head: number;
}

/** Foreign events (written by another tab) read inside our transaction for live delivery. */
const FOREIGN_LIMIT = 1024;
const noop = () => {};

export class IdbEventStore implements EventStore {
  private readonly clock: () => number;
  private readonly hub: SubscriptionHub;
  private readonly queue: Job[] = [];
  private flushing = false;
  private knownHead = 0;
  private readonly cache = new StreamCache();
  private closedError: Error | null = null;

  constructor(
    private readonly db: IDBPDatabase<RunDbSchema>,
    private readonly dbName: string,
    options: IdbEventStoreOptions = {},
  ) {
    this.clock = options.clock ?? (() => Date.now());
    this.hub = new SubscriptionHub((from, max) => this.readAll({ fromPosition: from, maxCount: max }));
  }

  /** Reads the current head; call once after opening. */
  async init(): Promise<void> {
    const cursor = await this.db.transaction('events').store.openKeyCursor(null, 'prev');
    this.knownHead = cursor ? cursor.key : 0;
    this.cache.reset(this.knownHead === 0);
  }

  /** Marks the store unusable (another tab upgraded the database, or it was closed). */
  markClosed(err: Error): void {
    this.closedError ??= err;
    for (const job of this.queue.splice(0)) job.reject(err);
  }

  close(): void {
    this.markClosed(new DatabaseClosedError(this.dbName));
    this.db.close();
  }

  appendToStream(
    streamId: string,
    events: Parameters<EventStore['appendToStream']>[1],
    options?: { expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult> {
    try {
      const req = {
        streamId,
        events: cloneBatch(streamId, events),
        expected: validateExpected(options?.expectedRevision),
      };
      return this.enqueue([req], null, false).then((r) => r[0]!);
    } catch (err) {
      return Promise.reject(err);
    }
  }

  /**
   * Several appends and a run record in ONE transaction: all or nothing (used by the run database).
   * A run given as `{ runId, merge }` is read and rewritten inside that transaction (merge receives
   * the stored value, unvalidated); if merge throws, nothing of the job is written and it rejects
   * with that error.
   */
  commitAtomic(appends: AppendRequest[], run: RunWrite | null): Promise<AppendResult[]> {
    return this.enqueue(appends, run, true);
  }

  async readStream(
    streamId: string,
    options?: { fromRevision?: number; direction?: 'forwards' | 'backwards'; maxCount?: number },
  ): Promise<RecordedEvent[]> {
    this.assertOpen();
    validateReadStream(options);
    const max = options?.maxCount ?? Infinity;
    if (max === 0) return [];
    const index = this.db.transaction('events').store.index('byStreamRevision');
    if (options?.direction === 'backwards') {
      const range = IDBKeyRange.bound([streamId, 0], [streamId, options.fromRevision ?? Infinity]);
      const out: RecordedEvent[] = [];
      for (let c = await index.openCursor(range, 'prev'); c && out.length < max; c = await c.continue())
        out.push(c.value);
      return out;
    }
    const range = IDBKeyRange.bound([streamId, options?.fromRevision ?? 0], [streamId, Infinity]);
    return index.getAll(range, max === Infinity ? undefined : max);
  }

  async readAll(options?: { fromPosition?: number; maxCount?: number }): Promise<RecordedEvent[]> {
    this.assertOpen();
    validateReadAll(options);
    const max = options?.maxCount ?? Infinity;
    if (max === 0) return [];
    const from = options?.fromPosition ?? 1;
    // Stored data comes from outside this code (a damaged profile, another version): checked.
    return checkStoredEvents(
      await this.db.getAll('events', IDBKeyRange.lowerBound(from), max === Infinity ? undefined : max),
      from,
    );
  }

  subscribeToAll(
    options: { afterPosition?: number },
    handler: (event: RecordedEvent) => void,
  ): { unsubscribe(): void } {
    return this.hub.subscribe(options?.afterPosition, handler);
  }

  /** The global head as this store object last saw it (other tabs may be ahead). */
  get head(): number {
    return this.knownHead;
  }

  private assertOpen(): void {
    if (this.closedError) throw this.closedError;
  }

  private enqueue(appends: AppendRequest[], run: RunWrite | null, atomic: boolean): Promise<AppendResult[]> {
    if (this.closedError) return Promise.reject(this.closedError);
    return new Promise((resolve, reject) => {
      this.queue.push({ appends, run, atomic, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        // Start on the next microtask so appends issued in the same tick share the transaction.
        queueMicrotask(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0 && !this.closedError) {
      const first = this.queue[0]!;
      let n = 1;
      if (!first.atomic) while (n < this.queue.length && !this.queue[n]!.atomic) n++;
      const group = this.queue.splice(0, n);
      await this.commitGroup(group);
    }
    this.flushing = false;
    for (const job of this.queue.splice(0)) job.reject(this.closedError);
  }

  /**
   * Commits one group: speculatively when the stream cache can decide every append in it (the
   * common case: one request round trip fewer), else the slow way, deciding from reads.
   */
  private async commitGroup(group: Job[]): Promise<void> {
    const taken = new Map<AppendRequest, number>();
    const plan = this.plan(group);
    if (plan) {
      if ((await this.commitPlanned(group, plan, taken)) === 'committed') return;
      // Someone else wrote since our last commit: the cache was wrong, nothing was written.
      this.cache.reset(false);
    }
    await this.commitSlow(group, taken);
  }

  /** Decides the group from the cache alone (no I/O); null if any append needs a read. */
  private plan(group: Job[]): Plan | null {
    const drafts = new Map<string, StreamDraft>();
    let head = this.knownHead;
    const jobs: PlannedJob[] = [];
    for (const job of group) {
      const planned: PlannedJob = { results: [], writes: [], error: null };
      for (const req of job.appends) {
        let draft = drafts.get(req.streamId);
        if (!draft) {
          const known = this.cache.get(req.streamId);
          if (!known) return null;
          draft = { last: known.last, ids: known.ids, added: [] };
          drafts.set(req.streamId, draft);
        }
        const decision = decideFromCache(
          draft,
          req.streamId,
          req.expected,
          req.events.map((e) => e.eventId),
          head,
        );
        if (!decision) return null;
        if (decision.kind === 'conflict') {
          // Atomic jobs abort on a failed check, and a job's earlier appends would be drafted:
          // leave both to the slow path (they are rare).
          if (job.atomic || job.appends.length > 1) return null;
          planned.error = decision.error;
          break;
        }
        if (decision.kind === 'noop') {
          planned.results.push({ nextExpectedRevision: decision.nextExpectedRevision, position: decision.position });
          continue;
        }
        const n = req.events.length;
        planned.writes.push({ req, firstRevision: decision.firstRevision, firstPosition: head + 1 });
        head += n;
        draft.last = decision.firstRevision + n - 1;
        for (const e of req.events) draft.added.push(idHash(e.eventId));
        planned.results.push({ nextExpectedRevision: draft.last, position: head });
      }
      jobs.push(planned);
    }
    return { jobs, drafts, head };
  }

  private openWriteTx(group: Job[]): WriteTx | null {
    const names: StoreNames<RunDbSchema>[] = group[0]!.atomic && group[0]!.run ? ['events', 'run'] : ['events'];
    try {
      const tx = this.db.transaction(names, 'readwrite');
      tx.done.catch(noop);
      return tx;
    } catch (err) {
      for (const job of group) job.reject(translateTxError(err));
      return null;
    }
  }

  /**
   * The speculative commit: the head is read first, the planned events are written right behind
   * it without waiting, and once the head is back the transaction commits if it is the head this
   * object last committed (the plan was then exact) or aborts, writing nothing, if it is not.
   */
  private async commitPlanned(
    group: Job[],
    plan: Plan,
    taken: Map<AppendRequest, number>,
  ): Promise<'committed' | 'stale'> {
    const tx = this.openWriteTx(group);
    if (!tx) return 'committed';
    const written: RecordedEvent[] = [];
    try {
      const rawEvents = unwrap(tx.objectStore('events')) as IDBObjectStore;
      const headReq = rawEvents.openKeyCursor(null, 'prev');
      const headNow = new Promise<number>((resolve, reject) => {
        headReq.onsuccess = () => resolve(headReq.result ? (headReq.result.key as number) : 0);
        headReq.onerror = () => reject(headReq.error);
      });
      headNow.catch(noop);
      for (const job of plan.jobs) {
        for (const { req, firstRevision, firstPosition } of job.writes) {
          const recordedAt = this.clock();
          taken.set(req, recordedAt);
          req.events.forEach((e, i) => {
            const rec = toRecorded(e, req.streamId, firstRevision + i, firstPosition + i, recordedAt);
            rawEvents.add(rec);
            written.push(rec);
          });
        }
      }
      const run = group[0]!.atomic ? group[0]!.run : null;
      const runWritten = run ? writeRun(unwrap(tx.objectStore('run')) as IDBObjectStore, run) : null;
      runWritten?.catch(noop);
      if ((await headNow) !== this.knownHead) {
        try {
          tx.abort();
        } catch {
          /* already aborted (our first add collided with the other writer's event) */
        }
        return 'stale';
      }
      await runWritten;
      // Everything is issued: let the database commit without waiting for our last callbacks.
      (unwrap(tx) as IDBTransaction).commit?.();
      await tx.done;
    } catch (err) {
      this.failGroup(group, tx, err, null);
      return 'committed';
    }
    this.knownHead = plan.head;
    this.cache.commit(plan.drafts);
    await this.deliver(written, plan.head);
    group.forEach((job, i) => {
      const planned = plan.jobs[i]!;
      if (planned.error === null) job.resolve(planned.results);
      else job.reject(planned.error);
    });
    return 'committed';
  }

  /** An I/O failure (or an atomic job's failed check) rejects every append of the group. */
  private failGroup(group: Job[], tx: WriteTx, err: unknown, atomicFailure: unknown): void {
    const error = atomicFailure ?? this.closedError ?? translateTxError(err, tx.error);
    if (atomicFailure === null)
      try {
        tx.abort();
      } catch {
        /* already finished */
      }
    for (const job of group) job.reject(error);
  }

  /** Hands newly committed events to the subscriptions and waits until they have them. */
  private async deliver(fresh: RecordedEvent[], head: number): Promise<void> {
    if (fresh.length === 0) return;
    this.hub.publish(fresh);
    const wait = this.hub.whenDelivered(head);
    if (wait) await wait;
  }

  /** The slow commit: reads the head and each stream inside the transaction, then decides. */
  private async commitSlow(group: Job[], taken: Map<AppendRequest, number>): Promise<void> {
    const atomic = group[0]!.atomic;
    const tx = this.openWriteTx(group);
    if (!tx) return;
    const events = tx.objectStore('events');
    // Writes go to the unwrapped store: no promise per request (a failed request aborts the
    // transaction, and tx.done reports it).
    const rawEvents = unwrap(events) as IDBObjectStore;
    const index = events.index('byStreamRevision');
    const outcomes: ({ ok: true; results: AppendResult[] } | { ok: false; error: unknown })[] = [];
    const written: RecordedEvent[] = [];
    const drafts = new Map<string, StreamDraft>();
    let foreign: RecordedEvent[] = [];
    let head = 0;
    let atomicFailure: unknown = null;
    try {
      // Requests are issued before awaiting earlier ones (they run in order inside the transaction),
      // so the common path costs one round trip: the head, the stream's last revision and the lookup
      // of the batch's first id travel together.
      const headCursor = events.openKeyCursor(null, 'prev');
      headCursor.catch(noop);
      let headRead = false;
      const readHead = async () => {
        headRead = true;
        const cursor = await headCursor;
        head = cursor ? cursor.key : 0;
        // The cache holds only while nobody else wrote since our last commit.
        if (head !== this.knownHead) this.cache.reset(false);
        if (head > this.knownHead && head - this.knownHead <= FOREIGN_LIMIT)
          foreign = await events.getAll(IDBKeyRange.bound(this.knownHead + 1, head));
      };
      const byEventId = events.index('byEventId');

      for (const job of group) {
        const results: AppendResult[] = [];
        let failure: unknown = null;
        for (const req of job.appends) {
          const { streamId } = req;
          const lastReq = index.openKeyCursor(IDBKeyRange.bound([streamId, 0], [streamId, Infinity]), 'prev');
          const firstId = req.events[0]?.eventId;
          const findReq =
            firstId !== undefined && (req.expected === 'any' || req.expected === 'stream_exists')
              ? byEventId.getAll(firstId)
              : null;
          lastReq.catch(noop);
          findReq?.catch(noop);
          if (!headRead) await readHead();
          const lastKey = await lastReq;
          const last = lastKey ? lastKey.key[1] : -1;
          let draft = drafts.get(streamId);
          if (!draft) {
            // Every id of the stream is known if the (valid) cache knew them, or if it is new.
            const ids = this.cache.get(streamId)?.ids ?? (last < 0 ? new Set<number>() : null);
            draft = { last, ids, added: [] };
            drafts.set(streamId, draft);
          }
          const answer = async (p: Probe): Promise<ProbeAnswer> => {
            if (p.kind === 'find') {
              const hits = await (findReq && p.eventId === firstId ? findReq : byEventId.getAll(p.eventId));
              let best: number | undefined;
              for (const h of hits)
                if (h.streamId === streamId && (best === undefined || h.revision < best)) best = h.revision;
              return best;
            }
            const refs = await index.getAll(
              IDBKeyRange.bound([streamId, p.fromRevision], [streamId, p.fromRevision + p.count - 1]),
            );
            return refs.map((e) => ({ eventId: e.eventId, position: e.position }));
          };
          const ids = req.events.map((e) => e.eventId);
          const decision = await decideAsync(decideAppend(streamId, req.expected, ids, last, head), answer);
          if (decision.kind === 'conflict') {
            failure = decision.error;
            break;
          }
          if (decision.kind === 'noop') {
            results.push({ nextExpectedRevision: decision.nextExpectedRevision, position: decision.position });
            continue;
          }
          const recordedAt = taken.get(req) ?? this.clock();
          req.events.forEach((e, i) => {
            const rec = toRecorded(e, streamId, decision.firstRevision + i, head + 1 + i, recordedAt);
            rawEvents.add(rec);
            written.push(rec);
            draft.added.push(idHash(e.eventId));
          });
          draft.last = decision.firstRevision + req.events.length - 1;
          head += req.events.length;
          results.push({ nextExpectedRevision: draft.last, position: head });
        }
        if (failure !== null) {
          if (job.atomic) {
            atomicFailure = failure;
            tx.abort();
            break;
          }
          outcomes.push({ ok: false, error: failure });
        } else outcomes.push({ ok: true, results });
      }
      if (!headRead) await readHead();
      if (atomicFailure === null && atomic && group[0]!.run) {
        await writeRun(unwrap(tx.objectStore('run')) as IDBObjectStore, group[0]!.run);
      }
      await tx.done;
    } catch (err) {
      this.failGroup(group, tx, err, atomicFailure);
      return;
    }

    this.knownHead = head;
    this.cache.commit(drafts);
    await this.deliver([...foreign, ...written], head);
    group.forEach((job, i) => {
      const o = outcomes[i]!;
      if (o.ok) job.resolve(o.results);
      else job.reject(o.error);
    });
  }
}

const isMerge = (run: RunWrite): run is Exclude<RunWrite, RunRecord> =>
  typeof (run as { merge?: unknown }).merge === 'function';

/**
 * Writes the run record inside the transaction: a plain record is put as it is; a merge reads the
 * stored record first and puts what merge makes of it. Resolves once the put is issued (the
 * transaction stays open for it); rejects, having issued nothing, if the read fails or merge throws.
 */
function writeRun(runs: IDBObjectStore, run: RunWrite): Promise<void> {
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

/** Opens (creating or migrating) an event store database. */
export async function openIndexedDbEventStore(dbName: string, options: IdbEventStoreOptions = {}): Promise<EventStore> {
  return openIdbEventStore(dbName, options);
}

export async function openIdbEventStore(dbName: string, options: IdbEventStoreOptions = {}): Promise<IdbEventStore> {
  let store: IdbEventStore | null = null;
  let early: Error | null = null;
  const db = await openRunDb(dbName, {
    onClosedElsewhere: (err) => {
      if (store) store.markClosed(err);
      else early = err;
      options.onClosedElsewhere?.(err);
    },
  });
  store = new IdbEventStore(db, dbName, options);
  if (early) store.markClosed(early);
  await store.init();
  return store;
}
