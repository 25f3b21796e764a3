/**
 * The controller's partition changes: ISR, Eligible Leader Replicas and leader election, as KRaft's
 * PartitionChangeBuilder computes them (metadata/.../controller/PartitionChangeBuilder.java, build and
 * electAnyLeader), then the new leader taking over (Partition.makeLeader / makeFollower).
 */
import { effectiveMinIsr, type ClusterState, type FollowerView, type PartitionState } from './clusterState';
import type { ReplicationEffect } from './effects';
import { assignEpochStart, logEndOffset } from './replicaLog';

export interface PartitionChange {
  /** The ISR the change asks for (before any election adjusts it). */
  targetIsr: readonly number[];
  /** A broker being fenced: never an acceptable leader. */
  removing?: number;
  /** A broker being unfenced: an acceptable leader. */
  adding?: number;
  /** A broker registering after an unclean shutdown: out of ISR and ELR, not a leader (KIP-966). */
  uncleanShutdown?: number;
  /** 'unclean' when the topic (or an admin's election request) allows an out-of-sync leader. */
  election: 'online' | 'unclean';
  /** Why members leave the ISR, for the `isr-shrunk` effect. */
  because?: string;
}

type How = 'isr' | 'elr' | 'last-known-leader' | 'unclean';

export function applyChange(
  state: ClusterState,
  p: PartitionState,
  change: PartitionChange,
  now: number,
): { partition: PartitionState; effects: ReplicationEffect[] } {
  const elrOn = state.options.eligibleLeaderReplicas;
  const minIsr = effectiveMinIsr(state, p);
  const acceptable = (b: number) =>
    b !== change.removing && b !== change.uncleanShutdown && (b === change.adding || state.online[b] === true);
  let targetIsr = [...change.targetIsr];
  let elr = [...p.elr];
  let lastKnownLeader = p.lastKnownLeader;
  // maybePopulateTargetElr: ISR members that drop out while the ISR is below min ISR stay eligible.
  if (elrOn) {
    if (targetIsr.length >= minIsr) elr = [];
    else elr = [...new Set([...elr, ...p.isr])].filter((b) => !targetIsr.includes(b) && b !== change.uncleanShutdown);
  }
  const valid = (b: number) => (targetIsr.includes(b) || (targetIsr.length === 0 && elr.includes(b))) && acceptable(b);
  let leader: number | null = null;
  let how: How = 'isr';
  if (p.leader !== null && valid(p.leader)) leader = p.leader;
  else {
    const clean = p.replicas.find(valid);
    if (clean !== undefined) {
      leader = clean;
      how = targetIsr.includes(clean) ? 'isr' : 'elr';
    } else if (
      elrOn &&
      targetIsr.length === 0 &&
      elr.length === 0 &&
      lastKnownLeader !== null &&
      acceptable(lastKnownLeader)
    ) {
      leader = lastKnownLeader;
      how = 'last-known-leader';
    } else if (change.election === 'unclean') {
      const any = p.replicas.find(acceptable);
      if (any !== undefined) {
        leader = any;
        how = 'unclean';
      }
    }
  }
  let isr = targetIsr;
  if (leader !== null && leader !== p.leader) {
    if (how === 'elr') {
      isr = [leader];
      elr = elr.filter((b) => b !== leader);
    } else if (how === 'unclean' || how === 'last-known-leader') {
      // An unclean election forces the ISR to the new leader alone and clears the ELR: data can be lost.
      isr = [leader];
      elr = [];
    }
  }
  // Without ELR the ISR never becomes empty: the last member stays in it, even while it is down.
  if (isr.length === 0 && !elrOn) isr = [...p.isr];
  targetIsr = isr;
  if (elrOn && isr.length === 0 && p.leader !== null) lastKnownLeader = p.leader;
  else if (leader !== null) lastKnownLeader = null;

  const effects: ReplicationEffect[] = [];
  const tp = { topic: p.topic, partition: p.partition };
  const removed = p.isr.filter((b) => !isr.includes(b));
  if (removed.length > 0)
    effects.push({
      kind: 'isr-shrunk',
      ...tp,
      removed,
      isr: [...isr],
      reason: `Broker ${removed.join(', ')} leaves the ISR: ${change.because ?? 'an unclean election keeps only the new leader in it'}`,
    });
  if (elrOn && JSON.stringify(elr) !== JSON.stringify(p.elr))
    effects.push({
      kind: 'elr-changed',
      ...tp,
      elr: [...elr],
      reason:
        elr.length === 0
          ? 'The Eligible Leader Replicas are cleared (the ISR is back at min ISR, or an election used them)'
          : `Brokers ${elr.join(', ')} left the ISR while it was below min.insync.replicas=${minIsr}: they have every committed record (the high watermark cannot move below min ISR), so they stay eligible to lead (KIP-966)`,
    });
  let next: PartitionState = { ...p, isr, elr, lastKnownLeader };
  if (leader !== p.leader) {
    if (leader === null) {
      next = { ...next, leader: null };
      effects.push({
        kind: 'partition-offline',
        ...tp,
        previous: p.leader,
        isr: [...isr],
        reason:
          `No replica may lead ${p.topic}-${p.partition}: the ISR [${isr.join(', ')}] has no live broker` +
          (change.election === 'unclean'
            ? ' and no other replica is up'
            : ' and unclean.leader.election.enable=false') +
          '. Producers and consumers get errors until a leader is back',
      });
    } else {
      const r = becomeLeader(next, leader, how, now, p);
      next = r.partition;
      effects.push(r.effect);
    }
  }
  return { partition: next, effects };
}

function becomeLeader(
  p: PartitionState,
  leader: number,
  how: How,
  now: number,
  before: PartitionState,
): { partition: PartitionState; effect: ReplicationEffect } {
  const epoch = p.leaderEpoch + 1;
  const logs = { ...p.logs };
  for (const b of p.replicas) logs[b] = { ...logs[b]!, truncating: b !== leader };
  logs[leader] = assignEpochStart(logs[leader]!, epoch);
  // makeLeader resets what it knows of followers: ISR members get the benefit of the doubt (caught up now).
  const followers: Record<number, FollowerView> = {};
  for (const b of p.replicas)
    if (b !== leader)
      followers[b] = {
        logEndOffset: null,
        lastCaughtUpTimeMs: p.isr.includes(b) ? now : 0,
        lastFetchTimeMs: 0,
        lastFetchLeaderLogEndOffset: -1,
      };
  // What was committed before: the old leader's high watermark, or, when the partition had no leader, that of
  // the replicas that were the last to hold every committed record (ISR, ELR, last known leader).
  const newEnd = logEndOffset(logs[leader]!);
  const holders =
    before.leader !== null
      ? [before.leader]
      : [...before.isr, ...before.elr, ...(before.lastKnownLeader !== null ? [before.lastKnownLeader] : [])];
  const oldHw = Math.max(0, ...holders.map((b) => p.logs[b]!.highWatermark));
  const oldEnd = Math.max(0, ...holders.map((b) => logEndOffset(p.logs[b]!)));
  // A committed offset is lost when the new leader lacks it or holds another record there: an unclean
  // leader's log can be as long as the committed one and still diverge (a record of an older epoch at the
  // same offset). Same offset and same leader epoch is the same record (Kafka's log reconciliation rests on it).
  const reference = holders.map((b) => p.logs[b]!).find((l) => l.highWatermark === oldHw);
  const epochAt = (records: readonly { offset: number; leaderEpoch: number }[], o: number) =>
    records.find((r) => r.offset === o)?.leaderEpoch;
  const lostOffsets: number[] = [];
  for (let o = 0; o < oldHw; o++) {
    const mine = epochAt(logs[leader]!.records, o);
    if (mine === undefined || (reference !== undefined && mine !== epochAt(reference.records, o))) lostOffsets.push(o);
  }
  const extra = Math.max(0, oldEnd - Math.max(newEnd, oldHw));
  const why: Record<How, string> = {
    isr: `it is in the ISR, so it has every record below the high watermark`,
    elr: `the ISR is empty and it is an Eligible Leader Replica (it has every committed record)`,
    'last-known-leader': `the ISR and ELR are empty and it was the last leader (KIP-966 last known leader)`,
    unclean: `no in-sync replica is available and unclean leader election is allowed: it was OUT of sync`,
  };
  const effect: ReplicationEffect = {
    kind: 'leader-elected',
    topic: p.topic,
    partition: p.partition,
    leader,
    previous: p.leader,
    leaderEpoch: epoch,
    how,
    lostOffsets,
    reason:
      `Broker ${leader} leads ${p.topic}-${p.partition} in epoch ${epoch}: ${why[how]}.` +
      (lostOffsets.length > 0
        ? ` Its log ${lostOffsets[0]! >= newEnd ? `ends at ${newEnd}` : 'differs from the committed one'}, so committed offset${lostOffsets.length === 1 ? ` ${lostOffsets[0]} is` : `s ${lostOffsets.join(', ')} are`} lost.`
        : '') +
      (extra > 0
        ? ` ${extra} record(s) past the high watermark on other replicas were never committed here and will be truncated when it returns.`
        : ''),
  };
  return { partition: { ...p, leader, leaderEpoch: epoch, logs, followers, pendingAcks: [] }, effect };
}
