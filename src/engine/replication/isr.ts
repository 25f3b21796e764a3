/**
 * ISR membership driven by the leader: a follower that falls behind for replica.lag.time.max.ms leaves
 * (Partition.maybeShrinkIsr, run by ReplicaManager's "isr-expiration" task every lag/2), and one that
 * catches up rejoins (Partition.maybeExpandIsr). In KRaft both go through the controller (AlterPartition);
 * here the controller's answer is immediate.
 */
import { type ClusterState, type PartitionState } from './clusterState';
import type { ReplicationEffect } from './effects';
import { applyChange } from './election';
import { isCaughtUp, maybeIncrementHighWatermark } from './highWatermark';
import { logEndOffset } from './replicaLog';

const electionOf = (state: ClusterState, p: PartitionState) =>
  state.topics[p.topic]!.uncleanLeaderElection ? ('unclean' as const) : ('online' as const);

export function maybeShrinkIsr(
  state: ClusterState,
  p: PartitionState,
  now: number,
): { partition: PartitionState; effects: ReplicationEffect[] } {
  if (p.leader === null) return { partition: p, effects: [] };
  const lag = state.options.replicaLagTimeMaxMs;
  const leaderEnd = logEndOffset(p.logs[p.leader]!);
  const out = p.isr.filter((b) => b !== p.leader && !isCaughtUp(p.followers[b]!, leaderEnd, now, lag));
  if (out.length === 0) return { partition: p, effects: [] };
  const since = out.map((b) => `${b}: last caught up at ${p.followers[b]!.lastCaughtUpTimeMs} ms`).join('; ');
  const changed = applyChange(
    state,
    p,
    {
      targetIsr: p.isr.filter((b) => !out.includes(b)),
      election: electionOf(state, p),
      because: `it has not caught up to the leader's log end (${leaderEnd}) for more than replica.lag.time.max.ms=${lag} ms (${since}; now ${now} ms)`,
    },
    now,
  );
  const hw = maybeIncrementHighWatermark(state, changed.partition, now);
  return { partition: hw.partition, effects: [...changed.effects, ...hw.effects] };
}

/** A follower whose fetch offset reached the high watermark and the start of the leader's epoch rejoins. */
export function maybeExpandIsr(
  state: ClusterState,
  p: PartitionState,
  follower: number,
  now: number,
): { partition: PartitionState; effects: ReplicationEffect[] } {
  if (p.leader === null || p.isr.includes(follower)) return { partition: p, effects: [] };
  const leaderLog = p.logs[p.leader]!;
  const end = p.followers[follower]?.logEndOffset ?? -1;
  const epochStart = leaderLog.epochs.find((e) => e.epoch === p.leaderEpoch)?.startOffset ?? 0;
  if (end < leaderLog.highWatermark || end < epochStart) return { partition: p, effects: [] };
  const isr = [...p.isr, follower];
  const changed = applyChange(state, p, { targetIsr: isr, election: electionOf(state, p) }, now);
  const effects: ReplicationEffect[] = [
    {
      kind: 'isr-expanded',
      topic: p.topic,
      partition: p.partition,
      added: follower,
      isr,
      reason:
        `Broker ${follower} has fetched up to ${end}, at or past the high watermark (${leaderLog.highWatermark}) ` +
        `and the start of epoch ${p.leaderEpoch} (${epochStart}): it is back in the ISR`,
    },
    ...changed.effects,
  ];
  return { partition: changed.partition, effects };
}

export { electionOf };
