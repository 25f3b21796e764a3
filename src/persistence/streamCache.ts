/**
 * What one IndexedDB event store object knows about its streams as of its last commit: each
 * stream's last revision and, where known completely, a hash of every event id in it. It lets an
 * append be decided before the transaction's reads return (a speculative write): the transaction
 * still reads the global head first, and the speculation stands only if the head is the one this
 * object last committed. Nobody else wrote since then, so the cache was exact (events are never
 * deleted, and every write moves the head). Otherwise the transaction is aborted, the cache is
 * dropped and the group is decided the slow way, from reads.
 */
import { decideAppend, decideSync, type AppendDecision, type ProbeAnswer } from '../engine/eventstore';
import type { ExpectedRevision } from '../engine/types';

/** A 30-bit FNV-1a hash of an event id (a small integer: cheap to keep in a Set). */
export function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h & 0x3fffffff;
}

export interface StreamState {
  /** Revision of the stream's last event; −1 for a missing stream. */
  last: number;
  /** Hashes of every event id in the stream, or null when they are not all known. */
  ids: Set<number> | null;
}

/** One stream as a group of appends leaves it: the committed state plus the group's own writes. */
export interface StreamDraft {
  last: number;
  ids: Set<number> | null;
  added: number[];
}

export class StreamCache {
  private readonly streams = new Map<string, StreamState>();
  /** True while every stream missing from the map is known to be missing (the store was empty). */
  private allKnown = false;

  /** Forgets everything; `empty` says the store is known to hold no events. */
  reset(empty: boolean): void {
    this.streams.clear();
    this.allKnown = empty;
  }

  get(streamId: string): StreamState | undefined {
    return this.streams.get(streamId) ?? (this.allKnown ? { last: -1, ids: new Set() } : undefined);
  }

  /** Records a committed group's streams. */
  commit(drafts: Map<string, StreamDraft>): void {
    for (const [streamId, d] of drafts) {
      if (d.ids) for (const h of d.added) d.ids.add(h);
      this.streams.set(streamId, { last: d.last, ids: d.ids });
    }
  }
}

/** Thrown by the cache oracle when a decision needs a read (the rare paths: retries, idempotency). */
const UNKNOWN = Symbol('needs a read');

/**
 * Decides an append from drafts alone, with the shared rules. Returns null when the rules would
 * need a read: the batch's first id may already be in the stream (a hash match, or ids unknown),
 * or the events at some revisions (idempotent retries).
 */
export function decideFromCache(
  draft: StreamDraft,
  streamId: string,
  expected: ExpectedRevision,
  ids: readonly string[],
  head: number,
): AppendDecision | null {
  const answer = (p: { kind: 'find'; eventId: string } | { kind: 'range' }): ProbeAnswer => {
    if (p.kind === 'range' || draft.ids === null) throw UNKNOWN;
    const h = idHash(p.eventId);
    if (draft.ids.has(h) || draft.added.includes(h)) throw UNKNOWN;
    return undefined;
  };
  try {
    return decideSync(decideAppend(streamId, expected, ids, draft.last, head), answer);
  } catch (err) {
    if (err === UNKNOWN) return null;
    throw err;
  }
}
