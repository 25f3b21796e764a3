/** Reading partition logs: lookups, offsets and the records themselves. */
import { vecGet, type PVec } from '../sim/persistent';
import { BrokerError, type BrokerState, type LogRecord, type PartitionLog, type TopicState } from './brokerState';

export function getTopic(state: BrokerState, topic: string): TopicState {
  const t = state.topics[topic];
  if (!t) throw new BrokerError(`Unknown topic '${topic}'`);
  return t;
}

export function getPartition(state: BrokerState, topic: string, partition: number): PartitionLog {
  const log = getTopic(state, topic).partitions[partition];
  if (!log) throw new BrokerError(`Topic '${topic}' has no partition ${partition}`);
  return log;
}

export const partitionCount = (state: BrokerState, topic: string): number =>
  state.topics[topic]?.partitions.length ?? 0;
export const logEndOffset = (state: BrokerState, topic: string, partition: number): number =>
  getPartition(state, topic, partition).logEndOffset;
export const logStartOffset = (state: BrokerState, topic: string, partition: number): number =>
  getPartition(state, topic, partition).logStartOffset;
/** The retained records of a partition, in offset order (gaps after compaction). */
export const recordsOf = (state: BrokerState, topic: string, partition: number): readonly LogRecord[] =>
  getPartition(state, topic, partition).records;

/** Index of the first retained record with offset ≥ `offset` (binary search; offsets ascend). */
export function indexAtOrAfter(records: readonly LogRecord[], offset: number): number {
  let lo = 0;
  let hi = records.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (records[mid]!.offset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `indexAtOrAfter` on a partition's persistent vector of records. */
export function indexAtOrAfterVec(records: PVec<LogRecord>, offset: number): number {
  let lo = 0;
  let hi = records.size;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (vecGet(records, mid)!.offset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const replacePartition = (topic: TopicState, partition: number, log: PartitionLog): TopicState => {
  const partitions = topic.partitions.slice();
  partitions[partition] = log;
  return { ...topic, partitions };
};
