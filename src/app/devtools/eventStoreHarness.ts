/**
 * Test/benchmark harness for the event store, installed on `window.__eventLab` in e2e builds.
 * Every function takes and returns plain data (so Playwright's `page.evaluate` can call it), and
 * errors come back as data: `{ ok: false, error: { name, message, … } }`.
 */
import { deleteDB, openDB } from 'idb';
import { initialCheckpoint, projectEvents, type Projection, type ProjectionCheckpoint } from '../../engine/cqrs';
import { WrongExpectedVersionError } from '../../engine/eventstore';
import type { AppendResult, EventStore, ExpectedRevision, NewEvent, RecordedEvent } from '../../engine/types';
import { openIndexedDbEventStore, openRunDatabase, openRunDb, runDbName } from '../../persistence';

export type HarnessError = {
  name: string;
  message: string;
  streamId?: string;
  expected?: ExpectedRevision;
  actual?: number | 'no_stream';
};
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: HarnessError };
export interface AppendSpec {
  streamId: string;
  events: NewEvent[];
  expectedRevision?: ExpectedRevision;
}
export interface AppendingStatus {
  running: boolean;
  /** Per stream: the highest batch number whose append promise resolved (−1: none). */
  committed: Record<string, number>;
  error: string | null;
}
export type BenchImpl = 'store' | 'raw' | 'dexie';

export interface EventStoreHarness {
  openStore(name: string): Promise<void>;
  closeStore(name: string): void;
  deleteStore(name: string): Promise<void>;
  append(
    name: string,
    streamId: string,
    events: NewEvent[],
    expectedRevision?: ExpectedRevision,
  ): Promise<Outcome<AppendResult>>;
  /** Issued together (same tick): the store groups them into one transaction. */
  appendMany(name: string, appends: AppendSpec[]): Promise<Outcome<AppendResult>[]>;
  readAll(name: string, options?: { fromPosition?: number; maxCount?: number }): Promise<RecordedEvent[]>;
  readStream(
    name: string,
    streamId: string,
    options?: { fromRevision?: number; direction?: 'forwards' | 'backwards'; maxCount?: number },
  ): Promise<RecordedEvent[]>;
  storageEstimate(): Promise<{ usage: number; quota: number }>;
  /**
   * Appends batches of `batchSize` events to each stream in a loop (streams in parallel, so group
   * commits hold several appends), each with the expected revision; after each commit the batch
   * number is written to localStorage (`<key>:<stream>`), which survives a reload.
   */
  startAppending(
    name: string,
    options: { streams: string[]; batchSize: number; key: string; payloadBytes?: number },
  ): void;
  stopAppending(): Promise<AppendingStatus>;
  appendingStatus(): AppendingStatus;
  /** Milliseconds to append `total` events in batches with one implementation (fresh database). */
  benchAppend(options: { impl: BenchImpl; total: number; batchSize: number }): Promise<number>;
  /** Writes `total` events into database `name` (raw, fast) for the rebuild benchmark. */
  seedEvents(name: string, total: number): Promise<void>;
  /** Milliseconds to rebuild three projections from database `name`: our runner, or raw getAll + puts. */
  benchRebuild(options: { impl: 'store' | 'raw'; name: string }): Promise<{ ms: number; states: unknown[] }>;
}

const toError = (e: unknown): HarnessError => {
  if (e instanceof WrongExpectedVersionError)
    return { name: e.name, message: e.message, streamId: e.streamId, expected: e.expected, actual: e.actual };
  if (e instanceof Error || (e && typeof e === 'object' && 'message' in e))
    return { name: (e as Error).name, message: (e as Error).message };
  return { name: 'Error', message: String(e) };
};
const settle = <T>(p: Promise<T>): Promise<Outcome<T>> =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (e: unknown) => ({ ok: false as const, error: toError(e) }),
  );

// ---- benchmark fixtures: the same events and projections for every implementation ----

const STREAMS = 20;
const benchEvent = (i: number, revision: number, streamId: string): RecordedEvent => ({
  eventId: `evt-${i}`,
  eventType: ['RideRequested', 'RideAccepted', 'RideStarted', 'RideCompleted', 'TipAdded'][i % 5]!,
  schemaVersion: 1,
  data: { rideId: streamId, rider: `rider-${i % 97}`, driver: `driver-${i % 31}`, fare: (i % 40) + 5 },
  metadata: { occurredAt: i * 10, correlationId: `corr-${i}` },
  streamId,
  revision,
  position: i + 1,
  recordedAt: 0,
});
const newEventOf = (r: RecordedEvent): NewEvent => ({
  eventId: r.eventId,
  eventType: r.eventType,
  schemaVersion: r.schemaVersion,
  data: r.data,
  metadata: r.metadata,
});

/** Batches of events, each for one stream, with revisions following on per stream. */
function benchBatches(total: number, batchSize: number): { streamId: string; events: RecordedEvent[] }[] {
  const revisions = new Array<number>(STREAMS).fill(0);
  const batches = [];
  for (let start = 0, b = 0; start < total; start += batchSize, b++) {
    const s = b % STREAMS;
    const streamId = `ride-${s}`;
    const events = [];
    for (let i = start; i < Math.min(total, start + batchSize); i++)
      events.push(benchEvent(i, revisions[s]!++, streamId));
    batches.push({ streamId, events });
  }
  return batches;
}

const benchProjections: Projection<Record<string, number>>[] = [
  {
    name: 'count-by-type',
    initialState: {},
    canHandle: () => true,
    evolve: (s, e) => ({ ...s, [e.eventType]: (s[e.eventType] ?? 0) + 1 }),
  },
  {
    name: 'last-revision-by-stream',
    initialState: {},
    canHandle: () => true,
    evolve: (s, e) => ({ ...s, [e.streamId]: e.revision }),
  },
  {
    name: 'fares',
    initialState: { total: 0, rides: 0 },
    canHandle: (e) => e.eventType === 'RideCompleted',
    evolve: (s, e) => ({ total: s.total! + (e.data as { fare: number }).fare, rides: s.rides! + 1 }),
  },
];

/**
 * Where the rebuild benchmark saves its read models: a database of its own beside the run's (the app keeps
 * read models in its worlds, recomputed, so the run database has no store for them).
 */
const readModelDb = (runId: string) =>
  openDB(`${runDbName(runId)}-read-models`, 1, {
    upgrade: (db) => void db.createObjectStore('checkpoints', { keyPath: 'name' }),
  });

/** Saves each projection's checkpoint with its read model, all in one readwrite transaction. */
async function saveCheckpoints(runId: string, prefix: string, checkpoints: ProjectionCheckpoint<unknown>[]) {
  const db = await readModelDb(runId);
  const tx = db.transaction('checkpoints', 'readwrite');
  benchProjections.forEach(
    (p, i) => void tx.store.put({ name: `${prefix}-${p.name}`, version: 1, ...checkpoints[i]! }),
  );
  await tx.done;
  db.close();
}

let benchSeq = 0;
const freshName = (impl: string) => `bench-${impl}-${Date.now().toString(36)}-${++benchSeq}`;

async function benchAppendOnce(impl: BenchImpl, total: number, batchSize: number): Promise<number> {
  const batches = benchBatches(total, batchSize);
  const name = freshName(impl);
  let ms: number;
  if (impl === 'store') {
    const store = (await openIndexedDbEventStore(name)) as EventStore & { close(): void };
    const input = batches.map((b) => ({ streamId: b.streamId, events: b.events.map(newEventOf) }));
    const t0 = performance.now();
    for (const b of input) await store.appendToStream(b.streamId, b.events);
    ms = performance.now() - t0;
    store.close();
    await deleteDB(name);
  } else if (impl === 'raw') {
    // Same schema (object stores and indexes) as the store, created by the same migration.
    (await openRunDb(name, { onClosedElsewhere: () => {} })).close();
    const db = await openDB(name);
    const t0 = performance.now();
    for (const b of batches) {
      const tx = db.transaction('events', 'readwrite');
      for (const e of b.events) void tx.store.put(e);
      await tx.done;
    }
    ms = performance.now() - t0;
    db.close();
    await deleteDB(name);
  } else {
    const { default: Dexie } = await import('dexie');
    const db = new Dexie(name);
    db.version(1).stores({ events: 'position, &[streamId+revision], eventId' });
    await db.open();
    const table = db.table('events');
    const t0 = performance.now();
    for (const b of batches) await table.bulkAdd(b.events);
    ms = performance.now() - t0;
    db.close();
    await Dexie.delete(name);
  }
  return ms;
}

export function installEventStoreHarness(target: Record<string, unknown>): void {
  const stores = new Map<string, EventStore & { close(): void }>();
  const get = (name: string) => {
    const s = stores.get(name);
    if (!s) throw new Error(`store ${name} is not open (call openStore first)`);
    return s;
  };
  let appending: { running: boolean; loops: Promise<void>[]; status: AppendingStatus } | null = null;

  const harness: EventStoreHarness = {
    async openStore(name) {
      if (!stores.has(name)) stores.set(name, (await openIndexedDbEventStore(name)) as EventStore & { close(): void });
    },
    closeStore(name) {
      stores.get(name)?.close();
      stores.delete(name);
    },
    async deleteStore(name) {
      harness.closeStore(name);
      await deleteDB(name);
    },
    append: (name, streamId, events, expectedRevision) =>
      settle(Promise.resolve().then(() => get(name).appendToStream(streamId, events, { expectedRevision }))),
    appendMany: (name, appends) => {
      const store = get(name);
      return Promise.all(
        appends.map((a) =>
          settle(store.appendToStream(a.streamId, a.events, { expectedRevision: a.expectedRevision })),
        ),
      );
    },
    readAll: (name, options) => get(name).readAll(options),
    readStream: (name, streamId, options) => get(name).readStream(streamId, options),
    async storageEstimate() {
      const e = await navigator.storage.estimate();
      return { usage: e.usage ?? 0, quota: e.quota ?? 0 };
    },
    startAppending(name, { streams, batchSize, key, payloadBytes = 64 }) {
      const store = get(name);
      const status: AppendingStatus = { running: true, committed: {}, error: null };
      const state = { running: true, loops: [] as Promise<void>[], status };
      appending = state;
      const pad = 'x'.repeat(payloadBytes);
      for (const streamId of streams) {
        state.loops.push(
          (async () => {
            const [last] = await store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
            let rev = last ? last.revision : -1;
            if ((rev + 1) % batchSize !== 0)
              throw new Error(`stream ${streamId} holds a partial batch (${rev + 1} events)`);
            for (let b = (rev + 1) / batchSize; state.running; b++) {
              const events = Array.from({ length: batchSize }, (_, i) => ({
                eventId: `${streamId}-b${b}-${i}`,
                eventType: 'TickRecorded',
                data: { b, i, pad },
              }));
              await store.appendToStream(streamId, events, { expectedRevision: rev < 0 ? 'no_stream' : rev });
              rev += batchSize;
              status.committed[streamId] = b;
              localStorage.setItem(`${key}:${streamId}`, String(b));
            }
          })().catch((e: unknown) => {
            status.error ??= `${toError(e).name}: ${toError(e).message}`;
          }),
        );
      }
    },
    async stopAppending() {
      const state = appending;
      if (!state) return { running: false, committed: {}, error: null };
      state.running = false;
      await Promise.all(state.loops);
      state.status.running = false;
      return state.status;
    },
    appendingStatus: () => appending?.status ?? { running: false, committed: {}, error: null },
    benchAppend: ({ impl, total, batchSize }) => benchAppendOnce(impl, total, batchSize),
    async seedEvents(name, total) {
      (await openRunDb(runDbName(name), { onClosedElsewhere: () => {} })).close();
      const db = await openDB(runDbName(name));
      for (const b of benchBatches(total, 10_000)) {
        const tx = db.transaction('events', 'readwrite');
        for (const e of b.events) void tx.store.put(e);
        await tx.done;
      }
      db.close();
    },
    async benchRebuild({ impl, name }) {
      if (impl === 'store') {
        // Through the port (stored events checked on read), folded by the engine's pure projections,
        // then every checkpoint with its read model saved in one transaction.
        const run = await openRunDatabase(name);
        (await readModelDb(name)).close(); // created before the clock starts, as the raw side's is
        const t0 = performance.now();
        let checkpoints = benchProjections.map((p) => initialCheckpoint(p));
        for (let from = 1; ;) {
          const page = await run.store.readAll({ fromPosition: from, maxCount: 10_000 });
          if (page.length === 0) break;
          checkpoints = benchProjections.map((p, i) => projectEvents(p, page, checkpoints[i]));
          from = page[page.length - 1]!.position + 1;
        }
        run.close();
        await saveCheckpoints(name, 'store', checkpoints);
        const ms = performance.now() - t0;
        return { ms, states: checkpoints.map((c) => c.state) };
      }
      const db = await openDB(runDbName(name));
      const models = await readModelDb(name);
      const t0 = performance.now();
      const events = (await db.getAll('events')) as RecordedEvent[];
      const states = benchProjections.map((p) => {
        let s = p.initialState;
        for (const e of events) if (p.canHandle(e)) s = p.evolve(s, e);
        return s;
      });
      const head = events.length === 0 ? 0 : events[events.length - 1]!.position;
      const tx = models.transaction('checkpoints', 'readwrite');
      benchProjections.forEach(
        (p, i) => void tx.store.put({ name: `raw-${p.name}`, version: 1, position: head, state: states[i] }),
      );
      await tx.done;
      const ms = performance.now() - t0;
      db.close();
      models.close();
      return { ms, states };
    },
  };
  Object.assign(target, harness);
}
