/**
 * The stage of each replication effect (`src/engine/replication`) in a step's plan (`stagePlan.ts`). A
 * replicated partition is drawn by its own view (`viz/components/replicas/`), which shows the step's result
 * at once, so its effects need no staging of their own: a refused write is a refusal, the topic's creation
 * is set-up, and the rest fold into one stage summarised by its first effect's reason.
 */
import type { ReplicationEffectKind } from '../engine/replication';

export const REPLICATION_STAGES: Record<ReplicationEffectKind, 'topic' | 'refuse' | 'other'> = {
  'replica-topic-created': 'topic',
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
