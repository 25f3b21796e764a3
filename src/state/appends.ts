import type { ExpectedRevision, NewEvent, RecordedEvent } from '../engine/types';
import { DamagedStoredEventError } from '../persistence/storedEvent';

export interface StreamAppend {
  streamId: string;
  events: NewEvent[];
  expectedRevision: ExpectedRevision;
}

/**
 * Turns recorded events (in global order) into appends for the durable store: consecutive events
 * of one stream form one append whose expectation is the revision before its first event. Because
 * ids and expectations are exact, re-appending a batch that already landed is an idempotent no-op.
 */
export function toAppends(events: readonly RecordedEvent[]): StreamAppend[] {
  const appends: StreamAppend[] = [];
  for (const e of events) {
    const last = appends[appends.length - 1];
    const fresh: NewEvent = {
      eventId: e.eventId,
      eventType: e.eventType,
      schemaVersion: e.schemaVersion ?? 1,
      data: e.data,
      metadata: e.metadata ?? {},
    };
    if (last && last.streamId === e.streamId) last.events.push(fresh);
    else
      appends.push({
        streamId: e.streamId,
        events: [fresh],
        expectedRevision: e.revision === 0 ? 'no_stream' : e.revision - 1,
      });
  }
  return appends;
}

/** Where stored events stop agreeing with the computed ones (recordedAt excepted), or -1. */
export function firstDisagreement(stored: readonly RecordedEvent[], computed: readonly RecordedEvent[]): number {
  for (let i = 0; i < stored.length; i++) {
    const a = stored[i]!;
    const b = computed[i];
    if (!b) return i;
    const same =
      a.eventId === b.eventId &&
      a.streamId === b.streamId &&
      a.revision === b.revision &&
      a.position === b.position &&
      a.eventType === b.eventType &&
      (a.schemaVersion ?? 1) === (b.schemaVersion ?? 1) &&
      JSON.stringify(a.data) === JSON.stringify(b.data);
    if (!same) return i;
  }
  return -1;
}

/** A run's stored events, or the error saying which one cannot be read (anything else is rethrown). */
export async function readStoredEvents(store: {
  readAll(): Promise<RecordedEvent[]>;
}): Promise<RecordedEvent[] | DamagedStoredEventError> {
  try {
    return await store.readAll();
  } catch (err) {
    if (err instanceof DamagedStoredEventError) return err;
    throw err;
  }
}

/**
 * The smallest step whose world holds exactly `count` events, or -1: a binary search, since a run's
 * events only grow with its steps (`countAt(k)` = how many events the world at step k holds).
 */
export function stepHolding(count: number, lastStep: number, countAt: (step: number) => number): number {
  let lo = 0;
  let hi = lastStep;
  if (countAt(hi) < count) return -1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (countAt(mid) >= count) hi = mid;
    else lo = mid + 1;
  }
  return countAt(lo) === count ? lo : -1;
}
