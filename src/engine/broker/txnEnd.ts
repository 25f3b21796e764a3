/**
 * Ending a transaction at the coordinator (EndTxn → PrepareCommit/PrepareAbort → WriteTxnMarkers →
 * Complete*): a COMMIT or ABORT marker in every partition of the transaction, and the offsets sent with
 * sendOffsetsToTransaction committed to their groups only on COMMIT (TransactionCoordinator,
 * GroupMetadata's pending transactional offsets).
 */
import type { BrokerEffect, TopicPartition } from '../types';
import { tpList, type BrokerState } from './brokerState';
import { putGroup, writeCommits } from './offsets';
import { emptyGroup } from './group';
import type { TxnEffect } from './txnEffects';
import { lastStableOffset, txnsOf, withTxns, writeMarker } from './txnLog';
import type { TxnMetadata } from './txnState';

/**
 * transaction.timeout.ms: ProducerConfig defines it with default 60000; the coordinator aborts a transaction
 * once start + timeout < now (TransactionStateManager.timedOutTransactions).
 */
export const DEFAULT_TRANSACTION_TIMEOUT_MS = 60_000;

export function endTransaction(
  state0: BrokerState,
  meta: TxnMetadata,
  marker: 'COMMIT' | 'ABORT',
  markerEpoch: number,
  now: number,
  cause: 'application' | 'fenced' | 'timeout',
): { state: BrokerState; effects: (BrokerEffect | TxnEffect)[] } {
  let state = state0;
  const effects: (BrokerEffect | TxnEffect)[] = [];
  const tid = meta.transactionalId;
  for (const tp of meta.partitions) {
    const w = writeMarker(state, tp.topic, tp.partition, marker, meta.pid, markerEpoch, now);
    state = w.state;
    const lso = lastStableOffset(state, tp.topic, tp.partition);
    effects.push({
      kind: 'txn-marker-written',
      transactionalId: tid,
      topic: tp.topic,
      partition: tp.partition,
      offset: w.offset,
      marker,
      lastStableOffset: lso,
      reason:
        `The coordinator writes a ${marker} marker for '${tid}' at ${tp.topic}-${tp.partition}@${w.offset}: ` +
        `a control record that takes an offset but no consumer application ever receives (offsets have a gap there); ` +
        `the last stable offset is now ${lso}`,
    });
  }
  if (marker === 'COMMIT')
    for (const o of meta.offsets) {
      if (!state.groups[o.groupId]) state = putGroup(state, emptyGroup(o.groupId));
      const c = writeCommits(
        state,
        o.groupId,
        o.offsets,
        now,
        `transaction '${tid}' commits, and with it the offsets it carried`,
      );
      state = c.state;
      effects.push(...c.effects);
    }
  const partitions: TopicPartition[] = meta.partitions.map((tp) => ({ topic: tp.topic, partition: tp.partition }));
  const dropped =
    meta.offsets.length > 0 ? '; the offsets it carried are discarded, so the group will read those records again' : '';
  const why = {
    application: 'the application aborts it',
    fenced:
      'a new instance with the same transactional.id called initTransactions, which fences the old one and aborts its open transaction',
    timeout: `it stayed open longer than transaction.timeout.ms (${meta.timeoutMs} ms), so the coordinator fences the producer and aborts it`,
  }[cause];
  effects.push(
    marker === 'COMMIT'
      ? {
          kind: 'txn-committed',
          transactionalId: tid,
          pid: meta.pid,
          epoch: meta.epoch,
          partitions,
          reason: `Transaction '${tid}' commits: its records in ${tpList(partitions)} become visible to read_committed consumers, and its offsets are committed, all at once`,
        }
      : {
          kind: 'txn-aborted',
          transactionalId: tid,
          pid: meta.pid,
          epoch: markerEpoch,
          partitions,
          cause,
          reason: `Transaction '${tid}' is aborted (${why}): its records stay in ${tpList(partitions)} but read_committed consumers skip them${dropped}`,
        },
  );
  const t = txnsOf(state);
  const done: TxnMetadata = {
    ...meta,
    epoch: markerEpoch,
    state: marker === 'COMMIT' ? 'CompleteCommit' : 'CompleteAbort',
    partitions: [],
    offsets: [],
  };
  state = withTxns(state, { coordinator: { ...t.coordinator, [tid]: done } });
  return { state, effects };
}

/**
 * The coordinator's timer (TransactionCoordinator.abortTimedOutTransactions): an ongoing transaction
 * older than its transaction.timeout.ms is aborted with a bumped epoch, which fences its producer.
 */
export function expireTransactions(
  state0: BrokerState,
  now: number,
): { state: BrokerState; effects: (BrokerEffect | TxnEffect)[] } {
  let state = state0;
  const effects: (BrokerEffect | TxnEffect)[] = [];
  for (const meta of Object.values(txnsOf(state0).coordinator)) {
    if (meta.state !== 'Ongoing' || meta.startedAt + meta.timeoutMs >= now) continue;
    const r = endTransaction(state, meta, 'ABORT', meta.epoch + 1, now, 'timeout');
    state = r.state;
    effects.push(...r.effects);
  }
  return { state, effects };
}
