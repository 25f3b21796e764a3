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
import { joinGroup, type JoinRequest, type MemberRef } from './group';
import { commit, rejected } from './offsets';
import { tpList, withTime, type BrokerState, type BrokerStep, type FetchedRecord } from './brokerState';
import {
  clientOf,
  defaultClient,
  duration,
  expireSessions,
  note,
  putClient,
  removeMember,
  staticRejoin,
} from './membership';
import type { ConsumerClient } from './consumerClient';

export interface BatchRequest extends MemberRef {
  /** How long the application takes per record. */
  perRecordMs: number;
  /**
   * A batch timed as a whole (the failure lab's slow batch): it takes exactly this long, whatever its size, instead
   * of `records × perRecordMs`, which in floating point can land a hair past (or short of) the total it was divided
   * from and so past (or within) max.poll.interval.ms when the total is exactly the limit.
   */
  batchMs?: number;
  /** max.poll.records for this poll; the client's setting when omitted. */
  maxRecords?: number;
  /** Commit (commitSync) after processing; default true. */
  commit?: boolean;
  dedupe?: boolean;
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
  const joined = rejoinOnPoll(state, groupId, memberId, now);
  let s = joined.state;
  const effects: BrokerEffect[] = [...joined.effects];
  const client = joined.client;
  if (!client)
    return {
      state: s,
      effects: [...effects, rejected('poll', groupId, `${memberId} is not a member of group '${groupId}'`)],
      records: [],
      endedAt: now,
    };
  const polled = poll(s, { groupId, memberId, maxRecords: request.maxRecords ?? client.maxPollRecords }, now);
  s = polled.state;
  effects.push(...polled.effects);
  const n = polled.records.length;
  for (const r of polled.records) {
    const p = processRecord(s, groupId, memberId, r, request.dedupe ?? false, effects);
    s = p.state;
  }
  const ms = request.batchMs ?? n * request.perRecordMs;
  const took =
    request.batchMs === undefined
      ? ` at ${duration(request.perRecordMs)} each: ${duration(ms)}`
      : ` in ${duration(ms)}`;
  const interval = client.maxPollIntervalMs;
  effects.push(
    note(
      groupId,
      memberId,
      'batch-processed',
      n === 0
        ? `${memberId}'s poll returned nothing; calling poll() resets its poll deadline (next one due within ${duration(interval)}) and keeps it in ${groupId}`
        : `${memberId} processed ${n} record${n === 1 ? '' : 's'}${took}${ms > interval ? `, longer than its max.poll.interval.ms (${duration(interval)}): it cannot call poll() again in time` : `, within its max.poll.interval.ms (${duration(interval)}), so its next poll() comes in time`}`,
      { records: n, ms, deadline: now + interval },
    ),
  );
  const ended = endBatch(s, {
    groupId,
    memberId,
    records: n,
    perRecordMs: request.perRecordMs,
    polledAt: now,
    endedAt: now + ms,
    commit: request.commit !== false,
  });
  return { state: ended.state, effects: [...effects, ...ended.effects], records: polled.records, endedAt: now + ms };
}

/**
 * What poll() does before it fetches: the coordinator's expired sessions first, then, when the member is not in
 * its group (its poll timed out, it was stopped, or the coordinator evicted it), it joins again — a static member
 * still held by the coordinator without a rebalance. `join` adds what the application's consumer was created
 * with (its assignor, auto.offset.reset, isolation.level) to a JoinGroup. `client` is null for a member that was
 * never started and is not in the group (nothing to rejoin); otherwise it is the client as it polls.
 */
export function rejoinOnPoll(
  state: BrokerState,
  groupId: string,
  memberId: string,
  now: number,
  join: Omit<JoinRequest, 'groupId' | 'memberId' | 'topics' | 'groupInstanceId'> = {},
): BrokerStep & { client: ConsumerClient | null } {
  const expired = expireSessions(state, now);
  let s = expired.state;
  const effects: BrokerEffect[] = [...expired.effects];
  const inGroup = () => s.groups[groupId]?.members[memberId] !== undefined;
  const known = clientOf(s, groupId, memberId);
  if (!known && !inGroup()) return { state: s, effects, client: null };
  const client = known ?? defaultClient(s, groupId, memberId);
  if (client.status === 'stable' && inGroup()) return { state: s, effects, client };
  if (inGroup() && client.groupInstanceId !== undefined) {
    const r = staticRejoin(s, client, now, client.status === 'stopped' ? 'restarted' : 'timed-out');
    s = r.state;
    effects.push(...r.effects);
  } else {
    const topics = [...(s.groups[groupId]?.topics ?? [])];
    const r = joinGroup(
      s,
      {
        ...join,
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
  const back: ConsumerClient = { ...client, status: 'stable', sessionExpiresAt: null };
  return { state: putClient(s, back), effects, client: back };
}

export interface BatchEnd extends MemberRef {
  /** How many records the poll returned. */
  records: number;
  /** The time a record took (for a batch timed as a whole: its time over its records). */
  perRecordMs: number;
  /** When poll() returned the batch, and when processing it ended. */
  polledAt: number;
  endedAt: number;
  /** Whether the application calls commitSync() after the batch. */
  commit: boolean;
}

/**
 * The end of a batch: the member's poll deadline (max.poll.interval.ms after `polledAt`) checked against how long
 * processing took — past it, the heartbeat thread's handlePollTimeoutExpiry (LeaveGroup and a rebalance for a
 * dynamic member; for a static one no LeaveGroup, eviction session.timeout.ms later), the client's generation reset
 * — then the commit after the batch, refused with CommitFailedException when the deadline was missed.
 */
export function endBatch(state: BrokerState, batch: BatchEnd): BrokerStep & { late: boolean } {
  const { groupId, memberId, records: n, polledAt, endedAt } = batch;
  let s = state;
  const effects: BrokerEffect[] = [];
  let client = clientOf(s, groupId, memberId) ?? defaultClient(s, groupId, memberId);
  const interval = client.maxPollIntervalMs;
  const deadline = polledAt + interval;
  const late = endedAt - polledAt > interval;
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
  if (late || client.sessionExpiresAt !== null) {
    const x = expireSessions(s, endedAt);
    s = x.state;
    effects.push(...x.effects);
  }
  let committed = false;
  if (batch.commit && n > 0) {
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
  const last = { records: n, perRecordMs: batch.perRecordMs, polledAt, deadline, endedAt, committed };
  s = withTime(putClient(s, { ...clientOf(s, groupId, memberId)!, lastBatch: last }), endedAt);
  return { state: s, effects, late };
}
