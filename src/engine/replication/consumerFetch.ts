/**
 * A consumer's fetch from the leader: it reads only below the high watermark. After a leader change it
 * validates its position by leader epoch (KIP-320, SubscriptionState.maybeCompleteValidation) and, when the
 * log was truncated under it, resets to the first diverging offset (auto.offset.reset is set).
 */
import { partitionOf, tpKey, type ClusterState, type ReplicationStep } from './clusterState';
import { clientOf, refreshMetadata, routeTo, withClient } from './clients';
import type { ReplicationEffect } from './effects';
import { endOffsetFor, logEndOffset } from './replicaLog';

export interface ConsumerFetchRequest {
  consumer: string;
  topic: string;
  partition: number;
  maxRecords?: number;
}

export function consumerFetch(state0: ClusterState, req: ConsumerFetchRequest, now: number): ReplicationStep {
  void now;
  const tp = { topic: req.topic, partition: req.partition };
  const key = tpKey(req.topic, req.partition);
  const p = partitionOf(state0, req.topic, req.partition);
  const route = routeTo(state0, req.consumer, p);
  let state = route.state;
  const effects: ReplicationEffect[] = [...route.effects];
  if (route.staleLeader !== null) {
    const b = route.staleLeader;
    const error = route.unreachable ? 'NETWORK_EXCEPTION' : 'NOT_LEADER_OR_FOLLOWER';
    effects.push({
      kind: 'consumer-fetch-failed',
      ...tp,
      consumer: req.consumer,
      broker: b,
      error,
      reason: route.unreachable
        ? `${req.consumer} cannot reach broker ${b} (it is down): the fetch fails`
        : `Broker ${b} no longer leads ${req.topic}-${req.partition}: it answers NOT_LEADER_OR_FOLLOWER`,
    });
    const r = refreshMetadata(state, req.consumer, p, 'refreshes its metadata and will fetch from the new leader');
    return { state: r.state, effects: [...effects, r.effect] };
  }
  if (p.leader === null) {
    effects.push({
      kind: 'consumer-fetch-failed',
      ...tp,
      consumer: req.consumer,
      broker: null,
      error: 'LEADER_NOT_AVAILABLE',
      reason: `${req.topic}-${req.partition} has no leader: the consumer gets nothing until one is elected`,
    });
    return { state, effects };
  }
  const leaderLog = p.logs[p.leader]!;
  const view = clientOf(state, req.consumer);
  let pos = view.positions[key] ?? { offset: 0, epoch: null, fetchedIn: p.leaderEpoch };
  if (pos.fetchedIn < p.leaderEpoch && pos.epoch !== null) {
    const answer = endOffsetFor(leaderLog, pos.epoch);
    const to = answer ? answer.endOffset : 0;
    if (!answer || to < pos.offset) {
      effects.push({
        kind: 'consumer-truncation-detected',
        ...tp,
        consumer: req.consumer,
        from: pos.offset,
        to,
        epoch: pos.epoch,
        reason: `The new leader's log ends epoch ${pos.epoch} at ${to}, before the consumer's position ${pos.offset}: records it already read are gone (the log was truncated). It resets to ${to}, and the offsets from ${to} on will hold different records`,
      });
      pos = { offset: to, epoch: answer ? answer.epoch : null, fetchedIn: p.leaderEpoch };
    }
  }
  const hw = leaderLog.highWatermark;
  const leo = logEndOffset(leaderLog);
  if (pos.offset > leo) {
    effects.push({
      kind: 'consumer-fetch-failed',
      ...tp,
      consumer: req.consumer,
      broker: p.leader,
      error: 'OFFSET_OUT_OF_RANGE',
      reason: `Position ${pos.offset} is past the leader's log end ${leo}: OFFSET_OUT_OF_RANGE; auto.offset.reset=latest moves it to ${leo}`,
    });
    pos = { offset: leo, epoch: null, fetchedIn: p.leaderEpoch };
  }
  const upTo = Math.min(hw, pos.offset + (req.maxRecords ?? Infinity));
  const records = leaderLog.records.slice(pos.offset, Math.max(pos.offset, upTo));
  const last = records.at(-1);
  pos = last
    ? { offset: last.offset + 1, epoch: last.leaderEpoch, fetchedIn: p.leaderEpoch }
    : { ...pos, fetchedIn: p.leaderEpoch };
  const hidden = leo - Math.max(hw, pos.offset);
  effects.push({
    kind: 'consumer-fetched',
    ...tp,
    consumer: req.consumer,
    broker: p.leader,
    offsets: records.map((r) => r.offset),
    highWatermark: hw,
    logEndOffset: leo,
    reason:
      (records.length > 0
        ? `${req.consumer} reads offsets ${records[0]!.offset}–${last!.offset}`
        : `${req.consumer} gets no new records`) +
      ` from leader ${p.leader}: it reads only below the high watermark (${hw})` +
      (hidden > 0 ? `; ${hidden} record(s) above it are not yet on every in-sync replica, so they stay invisible` : ''),
  });
  state = withClient(state, req.consumer, {
    ...clientOf(state, req.consumer),
    positions: { ...view.positions, [key]: pos },
  });
  return { state, effects };
}
