/**
 * The transaction state inside the broker state, and transaction markers: control records that take an
 * offset in the partition log (WriteTxnMarkers), close the producer's open transaction there (the last
 * stable offset moves) and, for an abort, enter the aborted-transaction index that read_committed uses.
 */
import { vecPush } from '../sim/persistent';
import { partitionLog, recordsVec, tpKey, type BrokerState, type LogRecord } from './brokerState';
import { getPartition, getTopic, replacePartition } from './log';
import type { TransactionsState, TxnPartitionState } from './txnState';

export const NO_TRANSACTIONS: TransactionsState = { coordinator: {}, clients: {}, partitions: {} };
const NO_TXN_PARTITION: TxnPartitionState = { open: {}, aborted: [] };

export const txnsOf = (state: BrokerState): TransactionsState => state.transactions ?? NO_TRANSACTIONS;

export const txnPartition = (state: BrokerState, topic: string, partition: number): TxnPartitionState =>
  state.transactions?.partitions[tpKey(topic, partition)] ?? NO_TXN_PARTITION;

export const withTxns = (state: BrokerState, patch: Partial<TransactionsState>): BrokerState => ({
  ...state,
  transactions: { ...txnsOf(state), ...patch },
});

export function putTxnPartition(
  state: BrokerState,
  topic: string,
  partition: number,
  p: TxnPartitionState,
): BrokerState {
  const t = txnsOf(state);
  return withTxns(state, { partitions: { ...t.partitions, [tpKey(topic, partition)]: p } });
}

/**
 * The last stable offset: the first offset of the earliest open transaction in the partition, else the
 * high watermark (here the log end: this broker has one replica). read_committed consumers read below it.
 */
export function lastStableOffset(state: BrokerState, topic: string, partition: number): number {
  const end = getPartition(state, topic, partition).logEndOffset;
  const firsts = Object.values(txnPartition(state, topic, partition).open);
  return firsts.length === 0 ? end : Math.min(end, ...firsts);
}

/** Marks the first offset of `pid`'s transaction in a partition (on its first record there). */
export function openIn(state: BrokerState, topic: string, partition: number, pid: number, offset: number): BrokerState {
  const tp = txnPartition(state, topic, partition);
  if (tp.open[pid] !== undefined) return state;
  return putTxnPartition(state, topic, partition, { ...tp, open: { ...tp.open, [pid]: offset } });
}

/** Appends a COMMIT or ABORT marker for `pid` and closes its transaction in the partition. */
export function writeMarker(
  state: BrokerState,
  topic: string,
  partition: number,
  marker: 'COMMIT' | 'ABORT',
  pid: number,
  epoch: number,
  now: number,
): { state: BrokerState; offset: number } {
  const log = getPartition(state, topic, partition);
  const offset = log.logEndOffset;
  const rec: LogRecord = {
    topic,
    partition,
    offset,
    key: null,
    value: null,
    headers: {},
    timestamp: now,
    eventId: null,
    producerId: null,
    txn: { pid, epoch },
    control: marker,
  };
  const next = partitionLog(vecPush(recordsVec(log), rec), log.logStartOffset, offset + 1);
  const t = getTopic(state, topic);
  let s: BrokerState = { ...state, topics: { ...state.topics, [topic]: replacePartition(t, partition, next) } };
  const tp = txnPartition(s, topic, partition);
  const first = tp.open[pid];
  const open = { ...tp.open };
  delete open[pid];
  const aborted =
    marker === 'ABORT' && first !== undefined
      ? [...tp.aborted, { pid, firstOffset: first, lastOffset: offset }]
      : tp.aborted;
  s = putTxnPartition(s, topic, partition, { open, aborted });
  return { state: s, offset };
}
