/**
 * The world's write-side log: a pure, synchronous, immutable record of the events a run has
 * stored so far (streams, revisions, global positions). It is what the stepper computes; the
 * durable copy lives in an `EventStore` (IndexedDB) and must agree with it.
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

export const emptyLog = (): EventLog => ({ events: [], streams: {}, positions: {} });

export const headPosition = (log: EventLog): number => log.events.length;

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
  return {
    log: {
      events: [...log.events, ...recorded],
      streams: { ...log.streams, [streamId]: revision },
      positions: { ...log.positions, [streamId]: [...(log.positions[streamId] ?? []), ...recorded.map((e) => e.position)] },
    },
    recorded,
  };
}

/** A stream's events in revision order, from `fromRevision` on. */
export const eventsOfStream = (log: EventLog, streamId: string, fromRevision = 0): RecordedEvent[] =>
  (log.positions[streamId] ?? []).slice(Math.max(0, fromRevision)).map((p) => log.events[p - 1]!);
