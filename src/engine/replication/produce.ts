/** A producer's send to a partition's leader with acks=0, 1 or all (Partition.appendRecordsToLeader). */
import {
  effectiveMinIsr,
  partitionOf,
  withPartition,
  type Acks,
  type ClusterState,
  type ReplicationStep,
} from './clusterState';
import { refreshMetadata, routeTo } from './clients';
import type { ReplicationEffect } from './effects';
import { maybeIncrementHighWatermark } from './highWatermark';
import { appendRecords, logEndOffset } from './replicaLog';

export interface ProduceRequest {
  producer: string;
  topic: string;
  partition: number;
  key?: string | null;
  value: unknown;
  acks: Acks;
}

export function produce(
  state0: ClusterState,
  req: ProduceRequest,
  now: number,
): ReplicationStep & { offset: number | null } {
  const effects: ReplicationEffect[] = [];
  const tp = { topic: req.topic, partition: req.partition };
  let p = partitionOf(state0, req.topic, req.partition);
  const route = routeTo(state0, req.producer, p);
  let state = route.state;
  effects.push(...route.effects);
  if (route.staleLeader !== null) {
    const b = route.staleLeader;
    if (route.unreachable) {
      const r = refreshMetadata(
        state,
        req.producer,
        p,
        `cannot reach broker ${b} (it is down), so the batch stays in its buffer`,
      );
      state = r.state;
      effects.push(r.effect);
    } else if (req.acks === 0) {
      // KafkaApis: an acks=0 request cannot get an error response, so the broker closes the connection.
      const r = refreshMetadata(
        state,
        req.producer,
        p,
        `had its connection closed by broker ${b}, which no longer leads`,
      );
      effects.push({
        kind: 'replica-ack-not-requested',
        ...tp,
        producer: req.producer,
        offset: null,
        reason: `Broker ${b} is not the leader; with acks=0 it cannot answer, so it drops the record and closes the connection. The producer never learns the record is lost`,
      });
      effects.push(r.effect);
      return { state: r.state, effects, offset: null };
    } else {
      effects.push({
        kind: 'replica-produce-refused',
        ...tp,
        producer: req.producer,
        broker: b,
        error: 'NOT_LEADER_OR_FOLLOWER',
        retriable: true,
        reason: `Broker ${b} no longer leads ${req.topic}-${req.partition}: it answers NOT_LEADER_OR_FOLLOWER, a retriable error`,
      });
      const r = refreshMetadata(
        state,
        req.producer,
        p,
        'got NOT_LEADER_OR_FOLLOWER, refreshes its metadata and retries',
      );
      state = r.state;
      effects.push(r.effect);
    }
  }
  const leader = p.leader;
  if (leader === null) {
    effects.push({
      kind: 'replica-produce-refused',
      ...tp,
      producer: req.producer,
      broker: null,
      error: 'LEADER_NOT_AVAILABLE',
      retriable: true,
      reason: `${req.topic}-${req.partition} has no leader: the producer keeps the record and retries until delivery.timeout.ms (120 s); nothing is written`,
    });
    return { state, effects, offset: null };
  }
  const minIsr = effectiveMinIsr(state, p);
  if (req.acks === 'all' && p.isr.length < minIsr) {
    effects.push({
      kind: 'replica-produce-refused',
      ...tp,
      producer: req.producer,
      broker: leader,
      error: 'NOT_ENOUGH_REPLICAS',
      retriable: true,
      reason: `The ISR [${p.isr.join(', ')}] has ${p.isr.length} replica(s), fewer than min.insync.replicas=${minIsr}: an acks=all write is refused before it is written (acks=0 and acks=1 writes are still accepted)`,
    });
    return { state, effects, offset: null };
  }
  const log = p.logs[leader]!;
  const offset = logEndOffset(log);
  const record = { offset, leaderEpoch: p.leaderEpoch, key: req.key ?? null, value: req.value, producer: req.producer };
  p = { ...p, logs: { ...p.logs, [leader]: appendRecords(log, [record]) } };
  effects.push({
    kind: 'replica-appended',
    ...tp,
    broker: leader,
    offset,
    leaderEpoch: p.leaderEpoch,
    acks: req.acks,
    producer: req.producer,
    reason: `Leader broker ${leader} appends offset ${offset} in epoch ${p.leaderEpoch}; the followers have not copied it yet`,
  });
  if (req.acks === 'all')
    p = { ...p, pendingAcks: [...p.pendingAcks, { producer: req.producer, offset, sentAt: now }] };
  const hw = maybeIncrementHighWatermark(state, p, now);
  p = hw.partition;
  effects.push(...hw.effects);
  if (req.acks === 0)
    effects.push({
      kind: 'replica-ack-not-requested',
      ...tp,
      producer: req.producer,
      offset,
      reason: 'acks=0: the leader sends no answer; the producer counted the record as sent when it left',
    });
  else if (req.acks === 1)
    effects.push({
      kind: 'replica-ack-sent',
      ...tp,
      producer: req.producer,
      offset,
      acks: 1,
      error: null,
      reason: `acks=1: the leader answers as soon as offset ${offset} is in its own log, before any follower has it`,
    });
  else if (p.pendingAcks.some((a) => a.offset === offset)) {
    const waitingFor = p.isr.filter((b) => b !== leader && (p.followers[b]?.logEndOffset ?? -1) <= offset);
    effects.push({
      kind: 'replica-ack-waiting',
      ...tp,
      producer: req.producer,
      offset,
      waitingFor,
      reason: `acks=all: the leader holds the answer until every in-sync replica has offset ${offset} (waiting for broker ${waitingFor.join(', ')})`,
    });
  }
  return { state: withPartition(state, p), effects, offset };
}
