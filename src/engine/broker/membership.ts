/**
 * A consumer's membership as its poll loop sees it (classic protocol): starting with settings, a clean stop, a
 * static member's return without a rebalance, and the coordinator's session expiry of a static member that stopped
 * heartbeating. Sources: clients/.../consumer/internals/AbstractCoordinator.java (maybeLeaveGroup: LeaveGroup only
 * for a dynamic member) and group-coordinator/.../GroupMetadataManager.java
 * (updateStaticMemberThenRebalanceOrCompleteJoin). `pollLoop.ts` runs the loop itself.
 */
import type { BrokerEffect } from '../types';
import { joinGroup, crashMember, type JoinRequest, type MemberRef } from './group';
import { putGroup, putMember, rejected } from './offsets';
import { rebalanceGroup } from './rebalance';
import { tpList, withTime, type BrokerState, type BrokerStep } from './brokerState';
import {
  clientKey,
  MAX_POLL_INTERVAL_MS_DEFAULT,
  MAX_POLL_RECORDS_DEFAULT,
  SESSION_TIMEOUT_MS_DEFAULT,
  type ConsumerClient,
} from './consumerClient';

export interface StartRequest extends JoinRequest {
  maxPollIntervalMs?: number;
  sessionTimeoutMs?: number;
  maxPollRecords?: number;
}

/** "30 s", "1.5 s", "400 ms", "5 min". */
export const duration = (ms: number): string =>
  ms < 1000 ? `${ms} ms` : ms >= 120_000 && ms % 60_000 === 0 ? `${ms / 60_000} min` : `${+(ms / 1000).toFixed(1)} s`;

export const clientOf = (state: BrokerState, groupId: string, memberId: string): ConsumerClient | null =>
  state.clients?.[clientKey(groupId, memberId)] ?? null;

export const putClient = (state: BrokerState, client: ConsumerClient): BrokerState => ({
  ...state,
  clients: { ...state.clients, [clientKey(client.groupId, client.memberId)]: client },
});

/** A member that joined without settings (a topology member) runs with Kafka's defaults, dynamic. */
export const defaultClient = (state: BrokerState, groupId: string, memberId: string): ConsumerClient => {
  const instance = state.groups[groupId]?.members[memberId]?.groupInstanceId;
  return {
    groupId,
    memberId,
    ...(instance !== undefined ? { groupInstanceId: instance } : {}),
    maxPollIntervalMs: MAX_POLL_INTERVAL_MS_DEFAULT,
    sessionTimeoutMs: SESSION_TIMEOUT_MS_DEFAULT,
    maxPollRecords: MAX_POLL_RECORDS_DEFAULT,
    status: 'stable',
    sessionExpiresAt: null,
    lastBatch: null,
    timeouts: 0,
  };
};

export const note = (
  groupId: string,
  memberId: string,
  op: Extract<BrokerEffect, { kind: 'consumer-changed' }>['op'],
  reason: string,
  extra: { records?: number; ms?: number; deadline?: number } = {},
): BrokerEffect => ({ kind: 'consumer-changed', groupId, memberId, op, reason, ...extra });

/** Starts a consumer with its settings: a JoinGroup (a rebalance), or a static member's return without one. */
export function startConsumer(state: BrokerState, request: StartRequest, now: number): BrokerStep {
  const { groupId, memberId } = request;
  const expired = expireSessions(state, now);
  let s = expired.state;
  const effects = [...expired.effects];
  const previous = clientOf(s, groupId, memberId);
  const member = s.groups[groupId]?.members[memberId];
  if (member && previous?.status === 'stable')
    return {
      state: s,
      effects: [...effects, rejected('start-consumer', groupId, `${memberId} is already running in ${groupId}`)],
    };
  const client: ConsumerClient = {
    groupId,
    memberId,
    ...(request.groupInstanceId !== undefined ? { groupInstanceId: request.groupInstanceId } : {}),
    maxPollIntervalMs: request.maxPollIntervalMs ?? MAX_POLL_INTERVAL_MS_DEFAULT,
    sessionTimeoutMs: request.sessionTimeoutMs ?? SESSION_TIMEOUT_MS_DEFAULT,
    maxPollRecords: request.maxPollRecords ?? MAX_POLL_RECORDS_DEFAULT,
    status: 'stable',
    sessionExpiresAt: null,
    lastBatch: previous?.lastBatch ?? null,
    timeouts: previous?.timeouts ?? 0,
  };
  if (member && client.groupInstanceId !== undefined && member.groupInstanceId === client.groupInstanceId) {
    const r = staticRejoin(s, client, now, 'restarted');
    return { state: r.state, effects: [...effects, ...r.effects] };
  }
  const joined = joinGroup(s, request, now);
  s = putClient(joined.state, client);
  return { state: s, effects: [...effects, ...joined.effects] };
}

/**
 * A static member back while the coordinator still holds its place: the coordinator maps its
 * group.instance.id to a new member id and, in a Stable group, hands back the same partitions with no
 * rebalance. The client's positions are gone (a new process, or partitions given up as lost), so it
 * resumes from the committed offsets.
 */
export function staticRejoin(state: BrokerState, client: ConsumerClient, now: number, why: 'restarted' | 'timed-out') {
  const group = state.groups[client.groupId]!;
  const member = group.members[client.memberId]!;
  const { paused: _dropped, ...rest } = member;
  let s = putMember(withTime(state, now), group, { ...rest, positions: {}, fetchCursor: 0 });
  s = putClient(s, { ...client, status: 'stable', sessionExpiresAt: null });
  const back =
    why === 'restarted'
      ? `${client.memberId} starts again with group.instance.id '${client.groupInstanceId}'`
      : `${client.memberId} calls poll() again and rejoins with group.instance.id '${client.groupInstanceId}'`;
  return {
    state: s,
    effects: [
      note(
        client.groupId,
        client.memberId,
        'static-rejoined',
        `${back} before session.timeout.ms (${duration(client.sessionTimeoutMs)}) ran out: the coordinator still holds its place, gives it a new member id and hands back the same partitions (${tpList(member.assignment)}) without a rebalance (GroupMetadataManager.updateStaticMemberThenRebalanceOrCompleteJoin); it has no positions, so it resumes from ${client.groupId}'s committed offsets`,
      ),
    ],
  };
}

/** Closes a consumer: a dynamic member sends LeaveGroup (a rebalance); a static member sends nothing. */
export function stopConsumer(state: BrokerState, request: MemberRef, now: number): BrokerStep {
  const { groupId, memberId } = request;
  const member = state.groups[groupId]?.members[memberId];
  if (!member)
    return {
      state: withTime(state, now),
      effects: [rejected('stop-consumer', groupId, `${memberId} is not a member of group '${groupId}'`)],
    };
  const client = clientOf(state, groupId, memberId) ?? defaultClient(state, groupId, memberId);
  if (client.groupInstanceId === undefined) {
    const r = removeMember(
      state,
      groupId,
      memberId,
      now,
      `${memberId} is closed: a dynamic member sends LeaveGroup as it closes (AbstractCoordinator.maybeLeaveGroup), so the group rebalances at once`,
    );
    return { state: putClient(r.state, { ...client, status: 'stopped', sessionExpiresAt: null }), effects: r.effects };
  }
  // A member whose poll timeout already stopped its heartbeats keeps the expiry that started then.
  const expires = Math.min(client.sessionExpiresAt ?? Infinity, now + client.sessionTimeoutMs);
  const s = putClient(withTime(state, now), { ...client, status: 'stopped', sessionExpiresAt: expires });
  return {
    state: s,
    effects: [
      note(
        groupId,
        memberId,
        'stopped',
        `${memberId} is closed. It is a static member (group.instance.id '${client.groupInstanceId}'), and a static member never sends LeaveGroup (AbstractCoordinator.maybeLeaveGroup: "only dynamic members will send LeaveGroupRequest"): the coordinator keeps ${tpList(member.assignment)} for it, unread, until session.timeout.ms (${duration(client.sessionTimeoutMs)}) passes without a heartbeat — no rebalance yet`,
      ),
    ],
  };
}

/** The coordinator evicts static members whose heartbeats stopped longer than session.timeout.ms ago. */
export function expireSessions(state: BrokerState, now: number): BrokerStep {
  let s = withTime(state, now);
  const effects: BrokerEffect[] = [];
  for (const key of Object.keys(state.clients ?? {}).sort()) {
    const c = s.clients![key]!;
    if (c.sessionExpiresAt === null || c.sessionExpiresAt > now) continue;
    s = putClient(s, { ...c, sessionExpiresAt: null });
    if (!s.groups[c.groupId]?.members[c.memberId]) continue;
    const r = crashMember(s, { groupId: c.groupId, memberId: c.memberId }, c.sessionExpiresAt);
    s = withTime(r.state, now);
    for (const e of r.effects)
      effects.push(
        e.kind === 'member-crashed'
          ? {
              ...e,
              reason: `no heartbeat from static member ${c.memberId} for session.timeout.ms (${duration(c.sessionTimeoutMs)}): the coordinator evicts it and the group rebalances; its partitions go to the others, from the committed offsets`,
            }
          : e,
      );
  }
  return { state: s, effects };
}

export function removeMember(
  state: BrokerState,
  groupId: string,
  memberId: string,
  now: number,
  why: string,
): BrokerStep {
  const group = state.groups[groupId]!;
  const members = { ...group.members };
  delete members[memberId];
  const s = putGroup(withTime(state, now), { ...group, members });
  const left: BrokerEffect = { kind: 'member-left', groupId, memberId, reason: why };
  if (Object.keys(members).length === 0) return { state: s, effects: [left] };
  const r = rebalanceGroup(s, groupId, now, `${memberId} left`);
  return { state: r.state, effects: [left, ...r.effects] };
}
