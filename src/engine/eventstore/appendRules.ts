/**
 * The append rules of the event store, written once and shared by the in-memory store and the
 * IndexedDB store. `decideAppend` is a generator: it yields the questions it needs answered about
 * the stream (events at some revisions; the first revision holding an event id) and returns the
 * decision. The in-memory store answers synchronously, the IndexedDB store inside its readwrite
 * transaction, so both follow exactly the same rules.
 */
import type { EventMetadata, ExpectedRevision, NewEvent, RecordedEvent } from '../types';
import { WrongExpectedVersionError } from './errors';

/** What the rules need to know about a stored event. */
export interface EventRef {
  eventId: string;
  position: number;
}

export type Probe =
  /** The events at revisions `fromRevision … fromRevision + count − 1` (fewer if the stream ends). */
  | { kind: 'range'; fromRevision: number; count: number }
  /** The lowest revision of the stream holding `eventId`, or undefined. */
  | { kind: 'find'; eventId: string };

export type ProbeAnswer = EventRef[] | number | undefined;

/**
 * How many recently written event ids the store remembers for `any` / `stream_exists` idempotency.
 *
 * KurrentDB answers "was this batch already written?" in two ways (IndexWriter.CheckCommit,
 * src/KurrentDB.Core/Services/Storage/ReaderIndex/IndexWriter.cs):
 * - with an exact revision or `no_stream` ("strong idempotency checks") it knows where the events
 *   must be and reads them from the index: a retry is always recognised;
 * - with `any` or `stream_exists` ("weak idempotency checks: … check recently written events only")
 *   it looks the ids up in `_committedEvents`, a FIFO `BoundedCache<Guid, EventInfo>`
 *   (ReaderIndex/BoundedCache.cs) capped at `ESConsts.CommittedEventsMemCacheLimit` = 8 MiB, each
 *   entry costing 16 + 4 + IntPtr.Size + the stream id's size in bytes. An id that has left the
 *   cache is not found, and the batch is written again: a duplicate. The HTTP API docs say it
 *   plainly: with expected version -2 (any) "KurrentDB does its best to keep events idempotent but
 *   cannot assure that everything is fully idempotent" (docs/server/http-api/introduction.md).
 *
 * The simulator counts entries instead of bytes: 8 MiB / 64 bytes (an entry with a stream id of
 * about a dozen characters) = 131,072 of the most recently written events, across all streams.
 * Because the cache is FIFO by write, an event is still in it exactly when its global position is
 * within the last `capacity` positions of the log.
 */
export const RECENT_EVENT_IDS_CAPACITY = (8 * 1024 * 1024) / 64;

/** True while the event written at `position` is still among the `capacity` most recent writes. */
export const inRecentIdsCache = (
  position: number,
  globalHead: number,
  capacity: number = RECENT_EVENT_IDS_CAPACITY,
): boolean => position > globalHead - capacity;

export type AppendDecision =
  | { kind: 'write'; firstRevision: number }
  | { kind: 'noop'; nextExpectedRevision: number; position: number }
  | { kind: 'conflict'; error: WrongExpectedVersionError };

export function* decideAppend(
  streamId: string,
  expected: ExpectedRevision,
  eventIds: readonly string[],
  lastRevision: number,
  globalHead: number,
  /** Entries of the recent-event-ids cache (see RECENT_EVENT_IDS_CAPACITY); smaller in tests and lessons. */
  recentIdsCapacity: number = RECENT_EVENT_IDS_CAPACITY,
): Generator<Probe, AppendDecision, ProbeAnswer> {
  const actual = lastRevision < 0 ? 'no_stream' : lastRevision;
  const conflict = (detail?: string): AppendDecision => ({
    kind: 'conflict',
    error: new WrongExpectedVersionError(streamId, expected, actual, detail),
  });
  const n = eventIds.length;
  const matches = (refs: EventRef[]) => refs.length === n && refs.every((r, i) => r.eventId === eventIds[i]);

  if (n === 0) {
    const ok =
      expected === 'any' ||
      (expected === 'no_stream' && lastRevision < 0) ||
      (expected === 'stream_exists' && lastRevision >= 0) ||
      expected === lastRevision;
    return ok ? { kind: 'noop', nextExpectedRevision: lastRevision, position: globalHead } : conflict();
  }

  if (expected === 'any' || expected === 'stream_exists') {
    if (lastRevision < 0) return expected === 'any' ? { kind: 'write', firstRevision: 0 } : conflict();
    const r = (yield { kind: 'find', eventId: eventIds[0]! }) as number | undefined;
    if (r === undefined) return { kind: 'write', firstRevision: lastRevision + 1 };
    const refs = (yield { kind: 'range', fromRevision: r, count: n }) as EventRef[];
    // Best effort only: an id that has left the recent-ids cache is not recognised, so the batch is
    // written again (KurrentDB's weak idempotency check; see RECENT_EVENT_IDS_CAPACITY).
    if (refs.length > 0 && !inRecentIdsCache(refs[0]!.position, globalHead, recentIdsCapacity))
      return { kind: 'write', firstRevision: lastRevision + 1 };
    if (matches(refs)) return { kind: 'noop', nextExpectedRevision: r + n - 1, position: refs[n - 1]!.position };
    return conflict(`event '${eventIds[0]}' is already at revision ${r} but the rest of the batch does not follow it`);
  }

  // Exact revision or no_stream: the store knows where the batch must be and reads it from the
  // index, so a retry is always recognised (KurrentDB's strong idempotency check).
  const e = expected === 'no_stream' ? -1 : expected;
  if (e === lastRevision) return { kind: 'write', firstRevision: lastRevision + 1 };
  if (e > lastRevision || e < -1) return conflict();
  const refs = (yield { kind: 'range', fromRevision: e + 1, count: n }) as EventRef[];
  if (matches(refs)) return { kind: 'noop', nextExpectedRevision: e + n, position: refs[n - 1]!.position };
  return conflict();
}

/** Runs the rules with a synchronous oracle (the in-memory store). */
export function decideSync(
  gen: Generator<Probe, AppendDecision, ProbeAnswer>,
  answer: (p: Probe) => ProbeAnswer,
): AppendDecision {
  let step = gen.next(undefined);
  while (!step.done) step = gen.next(answer(step.value));
  return step.value;
}

/** Runs the rules with an asynchronous oracle (IndexedDB requests inside one transaction). */
export async function decideAsync(
  gen: Generator<Probe, AppendDecision, ProbeAnswer>,
  answer: (p: Probe) => Promise<ProbeAnswer>,
): Promise<AppendDecision> {
  let step = gen.next(undefined);
  while (!step.done) step = gen.next(await answer(step.value));
  return step.value;
}

/** Checks an expectation's shape (a number must be a revision: an integer ≥ 0). */
export function validateExpected(expected: unknown): ExpectedRevision {
  if (expected === undefined) return 'any';
  if (expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') return expected;
  if (typeof expected === 'number' && Number.isInteger(expected) && expected >= 0) return expected;
  throw new TypeError(
    `expectedRevision must be 'any', 'no_stream', 'stream_exists' or a revision (an integer ≥ 0); got ${String(expected)}`,
  );
}

/** A stored event minus its place in the store: defaults filled in, a structured clone of the input. */
export type NormalizedEvent = Required<Pick<NewEvent, 'eventId' | 'eventType' | 'schemaVersion' | 'data'>> & {
  metadata: EventMetadata;
};

/**
 * Validates a batch before anything is written and fills in its defaults, without copying any
 * event's data: a bad event (a missing id, a schema version below 1) rejects the whole append up
 * front and leaves the store as it was. Callers clone the result (see normalizeBatch).
 */
export function checkBatch(streamId: unknown, events: unknown): NormalizedEvent[] {
  if (typeof streamId !== 'string' || streamId.length === 0) throw new TypeError('streamId must be a non-empty string');
  if (!Array.isArray(events)) throw new TypeError('events must be an array');
  return events.map((raw: unknown, i): NormalizedEvent => {
    const ev = raw as Partial<NewEvent> | null;
    if (!ev || typeof ev !== 'object') throw new TypeError(`event #${i} is not an object`);
    if (typeof ev.eventId !== 'string' || ev.eventId.length === 0) throw new TypeError(`event #${i} has no eventId`);
    if (typeof ev.eventType !== 'string' || ev.eventType.length === 0)
      throw new TypeError(`event '${ev.eventId}' has no eventType`);
    const schemaVersion = ev.schemaVersion ?? 1;
    if (!Number.isInteger(schemaVersion) || schemaVersion < 1)
      throw new TypeError(
        `event '${ev.eventId}' has schemaVersion ${String(schemaVersion)}; it must be an integer ≥ 1`,
      );
    return { eventId: ev.eventId, eventType: ev.eventType, schemaVersion, data: ev.data, metadata: ev.metadata ?? {} };
  });
}

/** `checkBatch`, then a structured clone of each event (data that cannot be cloned rejects the append). */
export function normalizeBatch(streamId: unknown, events: unknown): NormalizedEvent[] {
  return checkBatch(streamId, events).map((e) => structuredClone(e));
}

export function toRecorded(
  e: NormalizedEvent,
  streamId: string,
  revision: number,
  position: number,
  recordedAt: number,
): RecordedEvent {
  return { ...e, streamId, revision, position, recordedAt };
}

export function validateReadStream(options: { fromRevision?: number; maxCount?: number } | undefined): void {
  const { fromRevision, maxCount } = options ?? {};
  if (fromRevision !== undefined && !(Number.isInteger(fromRevision) && fromRevision >= 0))
    throw new RangeError(`fromRevision must be an integer ≥ 0; got ${String(fromRevision)}`);
  if (maxCount !== undefined && !((Number.isInteger(maxCount) && maxCount >= 0) || maxCount === Infinity))
    throw new RangeError(`maxCount must be an integer ≥ 0; got ${String(maxCount)}`);
}

export function validateReadAll(options: { fromPosition?: number; maxCount?: number } | undefined): void {
  const { fromPosition, maxCount } = options ?? {};
  if (fromPosition !== undefined && !(Number.isInteger(fromPosition) && fromPosition >= 1))
    throw new RangeError(`fromPosition must be an integer ≥ 1; got ${String(fromPosition)}`);
  if (maxCount !== undefined && !((Number.isInteger(maxCount) && maxCount >= 0) || maxCount === Infinity))
    throw new RangeError(`maxCount must be an integer ≥ 0; got ${String(maxCount)}`);
}
