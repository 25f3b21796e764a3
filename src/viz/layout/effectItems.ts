/**
 * "What happened in this step": each effect as a short kind label, a tone and its reason text.
 * Tone is carried by an icon and a word as well as a colour, never by colour alone.
 */
import type { Effect, EffectKind } from '../../engine/types';

export type EffectTone = 'normal' | 'problem' | 'warning';

export interface EffectItem {
  key: string;
  kind: EffectKind;
  label: string;
  tone: EffectTone;
  reason: string;
}

const LABELS: Record<EffectKind, string> = {
  'topic-created': 'topic',
  'record-appended': 'appended',
  'records-appended': 'appended',
  'produce-deduplicated': 'deduplicated',
  'produce-rejected': 'rejected',
  'producer-restarted': 'producer',
  'partitions-added': 'partitions',
  'member-joined': 'joined',
  'member-left': 'left',
  'member-crashed': 'crashed',
  'rebalance-started': 'rebalance',
  'partitions-revoked': 'revoked',
  'partitions-assigned': 'assigned',
  'rebalance-completed': 'rebalance',
  'records-fetched': 'fetched',
  'record-processed': 'processed',
  'processing-failed': 'failed',
  'record-dead-lettered': 'dead letter',
  'offset-committed': 'committed',
  'position-moved': 'seek',
  'offsets-reset': 'reset',
  'offset-reset-applied': 'auto reset',
  'offset-out-of-range': 'out of range',
  'lag-changed': 'lag',
  'segment-deleted': 'retention',
  'records-compacted': 'compacted',
  'queue-enqueued': 'enqueued',
  'queue-delivered': 'delivered',
  'queue-acked': 'acked',
  'queue-nacked': 'nacked',
  'queue-redelivered': 'redelivered',
  'request-rejected': 'rejected',
  'command-accepted': 'accepted',
  'command-rejected': 'rejected',
  'event-stored': 'stored',
  'append-conflict': 'conflict',
  'snapshot-taken': 'snapshot',
  'event-relayed': 'relayed',
  'event-upcast': 'upcast',
  'projection-applied': 'projected',
  'projection-skipped': 'skipped',
  'query-answered': 'query',
  'reaction-triggered': 'reaction',
  'time-advanced': 'time',
  'fault-injected': 'action',
  'question-asked': 'question',
};

const PROBLEMS = new Set<EffectKind>([
  'produce-rejected',
  'request-rejected',
  'command-rejected',
  'append-conflict',
  'record-dead-lettered',
  'processing-failed',
  'member-crashed',
  'offset-out-of-range',
]);
const WARNINGS = new Set<EffectKind>(['queue-nacked', 'queue-redelivered', 'segment-deleted']);

export function toneOf(e: Effect): EffectTone {
  if (PROBLEMS.has(e.kind)) return 'problem';
  if (e.kind === 'query-answered') return e.stale ? 'warning' : 'normal';
  if (e.kind === 'record-processed' && e.duplicate) return 'warning';
  return WARNINGS.has(e.kind) ? 'warning' : 'normal';
}

export function labelOf(e: Effect): string {
  if (e.kind === 'query-answered') return e.stale ? 'stale query' : 'query';
  if (e.kind === 'record-processed' && e.duplicate) return 'duplicate';
  if (e.kind === 'fault-injected') return e.fault === 'rebuild' ? 'rebuild' : e.fault === 'load' ? 'load' : 'fault';
  // The log cleaner visited but found nothing it may clean yet (compaction is lazy): not "compacted".
  if (e.kind === 'records-compacted' && e.removedOffsets.length === 0 && e.tombstonesRemoved.length === 0)
    return 'not cleaned';
  return LABELS[e.kind];
}

export function describeEffects(effects: readonly Effect[]): EffectItem[] {
  return effects.map((e, i) => ({
    key: `${i}-${e.kind}`,
    kind: e.kind,
    label: labelOf(e),
    tone: toneOf(e),
    reason: e.reason,
  }));
}

/** Counts by tone, for the list's summary line. */
export function summarise(items: readonly EffectItem[]): { total: number; problems: number; warnings: number } {
  return {
    total: items.length,
    problems: items.filter((i) => i.tone === 'problem').length,
    warnings: items.filter((i) => i.tone === 'warning').length,
  };
}
