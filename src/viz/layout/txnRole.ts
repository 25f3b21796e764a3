/**
 * What a record is to transactions, for the views: a COMMIT/ABORT marker (a control record the transaction
 * coordinator writes and no application receives), a record of an aborted transaction (read_committed
 * consumers skip it), or neither. Read from the broker state's log and aborted-transaction index.
 */
import { tpKey, type BrokerState } from '../../engine/broker';

export type TxnRole = 'marker' | 'aborted' | null;

export function txnRole(broker: BrokerState, topic: string, partition: number, offset: number): TxnRole {
  const rec = broker.topics[topic]?.partitions[partition]?.records.find((r) => r.offset === offset);
  if (!rec) return null;
  if (rec.control) return 'marker';
  const txn = rec.txn;
  if (!txn) return null;
  const aborted = broker.transactions?.partitions[tpKey(topic, partition)]?.aborted ?? [];
  return aborted.some((a) => a.pid === txn.pid && a.firstOffset <= offset && offset <= a.lastOffset) ? 'aborted' : null;
}

/** A group reads as read_committed when its members do (the scenarios give a group's members one level). */
export const readsCommitted = (broker: BrokerState, groupId: string): boolean => {
  const members = Object.values(broker.groups[groupId]?.members ?? {});
  return members.length > 0 && members.every((m) => m.isolationLevel === 'read_committed');
};
