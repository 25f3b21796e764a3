/**
 * The state of a replicated cluster: plain immutable data. Every operation returns a new state and
 * shares what it did not change; tests deep-freeze inputs.
 */
import {
  DEFAULT_BROKERS,
  ELIGIBLE_LEADER_REPLICAS,
  MIN_INSYNC_REPLICAS,
  REPLICA_LAG_TIME_MAX_MS,
  REQUEST_TIMEOUT_MS,
  UNCLEAN_LEADER_ELECTION_ENABLE,
} from './config';
import type { ReplicationEffect } from './effects';

export type Acks = 0 | 1 | 'all';

export interface ReplicaRecord {
  readonly offset: number;
  /** The leader epoch the record was written in (stored in its batch; drives truncation). */
  readonly leaderEpoch: number;
  readonly key: string | null;
  readonly value: unknown;
  readonly producer: string | null;
}

/** One entry of a replica's leader-epoch checkpoint: the first offset written in that epoch. */
export interface EpochEntry {
  readonly epoch: number;
  readonly startOffset: number;
}

/** One broker's copy of a partition. */
export interface Replica {
  /** Dense offsets from 0 (retention is not modelled here). */
  readonly records: readonly ReplicaRecord[];
  readonly epochs: readonly EpochEntry[];
  /** What this replica knows of the high watermark (the leader's is the partition's). */
  readonly highWatermark: number;
  /** Must reconcile its log with the leader's (by leader epoch) before it fetches again. */
  readonly truncating: boolean;
}

/** What the leader knows of a follower (Kafka's Replica.scala ReplicaState). */
export interface FollowerView {
  /** The follower's fetch offset from its last fetch; null until it fetches from this leader. */
  readonly logEndOffset: number | null;
  readonly lastCaughtUpTimeMs: number;
  readonly lastFetchTimeMs: number;
  readonly lastFetchLeaderLogEndOffset: number;
}

export interface PendingAck {
  readonly producer: string;
  readonly offset: number;
  readonly sentAt: number;
}

export interface PartitionState {
  readonly topic: string;
  readonly partition: number;
  /** Assigned replicas, preferred leader first. */
  readonly replicas: readonly number[];
  readonly leader: number | null;
  readonly leaderEpoch: number;
  readonly isr: readonly number[];
  /** KIP-966 Eligible Leader Replicas (empty unless the cluster enables them). */
  readonly elr: readonly number[];
  readonly lastKnownLeader: number | null;
  readonly logs: Readonly<Record<number, Replica>>;
  /** Held by the leader: its view of each follower. Reset when the leader changes. */
  readonly followers: Readonly<Record<number, FollowerView>>;
  /** acks=all requests waiting for the high watermark to pass their offset. */
  readonly pendingAcks: readonly PendingAck[];
}

export interface TopicConfig {
  readonly name: string;
  readonly partitions: number;
  readonly replicationFactor: number;
  readonly minInsyncReplicas: number;
  readonly uncleanLeaderElection: boolean;
}

export interface ConsumerPosition {
  readonly offset: number;
  readonly epoch: number | null;
  readonly fetchedIn: number;
}

export interface ClientView {
  /** Leader (and its epoch) per partition key, as the client's metadata last said. */
  readonly leaders: Readonly<Record<string, { broker: number | null; epoch: number }>>;
  /**
   * Consumers only, per partition key: the next offset, the epoch of the last record read, and the leader
   * epoch of the last fetch (a newer leader epoch means the position must be validated first).
   */
  readonly positions: Readonly<Record<string, ConsumerPosition>>;
}

export interface ClusterOptions {
  readonly brokers: number;
  readonly replicaLagTimeMaxMs: number;
  readonly requestTimeoutMs: number;
  readonly eligibleLeaderReplicas: boolean;
}

export interface ClusterState {
  readonly options: ClusterOptions;
  /** Broker ids 1..n and whether each is up (not fenced). */
  readonly online: Readonly<Record<number, boolean>>;
  /** Brokers that crashed and have not restarted: on return they count as an unclean shutdown (KIP-966). */
  readonly crashed: readonly number[];
  readonly topics: Readonly<Record<string, TopicConfig>>;
  readonly partitions: Readonly<Record<string, PartitionState>>;
  readonly clients: Readonly<Record<string, ClientView>>;
}

export interface ReplicationStep {
  state: ClusterState;
  effects: ReplicationEffect[];
}

export class ReplicationError extends Error {}

export const tpKey = (topic: string, partition: number): string => `${topic}-${partition}`;

export function createCluster(options: Partial<ClusterOptions> = {}): ClusterState {
  const o: ClusterOptions = {
    brokers: options.brokers ?? DEFAULT_BROKERS,
    replicaLagTimeMaxMs: options.replicaLagTimeMaxMs ?? REPLICA_LAG_TIME_MAX_MS,
    requestTimeoutMs: options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
    eligibleLeaderReplicas: options.eligibleLeaderReplicas ?? ELIGIBLE_LEADER_REPLICAS,
  };
  const online: Record<number, boolean> = {};
  for (let b = 1; b <= o.brokers; b++) online[b] = true;
  return { options: o, online, crashed: [], topics: {}, partitions: {}, clients: {} };
}

export interface TopicRequest {
  name: string;
  partitions?: number;
  replicationFactor: number;
  minInsyncReplicas?: number;
  uncleanLeaderElection?: boolean;
}

/**
 * Creates a topic with every replica in sync and empty. Replica placement here is simply brokers
 * p+1, p+2, … (wrapping); Kafka's placer starts at a random broker (StripedReplicaPlacer), which does not
 * change anything this model shows. The first replica is the preferred leader and leads in epoch 0.
 */
export function createReplicatedTopic(state: ClusterState, req: TopicRequest): ReplicationStep {
  const n = state.options.brokers;
  if (state.topics[req.name]) throw new ReplicationError(`topic ${req.name} already exists`);
  if (req.replicationFactor < 1 || req.replicationFactor > n)
    throw new ReplicationError(`replication factor ${req.replicationFactor} needs 1..${n} brokers`);
  const topic: TopicConfig = {
    name: req.name,
    partitions: req.partitions ?? 1,
    replicationFactor: req.replicationFactor,
    minInsyncReplicas: req.minInsyncReplicas ?? MIN_INSYNC_REPLICAS,
    uncleanLeaderElection: req.uncleanLeaderElection ?? UNCLEAN_LEADER_ELECTION_ENABLE,
  };
  const partitions = { ...state.partitions };
  for (let p = 0; p < topic.partitions; p++) {
    const replicas = Array.from({ length: topic.replicationFactor }, (_, i) => ((p + i) % n) + 1);
    const logs: Record<number, Replica> = {};
    const followers: Record<number, FollowerView> = {};
    for (const b of replicas) {
      logs[b] = { records: [], epochs: [{ epoch: 0, startOffset: 0 }], highWatermark: 0, truncating: false };
      if (b !== replicas[0])
        followers[b] = { logEndOffset: 0, lastCaughtUpTimeMs: 0, lastFetchTimeMs: 0, lastFetchLeaderLogEndOffset: 0 };
    }
    partitions[tpKey(req.name, p)] = {
      topic: req.name,
      partition: p,
      replicas,
      leader: replicas[0]!,
      leaderEpoch: 0,
      isr: replicas,
      elr: [],
      lastKnownLeader: null,
      logs,
      followers,
      pendingAcks: [],
    };
  }
  const effects: ReplicationEffect[] = [
    {
      kind: 'replica-topic-created',
      topic: req.name,
      partitions: topic.partitions,
      replicationFactor: topic.replicationFactor,
      minInsyncReplicas: topic.minInsyncReplicas,
      reason:
        `${req.name}: ${topic.partitions} partition(s), each on ${topic.replicationFactor} broker(s); ` +
        `min.insync.replicas=${topic.minInsyncReplicas}, unclean.leader.election.enable=${topic.uncleanLeaderElection}`,
    },
  ];
  return { state: { ...state, topics: { ...state.topics, [req.name]: topic }, partitions }, effects };
}

export function partitionOf(state: ClusterState, topic: string, partition: number): PartitionState {
  const p = state.partitions[tpKey(topic, partition)];
  if (!p) throw new ReplicationError(`unknown partition ${topic}-${partition}`);
  return p;
}

export const withPartition = (state: ClusterState, p: PartitionState): ClusterState => ({
  ...state,
  partitions: { ...state.partitions, [tpKey(p.topic, p.partition)]: p },
});

/** min(min.insync.replicas, replication factor): Partition.effectiveMinIsr (Kafka 3.7+). */
export const effectiveMinIsr = (state: ClusterState, p: PartitionState): number =>
  Math.min(state.topics[p.topic]!.minInsyncReplicas, p.replicas.length);
