/**
 * The transaction coordinator's and the partitions' transaction state (Kafka's TransactionMetadata,
 * ProducerStateManager's ongoing transactions and the aborted-transaction index). Types only: the
 * broker state holds them, `transactions.ts` and `txnRead.ts` work with them.
 */
import type { TopicPartition } from '../types';

/** Coordinator states a learner can see (TransactionState): Prepare* are instantaneous here. */
export type TxnCoordinatorState = 'Empty' | 'Ongoing' | 'CompleteCommit' | 'CompleteAbort';

export interface PendingTxnOffsets {
  readonly groupId: string;
  readonly offsets: readonly { readonly topic: string; readonly partition: number; readonly offset: number }[];
}

/** The coordinator's record of one transactional.id. */
export interface TxnMetadata {
  readonly transactionalId: string;
  readonly pid: number;
  readonly epoch: number;
  readonly state: TxnCoordinatorState;
  readonly partitions: readonly TopicPartition[];
  /** Offsets sent with sendOffsetsToTransaction: committed to the group only if the transaction commits. */
  readonly offsets: readonly PendingTxnOffsets[];
  /** Simulated ms the ongoing transaction started (for transaction.timeout.ms). */
  readonly startedAt: number;
  /** transaction.timeout.ms the producer sent with InitProducerId. */
  readonly timeoutMs: number;
}

/** The producer client's side: KafkaProducer's TransactionManager state. */
export type TxnClientState = 'UNINITIALIZED' | 'READY' | 'IN_TRANSACTION' | 'FATAL_ERROR';

export interface TxnClient {
  readonly transactionalId: string;
  readonly state: TxnClientState;
  /** Partitions this instance believes are in its transaction (added with AddPartitionsToTxn). */
  readonly partitions: readonly TopicPartition[];
}

/** An aborted transaction's range in one partition (the log's aborted-transaction index). */
export interface AbortedTxn {
  readonly pid: number;
  readonly firstOffset: number;
  /** The offset of its ABORT marker. */
  readonly lastOffset: number;
}

export interface TxnPartitionState {
  /** Producer id → first offset of its ongoing transaction in this partition (bounds the LSO). */
  readonly open: Readonly<Record<number, number>>;
  readonly aborted: readonly AbortedTxn[];
}

export interface TransactionsState {
  readonly coordinator: Readonly<Record<string, TxnMetadata>>;
  /** Keyed by the producer's name in the broker state (`producerId`). */
  readonly clients: Readonly<Record<string, TxnClient>>;
  /** Keyed by `tpKey(topic, partition)`. */
  readonly partitions: Readonly<Record<string, TxnPartitionState>>;
}
