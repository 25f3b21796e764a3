/**
 * Deciding a group of appends from reads inside its readwrite transaction (the slow commit, when
 * the stream cache cannot decide alone): the head, then each append in turn checked with the shared
 * rules (`decideAppend`) against the stream as it stands, earlier appends of the group included, its
 * probes answered by index reads. A decided append is written at once (`writeAppend`), so later
 * appends of the group see it. Requests are issued before awaiting earlier ones (they run in order
 * inside the transaction): the common path costs one round trip for the head, the stream's last
 * revision and the lookup of the batch's first id together.
 */
import { unwrap, type IDBPTransaction, type StoreNames } from 'idb';
import { decideAppend, decideAsync, type Probe, type ProbeAnswer } from '../engine/eventstore';
import type { AppendResult, RecordedEvent } from '../engine/types';
import { writeAppend, type AppendRequest, type DecidedGroup, type Job, type JobOutcome } from './idbJobs';
import type { RunDbSchema } from './databases';
import { idHash, type StreamCache, type StreamDraft } from './streamCache';

export type WriteTx = IDBPTransaction<RunDbSchema, ArrayLike<StoreNames<RunDbSchema>>, 'readwrite'>;

/** Foreign events (written by another tab) read inside our transaction for live delivery. */
const FOREIGN_LIMIT = 1024;
const noop = () => {};

export interface ReadContext {
  cache: StreamCache;
  /** The head as this store object last committed it. */
  knownHead: number;
  /** Clock readings already taken for an append (a speculative try that was aborted). */
  taken: Map<AppendRequest, number>;
  clock(): number;
}

/**
 * Decides and writes the group. An atomic job's failed check aborts the transaction: it is put in
 * `out.atomicFailure` before the abort, so the caller rejects every job with it.
 */
export async function decideFromReads(
  tx: WriteTx,
  group: readonly Job[],
  ctx: ReadContext,
  written: RecordedEvent[],
  out: { atomicFailure: unknown },
): Promise<Omit<DecidedGroup, 'atomicFailure'>> {
  const events = tx.objectStore('events');
  const rawEvents = unwrap(events) as IDBObjectStore;
  const index = events.index('byStreamRevision');
  const byEventId = events.index('byEventId');
  const outcomes: JobOutcome[] = [];
  const drafts = new Map<string, StreamDraft>();
  let foreign: RecordedEvent[] = [];
  let head = 0;
  const headCursor = events.openKeyCursor(null, 'prev');
  headCursor.catch(noop);
  let headRead = false;
  const readHead = async () => {
    headRead = true;
    const cursor = await headCursor;
    head = cursor ? cursor.key : 0;
    // The cache holds only while nobody else wrote since our last commit.
    if (head !== ctx.knownHead) ctx.cache.reset(false);
    if (head > ctx.knownHead && head - ctx.knownHead <= FOREIGN_LIMIT)
      foreign = await events.getAll(IDBKeyRange.bound(ctx.knownHead + 1, head));
  };

  for (const job of group) {
    const results: AppendResult[] = [];
    let failure: unknown = null;
    for (const req of job.appends) {
      const { streamId } = req;
      const lastReq = index.openKeyCursor(IDBKeyRange.bound([streamId, 0], [streamId, Infinity]), 'prev');
      const firstId = req.events[0]?.eventId;
      const findReq =
        firstId !== undefined && (req.expected === 'any' || req.expected === 'stream_exists')
          ? byEventId.getAll(firstId)
          : null;
      lastReq.catch(noop);
      findReq?.catch(noop);
      if (!headRead) await readHead();
      const lastKey = await lastReq;
      const last = lastKey ? lastKey.key[1] : -1;
      let draft = drafts.get(streamId);
      if (!draft) {
        // Every id of the stream is known if the (valid) cache knew them, or if it is new.
        const ids = ctx.cache.get(streamId)?.ids ?? (last < 0 ? new Set<number>() : null);
        draft = { last, ids, added: [] };
        drafts.set(streamId, draft);
      }
      const answer = async (p: Probe): Promise<ProbeAnswer> => {
        if (p.kind === 'find') {
          const hits = await (findReq && p.eventId === firstId ? findReq : byEventId.getAll(p.eventId));
          let best: number | undefined;
          for (const h of hits)
            if (h.streamId === streamId && (best === undefined || h.revision < best)) best = h.revision;
          return best;
        }
        const refs = await index.getAll(
          IDBKeyRange.bound([streamId, p.fromRevision], [streamId, p.fromRevision + p.count - 1]),
        );
        return refs.map((e) => ({ eventId: e.eventId, position: e.position }));
      };
      const ids = req.events.map((e) => e.eventId);
      const decision = await decideAsync(decideAppend(streamId, req.expected, ids, last, head), answer);
      if (decision.kind === 'conflict') {
        failure = decision.error;
        break;
      }
      if (decision.kind === 'noop') {
        results.push({ nextExpectedRevision: decision.nextExpectedRevision, position: decision.position });
        continue;
      }
      const recordedAt = ctx.taken.get(req) ?? ctx.clock();
      writeAppend(rawEvents, req, decision.firstRevision, head + 1, recordedAt, written);
      for (const e of req.events) draft.added.push(idHash(e.eventId));
      draft.last = decision.firstRevision + req.events.length - 1;
      head += req.events.length;
      results.push({ nextExpectedRevision: draft.last, position: head });
    }
    if (failure !== null) {
      if (job.atomic) {
        out.atomicFailure = failure;
        tx.abort();
        break;
      }
      outcomes.push({ ok: false, error: failure });
    } else outcomes.push({ ok: true, results });
  }
  if (!headRead) await readHead();
  return { outcomes, drafts, head, foreign };
}
