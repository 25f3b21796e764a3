/** Consumer group membership: join, leave, crash (session timeout). Each change runs a rebalance. */
import type { AssignorName, BrokerEffect, OffsetResetPolicy } from '../types';
import { commitPositions, putGroup, rejected } from './offsets';
import { rebalanceGroup } from './rebalance';
import { restartWords } from './crashRestart';
import { clientKey, SESSION_TIMEOUT_MS_DEFAULT } from './consumerClient';
import { tpList, withTime, type BrokerState, type BrokerStep, type GroupState, type MemberState } from './brokerState';

export interface JoinRequest {
  groupId: string;
  memberId: string;
  topics: string[];
  /** Default 'range' (Kafka's default). */
  assignor?: AssignorName;
  /** Default 'latest' (Kafka's default). */
  autoOffsetReset?: OffsetResetPolicy;
  /**
   * Default false here (Kafka's Java client defaults to true): scenarios commit explicitly so each
   * commit is visible. When true, each poll first commits the positions the previous poll reached.
   */
  autoCommit?: boolean;
  /** group.instance.id (KIP-345): a static member. The coordinator checks it on commits (FENCED_INSTANCE_ID). */
  groupInstanceId?: string;
  /** isolation.level of this consumer; default 'read_uncommitted' (Kafka's default). */
  isolationLevel?: 'read_committed' | 'read_uncommitted';
}

export interface MemberRef {
  groupId: string;
  memberId: string;
}

/** session.timeout.ms default (Kafka ≥ 3.0, KIP-735: 45000 in ConsumerConfig.java; one constant, in `consumerClient.ts`). */
export const SESSION_TIMEOUT_MS = SESSION_TIMEOUT_MS_DEFAULT;

/**
 * The session.timeout.ms the coordinator holds a member to: the one its consumer sent in its JoinGroup when it was
 * started with its own (`startConsumer`, kept with the client), else the default. A crashed member is evicted that
 * long after its last heartbeat, so a crash's reason quotes this, not the default.
 */
export const sessionTimeoutOf = (state: BrokerState, groupId: string, memberId: string): number =>
  state.clients?.[clientKey(groupId, memberId)]?.sessionTimeoutMs ?? SESSION_TIMEOUT_MS;

export function emptyGroup(groupId: string): GroupState {
  return {
    groupId,
    assignor: 'range',
    autoOffsetReset: 'latest',
    autoCommit: false,
    configured: false,
    generation: 0,
    topics: [],
    members: {},
    committed: {},
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Joins (or changes the subscription of) a member. The group's settings come from its first join. */
export function joinGroup(state: BrokerState, request: JoinRequest, now: number): BrokerStep {
  const { groupId, memberId } = request;
  const topics = [...new Set(request.topics)].sort();
  let group = state.groups[groupId] ?? emptyGroup(groupId);
  if (!group.configured) {
    group = {
      ...group,
      configured: true,
      assignor: request.assignor ?? 'range',
      autoOffsetReset: request.autoOffsetReset ?? 'latest',
      autoCommit: request.autoCommit ?? false,
    };
  }
  const existing = group.members[memberId];
  if (existing && sameSet(existing.topics, topics)) return { state: withTime(state, now), effects: [] };
  const member: MemberState = existing
    ? { ...existing, topics }
    : {
        memberId,
        topics,
        assignment: [],
        positions: {},
        fetchCursor: 0,
        ...(request.groupInstanceId !== undefined ? { groupInstanceId: request.groupInstanceId } : {}),
        ...(request.isolationLevel === 'read_committed' ? { isolationLevel: 'read_committed' as const } : {}),
      };
  const allTopics = [...new Set([...group.topics, ...topics])].sort();
  const next = putGroup(withTime(state, now), {
    ...group,
    topics: allTopics,
    members: { ...group.members, [memberId]: member },
  });
  const effects: BrokerEffect[] = [];
  if (!existing) {
    effects.push({
      kind: 'member-joined',
      groupId,
      memberId,
      reason: `${memberId} joined group ${groupId} subscribing to ${topics.join(', ') || 'nothing'}`,
    });
  }
  const cause = existing ? `${memberId} changed its subscription to ${topics.join(', ')}` : `${memberId} joined`;
  const r = rebalanceGroup(next, groupId, now, cause);
  return { state: r.state, effects: [...effects, ...r.effects] };
}

/** A clean shutdown: commit (if auto-commit), give up partitions, leave; the others rebalance. */
export function leaveGroup(state: BrokerState, request: MemberRef, now: number): BrokerStep {
  const { groupId, memberId } = request;
  const base = withTime(state, now);
  const member = state.groups[groupId]?.members[memberId];
  if (!member)
    return {
      state: base,
      effects: [rejected('leave-group', groupId, `${memberId} is not a member of group '${groupId}'`)],
    };
  const effects: BrokerEffect[] = [];
  let s = base;
  if (state.groups[groupId]!.autoCommit) {
    const c = commitPositions(s, groupId, memberId, member.assignment, now, `auto-commit as ${memberId} closes`, true);
    s = c.state;
    effects.push(...c.effects);
  }
  if (member.assignment.length > 0) {
    effects.push({
      kind: 'partitions-revoked',
      groupId,
      memberId,
      partitions: [...member.assignment],
      reason: `${memberId} is leaving, so it gives up ${tpList(member.assignment)}`,
    });
  }
  effects.push({
    kind: 'member-left',
    groupId,
    memberId,
    reason: `${memberId} left group ${groupId} cleanly (LeaveGroup), so the group rebalances at once`,
  });
  return removeAndRebalance(s, groupId, memberId, now, `${memberId} left`, effects);
}

/**
 * The coordinator evicts a member that stopped without a word (no LeaveGroup, no heartbeats) once session.timeout.ms
 * has passed. `now` is the moment of the eviction: a script puts the session's time before it (`advance-time`), and
 * `crashUnnoticed` moves the clock there itself. Each partition's restart point is computed (`restartWords`).
 */
export function crashMember(state: BrokerState, request: MemberRef, now: number): BrokerStep {
  return evict(
    state,
    request,
    now,
    (session) => `${request.memberId} crashed: no heartbeat for ${sessionWords(session)}, so the coordinator evicts it`,
  );
}

/**
 * A crash at `crashedAt` that the coordinator only notices by silence: the member sends no LeaveGroup and no more
 * heartbeats, so it is evicted session.timeout.ms later (ConsumerConfig SESSION_TIMEOUT_MS_DOC: "If no heartbeats are
 * received by the broker before the expiration of this session timeout, then the broker will remove this client from
 * the group and initiate a rebalance"). The state's clock moves to the eviction, `evictedAt`; the caller's follows.
 */
export function crashUnnoticed(
  state: BrokerState,
  request: MemberRef,
  crashedAt: number,
  /** When in its work it died ("before committing the 2 records it processed"), said after "crashed". */
  how?: string,
): BrokerStep & { evictedAt: number } {
  const { groupId, memberId } = request;
  const session = state.groups[groupId]?.members[memberId] ? sessionTimeoutOf(state, groupId, memberId) : 0;
  const evictedAt = crashedAt + session;
  const r = evict(
    state,
    request,
    evictedAt,
    () =>
      `${memberId} crashed${how ? ` ${how},` : ''} and sends no more heartbeats; ${sessionWords(session)} later, with none received, the coordinator evicts it (the clock moves on ${session / 1000} s)`,
  );
  return { ...r, evictedAt };
}

function evict(state: BrokerState, request: MemberRef, now: number, lead: (sessionMs: number) => string): BrokerStep {
  const { groupId, memberId } = request;
  const base = withTime(state, now);
  const member = state.groups[groupId]?.members[memberId];
  if (!member)
    return {
      state: base,
      effects: [rejected('crash-member', groupId, `${memberId} is not a member of group '${groupId}'`)],
    };
  const restart = restartWords(state, groupId, member);
  const effects: BrokerEffect[] = [
    {
      kind: 'member-crashed',
      groupId,
      memberId,
      reason: `${lead(sessionTimeoutOf(state, groupId, memberId))}${restart ? `; ${restart}` : ''}`,
    },
  ];
  return removeAndRebalance(base, groupId, memberId, now, `${memberId}'s session timed out`, effects);
}

/** "session.timeout.ms (45 s by default)", or "its session.timeout.ms (10 s)" for a member started with its own. */
const sessionWords = (ms: number): string =>
  ms === SESSION_TIMEOUT_MS
    ? `session.timeout.ms (${ms / 1000} s by default)`
    : `its session.timeout.ms (${ms / 1000} s)`;

function removeAndRebalance(
  state: BrokerState,
  groupId: string,
  memberId: string,
  now: number,
  cause: string,
  effects: BrokerEffect[],
): BrokerStep {
  const group = state.groups[groupId]!;
  const members = { ...group.members };
  delete members[memberId];
  const s = putGroup(state, { ...group, members });
  if (Object.keys(members).length === 0) return { state: s, effects };
  const r = rebalanceGroup(s, groupId, now, cause);
  return { state: r.state, effects: [...effects, ...r.effects] };
}
