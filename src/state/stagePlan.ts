/**
 * The stages of one step, in the order they happen: a producer sends → the record lands in its
 * partition (its offset appears) → a consumer fetches → processes → commits (the group's tag slides)
 * → lag changes; rebalances, event-store appends, the relay and projection catch-up likewise.
 *
 * Pure: a step's effects are already in causal order (the engine emits them as it goes), so the plan
 * walks them once and groups neighbours of the same kind. The views show the world as it was before a
 * stage until that stage arrives, the "What happened" list summarises one line per stage, and the
 * playback pace allows the stages their time. One plan, read by all three.
 */
import type { Effect, EffectKind } from '../engine/types';
import { REPLICATION_STAGES } from './replicationStages';
import { TXN_STAGES } from './txnStages';
import { SAGA_STAGES } from './sagaStages';
import { streamSummary } from '../engine/streams/summary';

export type StageKind =
  | 'send' // a producer's records travel to their partitions (nothing stored yet)
  | 'land' // appended: each record gets its offset
  | 'refuse' // a produce or request refused, a deduplicated retry
  | 'topic' // topics created, partitions added
  | 'members' // consumers join, leave or crash
  | 'rebalance' // the group rebalances: revoked, assigned, new generation
  | 'fetch' // records travel from the partition to a consumer
  | 'process' // the consumer processes (or fails, or dead-letters)
  | 'position' // where a consumer starts fetching (auto.offset.reset, a seek, out of range)
  | 'commit' // committed offsets move
  | 'lag' // lag changes as a result
  | 'cleanup' // retention deletes segments, the cleaner compacts
  | 'queue' // a classic queue enqueues, delivers, acks
  | 'decide' // a command is decided against the aggregate's state
  | 'store' // events appended to the event store (snapshots too)
  | 'relay' // the outbox relay publishes stored events to the broker
  | 'project' // projections catch up (upcasting on the way)
  | 'query' // a read model answers a query
  | 'react' // a service reacts to an event
  | 'other';

export interface Stage {
  kind: StageKind;
  /** Indexes into the step's effects, in order. */
  effects: number[];
  /** One line for the "What happened" list and the caption on the diagram. */
  summary: string;
}

const KIND_OF: Record<EffectKind, StageKind | null> = {
  ...REPLICATION_STAGES,
  ...TXN_STAGES,
  ...SAGA_STAGES,
  'topic-created': 'topic',
  'partitions-added': 'topic',
  'record-appended': 'land',
  'produce-deduplicated': 'refuse',
  'produce-rejected': 'refuse',
  'request-rejected': 'refuse',
  'producer-restarted': 'other',
  'member-joined': 'members',
  'member-left': 'members',
  'member-crashed': 'members',
  'rebalance-started': 'rebalance',
  'partitions-revoked': 'rebalance',
  'partitions-assigned': 'rebalance',
  'rebalance-completed': 'rebalance',
  'records-fetched': 'fetch',
  'record-processed': 'process',
  'version-checked': 'process',
  'processing-failed': 'process',
  'record-dead-lettered': 'process',
  'offset-committed': 'commit',
  'position-moved': 'position',
  'offsets-reset': 'commit',
  'offset-reset-applied': 'position',
  'offset-out-of-range': 'position',
  'lag-changed': 'lag',
  'segment-deleted': 'cleanup',
  'records-compacted': 'cleanup',
  'queue-enqueued': 'queue',
  'queue-delivered': 'queue',
  'queue-acked': 'queue',
  'queue-nacked': 'queue',
  'queue-redelivered': 'queue',
  'command-accepted': 'decide',
  'command-rejected': 'decide',
  'append-conflict': 'decide',
  'event-stored': 'store',
  'snapshot-taken': 'store',
  'event-relayed': 'relay',
  'event-upcast': 'project',
  'projection-applied': 'project',
  'projection-skipped': 'project',
  'query-answered': 'query',
  'reaction-triggered': 'react',
  'fault-injected': 'other',
  'outbox-changed': 'other',
  'stream-changed': 'other',
  'consumer-changed': 'other',
  'registry-changed': 'other',
  'mirror-changed': 'other',
  'design-changed': 'other',
  'privacy-changed': 'other',
  // Bookkeeping, not something that happens on the diagram.
  'time-advanced': null,
  'span-recorded': null,
  'question-asked': null,
};

/** The stage an effect belongs to, or null for bookkeeping (the clock moving, a question being asked). */
export const stageKindOf = (e: Effect): StageKind | null => KIND_OF[e.kind];

/**
 * Kinds that repeat together inside one step: a consumer processes each fetched record in turn
 * (reacting, deciding, storing, producing), and commits partition by partition, each commit
 * changing that partition's lag. Repeats fold into the first stage of their kind, so a poll of
 * five records reads "processes 5 → commits 3 partitions → lag changes", not fifteen stages.
 */
const CYCLES: readonly ReadonlySet<StageKind>[] = [
  new Set<StageKind>(['process', 'react', 'decide', 'store', 'send', 'land', 'refuse']),
  new Set<StageKind>(['commit', 'lag']),
];
const cycleOf = (k: StageKind) => CYCLES.find((c) => c.has(k));

/** The earlier stage of `kind` this one repeats, scanning back while stages stay in its cycle. */
function repeated(stages: readonly Stage[], kind: StageKind): Stage | undefined {
  const cycle = cycleOf(kind);
  for (let j = stages.length - 1; j >= 0; j--) {
    const s = stages[j]!;
    if (s.kind === kind) return s;
    if (!cycle?.has(s.kind)) return undefined;
  }
  return undefined;
}

/**
 * Plans made, by the step's effects (an effects array never changes once a step has produced it): the
 * stage clock, the pacing, "What happened" and each view ask for the same step's plan, and a
 * 1,000-record poll's plan costs ~10-20 ms before the code is optimised. Shared, so never changed by a caller.
 */
const plans = new WeakMap<readonly Effect[], Stage[]>();

/**
 * The step's stages in order. Appends become two stages, `send` then `land`, so the record is seen
 * travelling before its offset exists. The relay's stage goes before the records it produces.
 */
export function planStages(effects: readonly Effect[]): Stage[] {
  let stages = plans.get(effects);
  if (!stages) {
    stages = plan(effects);
    plans.set(effects, stages);
  }
  return stages;
}

function plan(effects: readonly Effect[]): Stage[] {
  const stages: Stage[] = [];
  effects.forEach((e, i) => {
    const kind = stageKindOf(e);
    if (kind === null) return;
    if (kind === 'relay' && stages.at(-1)?.kind === 'land' && stages.at(-2)?.kind === 'send') {
      // The relay reads the stored event, then produces it (the engine reports the append first).
      const before = stages.at(-3);
      if (before?.kind === 'relay') before.effects.push(i);
      else stages.splice(stages.length - 2, 0, { kind: 'relay', effects: [i], summary: '' });
      return;
    }
    const earlier = repeated(stages, kind);
    if (earlier) {
      earlier.effects.push(i);
      // A record that lands was sent first: its send stage is the one just before.
      if (kind === 'land') stages[stages.indexOf(earlier) - 1]!.effects.push(i);
      return;
    }
    if (kind === 'land') stages.push({ kind: 'send', effects: [i], summary: '' });
    stages.push({ kind, effects: [i], summary: '' });
  });
  for (const s of stages) s.summary = summaryOf(s, effects);
  return stages;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const uniq = <T>(xs: readonly T[]) => [...new Set(xs)];
const list = (xs: readonly string[]) =>
  xs.length <= 2 ? xs.join(' and ') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;

function summaryOf(stage: Stage, all: readonly Effect[]): string {
  const es = stage.effects.map((i) => all[i]!);
  const of = <K extends EffectKind>(k: K) => es.filter((e): e is Extract<Effect, { kind: K }> => e.kind === k);
  switch (stage.kind) {
    case 'send': {
      const count = es.length;
      const from = uniq(of('record-appended').flatMap((e) => (e.producerId ? [e.producerId] : [])));
      return `${from.length ? `${list(from)} sends` : 'Sent:'} ${plural(count, 'record')}`;
    }
    case 'land': {
      const where = uniq(es.map((e) => (e.kind === 'record-appended' ? `${e.topic}-${e.partition} @${e.offset}` : '')));
      return `Lands at ${where.length > 3 ? `${plural(where.length, 'place')}` : list(where)}`;
    }
    case 'fetch': {
      const f = of('records-fetched');
      const n = f.reduce((k, e) => k + e.offsets.length, 0);
      return `${list(uniq(f.map((e) => e.memberId)))} fetches ${plural(n, 'record')}`;
    }
    case 'process': {
      const failed = of('processing-failed').length + of('record-dead-lettered').length;
      const early = of('version-checked').filter((e) => e.outcome === 'held' || e.outcome === 'parked').length;
      return `Processed ${plural(of('record-processed').length, 'record')}${failed ? `, ${failed} failed` : ''}${early ? `, ${early} set aside (out of order)` : ''}`;
    }
    case 'commit': {
      const c = of('offset-committed');
      if (c.length === 1) return `${c[0]!.groupId} commits ${c[0]!.topic}-${c[0]!.partition} at ${c[0]!.offset}`;
      return `${list(uniq(c.map((e) => e.groupId)))} commits on ${plural(c.length, 'partition')}`;
    }
    case 'position': {
      const members = uniq(
        es.flatMap((e) => (e.kind === 'position-moved' ? [e.memberId] : 'groupId' in e ? [e.groupId] : [])),
      );
      return es.length === 1
        ? firstLine(es[0]!.reason)
        : `${list(members)}: where fetching starts on ${plural(es.length, 'partition')}`;
    }
    case 'lag':
      return `Lag changes on ${plural(es.length, 'partition')}`;
    case 'members': {
      const names = es.map((e) =>
        e.kind === 'member-joined'
          ? `${e.memberId} joins`
          : e.kind === 'member-left'
            ? `${e.memberId} leaves`
            : e.kind === 'member-crashed'
              ? `${e.memberId} crashes`
              : '',
      );
      return list(names);
    }
    case 'rebalance': {
      const done = of('rebalance-completed');
      const groups = uniq(es.flatMap((e) => ('groupId' in e ? [e.groupId] : [])));
      return done.length === 1
        ? `${done[0]!.groupId} rebalances to generation ${done[0]!.generation}`
        : `${list(groups)} rebalance${groups.length === 1 ? 's' : ''}`;
    }
    case 'store':
      return `${plural(of('event-stored').length, 'event')} stored`;
    case 'relay':
      return `The relay publishes ${plural(es.length, 'event')}`;
    case 'project': {
      const applied = of('projection-applied').length;
      const skipped = of('projection-skipped').length;
      const upcast = of('event-upcast').length;
      const parts = [
        `${applied} applied`,
        ...(skipped ? [`${skipped} skipped`] : []),
        ...(upcast ? [`${upcast} upcast`] : []),
      ];
      return `Projections catch up: ${parts.join(', ')}`;
    }
    case 'react': {
      const r = of('reaction-triggered');
      return r.length === 1
        ? firstLine(r[0]!.reason)
        : `${list(uniq(r.map((e) => e.service)))} react to ${plural(r.length, 'event')}`;
    }
    case 'decide':
      return es.length === 1 && es[0]!.kind === 'command-accepted'
        ? `${es[0]!.commandType} accepted`
        : es.length === 1 && es[0]!.kind === 'command-rejected'
          ? `${es[0]!.commandType} rejected`
          : `${plural(es.length, 'command')} decided: ${of('command-accepted').length} accepted, ${es.length - of('command-accepted').length} refused`;
    case 'queue': {
      // One clause per kind of queue event, without the generated message ids.
      const by = (k: EffectKind, verb: string) => {
        const n = es.filter((e) => e.kind === k).length;
        return n ? [`${plural(n, 'message')} ${verb}`] : [];
      };
      const queues = uniq(es.flatMap((e) => ('queue' in e ? [e.queue] : [])));
      const consumers = uniq(es.flatMap((e) => ('consumerId' in e ? [e.consumerId] : [])));
      const parts = [
        ...by('queue-enqueued', 'enqueued'),
        ...by('queue-delivered', `delivered${consumers.length ? ` to ${list(consumers)}` : ''}`),
        ...by('queue-acked', 'acked (removed from the queue)'),
        ...by('queue-nacked', 'nacked'),
        ...by('queue-redelivered', 'back in the queue for redelivery'),
      ];
      return `${list(queues)}: ${parts.join(', ')}`;
    }
    default:
      // A stream processor's run: its effects counted by what happened (engine/streams/summary.ts).
      if (es.every((e) => e.kind === 'stream-changed')) return streamSummary(of('stream-changed'));
      // Kinds whose effects each say it best: the first one's reason, trimmed to one line.
      return firstLine(es[0]!.reason);
  }
}

const firstLine = (s: string) => {
  const line = (s.split(/(?<=[.;])\s/)[0] ?? s).replace(/[;,:]$/, '');
  return line.length > 90 ? `${line.slice(0, 89)}…` : line;
};

/** How long each stage holds the screen at 1× (speeds divide it); with reduced motion, a short highlight. */
export const STAGE_MS: Readonly<Record<StageKind, number>> = {
  send: 650, // a token's flight (viz/components/Token.tsx TOKEN_MS)
  land: 350,
  refuse: 600,
  topic: 500,
  members: 500,
  rebalance: 900,
  fetch: 650,
  process: 450,
  position: 350,
  commit: 500,
  lag: 350,
  cleanup: 600,
  queue: 650,
  decide: 450,
  store: 450,
  relay: 450,
  project: 500,
  query: 450,
  react: 400,
  other: 400,
};
export const REDUCED_STAGE_MS = 300;

/** The time the step's stages take to play at a speed (1 = normal). */
export function stagesMs(stages: readonly Stage[], opts: { speed: number; reducedMotion: boolean }): number {
  const total = stages.reduce((ms, s) => ms + (opts.reducedMotion ? REDUCED_STAGE_MS : STAGE_MS[s.kind]), 0);
  return Math.round(total / Math.max(0.1, opts.speed));
}
