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
import { unwrap, type IDBPDatabase, type StoreNames } from 'idb';
import { SubscriptionHub, validateExpected, validateReadAll, validateReadStream } from '../engine/eventstore';
import type { AppendResult, EventStore, ExpectedRevision, RecordedEvent } from '../engine/types';
import { cloneBatch } from './cloneBatch';
import { decideFromReads, type WriteTx } from './idbDecide';
import { readHead, writeAppend, writeRun, type AppendRequest, type DecidedGroup, type Job } from './idbJobs';
import { planGroup, type Plan } from './idbPlan';
import { DatabaseClosedError, translateTxError } from './errors';
import { StreamCache } from './streamCache';
import { openRunDb, type RunDbSchema } from './databases';
import { checkStoredEvents } from './storedEvent';
import type { RunWrite } from './runRecord';

export type { AppendRequest } from './idbJobs';

export interface IdbEventStoreOptions {
  /** One reading per append becomes `recordedAt`. Default: wall time. */
  clock?: () => number;
  /**
   * Called once if the connection is closed from outside (another tab upgraded or deleted the
   * database: a DatabaseUpgradedElsewhereError asking to reload). Every later call rejects with it.
   */
  onClosedElsewhere?: (err: Error) => void;
}

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
   * common case: one request round trip fewer), else the slow way, deciding from reads. Both go
   * through the same transaction, writes and completion (`commitOnce`).
   */
  private async commitGroup(group: Job[]): Promise<void> {
    const taken = new Map<AppendRequest, number>();
    const plan = planGroup(group, this.cache, this.knownHead);
    if (plan) {
      if ((await this.commitOnce(group, plan, taken)) === 'committed') return;
      // Someone else wrote since our last commit: the cache was wrong, nothing was written.
      this.cache.reset(false);
    }
    await this.commitOnce(group, null, taken);
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
   * One readwrite transaction for a group. With a plan (speculative), the head is read first, the
   * planned events are written right behind it without waiting, and once the head is back the
   * transaction commits if it is the head this object last committed (the plan was then exact) or
   * aborts, writing nothing, if it is not ('stale'). Without one, the group is decided from reads
   * inside the transaction. Either way the run record of an atomic job is written in the same
   * transaction, and the group completes the same way.
   */
  private async commitOnce(
    group: Job[],
    plan: Plan | null,
    taken: Map<AppendRequest, number>,
  ): Promise<'committed' | 'stale'> {
    const tx = this.openWriteTx(group);
    if (!tx) return 'committed';
    const written: RecordedEvent[] = [];
    const out = { atomicFailure: null as unknown };
    const run = group[0]!.atomic ? group[0]!.run : null;
    let decided: Omit<DecidedGroup, 'atomicFailure'>;
    try {
      if (plan) {
        const rawEvents = unwrap(tx.objectStore('events')) as IDBObjectStore;
        const headNow = readHead(rawEvents);
        for (const { req, firstRevision, firstPosition } of plan.writes) {
          const recordedAt = this.clock();
          taken.set(req, recordedAt);
          writeAppend(rawEvents, req, firstRevision, firstPosition, recordedAt, written);
        }
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
        decided = { outcomes: plan.outcomes, drafts: plan.drafts, head: plan.head, foreign: [] };
      } else {
        const ctx = { cache: this.cache, knownHead: this.knownHead, taken, clock: this.clock };
        decided = await decideFromReads(tx, group, ctx, written, out);
        if (out.atomicFailure === null && run) await writeRun(unwrap(tx.objectStore('run')) as IDBObjectStore, run);
      }
      await tx.done;
    } catch (err) {
      this.failGroup(group, tx, err, out.atomicFailure);
      return 'committed';
    }
    this.knownHead = decided.head;
    this.cache.commit(decided.drafts);
    await this.deliver([...decided.foreign, ...written], decided.head);
    group.forEach((job, i) => {
      const o = decided.outcomes[i]!;
      if (o.ok) job.resolve(o.results);
      else job.reject(o.error);
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
}

/** Opens (creating or migrating) an event store database: the only way to get one outside a run database. */
export async function openIndexedDbEventStore(
  dbName: string,
  options: IdbEventStoreOptions = {},
): Promise<IdbEventStore> {
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
