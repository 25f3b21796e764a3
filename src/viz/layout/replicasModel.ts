/**
 * The replicas view's model (`viz/replicas/`): for each replicated partition, one row per broker holding
 * a copy (its role, whether it is up and in the ISR, its log end and records), the high watermark, and what
 * the step did to producers' acknowledgements. Pure: from the replication model's state and the step's effects.
 */
import type { ClusterState, PartitionState, ReplicationEffect } from '../../engine/replication';
import type { Effect } from '../../engine/types';

export interface ReplicaCellVM {
  offset: number;
  value: string;
  epoch: number;
  /** Below the high watermark (on every in-sync replica): consumers may read it. */
  committed: boolean;
  /** Not the leader's record at this offset: the follower will truncate it at its next fetch. */
  diverged: boolean;
  label: string;
}

export interface ReplicaRowVM {
  broker: number;
  leader: boolean;
  up: boolean;
  inIsr: boolean;
  inElr: boolean;
  logEnd: number;
  cells: ReplicaCellVM[];
  /** "broker 2 · follower · in ISR · log end 5": the row's text, also its accessible name. */
  label: string;
}

export type AckTone = 'arrived' | 'waiting' | 'refused' | 'lost' | 'none';

export interface AckVM {
  key: string;
  tone: AckTone;
  /** "ack arrives", "ack waiting", "refused: NOT_ENOUGH_REPLICAS", "ack lost", "no ack (acks=0)". */
  title: string;
  text: string;
}

export interface PartitionReplicasVM {
  key: string;
  name: string;
  leader: number | null;
  leaderEpoch: number;
  highWatermark: number;
  replicationFactor: number;
  minInsync: number;
  /** Offsets drawn per row: the longest log end, plus one slot for the next record. */
  columns: number;
  rows: ReplicaRowVM[];
  /** What this step did to producers' acknowledgements, then the acks=all requests still waiting. */
  acks: AckVM[];
  /** Records on a replica that are not in the leader's log (they will be truncated). */
  diverged: { broker: number; offset: number; value: string }[];
  /** Committed offsets an election in this step lost (the new leader's log lacks them). */
  lostOffsets: number[];
}

const inThis =
  (p: PartitionState) =>
  (e: Effect): e is ReplicationEffect & { topic: string; partition: number } =>
    'topic' in e && 'partition' in e && e.topic === p.topic && e.partition === p.partition;

function ackOf(e: Effect, i: number): AckVM | null {
  const key = `${i}-${e.kind}`;
  switch (e.kind) {
    case 'replica-ack-sent':
      return e.error === null
        ? {
            key,
            tone: 'arrived',
            title: 'ack arrives',
            text: `${e.producer} is told offset ${e.offset} is written (acks=${e.acks})`,
          }
        : {
            key,
            tone: 'refused',
            title: `error: ${e.error}`,
            text: `${e.producer} gets ${e.error} for offset ${e.offset}`,
          };
    case 'replica-ack-waiting':
      return {
        key,
        tone: 'waiting',
        title: 'ack waiting',
        text: `${e.producer}'s acks=all answer for offset ${e.offset} waits for broker ${e.waitingFor.join(', ')}`,
      };
    case 'replica-produce-refused':
      return {
        key,
        tone: 'refused',
        title: `refused: ${e.error}`,
        text: `${e.producer}'s write is refused; nothing is written`,
      };
    case 'replica-ack-lost':
      return {
        key,
        tone: 'lost',
        title: 'ack lost',
        text: `${e.producer} never gets an answer for offset ${e.offset}`,
      };
    case 'replica-ack-not-requested':
      return { key, tone: 'none', title: 'no ack (acks=0)', text: `${e.producer} asked for no answer` };
    default:
      return null;
  }
}

export function layoutReplicas(cluster: ClusterState | undefined, effects: readonly Effect[]): PartitionReplicasVM[] {
  if (!cluster) return [];
  return Object.values(cluster.partitions).map((p) => {
    const topic = cluster.topics[p.topic]!;
    const leaderLog = p.leader !== null ? p.logs[p.leader]! : null;
    const highWatermark = leaderLog
      ? leaderLog.highWatermark
      : Math.max(0, ...p.isr.map((b) => p.logs[b]!.highWatermark));
    const diverged: PartitionReplicasVM['diverged'] = [];
    const rows = p.replicas.map((b): ReplicaRowVM => {
      const log = p.logs[b]!;
      const leader = p.leader === b;
      const up = cluster.online[b] === true;
      const inIsr = p.isr.includes(b);
      const inElr = p.elr.includes(b);
      const cells = log.records.map((r): ReplicaCellVM => {
        const mine = leaderLog?.records[r.offset];
        const isDiverged = leaderLog !== null && !leader && (!mine || mine.leaderEpoch !== r.leaderEpoch);
        if (isDiverged) diverged.push({ broker: b, offset: r.offset, value: String(r.value) });
        const committed = !isDiverged && r.offset < highWatermark;
        return {
          offset: r.offset,
          value: String(r.value),
          epoch: r.leaderEpoch,
          committed,
          diverged: isDiverged,
          label:
            `offset ${r.offset}: ${String(r.value)}, written in leader epoch ${r.leaderEpoch}, ` +
            (isDiverged
              ? `not in the leader's log: it will be truncated`
              : committed
                ? 'committed'
                : 'not committed yet'),
        };
      });
      const parts = [
        `broker ${b}`,
        leader ? 'leader' : 'follower',
        ...(up ? [] : ['down']),
        inIsr ? 'in ISR' : inElr ? 'out of ISR, eligible (ELR)' : 'out of ISR',
        `log end ${log.records.length}`,
      ];
      return { broker: b, leader, up, inIsr, inElr, logEnd: log.records.length, cells, label: parts.join(' · ') };
    });
    const acks = effects.flatMap((e, i) => (inThis(p)(e) ? [ackOf(e, i)].filter((a): a is AckVM => a !== null) : []));
    for (const a of p.pendingAcks)
      if (!acks.some((x) => x.tone === 'waiting' && x.text.includes(`offset ${a.offset} `)))
        acks.push({
          key: `pending-${a.producer}-${a.offset}`,
          tone: 'waiting',
          title: 'ack waiting',
          text: `${a.producer}'s acks=all answer for offset ${a.offset} is still waiting for the in-sync replicas`,
        });
    return {
      key: `${p.topic}-${p.partition}`,
      name: `${p.topic}-${p.partition}`,
      leader: p.leader,
      leaderEpoch: p.leaderEpoch,
      highWatermark,
      replicationFactor: topic.replicationFactor,
      minInsync: Math.min(topic.minInsyncReplicas, p.replicas.length),
      columns: Math.max(...rows.map((r) => r.logEnd)) + 1,
      rows,
      acks,
      diverged,
      lostOffsets: effects.flatMap((e) => (e.kind === 'leader-elected' && inThis(p)(e) ? e.lostOffsets : [])),
    };
  });
}
