/**
 * Delivery semantics as consumer-side patterns over the broker: where the commit sits relative to the
 * processing decides what a crash costs. Commit-before-process (at-most-once) loses the rest of the batch;
 * commit-after-process (at-least-once, the default) redelivers it. Duplicates are then the normal failure,
 * handled by an idempotent consumer that remembers event ids.
 */
import { addId, EMPTY_ID_SET, hasId } from '../sim/idSet';
import type { BrokerEffect } from '../types';
import { poll } from './consumer';
import { crashMember } from './group';
import { commit } from './offsets';
import { tpName, type BrokerState, type BrokerStep, type ConsumerAppState, type FetchedRecord } from './brokerState';

export type DeliveryMode = 'at-most-once' | 'at-least-once';

export interface ProcessRequest {
  groupId: string;
  memberId: string;
  mode: DeliveryMode;
  maxRecords?: number;
  /** Crash after processing this many of the fetched records (0 = before processing any). */
  crashAfter?: number;
  /** Idempotent consumer: skip records whose event (or offset) the group already processed. */
  dedupe?: boolean;
}

const EMPTY_APP: ConsumerAppState = { processedEventIds: EMPTY_ID_SET, attempts: {} };

export const appOf = (state: BrokerState, groupId: string): ConsumerAppState => state.apps[groupId] ?? EMPTY_APP;

export const putApp = (state: BrokerState, groupId: string, app: ConsumerAppState): BrokerState => ({
  ...state,
  apps: { ...state.apps, [groupId]: app },
});

/** Identity used for dedupe: the event id when the record carries one, else its place in the log. */
export const processingId = (r: FetchedRecord): string => r.eventId ?? `${r.topic}:${r.partition}@${r.offset}`;

/** Records one processing of `r` by the group's application; says whether it was a duplicate. */
export function processRecord(
  state: BrokerState,
  groupId: string,
  memberId: string,
  r: FetchedRecord,
  dedupe: boolean,
  effects: BrokerEffect[],
): { state: BrokerState; applied: boolean } {
  const app = appOf(state, groupId);
  const id = processingId(r);
  const duplicate = hasId(app.processedEventIds, id);
  const where = `${tpName(r.topic, r.partition)}@${r.offset}`;
  const what = r.eventId ? `event ${r.eventId}` : `record ${where}`;
  const reason = !duplicate
    ? `${memberId} processed ${what} from ${where}`
    : dedupe
      ? `${memberId} got ${what} again (${where}) and skipped it: an idempotent consumer remembers processed event ids`
      : `${memberId} processed ${what} AGAIN (${where}): a duplicate delivery, so its side effects happen twice`;
  effects.push({
    kind: 'record-processed',
    groupId,
    memberId,
    topic: r.topic,
    partition: r.partition,
    offset: r.offset,
    duplicate,
    reason,
  });
  if (duplicate) return { state, applied: !dedupe };
  return {
    state: putApp(state, groupId, { ...app, processedEventIds: addId(app.processedEventIds, id) }),
    applied: true,
  };
}

/**
 * Poll, then process and commit in the order the mode says. With `crashAfter`, the member crashes
 * midway (and is evicted after its session timeout): at-most-once has already committed past the
 * unprocessed records (lost); at-least-once has not committed at all (redelivered to the next owner).
 */
export function consume(
  state: BrokerState,
  request: ProcessRequest,
  now: number,
): BrokerStep & { processed: FetchedRecord[]; crashed: boolean } {
  const { groupId, memberId, mode } = request;
  const polled = poll(
    state,
    { groupId, memberId, ...(request.maxRecords !== undefined ? { maxRecords: request.maxRecords } : {}) },
    now,
  );
  let s = polled.state;
  const effects: BrokerEffect[] = [...polled.effects];
  const doCommit = (why: string) => {
    const c = commit(s, { groupId, memberId }, now);
    s = c.state;
    for (const e of c.effects) effects.push({ ...e, reason: `${why}: ${e.reason}` });
  };
  if (mode === 'at-most-once' && polled.records.length > 0) doCommit('at-most-once commits before processing');
  const limit = request.crashAfter ?? Infinity;
  const processed: FetchedRecord[] = [];
  for (const r of polled.records) {
    if (processed.length >= limit) break;
    const p = processRecord(s, groupId, memberId, r, request.dedupe ?? false, effects);
    s = p.state;
    processed.push(r);
  }
  if (limit <= polled.records.length) {
    const left = polled.records.length - processed.length;
    const cost =
      mode === 'at-most-once'
        ? `the ${left} unprocessed record(s) are lost: their offsets were already committed`
        : `nothing was committed, so all ${polled.records.length} record(s) will be delivered again`;
    const c = crashMember(s, { groupId, memberId }, now);
    s = c.state;
    for (const e of c.effects)
      effects.push(e.kind === 'member-crashed' ? { ...e, reason: `${e.reason}; ${mode}: ${cost}` } : e);
    return { state: s, effects, processed, crashed: true };
  }
  if (mode === 'at-least-once' && polled.records.length > 0) doCommit('at-least-once commits after processing');
  return { state: s, effects, processed, crashed: false };
}
