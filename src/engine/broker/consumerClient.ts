/**
 * A consumer client's poll-loop settings and liveness, as the Java client keeps them (the coordinator keeps the
 * member itself in `GroupState`). Types and defaults only, so `brokerState.ts` can hold them without a cycle.
 */

/** max.poll.records default: ConsumerConfig.DEFAULT_MAX_POLL_RECORDS = 500 (clients/.../consumer/ConsumerConfig.java). */
export const MAX_POLL_RECORDS_DEFAULT = 500;
/** max.poll.interval.ms default: `define(MAX_POLL_INTERVAL_MS_CONFIG, Type.INT, 300000, …)` in ConsumerConfig.java. */
export const MAX_POLL_INTERVAL_MS_DEFAULT = 300_000;
/** session.timeout.ms default since Kafka 3.0 (KIP-735): `define(SESSION_TIMEOUT_MS_CONFIG, Type.INT, 45000, …)` in ConsumerConfig.java. */
export const SESSION_TIMEOUT_MS_DEFAULT = 45_000;

export interface ConsumerSettings {
  /** group.instance.id (KIP-345): a static member; absent = dynamic. */
  readonly groupInstanceId?: string;
  readonly maxPollIntervalMs: number;
  readonly sessionTimeoutMs: number;
  readonly maxPollRecords: number;
}

/** The last batch a poll returned and its processing. */
export interface BatchRecord {
  readonly records: number;
  readonly perRecordMs: number;
  /** When poll() returned it (processing starts). */
  readonly polledAt: number;
  /** polledAt + max.poll.interval.ms: the next poll() must come before this. */
  readonly deadline: number;
  /** When processing ended (and the next poll() could be called). */
  readonly endedAt: number;
  /** Whether its offsets were committed after processing (false: refused, or not asked). */
  readonly committed: boolean;
}

export interface ConsumerClient extends ConsumerSettings {
  readonly groupId: string;
  readonly memberId: string;
  /**
   * stable: in the group with a generation. unjoined: its poll timeout expired, so it reset its generation
   * (AbstractCoordinator.resetGenerationOnLeaveGroup); its next poll() rejoins. stopped: closed by the application.
   */
  readonly status: 'stable' | 'unjoined' | 'stopped';
  /** A static member that stopped heartbeating: the coordinator evicts it at this time unless it rejoins first. */
  readonly sessionExpiresAt: number | null;
  readonly lastBatch: BatchRecord | null;
  /** How many times its poll timeout expired so far. */
  readonly timeouts: number;
}

export const clientKey = (groupId: string, memberId: string): string => `${groupId}/${memberId}`;
