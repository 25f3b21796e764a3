/** The Kafka-faithful broker engine: pure functions from (state, request, now) to { state, effects }. */
export {
  murmur2,
  partitionForKey,
  toPositive,
  utf8,
  hashKey,
  keyChoice,
  explainKeyChoice,
  quoteKey,
  InvalidKeyError,
} from './partitioner';
export { stickyPartition, type StickyBatch } from './stickyPartitioner';
export { rangeAssignor, roundRobinAssignor, cooperativeStickyAssignor, assignors } from './assignors';
export type { Assignment, AssignorInput, AssignorMember, Assignor } from './assignment';
export {
  createBroker,
  BrokerError,
  tpKey,
  type BrokerState,
  type BrokerStep,
  type TopicConfig,
  type TopicSettings,
  type TopicState,
  type PartitionLog,
  type LogRecord,
  type FetchedRecord,
  type ProducerState,
  type GroupState,
  type MemberState,
  type CommittedOffset,
  type ConsumerAppState,
} from './brokerState';
export {
  createTopic,
  addPartitions,
  DEFAULT_RETENTION_MS,
  DEFAULT_SEGMENT_RECORDS,
  DEFAULT_TOMBSTONE_RETENTION_MS,
} from './topic';
export { getTopic, getPartition, partitionCount, logEndOffset, logStartOffset, recordsOf } from './log';
export {
  produce,
  produceBatch,
  createProducer,
  restartProducer,
  flushProducer,
  DEFAULT_STICKY_BATCH,
  type ProduceRequest,
  type ProducerOptions,
  type Appended,
} from './producer';
export {
  joinGroup,
  leaveGroup,
  crashMember,
  crashUnnoticed,
  SESSION_TIMEOUT_MS,
  type JoinRequest,
  type MemberRef,
} from './group';
export { poll, seek, DEFAULT_MAX_POLL_RECORDS, type PollRequest, type SeekRequest } from './consumer';
export { commit, committedOffset, lagOf, assignmentOf, positionOf, type OffsetEntry } from './offsets';
export { resetGroupOffsets, offsetForTimestamp, type ResetRequest, type ResetTarget } from './admin';
export { applyRetention, advanceTime } from './retention';
export { compactTopic } from './compaction';
export { closedSegments, activeSegmentBase, recordBytes, type Segment } from './segments';
export {
  initTransactions,
  beginTransaction,
  sendInTransaction,
  sendOffsetsToTransaction,
  commitTransaction,
  abortTransaction,
} from './transactions';
export { expireTransactions, DEFAULT_TRANSACTION_TIMEOUT_MS } from './txnEnd';
export { lastStableOffset } from './txnLog';
export type { TxnEffect } from './txnEffects';
export type { TxnStep } from './txnClient';
export type { TransactionsState, TxnMetadata, TxnClient, TxnPartitionState, AbortedTxn } from './txnState';
export { consume, processRecord, processingId, appOf, type DeliveryMode, type ProcessRequest } from './delivery';
export { consumeWithRetry, type RetryRequest } from './deadLetter';
export { pausePartitions, resumePartitions, pausedOf, type PauseRequest } from './pause';
export { pollAndProcess, rejoinOnPoll, endBatch, type BatchRequest, type BatchEnd } from './pollLoop';
export {
  startConsumer,
  stopConsumer,
  expireSessions,
  clientOf,
  defaultClient,
  duration,
  type StartRequest,
} from './membership';
export {
  MAX_POLL_RECORDS_DEFAULT,
  MAX_POLL_INTERVAL_MS_DEFAULT,
  SESSION_TIMEOUT_MS_DEFAULT,
  type ConsumerClient,
  type BatchRecord,
} from './consumerClient';
export type { PollLoopEffect, PollLoopOp } from './pollLoopEffects';
export {
  createQueue,
  enqueue,
  deliver,
  deliverToConsumers,
  ack,
  nack,
  expireLeases,
  waitingCount,
  type QueueState,
  type QueueMessage,
  type QueueStep,
} from './queue';
