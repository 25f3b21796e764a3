/**
 * "What happened in this step": one line per stage of the step, each opening onto its effects — a
 * short kind label, a tone and the reason text. Tone is carried by an icon and a word as well as a
 * colour, never by colour alone.
 */
import type { Effect, EffectKind } from '../../engine/types';
import { planStages, stageKindOf, type Stage, type StageKind } from '../../state/stagePlan';
import { REPLICATION_LABELS, replicationTone } from './replicationLabels';
import { TXN_LABELS, txnTone } from './txnLabels';
import { SAGA_LABELS, sagaTone } from '../saga/sagaLabels';
import { withoutIds } from '../../scenarios/plainWords';
import { mirrorTone } from '../mirror/mirrorTone';

export type EffectTone = 'normal' | 'problem' | 'warning';

export interface EffectItem {
  key: string;
  kind: EffectKind;
  label: string;
  tone: EffectTone;
  reason: string;
}

const LABELS: Record<EffectKind, string> = {
  ...REPLICATION_LABELS,
  ...TXN_LABELS,
  ...SAGA_LABELS,
  'topic-created': 'topic',
  'record-appended': 'appended',
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
  'version-checked': 'version',
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
  'span-recorded': 'span',
  'fault-injected': 'action',
  'outbox-changed': 'outbox',
  'stream-changed': 'stream',
  'consumer-changed': 'consumer',
  'registry-changed': 'registry',
  'mirror-changed': 'mirror',
  'privacy-changed': 'privacy',
  'question-asked': 'question',
  'design-changed': 'design change',
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
  const replication = replicationTone(e);
  if (replication) return replication;
  const txn = txnTone(e);
  if (txn) return txn;
  const saga = sagaTone(e);
  if (saga) return saga;
  if (PROBLEMS.has(e.kind)) return 'problem';
  if (e.kind === 'query-answered') return e.stale ? 'warning' : 'normal';
  if (e.kind === 'record-processed' && e.duplicate) return 'warning';
  if (e.kind === 'outbox-changed') return e.step === 'lost' ? 'problem' : e.step === 'crash' ? 'warning' : 'normal';
  if (e.kind === 'stream-changed')
    return e.op === 'not-copartitioned'
      ? 'problem'
      : e.op === 'late-dropped' || e.op === 'join-missed'
        ? 'warning'
        : 'normal';
  if (e.kind === 'registry-changed') return e.op === 'refused' || e.op === 'deserialize-failed' ? 'problem' : 'normal';
  if (e.kind === 'mirror-changed') return mirrorTone(e.op);
  if (e.kind === 'privacy-changed') return e.step === 'refused' ? 'problem' : 'normal';
  if (e.kind === 'consumer-changed')
    return e.op === 'poll-timeout' ? 'problem' : e.op === 'paused' ? 'warning' : 'normal';
  if (e.kind === 'version-checked')
    return e.outcome === 'applied-older'
      ? 'problem'
      : e.outcome === 'applied' || e.outcome === 'released'
        ? 'normal'
        : 'warning';
  return WARNINGS.has(e.kind) ? 'warning' : 'normal';
}

export function labelOf(e: Effect): string {
  if (e.kind === 'query-answered') return e.stale ? 'stale query' : 'query';
  if (e.kind === 'record-processed' && e.duplicate) return 'duplicate';
  if (e.kind === 'version-checked') return e.outcome.replace(/-/g, ' ');
  if (e.kind === 'outbox-changed') return e.step === 'lost' ? 'lost' : `outbox ${e.step}`;
  if (e.kind === 'stream-changed') return e.op.replace(/-/g, ' ');
  if (e.kind === 'registry-changed') return e.op.replace(/-/g, ' ');
  if (e.kind === 'mirror-changed') return e.op.replace(/-/g, ' ');
  if (e.kind === 'privacy-changed') return e.step === 'backup' ? 'backup' : e.step.replace(/-/g, ' ');
  if (e.kind === 'consumer-changed') return e.op.replace(/-/g, ' ');
  if (e.kind === 'fault-injected') return e.fault === 'rebuild' ? 'rebuild' : e.fault === 'load' ? 'load' : 'fault';
  // The log cleaner visited but found nothing it may clean yet (compaction is lazy): not "compacted".
  if (e.kind === 'records-compacted' && e.removedOffsets.length === 0 && e.tombstonesRemoved.length === 0)
    return 'not cleaned';
  return LABELS[e.kind];
}

const described = new WeakMap<readonly Effect[], readonly EffectItem[]>();

export function describeEffects(effects: readonly Effect[]): readonly EffectItem[] {
  // "What happened" asks for a step's items twice (its stages and its counts); a step's effects never change.
  let items = described.get(effects);
  if (!items) {
    items = effects.map((e, i) => ({
      key: `${i}-${e.kind}`,
      kind: e.kind,
      label: labelOf(e),
      tone: toneOf(e),
      reason: e.reason,
    }));
    described.set(effects, items);
  }
  return items;
}

/** Counts by tone, for the list's summary line. */
export function summarise(items: readonly EffectItem[]): { total: number; problems: number; warnings: number } {
  return {
    total: items.length,
    problems: items.filter((i) => i.tone === 'problem').length,
    warnings: items.filter((i) => i.tone === 'warning').length,
  };
}

/**
 * One line of "What happened in this step": a stage (its one-line summary, expandable to the effects
 * it explains with their reasons) or, for the clock moving on, a plain line with no stage.
 */
export interface StageItem {
  key: string;
  /** The stage's index in the step's plan (what `useStage().index` counts), or null for a plain line. */
  stage: number | null;
  /** A stage's kind; 'time' for the clock moving on; 'setup' for step 0's set-up line. */
  kind: StageKind | 'time' | 'setup';
  /** The line to show: the summary with generated ids left for the expansion. */
  line: string;
  /** The most serious tone among its effects. */
  tone: EffectTone;
  /** The effects it explains, in order; empty for a line with nothing more to say. */
  effects: EffectItem[];
}

const WORST: readonly EffectTone[] = ['problem', 'warning', 'normal'];
const worst = (items: readonly EffectItem[]): EffectTone =>
  WORST.find((t) => items.some((i) => i.tone === t)) ?? 'normal';

/**
 * Generated ids (a queue message's `msg-fd7c17ac`, an event's UUID) say nothing until the learner looks
 * for one: a line names the thing, the expansion below it gives the id (scenarios/plainWords.ts, which the
 * generated narration uses too).
 */
export { withoutIds };

/**
 * The step as one line per stage of its plan (`state/stagePlan.ts`), in order. Each effect is listed
 * under the stage of its own kind: a record's send and land are two stages, and its reason (the
 * partition's hash arithmetic) sits under "Lands at …", where the learner asks why there. The clock
 * moving on ("5 minutes pass") is a plain line where it happened.
 */
export function describeStages(
  effects: readonly Effect[],
  stages: readonly Stage[] = planStages(effects),
): StageItem[] {
  const all = describeEffects(effects);
  const home = new Map<number, number>();
  stages.forEach((s, k) =>
    s.effects.forEach((i) => {
      if (stageKindOf(effects[i]!) === s.kind || !home.has(i)) home.set(i, k);
    }),
  );
  const items: (StageItem & { at: number })[] = stages.map((s, k) => {
    const own = s.effects.filter((i) => home.get(i) === k).map((i) => all[i]!);
    return {
      key: `s${k}-${s.kind}`,
      stage: k,
      kind: s.kind,
      line: withoutIds(s.summary),
      tone: worst(own),
      effects: own,
      at: k,
    };
  });
  effects.forEach((e, i) => {
    if (home.has(i) || e.kind !== 'time-advanced') return;
    // Before the first stage that starts after it.
    const next = stages.findIndex((s) => (s.effects[0] ?? Infinity) > i);
    items.push({
      key: `t${i}`,
      stage: null,
      kind: 'time',
      line: e.reason,
      tone: 'normal',
      effects: [],
      at: next < 0 ? stages.length : next - 0.5,
    });
  });
  return items.sort((a, b) => a.at - b.at).map(({ at: _at, ...item }) => item);
}

/**
 * Where a line stands while the step's stages play (`now` is the stage on screen, null once the
 * step is fully shown): the one on screen, one still to come, or shown (also every line of a step
 * not playing, and lines that are not stages).
 */
export function stagePlayState(stage: number | null, now: number | null): 'now' | 'upcoming' | 'shown' {
  if (stage === null || now === null) return 'shown';
  return stage === now ? 'now' : stage > now ? 'upcoming' : 'shown';
}
