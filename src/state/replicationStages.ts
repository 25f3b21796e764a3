/**
 * The stage of each replication effect (`src/engine/replication`) in a step's plan (`stagePlan.ts`). A
 * replicated partition is drawn by its own view (`src/viz/replicas/`), which shows the step's result
 * at once, so its effects need no staging of their own: a refused write is a refusal, and the rest
 * (the replicated topic's creation too, so step 0's set-up line names it) fold into one stage summarised by its
 * first effect's reason.
 */
import type { ReplicationEffectKind } from '../engine/replication';

export const REPLICATION_STAGES: Record<ReplicationEffectKind, 'refuse' | 'other'> = {
  // Not 'topic': set-up's one line names ordinary topics only, and this one's reason says what it is.
  'replica-topic-created': 'other',
  'replica-appended': 'other',
  'replica-ack-sent': 'other',
  'replica-ack-not-requested': 'other',
  'replica-ack-waiting': 'other',
  'replica-ack-lost': 'other',
  'replica-produce-refused': 'refuse',
  'client-metadata-refreshed': 'other',
  'replica-fetched': 'other',
  'replica-fetch-failed': 'other',
  'replica-truncated': 'other',
  'hw-advanced': 'other',
  'hw-held': 'other',
  'isr-shrunk': 'other',
  'isr-expanded': 'other',
  'elr-changed': 'other',
  'leader-elected': 'other',
  'leader-election-skipped': 'other',
  'partition-offline': 'other',
  'broker-crashed': 'other',
  'broker-restarted': 'other',
  'consumer-fetched': 'other',
  'consumer-fetch-failed': 'other',
  'consumer-truncation-detected': 'other',
};
