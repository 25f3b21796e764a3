/**
 * The slow consumer, played out by the engine's poll loop (`src/engine/broker/pollLoop.ts`): the member's own
 * max.poll.interval.ms and session.timeout.ms, static or dynamic, the heartbeat thread's poll timeout (LeaveGroup,
 * or for a static member eviction once its session runs out), CommitFailedException, and the rejoin on its next
 * poll all come from there. This file only runs the scenario's processing of the batch (`pollStep`: its services
 * react), moves the clock by the batch's time, and tells the learner what the fault they set up did.
 */
import * as broker from '../../engine/broker';
import { MAX_POLL_INTERVAL_MS_DEFAULT, type ConsumerClient } from '../../engine/broker';
import { tpList } from '../../engine/broker/brokerState';
import type { Effect } from '../../engine/types';
import type { CompiledScenario } from '../compiledScenario';
import type { ActionDef } from '../schema';
import { pollStep } from '../steps/consume';
import { joinRequest } from '../steps/joinRequest';
import type { World } from '../world';
import { memberKey } from './faultState';
import { slowFate } from './memberHints';
import { formatDuration } from './words';

type PollAction = Extract<ActionDef, { kind: 'poll' }>;
type Applied = { world: World; effects: Effect[] };
/** The scenario's own step for a non-poll action (advance-time): `../actions.ts`. */
export type ApplyAction = (world: World, action: ActionDef) => Applied;

const note = (target: string, reason: string): Effect => ({
  kind: 'fault-injected',
  fault: 'slow-consumer',
  target,
  reason,
});

/** The member's consumer as the engine runs it: its settings if it was started with some, Kafka's defaults if not. */
export const clientIn = (world: World, groupId: string, memberId: string): ConsumerClient =>
  broker.clientOf(world.broker, groupId, memberId) ?? broker.defaultClient(world.broker, groupId, memberId);

/** "max.poll.interval.ms (300000 ms by default, Kafka's ConsumerConfig)", or the member's own setting. */
export const intervalWords = (client: ConsumerClient): string =>
  client.maxPollIntervalMs === MAX_POLL_INTERVAL_MS_DEFAULT
    ? `max.poll.interval.ms (${MAX_POLL_INTERVAL_MS_DEFAULT} ms by default, Kafka's ConsumerConfig)`
    : `its max.poll.interval.ms (${client.maxPollIntervalMs} ms)`;

/** What arming a slow batch of `ms` means for this member, as its consumer is configured. */
export function slowArmed(client: ConsumerClient, ms: number): string {
  const next = `${client.memberId}'s next batch will take ${formatDuration(ms)} to process`;
  if (slowFate(client, ms) === 'in-time') return `${next}, within ${intervalWords(client)}`;
  return client.groupInstanceId === undefined
    ? `${next}, longer than ${intervalWords(client)}: it will not call poll() in time, so it will be removed from the group`
    : `${next}, longer than ${intervalWords(client)}: it will not call poll() in time. As a static member (group.instance.id '${client.groupInstanceId}') it sends no LeaveGroup: its partitions wait unread, and the coordinator evicts it if it has not polled again session.timeout.ms (${client.sessionTimeoutMs} ms) after that deadline`;
}

/**
 * Before a script poll while faults play out, the coordinator and the client as the engine's poll loop has them:
 * sessions that ran out are expired, and a member whose poll timed out joins again (`rejoinOnPoll`, with what the
 * scenario's consumer is created with). Nothing changes for a member whose consumer never timed out.
 */
export function rejoinIfTimedOut(world: World, rt: CompiledScenario, groupId: string, memberId: string): Applied {
  const clients = Object.values(world.broker.clients ?? {});
  if (!clients.some((c) => c.status === 'unjoined' || c.sessionExpiresAt !== null)) return { world, effects: [] };
  if (broker.clientOf(world.broker, groupId, memberId)?.status !== 'unjoined') {
    const x = broker.expireSessions(world.broker, world.time);
    return { world: { ...world, broker: x.state }, effects: x.effects };
  }
  const { assignor, autoOffsetReset } = joinRequest(world, rt, groupId, memberId);
  const isolationLevel = rt.groups.get(groupId)?.isolationLevel;
  const r = broker.rejoinOnPoll(world.broker, groupId, memberId, world.time, {
    ...(assignor ? { assignor } : {}),
    ...(autoOffsetReset ? { autoOffsetReset } : {}),
    ...(isolationLevel ? { isolationLevel } : {}),
  });
  return { world: { ...world, broker: r.state }, effects: r.effects };
}

/** What a slow batch of `ms` did to this member's poll deadline, in words (`late`: past its max.poll.interval.ms). */
export function slowTold(client: ConsumerClient, groupId: string, ms: number): { late: boolean; told: string } {
  const late = slowFate(client, ms) !== 'in-time';
  const told = late
    ? `${client.memberId} spent ${formatDuration(ms)} on its batch without calling poll(), longer than ${intervalWords(client)}`
    : `processing that batch took ${client.memberId} ${formatDuration(ms)}, within ${intervalWords(client)}, so it stays in ${groupId}; meanwhile new records on its partitions wait`;
  return { late, told };
}

/** The slow batch's note: within the deadline just `told`; past it, what becomes of the records it processed. */
export function slowOutcome(key: string, told: string, late: boolean, groupId: string, committedBefore: boolean) {
  if (!late) return note(key, told);
  return note(
    key,
    committedBefore
      ? `${told}. It committed that batch before processing it, so nothing of it is delivered again; its next poll joins ${groupId} again`
      : `${told}. What it processed was never committed, so whoever reads those partitions next starts from the last committed offsets and processes those records again`,
  );
}

/**
 * Processing the batch takes `ms`: the scenario's poll processes it (its commit held back when it commits after
 * processing), the clock moves on by `ms`, then the engine ends the batch (`endBatch`): within the member's
 * max.poll.interval.ms it commits; past it, the poll timeout and CommitFailedException, and the records go again.
 */
export function slowBatch(world: World, rt: CompiledScenario, action: PollAction, ms: number, apply: ApplyAction) {
  const { group: groupId, member: memberId } = action;
  const key = memberKey(groupId, memberId);
  const client = clientIn(world, groupId, memberId);
  if (action.crash === 'before-process') {
    const r = pollStep(world, rt, action);
    const why = `${memberId} crashed before processing that batch (this step's own crash), so the slow batch you set up never runs: the crash already took it out of ${groupId}`;
    return { world: r.world, effects: [...r.effects, note(key, why)] };
  }
  const mode = action.commit ?? rt.groups.get(groupId)?.commitMode ?? 'after';
  const after = mode === 'after' && !action.crash;
  const polled = pollStep(world, rt, after ? { ...action, commit: 'manual' } : action);
  const fetched = polled.effects.filter(
    (e) => e.kind === 'record-processed' && e.groupId === groupId && e.memberId === memberId,
  ).length;
  const { late, told } = slowTold(client, groupId, ms);
  const later = apply(polled.world, { kind: 'advance-time', ms });
  const effects: Effect[] = [
    ...polled.effects,
    ...(late ? [] : [slowOutcome(key, told, late, groupId, false)]),
    ...later.effects,
  ];
  // A crash the script set up on this poll already took the member out: nothing is left to time.
  if (!later.world.broker.groups[groupId]?.members[memberId]) {
    if (late)
      effects.push(
        note(
          key,
          `${memberId} crashed after processing that batch (this step's own crash), so it never reaches its poll deadline: the crash already took it out of ${groupId}, and what it processed was not committed`,
        ),
      );
    return { world: later.world, effects };
  }
  const ended = broker.endBatch(later.world.broker, {
    groupId,
    memberId,
    records: fetched,
    perRecordMs: fetched > 0 ? ms / fetched : ms,
    polledAt: world.time,
    endedAt: world.time + ms,
    commit: after,
  });
  effects.push(
    ...ended.effects.map((e) =>
      e.kind === 'member-left' && e.memberId === memberId
        ? {
            ...e,
            reason: `${told}: its heartbeat thread sends LeaveGroup ("consumer poll timeout has expired") and the group rebalances without it`,
          }
        : e.kind === 'partitions-revoked' && e.memberId === memberId
          ? { ...e, reason: `${memberId} is out of the group, so ${tpList(e.partitions)} go to the others` }
          : e,
    ),
  );
  if (late) effects.push(slowOutcome(key, told, late, groupId, mode === 'before'));
  return { world: { ...later.world, broker: ended.state }, effects };
}
