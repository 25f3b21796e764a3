/**
 * Broker failure and return, and the admin's unclean election. KRaft's controller fences a broker that
 * stops heartbeating (after broker.session.timeout.ms) and removes it from every ISR, electing new leaders
 * (ReplicationControlManager.handleBrokerFenced); a returning broker is unfenced and may lead partitions
 * that had none (handleBrokerUnfenced). A crash here keeps the broker's disk: its log comes back as it was.
 */
import {
  partitionOf,
  withPartition,
  type ClusterState,
  type PartitionState,
  type ReplicationStep,
} from './clusterState';
import type { ReplicationEffect } from './effects';
import { applyChange, type PartitionChange } from './election';
import { maybeIncrementHighWatermark } from './highWatermark';
import { electionOf } from './isr';

function eachPartition(
  state: ClusterState,
  pick: (p: PartitionState) => boolean,
  change: (p: PartitionState) => PartitionChange,
  now: number,
): ReplicationStep {
  let s = state;
  const effects: ReplicationEffect[] = [];
  for (const p of Object.values(state.partitions)) {
    if (!pick(p)) continue;
    const changed = applyChange(s, p, change(p), now);
    const hw = maybeIncrementHighWatermark(s, changed.partition, now);
    s = withPartition(s, hw.partition);
    effects.push(...changed.effects, ...hw.effects);
  }
  return { state: s, effects };
}

export function crashBroker(state0: ClusterState, broker: number, now: number): ReplicationStep {
  if (state0.online[broker] !== true) return { state: state0, effects: [] };
  let state: ClusterState = {
    ...state0,
    online: { ...state0.online, [broker]: false },
    crashed: [...state0.crashed, broker],
  };
  const effects: ReplicationEffect[] = [
    {
      kind: 'broker-crashed',
      broker,
      reason: `Broker ${broker} crashes. It stops heartbeating, and after broker.session.timeout.ms (9 s) the controller fences it (here at once)`,
    },
  ];
  for (const p of Object.values(state.partitions)) {
    if (p.leader !== broker) continue;
    for (const a of p.pendingAcks)
      effects.push({
        kind: 'replica-ack-lost',
        topic: p.topic,
        partition: p.partition,
        producer: a.producer,
        offset: a.offset,
        broker,
        reason: `The acks=all request for offset ${a.offset} was waiting on broker ${broker}: no answer reaches ${a.producer}; its connection drops and it retries (a duplicate unless the producer is idempotent)`,
      });
    state = withPartition(state, { ...p, pendingAcks: [] });
  }
  const r = eachPartition(
    state,
    (p) => p.isr.includes(broker) || p.leader === broker,
    (p) => ({
      targetIsr: p.isr.filter((b) => b !== broker),
      removing: broker,
      election: electionOf(state, p),
      because: `broker ${broker} is down and fenced by the controller`,
    }),
    now,
  );
  return { state: r.state, effects: [...effects, ...r.effects] };
}

export function restartBroker(state0: ClusterState, broker: number, now: number): ReplicationStep {
  if (state0.online[broker] === true) return { state: state0, effects: [] };
  const wasCrashed = state0.crashed.includes(broker);
  const partitions = { ...state0.partitions };
  for (const [k, p] of Object.entries(partitions))
    if (p.replicas.includes(broker))
      partitions[k] = { ...p, logs: { ...p.logs, [broker]: { ...p.logs[broker]!, truncating: true } } };
  let state: ClusterState = {
    ...state0,
    online: { ...state0.online, [broker]: true },
    crashed: state0.crashed.filter((b) => b !== broker),
    partitions,
  };
  const effects: ReplicationEffect[] = [
    {
      kind: 'broker-restarted',
      broker,
      reason: `Broker ${broker} starts again with its log as it was on disk; as a follower it must reconcile its log with the leader's before it can rejoin the ISR`,
    },
  ];
  if (wasCrashed && state.options.eligibleLeaderReplicas) {
    // KIP-966: a broker back from an unclean shutdown leaves the ISR and ELR (handleBrokerUncleanShutdown).
    const r = eachPartition(
      state,
      (p) => p.isr.includes(broker) || p.elr.includes(broker),
      (p) => ({
        targetIsr: p.isr.filter((b) => b !== broker),
        uncleanShutdown: broker,
        election: electionOf(state, p),
        because: `broker ${broker} is back from an unclean shutdown, so its log cannot be trusted to hold every committed record`,
      }),
      now,
    );
    state = r.state;
    effects.push(...r.effects);
  }
  const r = eachPartition(
    state,
    (p) => p.leader === null && p.replicas.includes(broker),
    (p) => ({ targetIsr: p.isr, adding: broker, election: electionOf(state, p) }),
    now,
  );
  return { state: r.state, effects: [...effects, ...r.effects] };
}

/**
 * `kafka-leader-election --election-type unclean`: the admin can force an unclean election for a partition
 * without a leader even when the topic does not allow it (ReplicationControlManager.electLeader).
 */
export function electUncleanLeader(
  state: ClusterState,
  topic: string,
  partition: number,
  now: number,
): ReplicationStep {
  const p = partitionOf(state, topic, partition);
  if (p.leader !== null)
    return {
      state,
      effects: [
        {
          kind: 'leader-election-skipped',
          topic,
          partition,
          leader: p.leader,
          reason: `${topic}-${partition} already has a leader (broker ${p.leader}): ELECTION_NOT_NEEDED`,
        },
      ],
    };
  return eachPartition(
    state,
    (x) => x === p,
    () => ({ targetIsr: p.isr, election: 'unclean' }),
    now,
  );
}
