/**
 * "What happened in this step" for a replicated partition's effects (`src/engine/replication`): a short
 * label per kind and the tone of the ones that mean trouble (a write refused or lost, a broker down).
 */
import type { ReplicationEffectKind } from '../../engine/replication';
import type { Effect } from '../../engine/types';

export const REPLICATION_LABELS: Record<ReplicationEffectKind, string> = {
  'replica-topic-created': 'topic',
  'replica-appended': 'appended',
  'replica-ack-sent': 'ack',
  'replica-ack-not-requested': 'no ack (acks=0)',
  'replica-ack-waiting': 'ack waiting',
  'replica-ack-lost': 'ack lost',
  'replica-produce-refused': 'refused',
  'client-metadata-refreshed': 'metadata',
  'replica-fetched': 'follower fetch',
  'replica-fetch-failed': 'fetch failed',
  'replica-truncated': 'truncated',
  'hw-advanced': 'high watermark',
  'hw-held': 'high watermark held',
  'isr-shrunk': 'ISR shrinks',
  'isr-expanded': 'ISR grows',
  'elr-changed': 'ELR',
  'leader-elected': 'leader elected',
  'leader-election-skipped': 'no election',
  'partition-offline': 'offline',
  'broker-crashed': 'broker down',
  'broker-restarted': 'broker up',
  'consumer-fetched': 'consumer fetch',
  'consumer-fetch-failed': 'fetch failed',
  'consumer-truncation-detected': 'truncation',
};

/** Trouble for the learner's data or clients: 'problem'; a sign of it: 'warning'; null: neither (or not a replication effect). */
export function replicationTone(e: Effect): 'problem' | 'warning' | null {
  switch (e.kind) {
    case 'replica-ack-lost':
    case 'replica-produce-refused':
    case 'partition-offline':
    case 'broker-crashed':
    case 'consumer-truncation-detected':
      return 'problem';
    case 'leader-elected':
      return e.lostOffsets.length > 0 ? 'problem' : e.how === 'unclean' ? 'warning' : null;
    case 'replica-ack-sent':
      return e.error === null ? null : 'problem';
    case 'replica-truncated':
    case 'isr-shrunk':
    case 'hw-held':
    case 'replica-fetch-failed':
    case 'consumer-fetch-failed':
      return 'warning';
    default:
      return null;
  }
}
