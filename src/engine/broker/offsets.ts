/** Committed offsets (next offset to consume), lag, and the read helpers around them. */
import type { BrokerEffect, TopicPartition } from '../types';
import { getPartition } from './log';
import { tpKey, tpName, withTime, type BrokerState, type BrokerStep, type CommittedOffset, type GroupState, type MemberState } from './brokerState';

export interface OffsetEntry {
  topic: string;
  partition: number;
  offset: number;
}

export const committedOffset = (state: BrokerState, groupId: string, topic: string, partition: number): number | null =>
  state.groups[groupId]?.committed[tpKey(topic, partition)]?.offset ?? null;

/** log-end − committed; null when the group has no commit on the partition ("no commit", not 0). */
export function lagOf(state: BrokerState, groupId: string, topic: string, partition: number): number | null {
  const c = committedOffset(state, groupId, topic, partition);
  return c === null ? null : Math.max(0, getPartition(state, topic, partition).logEndOffset - c);
}

export const assignmentOf = (state: BrokerState, groupId: string, memberId: string): TopicPartition[] =>
  (state.groups[groupId]?.members[memberId]?.assignment ?? []).map((tp) => ({ topic: tp.topic, partition: tp.partition }));

/** The member's next offset to fetch; null before its first poll after assignment. */
export const positionOf = (state: BrokerState, groupId: string, memberId: string, topic: string, partition: number): number | null =>
  state.groups[groupId]?.members[memberId]?.positions[tpKey(topic, partition)] ?? null;

export const rejected = (request: string, target: string, error: string): BrokerEffect => ({ kind: 'request-rejected', request, target, error, reason: error });

export const putGroup = (state: BrokerState, group: GroupState): BrokerState => ({ ...state, groups: { ...state.groups, [group.groupId]: group } });

export const putMember = (state: BrokerState, group: GroupState, member: MemberState): BrokerState =>
  putGroup(state, { ...group, members: { ...group.members, [member.memberId]: member } });

/** Writes committed offsets and says so, with the lag each commit leaves. */
export function writeCommits(state: BrokerState, groupId: string, entries: readonly OffsetEntry[], now: number, why: string): BrokerStep {
  const group = state.groups[groupId];
  if (!group || entries.length === 0) return { state, effects: [] };
  const committed: Record<string, CommittedOffset> = { ...group.committed };
  const effects: BrokerEffect[] = [];
  for (const e of entries) {
    if (!Number.isInteger(e.offset) || e.offset < 0) throw new RangeError(`A committed offset is a whole number ≥ 0, got ${e.offset}`);
    const k = tpKey(e.topic, e.partition);
    const previous = committed[k]?.offset ?? null;
    committed[k] = { offset: e.offset, committedAt: now };
    const name = tpName(e.topic, e.partition);
    const done = e.offset === 0 ? 'nothing consumed yet' : `offsets up to ${e.offset - 1} are done`;
    effects.push({ kind: 'offset-committed', groupId, topic: e.topic, partition: e.partition, offset: e.offset, previous, reason: `${why}: ${groupId} committed ${name} at ${e.offset}, the next offset to consume (${done})` });
    const end = getPartition(state, e.topic, e.partition).logEndOffset;
    const lag = Math.max(0, end - e.offset);
    effects.push({ kind: 'lag-changed', groupId, topic: e.topic, partition: e.partition, lag, reason: `lag of ${groupId} on ${name} = log-end ${end} − committed ${e.offset} = ${lag}` });
  }
  return { state: putGroup(state, { ...group, committed }), effects };
}

/** Commits where the member has got to on `partitions` (only those it has a position for). */
export function commitPositions(state: BrokerState, groupId: string, memberId: string, partitions: readonly TopicPartition[], now: number, why: string, onlyChanged = false): BrokerStep {
  const group = state.groups[groupId];
  const member = group?.members[memberId];
  if (!group || !member) return { state, effects: [] };
  const entries: OffsetEntry[] = [];
  for (const tp of partitions) {
    const k = tpKey(tp.topic, tp.partition);
    const pos = member.positions[k];
    if (pos === undefined || (onlyChanged && group.committed[k]?.offset === pos)) continue;
    entries.push({ topic: tp.topic, partition: tp.partition, offset: pos });
  }
  return writeCommits(state, groupId, entries, now, why);
}

/**
 * Commits offsets for a member: by default its current positions on its assigned partitions; explicit
 * offsets only for partitions it owns (a commit for a partition lost in a rebalance would be fenced).
 */
export function commit(state: BrokerState, request: { groupId: string; memberId: string; offsets?: OffsetEntry[] }, now: number): BrokerStep {
  const { groupId, memberId } = request;
  const base = withTime(state, now);
  const member = state.groups[groupId]?.members[memberId];
  if (!member) {
    return { state: base, effects: [rejected('commit', groupId, `${memberId} is not a member of group '${groupId}', so it cannot commit (Kafka answers UNKNOWN_MEMBER_ID)`)] };
  }
  if (!request.offsets) return commitPositions(base, groupId, memberId, member.assignment, now, `${memberId} commits its positions`);
  const owns = new Set(member.assignment.map((tp) => tpKey(tp.topic, tp.partition)));
  const ok = request.offsets.filter((o) => owns.has(tpKey(o.topic, o.partition)));
  const refused = request.offsets.filter((o) => !owns.has(tpKey(o.topic, o.partition)));
  const step = writeCommits(base, groupId, ok, now, `${memberId} commits`);
  const effects = refused.map((o) => rejected('commit', groupId, `${memberId} does not own ${tpName(o.topic, o.partition)} in this generation, so its commit there is refused`));
  return { state: step.state, effects: [...step.effects, ...effects] };
}
