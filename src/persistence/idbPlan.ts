/**
 * Deciding a group of appends from the stream cache alone, with no I/O (the speculative commit):
 * every append is checked with the shared rules against the streams as this store object last
 * committed them plus the group's own earlier appends. Null when any append needs a read (a stream
 * the cache does not know, an id that may be there already, an atomic job's failed check).
 */
import type { AppendResult } from '../engine/types';
import type { AppendRequest, Job, JobOutcome } from './idbJobs';
import { decideFromCache, idHash, type StreamCache, type StreamDraft } from './streamCache';

export interface PlannedWrite {
  req: AppendRequest;
  firstRevision: number;
  firstPosition: number;
}

export interface Plan {
  outcomes: JobOutcome[];
  /** The events to write, in order (a rejected job writes nothing). */
  writes: PlannedWrite[];
  drafts: Map<string, StreamDraft>;
  /** The global head once the group is written. */
  head: number;
}

export function planGroup(group: readonly Job[], cache: StreamCache, knownHead: number): Plan | null {
  const drafts = new Map<string, StreamDraft>();
  const writes: PlannedWrite[] = [];
  const outcomes: JobOutcome[] = [];
  let head = knownHead;
  for (const job of group) {
    const results: AppendResult[] = [];
    let error: unknown = null;
    for (const req of job.appends) {
      let draft = drafts.get(req.streamId);
      if (!draft) {
        const known = cache.get(req.streamId);
        if (!known) return null;
        draft = { last: known.last, ids: known.ids, added: [] };
        drafts.set(req.streamId, draft);
      }
      const ids = req.events.map((e) => e.eventId);
      const decision = decideFromCache(draft, req.streamId, req.expected, ids, head);
      if (!decision) return null;
      if (decision.kind === 'conflict') {
        // Atomic jobs abort on a failed check, and a job's earlier appends would be drafted:
        // leave both to the slow path (they are rare).
        if (job.atomic || job.appends.length > 1) return null;
        error = decision.error;
        break;
      }
      if (decision.kind === 'noop') {
        results.push({ nextExpectedRevision: decision.nextExpectedRevision, position: decision.position });
        continue;
      }
      const n = req.events.length;
      writes.push({ req, firstRevision: decision.firstRevision, firstPosition: head + 1 });
      head += n;
      draft.last = decision.firstRevision + n - 1;
      for (const e of req.events) draft.added.push(idHash(e.eventId));
      results.push({ nextExpectedRevision: draft.last, position: head });
    }
    outcomes.push(error === null ? { ok: true, results } : { ok: false, error });
  }
  return { outcomes, writes, drafts, head };
}
