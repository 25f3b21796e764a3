/**
 * Admin actions on a group's committed offsets (kafka-consumer-groups --reset-offsets). Refused, with a
 * `request-rejected` effect rather than a throw, while the group has members: stop the consumers first.
 */
import type { BrokerEffect } from '../types';
import { emptyGroup } from './group';
import { getPartition, getTopic } from './log';
import { putGroup, rejected } from './offsets';
import {
  tpKey,
  tpName,
  withTime,
  type BrokerState,
  type BrokerStep,
  type CommittedOffset,
  type PartitionLog,
} from './brokerState';

export type ResetTarget = 'earliest' | 'latest' | { offset: number } | { timestamp: number };

export interface ResetRequest {
  groupId: string;
  topic: string;
  to: ResetTarget;
}

/** Earliest offset whose record timestamp is ≥ `timestamp` (Kafka's offsetsForTimes); log-end if none. */
export function offsetForTimestamp(log: PartitionLog, timestamp: number): number {
  const hit = log.records.find((r) => r.timestamp >= timestamp);
  return hit ? hit.offset : log.logEndOffset;
}

function target(log: PartitionLog, to: ResetTarget): { offset: number; how: string } {
  if (to === 'earliest')
    return { offset: log.logStartOffset, how: `earliest: the log-start offset ${log.logStartOffset}` };
  if (to === 'latest') return { offset: log.logEndOffset, how: `latest: the log-end offset ${log.logEndOffset}` };
  if ('offset' in to) {
    const offset = Math.min(Math.max(to.offset, log.logStartOffset), log.logEndOffset);
    return {
      offset,
      how:
        offset === to.offset
          ? `offset ${offset}`
          : `offset ${to.offset}, clamped to the log's range [${log.logStartOffset}, ${log.logEndOffset}] → ${offset}`,
    };
  }
  const offset = offsetForTimestamp(log, to.timestamp);
  return { offset, how: `timestamp ${to.timestamp}: the first record at or after it is offset ${offset}` };
}

export function resetGroupOffsets(state: BrokerState, request: ResetRequest, now: number): BrokerStep {
  const { groupId, topic, to } = request;
  const base = withTime(state, now);
  const group = state.groups[groupId] ?? emptyGroup(groupId);
  const members = Object.keys(group.members).sort();
  if (members.length > 0) {
    return {
      state: base,
      effects: [
        rejected(
          'reset-offsets',
          groupId,
          `offsets of group ${groupId} can only be reset while it has no members, and ${members.join(', ')} ${members.length === 1 ? 'is' : 'are'} still in it: stop the consumers first`,
        ),
      ],
    };
  }
  if (!state.topics[topic])
    return { state: base, effects: [rejected('reset-offsets', groupId, `topic '${topic}' does not exist`)] };
  const committed: Record<string, CommittedOffset> = { ...group.committed };
  const effects: BrokerEffect[] = [];
  getTopic(state, topic).partitions.forEach((_, partition) => {
    const log = getPartition(state, topic, partition);
    const k = tpKey(topic, partition);
    const from = committed[k]?.offset ?? null;
    const t = target(log, to);
    committed[k] = { offset: t.offset, committedAt: now };
    const name = tpName(topic, partition);
    effects.push({
      kind: 'offsets-reset',
      groupId,
      topic,
      partition,
      from,
      to: t.offset,
      reason: `admin reset of ${groupId} on ${name} to ${t.how} (was ${from ?? 'no commit'}); the next consumer starts there`,
    });
    const lag = Math.max(0, log.logEndOffset - t.offset);
    effects.push({
      kind: 'lag-changed',
      groupId,
      topic,
      partition,
      lag,
      reason: `lag of ${groupId} on ${name} = log-end ${log.logEndOffset} − committed ${t.offset} = ${lag}`,
    });
  });
  const topics = group.topics.includes(topic) ? group.topics : [...group.topics, topic].sort();
  return { state: putGroup(base, { ...group, topics, committed }), effects };
}
