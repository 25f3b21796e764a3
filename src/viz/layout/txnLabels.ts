/**
 * "What happened in this step" for a Kafka transaction's effects (`src/engine/broker/transactions.ts`):
 * a short label per kind and the tone of the ones that mean trouble (an instance fenced, a call refused,
 * a transaction aborted).
 */
import type { TxnEffect } from '../../engine/broker';
import type { Effect } from '../../engine/types';

export const TXN_LABELS: Record<TxnEffect['kind'], string> = {
  'txn-initialized': 'transactional.id',
  'txn-begun': 'begin',
  'txn-partition-added': 'in transaction',
  'txn-offsets-sent': 'offsets in txn',
  'txn-marker-written': 'marker',
  'txn-committed': 'txn committed',
  'txn-aborted': 'txn aborted',
  'txn-fenced': 'fenced',
  'txn-rejected': 'refused',
};

/** null: not a transaction effect, or nothing wrong. */
export function txnTone(e: Effect): 'problem' | 'warning' | null {
  switch (e.kind) {
    case 'txn-fenced':
    case 'txn-rejected':
      return 'problem';
    case 'txn-aborted':
      return 'warning';
    default:
      return null;
  }
}
