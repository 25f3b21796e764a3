/** Committed offsets (next offset to consume), lag, and the read helpers around them. */
import type { BrokerEffect, TopicPartition } from '../types';
import { getPartition } from './log';
import {
  tpKey,
  tpName,
  withTime,
  type BrokerState,
  type BrokerStep,
  type CommittedOffset,
  type GroupState,
  type MemberState,
} from './brokerState';

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
  (state.groups[groupId]?.members[memberId]?.assignment ?? []).map((tp) => ({
    topic: tp.topic,
    partition: tp.partition,
  }));

/** The member's next offset to fetch; null before its first poll after assignment. */
export const positionOf = (
  state: BrokerState,
  groupId: string,
  memberId: string,
  topic: string,
  partition: number,
): number | null => state.groups[groupId]?.members[memberId]?.positions[tpKey(topic, partition)] ?? null;

export const rejected = (request: string, target: string, error: string): BrokerEffect => ({
  kind: 'request-rejected',
  request,
  target,
  error,
  reason: error,
});

export const putGroup = (state: BrokerState, group: GroupState): BrokerState => ({
  ...state,
  groups: { ...state.groups, [group.groupId]: group },
});

export const putMember = (state: BrokerState, group: GroupState, member: MemberState): BrokerState =>
  putGroup(state, { ...group, members: { ...group.members, [member.memberId]: member } });

/** Writes committed offsets and says so, with the lag each commit leaves. */
export function writeCommits(
  state: BrokerState,
  groupId: string,
  entries: readonly OffsetEntry[],
  now: number,
  why: string,
): BrokerStep {
  const group = state.groups[groupId];
  if (!group || entries.length === 0) return { state, effects: [] };
  const committed: Record<string, CommittedOffset> = { ...group.committed };
  const effects: BrokerEffect[] = [];
  for (const e of entries) {
    if (!Number.isInteger(e.offset) || e.offset < 0)
      throw new RangeError(`A committed offset is a whole number ≥ 0, got ${e.offset}`);
    const k = tpKey(e.topic, e.partition);
    const previous = committed[k]?.offset ?? null;
    committed[k] = { offset: e.offset, committedAt: now };
    const name = tpName(e.topic, e.partition);
    const done = e.offset === 0 ? 'nothing consumed yet' : `offsets up to ${e.offset - 1} are done`;
    effects.push({
      kind: 'offset-committed',
      groupId,
      topic: e.topic,
      partition: e.partition,
      offset: e.offset,
      previous,
      reason: `${why}: ${groupId} committed ${name} at ${e.offset}, the next offset to consume (${done})`,
    });
    const end = getPartition(state, e.topic, e.partition).logEndOffset;
    const lag = Math.max(0, end - e.offset);
    effects.push({
      kind: 'lag-changed',
      groupId,
      topic: e.topic,
      partition: e.partition,
      lag,
      reason: `lag of ${groupId} on ${name} = log-end ${end} − committed ${e.offset} = ${lag}`,
    });
  }
  return { state: putGroup(state, { ...group, committed }), effects };
}

/** Commits where the member has got to on `partitions` (only those it has a position for). */
export function commitPositions(
  state: BrokerState,
  groupId: string,
  memberId: string,
  partitions: readonly TopicPartition[],
  now: number,
  why: string,
  onlyChanged = false,
): BrokerStep {
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

export interface CommitRequest {
  groupId: string;
  /** '' = a consumer outside group management (or an admin tool): only accepted while the group is empty. */
  memberId: string;
  /** Explicit offsets; omitted = every assigned partition that has a position (SubscriptionState.allConsumed). */
  offsets?: OffsetEntry[];
  /** The generation the member last joined; omitted = the group's current one (-1 with an empty member id). */
  generation?: number;
  /** group.instance.id of a static member (KIP-345). */
  groupInstanceId?: string;
}

/**
 * Why the coordinator refuses a commit, or null: the classic protocol's rules
 * (group-coordinator ClassicGroup.validateOffsetCommit / validateMember). It checks WHO commits — member
 * id, static instance id, generation — and the group's state, never which partitions: a member may
 * commit a partition it does not own (KIP-848 groups check the member epoch instead,
 * ConsumerGroup.validateOffsetCommit). A rebalance in progress (REBALANCE_IN_PROGRESS) cannot be seen
 * here, as a simulated rebalance completes within one step.
 */
function commitRefusal(group: GroupState | undefined, req: CommitRequest): string | null {
  const { memberId, groupInstanceId } = req;
  // A consumer sends the generation it last joined (an evicted one still has its old member id and generation).
  const generation = req.generation ?? (memberId === '' ? -1 : (group?.generation ?? 0));
  const members = group ? Object.values(group.members) : [];
  if (generation < 0 && members.length === 0) return null; // admin client or manual assignment, empty group
  if (generation >= 0 || memberId !== '' || groupInstanceId !== undefined) {
    if (groupInstanceId !== undefined) {
      const holder = members.find((m) => m.groupInstanceId === groupInstanceId);
      if (!holder)
        return `no member of '${req.groupId}' has group.instance.id '${groupInstanceId}', so the coordinator answers UNKNOWN_MEMBER_ID`;
      if (holder.memberId !== memberId)
        return `group.instance.id '${groupInstanceId}' now belongs to ${holder.memberId}, so the coordinator fences ${memberId || 'the sender'} with FENCED_INSTANCE_ID (a newer instance with the same id replaced it)`;
    }
    if (!group?.members[memberId])
      return `${memberId || 'a consumer without a member id'} is not a member of group '${req.groupId}' (never joined, left, or was evicted), so the coordinator answers UNKNOWN_MEMBER_ID and the consumer throws CommitFailedException`;
    if (generation !== group.generation)
      return `${memberId} commits with generation ${generation}, but the group is at generation ${group.generation}: the coordinator answers ILLEGAL_GENERATION (it missed a rebalance and must rejoin), and the consumer throws CommitFailedException`;
    return null;
  }
  return `a commit without member id or generation is accepted only while the group is empty, and '${req.groupId}' has members: UNKNOWN_MEMBER_ID`;
}

/**
 * Commits offsets for a member: by default its positions on every assigned partition that has one
 * (KafkaConsumer.commitSync() = commitSync(subscriptions.allConsumed())), or the explicit offsets,
 * after the coordinator's checks (`commitRefusal`). Explicit offsets may name partitions the member
 * does not own: the classic coordinator accepts them.
 */
export function commit(state: BrokerState, request: CommitRequest, now: number): BrokerStep {
  const { groupId, memberId } = request;
  const base = withTime(state, now);
  const group = state.groups[groupId];
  const refusal = commitRefusal(group, request);
  if (refusal) return { state: base, effects: [rejected('commit', groupId, refusal)] };
  const member = group?.members[memberId];
  if (!request.offsets) {
    if (!member) return { state: base, effects: [] };
    return commitPositions(
      base,
      groupId,
      memberId,
      member.assignment,
      now,
      `${memberId} commits its positions on every assigned partition`,
    );
  }
  const owns = new Set(member?.assignment.map((tp) => tpKey(tp.topic, tp.partition)) ?? []);
  const foreign = request.offsets.filter((o) => !owns.has(tpKey(o.topic, o.partition)));
  const note =
    foreign.length && member
      ? ` (it does not own ${foreign.map((o) => tpName(o.topic, o.partition)).join(', ')}, but the coordinator checks the member and generation, not partition ownership)`
      : '';
  return writeCommits(
    base.groups[groupId] ? base : putGroup(base, emptyGroupFor(groupId)),
    groupId,
    request.offsets,
    now,
    `${memberId || 'an admin client'} commits${note}`,
  );
}

const emptyGroupFor = (groupId: string): GroupState => ({
  groupId,
  assignor: 'range',
  autoOffsetReset: 'latest',
  autoCommit: false,
  configured: false,
  generation: 0,
  topics: [],
  members: {},
  committed: {},
});
