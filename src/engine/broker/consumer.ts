/** The consumer side of a group member: poll (fetch from positions, auto.offset.reset) and seek. */
import type { BrokerEffect } from '../types';
import { vecSlice } from '../sim/persistent';
import { getPartition, indexAtOrAfterVec } from './log';
import { commitPositions, putMember, rejected } from './offsets';
import { readTransactional } from './txnRead';
import { lastStableOffset } from './txnLog';
import { MAX_POLL_RECORDS_DEFAULT } from './consumerClient';
import {
  recordsVec,
  tpKey,
  tpName,
  withTime,
  type BrokerState,
  type BrokerStep,
  type FetchedRecord,
  type GroupState,
} from './brokerState';

/** Kafka's max.poll.records default (one constant, in `consumerClient.ts`). */
export const DEFAULT_MAX_POLL_RECORDS = MAX_POLL_RECORDS_DEFAULT;

export interface PollRequest {
  groupId: string;
  memberId: string;
  maxRecords?: number;
}

type Resolved = { position: number } | { position: null };

/** Where fetching starts on a partition: position, else committed, else auto.offset.reset; out of range resets too. */
function resolvePosition(
  state: BrokerState,
  group: GroupState,
  memberId: string,
  positions: Readonly<Record<string, number>>,
  topic: string,
  partition: number,
  effects: BrokerEffect[],
): Resolved {
  const { groupId, autoOffsetReset: policy } = group;
  const log = getPartition(state, topic, partition);
  const k = tpKey(topic, partition);
  const name = tpName(topic, partition);
  const known = positions[k] ?? group.committed[k]?.offset;
  const reset = (why: string): Resolved => {
    if (policy === 'none') {
      effects.push(
        rejected(
          'poll',
          groupId,
          `${why} and auto.offset.reset=none: ${memberId}'s poll fails (NoOffsetForPartitionException for ${name}), so it gets no records at all`,
        ),
      );
      return { position: null };
    }
    // ListOffsets(LATEST) answers the last stable offset to a read_committed consumer (Partition.fetchOffsetForTimestamp).
    const stable = group.members[memberId]?.isolationLevel === 'read_committed' && state.transactions !== undefined;
    const latest = stable ? lastStableOffset(state, topic, partition) : log.logEndOffset;
    const to = policy === 'earliest' ? log.logStartOffset : latest;
    const where =
      policy === 'earliest'
        ? `the log-start offset ${to}`
        : stable
          ? `the last stable offset ${to} (read_committed: only new committed records)`
          : `the log-end offset ${to} (only new records)`;
    effects.push({
      kind: 'offset-reset-applied',
      groupId,
      topic,
      partition,
      policy,
      to,
      reason: `${why}: auto.offset.reset=${policy} starts ${memberId} at ${where}`,
    });
    return { position: to };
  };
  if (known === undefined) return reset(`${groupId} has no committed offset on ${name}`);
  if (known < log.logStartOffset || known > log.logEndOffset) {
    const why =
      known < log.logStartOffset
        ? `offset ${known} on ${name} is gone: retention deleted it, and the log now starts at ${log.logStartOffset}`
        : `offset ${known} is past ${name}'s log-end offset ${log.logEndOffset}`;
    effects.push({
      kind: 'offset-out-of-range',
      groupId,
      topic,
      partition,
      requested: known,
      logStart: log.logStartOffset,
      logEnd: log.logEndOffset,
      reason: why,
    });
    return reset(`offset ${known} is out of range`);
  }
  return { position: known };
}

/**
 * One poll, as Kafka's classic consumer does it (ClassicKafkaConsumer.poll → updateAssignmentMetadataIfNeeded
 * → updateFetchPositions): first EVERY assigned partition without a position gets one — its committed
 * offset (ConsumerCoordinator.initWithCommittedOffsetsIfNeeded), else auto.offset.reset
 * (SubscriptionState.resetInitializingPositions) — even those this poll then fetches nothing from; with
 * auto.offset.reset=none and no commit the poll fails as a whole (NoOffsetForPartitionException). Then it
 * returns up to `maxRecords` (max.poll.records) from the positions and advances them (not the committed
 * offsets). With auto-commit, it first commits what the previous poll reached.
 */
export function poll(state: BrokerState, request: PollRequest, now: number): BrokerStep & { records: FetchedRecord[] } {
  const { groupId, memberId } = request;
  let s = withTime(state, now);
  const effects: BrokerEffect[] = [];
  let records: FetchedRecord[] = [];
  const startMember = s.groups[groupId]?.members[memberId];
  if (!startMember) {
    return {
      state: s,
      effects: [rejected('poll', groupId, `${memberId} is not a member of group '${groupId}': join first`)],
      records,
    };
  }
  if (s.groups[groupId]!.autoCommit) {
    const c = commitPositions(
      s,
      groupId,
      memberId,
      startMember.assignment,
      now,
      `auto-commit on ${memberId}'s poll (positions reached by its previous poll)`,
      true,
    );
    s = c.state;
    effects.push(...c.effects);
  }
  const group = s.groups[groupId]!;
  const member = group.members[memberId]!;
  const n = member.assignment.length;
  const positions = { ...member.positions };
  // 1. Positions for every assigned partition (updateFetchPositions), whether or not this poll reads it.
  let failed = false;
  for (const { topic, partition } of member.assignment) {
    const resolved = resolvePosition(s, group, memberId, positions, topic, partition, effects);
    if (resolved.position === null) failed = true;
    else positions[tpKey(topic, partition)] = resolved.position;
  }
  if (failed) {
    // NoOffsetForPartitionException: the poll throws, so the application gets no records at all.
    return { state: putMember(s, group, { ...member, positions }), effects, records };
  }
  // 2. Records from the positions, round-robin over the partitions, up to max.poll.records. A paused
  // partition is not fetchable (SubscriptionState.fetchablePartitions skips it): it keeps its position.
  let budget = Math.max(0, Math.floor(request.maxRecords ?? DEFAULT_MAX_POLL_RECORDS));
  let cursor = member.fetchCursor % Math.max(1, n);
  const paused = member.paused?.length ? new Set(member.paused) : null;
  for (let i = 0; i < n && budget > 0; i++) {
    const idx = (member.fetchCursor + i) % n;
    const { topic, partition } = member.assignment[idx]!;
    const k = tpKey(topic, partition);
    if (paused?.has(k)) continue;
    let pos = positions[k]!;
    if (s.transactions) {
      // Once there are transactions, markers and isolation.level decide what a fetch returns (txnRead.ts).
      const t = readTransactional(s, topic, partition, pos, budget, member.isolationLevel === 'read_committed');
      for (const r of t.records) records.push(r);
      budget -= t.records.length;
      if (t.records.length > 0 || t.next !== pos) {
        const offsets = t.records.map((r) => r.offset);
        const got = offsets.length === 0 ? 'no records' : `offsets ${offsets.join(', ')}`;
        effects.push({
          kind: 'records-fetched',
          groupId,
          memberId,
          topic,
          partition,
          offsets,
          reason: `${memberId} fetched ${got} from ${tpName(topic, partition)}${t.note ? `; ${t.note}` : ''}; position now ${t.next}`,
        });
      }
      positions[k] = t.next;
      cursor = t.more ? idx : (idx + 1) % n;
      continue;
    }
    const log = getPartition(s, topic, partition);
    // The records are read from the partition's persistent vector (no flat copy of the whole log).
    const vec = recordsVec(log);
    const start = indexAtOrAfterVec(vec, pos);
    const end = Math.min(vec.size, start + budget);
    if (end > start) {
      const got = end - start;
      const fetched = vecSlice(vec, start, end);
      const first = fetched[0]!.offset;
      const last = fetched[got - 1]!.offset;
      // The records themselves are shared, never copied.
      if (records.length === 0) records = fetched;
      else for (const r of fetched) records.push(r);
      const offsets = new Array<number>(got);
      // Offsets ascend, so a range as long as the record count has no gap (no compaction inside it).
      if (last - first + 1 === got) for (let k = 0; k < got; k++) offsets[k] = first + k;
      else for (let k = 0; k < got; k++) offsets[k] = fetched[k]!.offset;
      budget -= got;
      pos = last + 1;
      const range = got === 1 ? `offset ${first}` : `offsets ${first}–${last}`;
      const left = log.logEndOffset - pos;
      effects.push({
        kind: 'records-fetched',
        groupId,
        memberId,
        topic,
        partition,
        offsets,
        reason: `${memberId} fetched ${got} record${got === 1 ? '' : 's'} (${range}) from ${tpName(topic, partition)}; position now ${pos}${left > 0 ? `, ${left} more waiting` : ', caught up'}`,
      });
    }
    positions[k] = pos;
    cursor = end < vec.size ? idx : (idx + 1) % n;
  }
  s = putMember(s, group, { ...member, positions, fetchCursor: cursor });
  return { state: s, effects, records };
}

export interface SeekRequest {
  groupId: string;
  memberId: string;
  topic: string;
  partition: number;
  offset: number;
}

/** Moves the member's position on one of its own partitions (the committed offset stays). */
export function seek(state: BrokerState, request: SeekRequest, now: number): BrokerStep {
  const { groupId, memberId, topic, partition, offset } = request;
  const base = withTime(state, now);
  const group = state.groups[groupId];
  const member = group?.members[memberId];
  const name = tpName(topic, partition);
  if (!group || !member)
    return { state: base, effects: [rejected('seek', groupId, `${memberId} is not a member of group '${groupId}'`)] };
  if (!member.assignment.some((tp) => tp.topic === topic && tp.partition === partition)) {
    return {
      state: base,
      effects: [
        rejected('seek', groupId, `${memberId} can only seek its own partitions, and ${name} is not assigned to it`),
      ],
    };
  }
  if (!Number.isInteger(offset) || offset < 0) throw new RangeError(`seek needs a whole offset ≥ 0, got ${offset}`);
  const k = tpKey(topic, partition);
  const from = member.positions[k] ?? null;
  const effects: BrokerEffect[] = [
    {
      kind: 'position-moved',
      groupId,
      memberId,
      topic,
      partition,
      from,
      to: offset,
      reason: `${memberId} seeks ${name} to offset ${offset}: its next fetch starts there; the committed offset is unchanged`,
    },
  ];
  return { state: putMember(base, group, { ...member, positions: { ...member.positions, [k]: offset } }), effects };
}
