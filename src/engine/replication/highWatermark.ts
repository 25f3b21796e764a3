/**
 * The leader's high watermark and the acks=all requests waiting on it (Partition.maybeIncrementLeaderHW,
 * Partition.checkEnoughReplicasReachOffset, DelayedProduce).
 */
import { effectiveMinIsr, type ClusterState, type FollowerView, type PartitionState } from './clusterState';
import type { ReplicationEffect } from './effects';
import { logEndOffset } from './replicaLog';

/** Replica.isCaughtUp: at the leader's log end, or caught up within replica.lag.time.max.ms. */
export const isCaughtUp = (f: FollowerView, leaderEnd: number, now: number, lagMaxMs: number): boolean =>
  f.logEndOffset === leaderEnd || now - f.lastCaughtUpTimeMs <= lagMaxMs;

/**
 * Advances the leader's high watermark to the smallest log end among the leader and every ISR member
 * (and every caught-up, unfenced follower about to join it). It never moves back on a leader, and since
 * Kafka 3.7 (KAFKA-15583, part of KIP-966) it does not move at all while the ISR is below
 * min(min.insync.replicas, replication factor). Waiting acks=all requests at or below it are answered.
 */
export function maybeIncrementHighWatermark(
  state: ClusterState,
  p: PartitionState,
  now: number,
): { partition: PartitionState; effects: ReplicationEffect[] } {
  const leader = p.leader;
  if (leader === null) return { partition: p, effects: [] };
  const log = p.logs[leader]!;
  const leo = logEndOffset(log);
  const minIsr = effectiveMinIsr(state, p);
  const tp = { topic: p.topic, partition: p.partition };
  if (p.isr.length < minIsr) {
    if (leo <= log.highWatermark) return { partition: p, effects: [] };
    const held: ReplicationEffect = {
      kind: 'hw-held',
      ...tp,
      broker: leader,
      highWatermark: log.highWatermark,
      isr: [...p.isr],
      minInsync: minIsr,
      reason:
        `The high watermark stays at ${log.highWatermark}: the ISR [${p.isr.join(', ')}] is smaller than ` +
        `min.insync.replicas=${minIsr}, and since Kafka 3.7 the leader does not advance it below min ISR`,
    };
    return { partition: p, effects: [held] };
  }
  let hw = leo;
  for (const [id, f] of Object.entries(p.followers)) {
    const b = Number(id);
    const end = f.logEndOffset ?? -1;
    const waitFor =
      p.isr.includes(b) || (state.online[b] === true && isCaughtUp(f, leo, now, state.options.replicaLagTimeMaxMs));
    if (end < hw && waitFor) hw = end;
  }
  if (hw <= log.highWatermark) return { partition: p, effects: [] };
  const from = log.highWatermark;
  const effects: ReplicationEffect[] = [
    {
      kind: 'hw-advanced',
      ...tp,
      broker: leader,
      from,
      to: hw,
      reason:
        `Every in-sync replica [${p.isr.join(', ')}] now has the records below ${hw}: ` +
        `the high watermark moves from ${from} to ${hw}, and consumers may read them`,
    },
  ];
  const stillWaiting = p.pendingAcks.filter((a) => a.offset >= hw);
  for (const a of p.pendingAcks.filter((x) => x.offset < hw)) {
    // checkEnoughReplicasReachOffset: HW reached, but the ISR may have shrunk below min meanwhile.
    const error = p.isr.length >= minIsr ? null : 'NOT_ENOUGH_REPLICAS_AFTER_APPEND';
    effects.push({
      kind: 'replica-ack-sent',
      ...tp,
      producer: a.producer,
      offset: a.offset,
      acks: 'all',
      error,
      reason:
        error === null
          ? `Offset ${a.offset} is below the high watermark ${hw}: every in-sync replica has it, so the acks=all ack goes back to ${a.producer}`
          : `Offset ${a.offset} was replicated but the ISR is now below min.insync.replicas: ${a.producer} gets NOT_ENOUGH_REPLICAS_AFTER_APPEND (the record stays in the log)`,
    });
  }
  const logs = { ...p.logs, [leader]: { ...log, highWatermark: hw } };
  return { partition: { ...p, logs, pendingAcks: stillWaiting }, effects };
}
