/**
 * KafkaConsumer.pause / resume: the application stops fetching from some of its partitions and keeps calling
 * poll(), so it stays in the group (heartbeats and the poll deadline are kept) and keeps those partitions —
 * no rebalance — while their records wait. "Rebalance will not preserve the pause/resume state"
 * (KafkaConsumer.pause javadoc, clients/.../consumer/KafkaConsumer.java): `rebalance.ts` drops the pause
 * of a partition that is assigned anew.
 */
import type { BrokerEffect, TopicPartition } from '../types';
import { lagOf, putMember, rejected } from './offsets';
import { tpKey, tpName, withTime, type BrokerState, type BrokerStep } from './brokerState';

export interface PauseRequest {
  groupId: string;
  memberId: string;
  partitions: TopicPartition[];
}

const names = (tps: readonly TopicPartition[]) => tps.map((tp) => tpName(tp.topic, tp.partition));

function change(state: BrokerState, request: PauseRequest, now: number, pause: boolean): BrokerStep {
  const { groupId, memberId } = request;
  const base = withTime(state, now);
  const op = pause ? 'pause' : 'resume';
  const group = state.groups[groupId];
  const member = group?.members[memberId];
  if (!group || !member)
    return { state: base, effects: [rejected(op, groupId, `${memberId} is not a member of group '${groupId}'`)] };
  const owned = new Set(member.assignment.map((tp) => tpKey(tp.topic, tp.partition)));
  const foreign = request.partitions.filter((tp) => !owned.has(tpKey(tp.topic, tp.partition)));
  if (foreign.length > 0)
    return {
      state: base,
      effects: [
        rejected(
          op,
          groupId,
          `${memberId} can only ${op} partitions assigned to it, and ${names(foreign).join(', ')} ${foreign.length === 1 ? 'is' : 'are'} not: KafkaConsumer.${op} throws IllegalStateException`,
        ),
      ],
    };
  const keys = request.partitions.map((tp) => tpKey(tp.topic, tp.partition));
  const current = new Set(member.paused ?? []);
  for (const k of keys)
    if (pause) current.add(k);
    else current.delete(k);
  const paused = [...current].sort();
  const { paused: _was, ...rest } = member;
  const next = putMember(base, group, { ...rest, ...(paused.length ? { paused } : {}) });
  const lags = request.partitions.map((tp) => {
    const lag = lagOf(next, groupId, tp.topic, tp.partition);
    return `${tpName(tp.topic, tp.partition)} lag ${lag === null ? 'unknown (no commit)' : lag}`;
  });
  const list = names(request.partitions).join(', ');
  const effect: BrokerEffect = {
    kind: 'consumer-changed',
    groupId,
    memberId,
    op: pause ? 'paused' : 'resumed',
    partitions: names(request.partitions),
    reason: pause
      ? `${memberId} pauses ${list} (KafkaConsumer.pause): its polls return no records from ${request.partitions.length === 1 ? 'it' : 'them'}, but it keeps calling poll() and heartbeating, so it stays in ${groupId} and keeps ${request.partitions.length === 1 ? 'the partition' : 'them'} — no rebalance; ${lags.join(', ')}`
      : `${memberId} resumes ${list} (KafkaConsumer.resume): its next poll fetches from ${request.partitions.length === 1 ? 'it' : 'them'} again, from the position where it stopped; ${lags.join(', ')}`,
  };
  return { state: next, effects: [effect] };
}

export const pausePartitions = (state: BrokerState, request: PauseRequest, now: number): BrokerStep =>
  change(state, request, now, true);

export const resumePartitions = (state: BrokerState, request: PauseRequest, now: number): BrokerStep =>
  change(state, request, now, false);

/** The member's paused partitions as "topic:partition" keys (empty when none). */
export const pausedOf = (state: BrokerState, groupId: string, memberId: string): readonly string[] =>
  state.groups[groupId]?.members[memberId]?.paused ?? [];
