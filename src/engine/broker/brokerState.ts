/**
 * The broker's state: plain, immutable data (structuredClone-able) so a snapshot is the state itself.
 * Operations never mutate a state they are given; they return a new one that shares what did not change.
 */
import type { AssignorName, BrokerEffect, OffsetResetPolicy, PartitionChoice, TopicPartition } from '../types';
import type { IdSet } from '../sim/idSet';
import { seedRng, type RngState } from '../sim/random';
import { vecFrom, vecSlice, type PVec } from '../sim/persistent';
import type { TransactionsState } from './txnState';
import type { VersionedStore } from './outOfOrder';
import type { ConsumerClient } from './consumerClient';

/** One record in a partition log. It is also what a consumer fetches (shared, never copied). */
export interface LogRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly key: string | null;
  /** `null` is a tombstone on a compacted topic. */
  readonly value: unknown;
  readonly headers: Readonly<Record<string, string>>;
  /** Simulated ms when it was produced (CreateTime). */
  readonly timestamp: number;
  readonly eventId: string | null;
  readonly producerId: string | null;
  /**
   * Set on a tombstone by the first log cleaning that keeps it (KIP-534: the cleaner writes
   * `deleteHorizonMs` = cleaning time + delete.retention.ms into the batch). A later cleaning at or
   * after it removes the tombstone. Absent until a cleaning covers the record.
   */
  readonly deleteHorizonMs?: number;
  /** Written by a transactional producer (its producer id and epoch); absent for other records. */
  readonly txn?: { readonly pid: number; readonly epoch: number };
  /** A transaction marker (a control record): it takes an offset but is never handed to an application. */
  readonly control?: 'COMMIT' | 'ABORT';
}

/** What `poll` hands to a consumer. */
export type FetchedRecord = LogRecord;

export interface PartitionLog {
  /** Retained records in offset order (gaps after compaction). */
  readonly records: readonly LogRecord[];
  /** First offset still in the log (moves when retention deletes a segment). */
  readonly logStartOffset: number;
  /** The offset the next record gets. */
  readonly logEndOffset: number;
}

const vecOf = new WeakMap<PartitionLog, PVec<LogRecord>>();

/**
 * A partition log whose records live in a persistent vector shared with the previous version, so an
 * append copies O(log n) nodes instead of the whole partition (a 10,000-step run stays linear). The
 * flat `records` array is built on first read and cached; hot paths read the vector (`recordsVec`).
 */
export function partitionLog(records: PVec<LogRecord>, logStartOffset: number, logEndOffset: number): PartitionLog {
  let flat: readonly LogRecord[] | null = null;
  const log: PartitionLog = {
    get records() {
      return (flat ??= vecSlice(records));
    },
    logStartOffset,
    logEndOffset,
  };
  vecOf.set(log, records);
  return log;
}

/** The records of a partition log as a persistent vector (a plain log, e.g. a clone, is indexed once). */
export function recordsVec(log: PartitionLog): PVec<LogRecord> {
  let v = vecOf.get(log);
  if (!v) {
    v = vecFrom(log.records);
    vecOf.set(log, v);
  }
  return v;
}

export interface TopicConfig {
  name: string;
  partitions: number;
  cleanupPolicy?: 'delete' | 'compact';
  /** Delete closed segments whose newest record is older than this; null = keep forever. Default 7 days. */
  retentionMs?: number | null;
  /** Delete the oldest closed segments while the partition is bigger than this; null = no limit (default). */
  retentionBytes?: number | null;
  /** Offsets per segment; a segment closes when full. Default 1000. */
  segmentRecords?: number;
  /**
   * Kafka's delete.retention.ms: how long a tombstone stays after the first cleaning that covers it
   * (KIP-534), not after it was written. Default 1 day.
   */
  tombstoneRetentionMs?: number;
  /** min.cleanable.dirty.ratio: the cleaner picks a log when dirty bytes / cleanable bytes exceed it. Default 0.5. */
  minCleanableDirtyRatio?: number;
  /** min.compaction.lag.ms: records newer than this are never cleaned. Default 0. */
  minCompactionLagMs?: number;
  /** max.compaction.lag.ms: a dirty record older than this forces a cleaning whatever the ratio; null = never (Kafka's Long.MAX_VALUE, the default). */
  maxCompactionLagMs?: number | null;
}

export type TopicSettings = Required<TopicConfig>;

export interface TopicState {
  readonly config: TopicSettings;
  readonly partitions: readonly PartitionLog[];
  /**
   * Compacted topics: the log cleaner's checkpoint per partition, the first dirty offset (Kafka's
   * cleaner-offset-checkpoint file). Absent or missing entry = never cleaned (dirty from the log start).
   */
  readonly cleanerCheckpoints?: readonly number[];
}

export interface PendingSend {
  readonly topic: string;
  readonly partition: number;
  readonly sequence: number;
  readonly key: string | null;
  readonly value: unknown;
  readonly headers: Readonly<Record<string, string>>;
  readonly eventId: string | null;
  readonly choice: PartitionChoice;
}

export interface LastSend extends PendingSend {
  /** The broker-assigned producer id of the session that sent it. */
  readonly pid: number;
  readonly epoch: number;
  readonly offset: number;
}

/** What a producer believes about topics until its next metadata refresh (Kafka's client `Metadata`). */
export interface ProducerMetadata {
  /** Simulated ms of the last full refresh; null before the first. */
  readonly refreshedAt: number | null;
  /** Partition count per topic, as of the refresh (or the first send to a topic). */
  readonly partitions: Readonly<Record<string, number>>;
}

export interface ProducerState {
  readonly producerId: string;
  /** transactional.id: set for a transactional producer (its sends go through `sendInTransaction`). */
  readonly transactionalId?: string;
  readonly idempotent: boolean;
  readonly maxInFlight: number;
  /** Records per sticky batch for keyless records. */
  readonly stickyBatchSize: number;
  /**
   * The producer id the broker assigned (InitProducerId). A restarted non-transactional producer asks
   * again and gets a NEW id with epoch 0 (TransactionCoordinator.handleInitProducerId, null transactional id).
   */
  readonly pid: number;
  /** Producer epoch of `pid`: 0 for an idempotent producer (bumps are for transactions and KIP-360 resets). */
  readonly epoch: number;
  /** The producer's cached cluster metadata: partition counts per topic, refreshed every `metadataMaxAgeMs`. */
  readonly metadata: ProducerMetadata;
  /** metadata.max.age.ms (default 300000 = 5 min). */
  readonly metadataMaxAgeMs: number;
  /** Next sequence number per topic and partition, within the current epoch. */
  readonly sequences: Readonly<Record<string, readonly number[]>>;
  /** Sticky partitioner: the current batch's partition and fill per topic. */
  readonly sticky: Readonly<Record<string, { readonly partition: number; readonly fill: number }>>;
  /** The last send that reached the broker (what `retry: true` resends). */
  readonly lastSend: LastSend | null;
  /** Sends that failed transiently and wait for their retry. */
  readonly pending: readonly PendingSend[];
}

export interface MemberState {
  readonly memberId: string;
  /** group.instance.id of a static member (KIP-345); absent for a dynamic member. */
  readonly groupInstanceId?: string;
  readonly topics: readonly string[];
  readonly assignment: readonly TopicPartition[];
  /** Next offset to fetch, per "topic:partition"; absent until the first poll after assignment. */
  readonly positions: Readonly<Record<string, number>>;
  /** Round-robin cursor over the assignment, so one poll does not always favour the first partition. */
  readonly fetchCursor: number;
  /** isolation.level: absent = read_uncommitted (Kafka's default). */
  readonly isolationLevel?: 'read_committed';
  /** Partitions paused by the application (KafkaConsumer.pause), as "topic:partition"; absent = none (`pause.ts`). */
  readonly paused?: readonly string[];
}

export interface CommittedOffset {
  readonly offset: number;
  readonly committedAt: number;
}

export interface GroupState {
  readonly groupId: string;
  readonly assignor: AssignorName;
  readonly autoOffsetReset: OffsetResetPolicy;
  readonly autoCommit: boolean;
  /** False until the first join sets assignor, reset policy and auto-commit (a reset can create a group). */
  readonly configured: boolean;
  readonly generation: number;
  /** Union of the members' subscriptions, sorted (kept after the last member leaves). */
  readonly topics: readonly string[];
  readonly members: Readonly<Record<string, MemberState>>;
  /** Committed offsets (next offset to consume) per "topic:partition". */
  readonly committed: Readonly<Record<string, CommittedOffset>>;
}

/** Consumer-side application state of a group (the service's own store): dedupe ids, retry counts. */
export interface ConsumerAppState {
  /** Event ids (or record places) the application has processed: an IdSet, cheap to grow. */
  readonly processedEventIds: IdSet;
  /** Failed attempts of the record currently retried, per "topic:partition". */
  readonly attempts: Readonly<Record<string, { readonly offset: number; readonly count: number }>>;
  /** Its entity table with versions, when it checks event versions (`outOfOrder.ts`); absent otherwise. */
  readonly versioned?: VersionedStore;
}

export interface BrokerState {
  readonly rng: RngState;
  /** The latest simulated time an operation was given. */
  readonly now: number;
  readonly topics: Readonly<Record<string, TopicState>>;
  readonly producers: Readonly<Record<string, ProducerState>>;
  readonly groups: Readonly<Record<string, GroupState>>;
  readonly apps: Readonly<Record<string, ConsumerAppState>>;
  /** Transactions (coordinator, producer clients, per-partition state); absent until the first one. */
  readonly transactions?: TransactionsState;
  /** Consumer clients started with poll-loop settings, by "group/member" (`pollLoop.ts`); absent until the first. */
  readonly clients?: Readonly<Record<string, ConsumerClient>>;
}

export interface BrokerStep {
  state: BrokerState;
  effects: BrokerEffect[];
}

export function createBroker(options: { seed: number }): BrokerState {
  return { rng: seedRng(options.seed), now: 0, topics: {}, producers: {}, groups: {}, apps: {} };
}

/** Key of a partition in per-partition maps: ':' cannot occur in a Kafka topic name. */
export const tpKey = (topic: string, partition: number): string => `${topic}:${partition}`;

/** "orders-2" as Kafka tools print a partition. */
export const tpName = (topic: string, partition: number): string => `${topic}-${partition}`;

/** "orders-0, orders-1" or "nothing". */
export const tpList = (tps: readonly TopicPartition[]): string =>
  tps.length === 0 ? 'nothing' : tps.map((tp) => tpName(tp.topic, tp.partition)).join(', ');

export const byTopicPartition = (a: TopicPartition, b: TopicPartition): number =>
  a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition;

export const withTime = (state: BrokerState, now: number): BrokerState => (now > state.now ? { ...state, now } : state);

/** A request the broker cannot serve at all (a programming error, not a learner's mistake). */
export class BrokerError extends Error {
  override name = 'BrokerError';
}
