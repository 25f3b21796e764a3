/**
 * The world's write-side log: a pure, synchronous, immutable record of the events a run has
 * stored so far (streams, revisions, global positions). It is what the stepper computes; the
 * durable copy lives in an `EventStore` (IndexedDB) and must agree with it.
 *
 * Events live in fixed-size chunks shared between successive logs, so an append copies one chunk
 * and the chunk list instead of every event (a 10,000-step run stays cheap to step through). The
 * flat `events` array is built on first read and cached.
 */
import type { NewEvent, RecordedEvent } from '../types';

export interface EventLog {
  /** Every recorded event in global-position order (position = index + 1). */
  readonly events: readonly RecordedEvent[];
  /** Last revision per stream. */
  readonly streams: Readonly<Record<string, number>>;
  /** Global positions of each stream's events, indexed by revision. */
  readonly positions: Readonly<Record<string, readonly number[]>>;
}

const CHUNK = 256;
type Chunks = readonly (readonly RecordedEvent[])[];
const chunksOf = new WeakMap<EventLog, Chunks>();

function makeLog(chunks: Chunks, streams: EventLog['streams'], positions: EventLog['positions']): EventLog {
  let flat: readonly RecordedEvent[] | null = null;
  const log = {
    get events(): readonly RecordedEvent[] {
      flat ??= chunks.length === 1 ? chunks[0]! : chunks.flat();
      return flat;
    },
    streams,
    positions,
  };
  Object.defineProperty(log, 'events', { enumerable: true });
  chunksOf.set(log, chunks);
  return log;
}

export const emptyLog = (): EventLog => makeLog([], {}, {});

export const headPosition = (log: EventLog): number => {
  const chunks = chunksOf.get(log);
  return chunks ? (chunks.length ? (chunks.length - 1) * CHUNK + chunks[chunks.length - 1]!.length : 0) : log.events.length;
};

/** The event at a global position (1-based), without building the flat array. */
export function eventAt(log: EventLog, position: number): RecordedEvent | undefined {
  const chunks = chunksOf.get(log);
  if (!chunks) return log.events[position - 1];
  const i = position - 1;
  return chunks[Math.floor(i / CHUNK)]?.[i % CHUNK];
}

/** Events after a global position (exclusive), in order. */
export function eventsAfter(log: EventLog, position: number): RecordedEvent[] {
  const out: RecordedEvent[] = [];
  const head = headPosition(log);
  for (let p = position + 1; p <= head; p++) out.push(eventAt(log, p)!);
  return out;
}

export const streamRevision = (log: EventLog, streamId: string): number | null =>
  Object.hasOwn(log.streams, streamId) ? log.streams[streamId]! : null;

/** Appends a batch to one stream. Revisions continue the stream; positions continue the log. */
export function appendToLog(
  log: EventLog,
  streamId: string,
  batch: readonly NewEvent[],
  recordedAt: number,
): { log: EventLog; recorded: RecordedEvent[] } {
  let revision = streamRevision(log, streamId) ?? -1;
  let position = headPosition(log);
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
  if (recorded.length === 0) return { log, recorded };
  const chunks = [...(chunksOf.get(log) ?? [log.events])];
  for (const e of recorded) {
    const last = chunks[chunks.length - 1];
    if (!last || last.length >= CHUNK) chunks.push([e]);
    else chunks[chunks.length - 1] = [...last, e];
  }
  return {
    log: makeLog(
      chunks,
      { ...log.streams, [streamId]: revision },
      { ...log.positions, [streamId]: [...(log.positions[streamId] ?? []), ...recorded.map((e) => e.position)] },
    ),
    recorded,
  };
}

/** A stream's events in revision order, from `fromRevision` on. */
export const eventsOfStream = (log: EventLog, streamId: string, fromRevision = 0): RecordedEvent[] =>
  (log.positions[streamId] ?? []).slice(Math.max(0, fromRevision)).map((p) => eventAt(log, p)!);
