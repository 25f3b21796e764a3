/**
 * The stage of each Kafka transaction effect (`src/engine/broker/transactions.ts`) in a step's plan
 * (`stagePlan.ts`): a fenced instance or a refused call is a refusal; the rest (the producer and the
 * coordinator talking, the markers, the commit or abort) is an 'other' stage summarised by its first
 * effect's reason (the 'commit' stage's summary counts consumer offset commits, which these are not).
 */
import type { TxnEffect } from '../engine/broker';

export const TXN_STAGES: Record<TxnEffect['kind'], 'refuse' | 'other'> = {
  'txn-initialized': 'other',
  'txn-begun': 'other',
  'txn-partition-added': 'other',
  'txn-offsets-sent': 'other',
  'txn-marker-written': 'other',
  'txn-committed': 'other',
  'txn-aborted': 'other',
  'txn-fenced': 'refuse',
  'txn-rejected': 'refuse',
};
