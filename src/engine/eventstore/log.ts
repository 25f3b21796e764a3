/**
 * The event log: one pure, synchronous, immutable record of stored events (streams, revisions,
 * global positions). It is the world's write-side log that learners see (the stepper keeps one in
 * every world) and the state inside the in-memory store (`memoryStore.ts`, a thin holder around it);
 * the IndexedDB store follows the same append rules (`appendRules.ts`) inside its transactions.
 *
 * An append is the append rules applied to the log: normalise the batch (`checkBatch`), decide from
 * the log (`decideAppend`, its probes answered here), record (next revisions, next positions). It
 * returns the next log and what it did (`recorded`, the events to hand to subscribers) or the
 * WrongExpectedVersionError, and never changes the log it was given.
 *
 * Inside, the events, each stream's positions (and event ids, once looked up) and the stream index
 * are persistent structures (`sim/persistent.ts`) shared between successive logs: an append copies
 * O(log n) small nodes instead of every event, stream and position (a 10,000-step run stays linear
 * to step through). The flat views `events`, `streams` and `positions` are built on first read.
 */
import { emptyMap, emptyVec, mapGet, mapSet, vecGet, vecPush, vecSlice, type PMap, type PVec } from '../sim/persistent';
import type { AppendResult, ExpectedRevision, NewEvent, RecordedEvent } from '../types';
import { checkBatch, decideAppend, decideSync, type AppendDecision, type NormalizedEvent } from './appendRules';
import type { WrongExpectedVersionError } from './errors';

export interface EventLog {
  /** Every recorded event in global-position order (position = index + 1). */
  readonly events: readonly RecordedEvent[];
  /** Last revision per stream. */
  readonly streams: Readonly<Record<string, number>>;
  /** Global positions of each stream's events, indexed by revision. */
  readonly positions: Readonly<Record<string, readonly number[]>>;
}

interface StreamIndex {
  readonly revision: number;
  /** Global positions by revision. */
  readonly positions: PVec<number>;
}

/**
 * Per stream, once the append rules first looked an event id up in it (an `any` or `stream_exists`
 * append): event id → the lowest revision holding it, kept up to date by every later append to the
 * stream. Streams only ever appended to with exact expectations (the stepper's) never build one.
 */
const idsOf = new WeakMap<StreamIndex, PMap<number>>();

function streamIds(log: EventLog, s: StreamIndex, streamId: string): PMap<number> {
  let ids = idsOf.get(s);
  if (!ids) {
    ids = emptyMap<number>();
    for (const e of eventsOfStream(log, streamId))
      if (mapGet(ids, e.eventId) === undefined) ids = mapSet(ids, e.eventId, e.revision);
    idsOf.set(s, ids);
  }
  return ids;
}

/** The persistent parts a log is made of (exported for tests that check what an append shares). */
export interface LogParts {
  readonly events: PVec<RecordedEvent>;
  readonly streams: PMap<StreamIndex>;
  /** Stream ids in order of their first event (the order of the `streams` and `positions` views). */
  readonly order: PVec<string>;
}

const partsOf = new WeakMap<EventLog, LogParts>();

function makeLog(parts: LogParts): EventLog {
  let events: readonly RecordedEvent[] | null = null;
  let streams: Record<string, number> | null = null;
  let positions: Record<string, readonly number[]> | null = null;
  const log: EventLog = {
    get events() {
      return (events ??= vecSlice(parts.events));
    },
    get streams() {
      if (!streams) {
        streams = {};
        for (const id of vecSlice(parts.order)) streams[id] = mapGet(parts.streams, id)!.revision;
      }
      return streams;
    },
    get positions() {
      if (!positions) {
        positions = {};
        for (const id of vecSlice(parts.order)) positions[id] = vecSlice(mapGet(parts.streams, id)!.positions);
      }
      return positions;
    },
  };
  partsOf.set(log, parts);
  return log;
}

const EMPTY_PARTS: LogParts = { events: emptyVec(), streams: emptyMap(), order: emptyVec() };

export const emptyLog = (): EventLog => makeLog(EMPTY_PARTS);

function record(parts: LogParts, e: RecordedEvent): LogParts {
  const s = mapGet(parts.streams, e.streamId);
  const next: StreamIndex = {
    revision: e.revision,
    positions: vecPush(s?.positions ?? emptyVec<number>(), e.position),
  };
  const ids = s && idsOf.get(s);
  if (ids) idsOf.set(next, mapGet(ids, e.eventId) === undefined ? mapSet(ids, e.eventId, e.revision) : ids);
  return {
    events: vecPush(parts.events, e),
    streams: mapSet(parts.streams, e.streamId, next),
    order: s ? parts.order : vecPush(parts.order, e.streamId),
  };
}

/** The persistent parts of a log; a plain log (a literal, a structured clone) is indexed once. */
export function logParts(log: EventLog): LogParts {
  let parts = partsOf.get(log);
  if (!parts) {
    parts = EMPTY_PARTS;
    for (const e of log.events) parts = record(parts, e);
    partsOf.set(log, parts);
  }
  return parts;
}

export const headPosition = (log: EventLog): number => logParts(log).events.size;

/** The event at a global position (1-based), without building the flat array. */
export const eventAt = (log: EventLog, position: number): RecordedEvent | undefined =>
  vecGet(logParts(log).events, position - 1);

/** Events after a global position (exclusive), in order. */
export const eventsAfter = (log: EventLog, position: number): RecordedEvent[] =>
  vecSlice(logParts(log).events, Math.max(0, position));

export const streamRevision = (log: EventLog, streamId: string): number | null =>
  mapGet(logParts(log).streams, streamId)?.revision ?? null;

/** A stream's events in revision order, from `fromRevision` on (`count` of them at most). */
export function eventsOfStream(log: EventLog, streamId: string, fromRevision = 0, count = Infinity): RecordedEvent[] {
  const parts = logParts(log);
  const s = mapGet(parts.streams, streamId);
  if (!s) return [];
  const from = Math.max(0, fromRevision);
  return vecSlice(s.positions, from, count === Infinity ? undefined : from + count).map((p) =>
    vecGet(parts.events, p - 1)!,
  );
}

/** The append rules' decision for a batch, its probes answered from the log. */
export function decideOnLog(
  log: EventLog,
  streamId: string,
  expected: ExpectedRevision,
  eventIds: readonly string[],
  recentIdsCapacity?: number,
): AppendDecision {
  const parts = logParts(log);
  const s = mapGet(parts.streams, streamId);
  return decideSync(
    decideAppend(streamId, expected, eventIds, s?.revision ?? -1, parts.events.size, recentIdsCapacity),
    (p) =>
      p.kind === 'find'
        ? s && mapGet(streamIds(log, s, streamId), p.eventId)
        : eventsOfStream(log, streamId, p.fromRevision, p.count).map((e) => ({
            eventId: e.eventId,
            position: e.position,
          })),
  );
}

/** Writes a batch at the end of a stream: revisions continue the stream, positions continue the log. */
export function recordOnLog(
  log: EventLog,
  streamId: string,
  batch: readonly NormalizedEvent[],
  recordedAt: number,
): { log: EventLog; recorded: RecordedEvent[] } {
  if (batch.length === 0) return { log, recorded: [] };
  let parts = logParts(log);
  const first = (mapGet(parts.streams, streamId)?.revision ?? -1) + 1;
  const head = parts.events.size;
  // A literal rather than toRecorded's spread (same fields, same order): this is the stepper's hot path.
  const recorded = batch.map((e, i): RecordedEvent => ({
    eventId: e.eventId,
    eventType: e.eventType,
    schemaVersion: e.schemaVersion,
    data: e.data,
    metadata: e.metadata,
    streamId,
    revision: first + i,
    position: head + 1 + i,
    recordedAt,
  }));
  for (const e of recorded) parts = record(parts, e);
  return { log: makeLog(parts), recorded };
}

export type LogAppend =
  | { ok: true; log: EventLog; result: AppendResult; recorded: RecordedEvent[] }
  | { ok: false; log: EventLog; error: WrongExpectedVersionError };

/**
 * Appends a batch to one stream with the event store's rules (expected revision, idempotent
 * re-append). A malformed batch throws a TypeError (nothing is decided); a failed expectation is
 * returned, with the log unchanged. `recordedAt` is read only when something is written (a clock
 * is read once per append that writes, as the stores do).
 */
export function appendToLog(
  log: EventLog,
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
  recordedAt: number | (() => number),
  options: { recentEventIds?: number } = {},
): LogAppend {
  const batch = checkBatch(streamId, events);
  const decision = decideOnLog(
    log,
    streamId,
    expected,
    batch.map((e) => e.eventId),
    options.recentEventIds,
  );
  if (decision.kind === 'conflict') return { ok: false, log, error: decision.error };
  if (decision.kind === 'noop')
    return {
      ok: true,
      log,
      result: { nextExpectedRevision: decision.nextExpectedRevision, position: decision.position },
      recorded: [],
    };
  const r = recordOnLog(log, streamId, batch, typeof recordedAt === 'number' ? recordedAt : recordedAt());
  const last = r.recorded[r.recorded.length - 1]!;
  return {
    ok: true,
    log: r.log,
    result: { nextExpectedRevision: last.revision, position: last.position },
    recorded: r.recorded,
  };
}

/** A stream's events as the port's readStream returns them (shared objects: holders copy them). */
export function readStreamOf(
  log: EventLog,
  streamId: string,
  options?: { fromRevision?: number; direction?: 'forwards' | 'backwards'; maxCount?: number },
): RecordedEvent[] {
  const last = streamRevision(log, streamId) ?? -1;
  const max = options?.maxCount ?? Infinity;
  if (options?.direction !== 'backwards') return eventsOfStream(log, streamId, options?.fromRevision ?? 0, max);
  const from = Math.min(options.fromRevision ?? last, last);
  const count = Math.min(max, from + 1);
  return eventsOfStream(log, streamId, from - count + 1, count).reverse();
}

/** Events from a global position (inclusive), as the port's readAll returns them. */
export function readAllOf(log: EventLog, options?: { fromPosition?: number; maxCount?: number }): RecordedEvent[] {
  const from = options?.fromPosition ?? 1;
  const max = options?.maxCount ?? Infinity;
  return vecSlice(logParts(log).events, from - 1, max === Infinity ? undefined : from - 1 + max);
}
