/**
 * A consumer's poll loop: poll(), process the batch, commit — and the liveness checks around it, as Kafka's
 * classic consumer and coordinator do them (clients/.../consumer/internals/AbstractCoordinator.java,
 * ConsumerCoordinator.java; group-coordinator/.../GroupMetadataManager.java):
 * - The batch is processed at `perRecordMs` a record; the next poll() is due max.poll.interval.ms after this
 *   one. Past it, the heartbeat thread's handlePollTimeoutExpiry calls maybeLeaveGroup: a DYNAMIC member sends
 *   LeaveGroup (the group rebalances at once); a STATIC member (group.instance.id, KIP-345) sends nothing and
 *   stops heartbeating, so the coordinator keeps its partitions until session.timeout.ms runs out. Either way
 *   the client resets its generation (resetGenerationOnLeaveGroup), so its commit after the batch fails with
 *   CommitFailedException (ConsumerCoordinator.sendOffsetCommitRequest: "not part of an active group").
 * - Its next poll() rejoins. The client gave up its partitions as lost, so it restarts from the committed
 *   offsets. A static member back before its session expired gets its partitions again without a rebalance
 *   (updateStaticMemberThenRebalanceOrCompleteJoin, in a Stable group); a dynamic one joins like a newcomer.
 * - A member's deadline is checked against its own batch: members run concurrently, so the clock moving while
 *   another member processes does not count against it. Session expiry is time: `expireSessions`.
 */
import type { BrokerEffect } from '../types';
import { processRecord } from './delivery';
import { poll } from './consumer';
import { joinGroup, crashMember, type JoinRequest, type MemberRef } from './group';
import { commit, putGroup, putMember, rejected } from './offsets';
import { rebalanceGroup } from './rebalance';
import { tpList, withTime, type BrokerState, type BrokerStep, type FetchedRecord } from './brokerState';
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

export interface BatchRequest extends MemberRef {
  /** How long the application takes per record. */
  perRecordMs: number;
  /** max.poll.records for this poll; the client's setting when omitted. */
  maxRecords?: number;
  /** Commit (commitSync) after processing; default true. */
  commit?: boolean;
  dedupe?: boolean;
}

/** "30 s", "1.5 s", "400 ms", "5 min". */
export const duration = (ms: number): string =>
  ms < 1000 ? `${ms} ms` : ms >= 120_000 && ms % 60_000 === 0 ? `${ms / 60_000} min` : `${+(ms / 1000).toFixed(1)} s`;

export const clientOf = (state: BrokerState, groupId: string, memberId: string): ConsumerClient | null =>
  state.clients?.[clientKey(groupId, memberId)] ?? null;

const putClient = (state: BrokerState, client: ConsumerClient): BrokerState => ({
  ...state,
  clients: { ...state.clients, [clientKey(client.groupId, client.memberId)]: client },
});

/** A member that joined without settings (a topology member) runs with Kafka's defaults, dynamic. */
const defaultClient = (state: BrokerState, groupId: string, memberId: string): ConsumerClient => {
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

const note = (
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
function staticRejoin(state: BrokerState, client: ConsumerClient, now: number, why: 'restarted' | 'timed-out') {
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

function removeMember(state: BrokerState, groupId: string, memberId: string, now: number, why: string): BrokerStep {
  const group = state.groups[groupId]!;
  const members = { ...group.members };
  delete members[memberId];
  const s = putGroup(withTime(state, now), { ...group, members });
  const left: BrokerEffect = { kind: 'member-left', groupId, memberId, reason: why };
  if (Object.keys(members).length === 0) return { state: s, effects: [left] };
  const r = rebalanceGroup(s, groupId, now, `${memberId} left`);
  return { state: r.state, effects: [left, ...r.effects] };
}

/**
 * One turn of the poll loop: (rejoin if needed,) poll, process the batch at `perRecordMs` a record, then
 * commit. Returns when processing ended (`endedAt`): the caller's clock moves there.
 */
export function pollAndProcess(
  state: BrokerState,
  request: BatchRequest,
  now: number,
): BrokerStep & { records: FetchedRecord[]; endedAt: number } {
  const { groupId, memberId } = request;
  const expired = expireSessions(state, now);
  let s = expired.state;
  const effects: BrokerEffect[] = [...expired.effects];
  let client = clientOf(s, groupId, memberId);
  const inGroup = () => s.groups[groupId]?.members[memberId] !== undefined;
  if (!client) {
    if (!inGroup())
      return {
        state: s,
        effects: [...effects, rejected('poll', groupId, `${memberId} is not a member of group '${groupId}'`)],
        records: [],
        endedAt: now,
      };
    client = defaultClient(s, groupId, memberId);
  }
  if (client.status !== 'stable') {
    if (inGroup() && client.groupInstanceId !== undefined) {
      const r = staticRejoin(s, client, now, client.status === 'stopped' ? 'restarted' : 'timed-out');
      s = r.state;
      effects.push(...r.effects);
    } else {
      const topics = [...(s.groups[groupId]?.topics ?? [])];
      const r = joinGroup(
        s,
        {
          groupId,
          memberId,
          topics,
          ...(client.groupInstanceId !== undefined ? { groupInstanceId: client.groupInstanceId } : {}),
        },
        now,
      );
      s = r.state;
      effects.push(
        ...r.effects.map((e) =>
          e.kind === 'member-joined'
            ? { ...e, reason: `${memberId} calls poll() again and rejoins ${groupId} (JoinGroup): a new rebalance` }
            : e,
        ),
      );
    }
    client = { ...client, status: 'stable', sessionExpiresAt: null };
  }
  const polled = poll(s, { groupId, memberId, maxRecords: request.maxRecords ?? client.maxPollRecords }, now);
  s = polled.state;
  effects.push(...polled.effects);
  const n = polled.records.length;
  for (const r of polled.records) {
    const p = processRecord(s, groupId, memberId, r, request.dedupe ?? false, effects);
    s = p.state;
  }
  const ms = n * request.perRecordMs;
  const endedAt = now + ms;
  const interval = client.maxPollIntervalMs;
  const deadline = now + interval;
  const late = ms > interval;
  effects.push(
    note(
      groupId,
      memberId,
      'batch-processed',
      n === 0
        ? `${memberId}'s poll returned nothing; calling poll() resets its poll deadline (next one due within ${duration(interval)}) and keeps it in ${groupId}`
        : `${memberId} processed ${n} record${n === 1 ? '' : 's'} at ${duration(request.perRecordMs)} each: ${duration(ms)}${late ? `, longer than its max.poll.interval.ms (${duration(interval)}): it cannot call poll() again in time` : `, within its max.poll.interval.ms (${duration(interval)}), so its next poll() comes in time`}`,
      { records: n, ms, deadline },
    ),
  );
  if (late) {
    const dynamic = client.groupInstanceId === undefined;
    effects.push(
      note(
        groupId,
        memberId,
        'poll-timeout',
        `${duration(interval)} after its poll, ${memberId} is still processing: its heartbeat thread finds the poll timeout expired (AbstractCoordinator.handlePollTimeoutExpiry, "consumer poll timeout has expired") and resets its generation. ${
          dynamic
            ? 'A dynamic member sends LeaveGroup, so the group rebalances now, while it is still busy with the batch'
            : `A static member sends no LeaveGroup (maybeLeaveGroup skips members with a group.instance.id) and stops heartbeating: the coordinator keeps its partitions, unread, until session.timeout.ms (${duration(client.sessionTimeoutMs)}) passes without a heartbeat`
        }`,
        { deadline },
      ),
    );
    client = { ...client, status: 'unjoined', timeouts: client.timeouts + 1 };
    if (dynamic) {
      const r = removeMember(
        s,
        groupId,
        memberId,
        deadline,
        `${memberId} sent LeaveGroup ("consumer poll timeout has expired"): its partitions (${tpList(s.groups[groupId]!.members[memberId]!.assignment)}) go to the others, who start from the committed offsets`,
      );
      s = r.state;
      effects.push(...r.effects);
    } else {
      client = { ...client, sessionExpiresAt: deadline + client.sessionTimeoutMs };
    }
  }
  s = putClient(s, client);
  if (!late && client.sessionExpiresAt === null) {
    /* nothing to expire */
  } else {
    const x = expireSessions(s, endedAt);
    s = x.state;
    effects.push(...x.effects);
  }
  let committed = false;
  if (request.commit !== false && n > 0) {
    if (late) {
      effects.push(
        rejected(
          'commit',
          groupId,
          `${memberId} finished its batch and calls commitSync(), but its generation was reset when its poll timeout expired: it is not part of an active group, so the commit fails with CommitFailedException (ConsumerCoordinator.sendOffsetCommitRequest) and nothing is committed; the ${n} record${n === 1 ? '' : 's'} it processed will be processed again from the last committed offsets`,
        ),
      );
    } else {
      const c = commit(s, { groupId, memberId }, endedAt);
      s = c.state;
      effects.push(...c.effects);
      committed = !c.effects.some((e) => e.kind === 'request-rejected');
    }
  }
  const batch = {
    records: n,
    perRecordMs: request.perRecordMs,
    polledAt: now,
    deadline,
    endedAt,
    committed,
  };
  s = withTime(putClient(s, { ...clientOf(s, groupId, memberId)!, lastBatch: batch }), endedAt);
  return { state: s, effects, records: polled.records, endedAt };
}
