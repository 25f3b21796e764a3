/**
 * The world's write-side log: a pure, synchronous, immutable record of the events a run has
 * stored so far (streams, revisions, global positions). It is what the stepper computes; the
 * durable copy lives in an `EventStore` (IndexedDB) and must agree with it.
 *
 * Inside, the events, each stream's positions and the stream index are persistent structures
 * (`persistent.ts`) shared between successive logs: an append copies O(log n) small nodes instead of
 * every event, every stream and every position (a 10,000-step run stays linear to step through).
 * The flat views `events`, `streams` and `positions` are built on first read and cached per log.
 */
import type { NewEvent, RecordedEvent } from '../types';
import { emptyMap, emptyVec, mapGet, mapSet, vecGet, vecPush, vecSlice, type PMap, type PVec } from './persistent';

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
  return {
    events: vecPush(parts.events, e),
    streams: mapSet(parts.streams, e.streamId, {
      revision: e.revision,
      positions: vecPush(s?.positions ?? emptyVec<number>(), e.position),
    }),
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

/** Appends a batch to one stream. Revisions continue the stream; positions continue the log. */
export function appendToLog(
  log: EventLog,
  streamId: string,
  batch: readonly NewEvent[],
  recordedAt: number,
): { log: EventLog; recorded: RecordedEvent[] } {
  if (batch.length === 0) return { log, recorded: [] };
  let parts = logParts(log);
  let revision = mapGet(parts.streams, streamId)?.revision ?? -1;
  let position = parts.events.size;
  const recorded = batch.map((e): RecordedEvent => ({
    eventId: e.eventId,
    eventType: e.eventType,
    schemaVersion: e.schemaVersion ?? 1,
    data: e.data,
    metadata: e.metadata ?? {},
    streamId,
    revision: ++revision,
    position: ++position,
    recordedAt,
  }));
  for (const e of recorded) parts = record(parts, e);
  return { log: makeLog(parts), recorded };
}

/** A stream's events in revision order, from `fromRevision` on. */
export function eventsOfStream(log: EventLog, streamId: string, fromRevision = 0): RecordedEvent[] {
  const parts = logParts(log);
  const s = mapGet(parts.streams, streamId);
  return s ? vecSlice(s.positions, Math.max(0, fromRevision)).map((p) => vecGet(parts.events, p - 1)!) : [];
}
