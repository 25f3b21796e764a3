/**
 * Two (or more) Kafka clusters and the MirrorMaker 2 flows between them, as plain immutable data. Each region is a
 * broker state of `../broker` (its topics, logs and groups' committed offsets); a flow is one MirrorSourceConnector
 * + MirrorCheckpointConnector pair (source → target) with its task state: how far it has copied, its offset-sync
 * writer, the syncs it wrote, the checkpoint task's sync store and the checkpoints it wrote.
 */
import { applyRetention, createBroker, createTopic, DEFAULT_RETENTION_MS, produce, type BrokerState } from '../broker';
import type { MirrorEffect } from './effects';
import { isCycle, remoteTopic, type PolicyName } from './policy';
import type { SyncArray } from './syncStore';
import { OFFSET_LAG_MAX_DEFAULT, type OffsetSync, type SyncWriterState } from './syncWriter';

export interface RegionTopicDef {
  readonly name: string;
  readonly partitions?: number;
  /** Records written and already deleted by retention before the run (the log starts at this offset). */
  readonly expired?: number;
}

export interface RegionDef {
  readonly alias: string;
  readonly topics: readonly RegionTopicDef[];
}

export interface FlowDef {
  readonly source: string;
  readonly target: string;
  /** The source topics it replicates (MM2's topics filter). */
  readonly topics: readonly string[];
  readonly policy?: PolicyName;
  /** sync.group.offsets.enabled (MirrorCheckpointConfig; default false). */
  readonly syncGroupOffsets?: boolean;
}

export interface MirrorDef {
  readonly regions: readonly RegionDef[];
  readonly flows: readonly FlowDef[];
  /** offset.lag.max (MirrorSourceConfig; default 100). */
  readonly offsetLagMax?: number;
}

/** A checkpoint record: the group's offset upstream and its translation downstream (Checkpoint.java). */
export interface Checkpoint {
  readonly group: string;
  /** The remote topic and partition it is for (in the target cluster). */
  readonly topic: string;
  readonly partition: number;
  readonly upstream: number;
  readonly downstream: number;
}

/** One copied record: where it was upstream and where it went (the run's own bookkeeping, for views and tests). */
export interface CopiedPair extends OffsetSync {
  readonly eventId: string | null;
}

export interface FlowState {
  readonly def: FlowDef;
  readonly policy: PolicyName;
  /** Next upstream offset to copy, per "topic:partition" of the source (absent: the log start, as earliest). */
  readonly positions: Readonly<Record<string, number>>;
  readonly writers: Readonly<Record<string, SyncWriterState>>;
  /** Syncs kept back until the task's next offset commit, per source "topic:partition". */
  readonly delayed: Readonly<Record<string, OffsetSync>>;
  /** The syncs written to mm2-offset-syncs.<target>.internal, in order, per source "topic:partition". */
  readonly syncs: Readonly<Record<string, readonly OffsetSync[]>>;
  /** The checkpoint task's OffsetSyncStore, per source "topic:partition". */
  readonly store: Readonly<Record<string, SyncArray>>;
  /** Every checkpoint written to <source>.checkpoints.internal, in order. */
  readonly checkpoints: readonly Checkpoint[];
  /** Copied records, per source "topic:partition". */
  readonly copied: Readonly<Record<string, readonly CopiedPair[]>>;
}

export interface Processed {
  readonly region: string;
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly key: string | null;
  readonly eventId: string | null;
  readonly duplicate: boolean;
  /** An idempotent group saw the id already and did nothing. */
  readonly skipped: boolean;
}

/** A consuming service (one group id, whichever region it runs in): what it processed and its rows by key. */
export interface MirrorApp {
  readonly processed: readonly Processed[];
  readonly rows: Readonly<Record<string, unknown>>;
}

export interface Region {
  readonly alias: string;
  readonly broker: BrokerState;
  readonly down: boolean;
}

export interface MirrorState {
  readonly regions: Readonly<Record<string, Region>>;
  readonly flows: readonly FlowState[];
  readonly offsetLagMax: number;
  readonly apps: Readonly<Record<string, MirrorApp>>;
}

export interface MirrorStep {
  state: MirrorState;
  effects: MirrorEffect[];
}

export const tp = (topic: string, partition: number): string => `${topic}:${partition}`;

export const EMPTY_APP: MirrorApp = { processed: [], rows: {} };

/** The remote topics a flow writes: each replicated source topic that is not a cycle, with its remote name. */
export function flowTopics(f: FlowState, state: MirrorState): { source: string; remote: string }[] {
  const src = state.regions[f.def.source]?.broker;
  return f.def.topics
    .filter((t) => !!src?.topics[t] && !isCycle(f.policy, t, f.def.target))
    .map((t) => ({ source: t, remote: remoteTopic(f.policy, f.def.source, t) }));
}

/**
 * The clusters at the start: each region's topics (with `expired` records written 7 days + 1 ms ago and deleted
 * by retention, so the log starts past 0), then every flow's remote topics created in its target with the source's
 * partition count (MirrorSourceConnector creates them before copying).
 */
export function createMirror(def: MirrorDef, now: number, seed = 1): MirrorState {
  const regions: Record<string, Region> = {};
  const old = now - DEFAULT_RETENTION_MS - 1;
  for (const r of def.regions) {
    let b = createBroker({ seed });
    for (const t of r.topics) {
      b = createTopic(b, { name: t.name, partitions: t.partitions ?? 1 }, old).state;
      for (let i = 0; i < (t.expired ?? 0); i++)
        b = produce(b, { topic: t.name, key: null, value: null, partition: 0 }, old).state;
    }
    b = applyRetention(b, now).state;
    regions[r.alias] = { alias: r.alias, broker: b, down: false };
  }
  const flows: FlowState[] = def.flows.map((d) => ({
    def: d,
    policy: d.policy ?? 'default',
    positions: {},
    writers: {},
    delayed: {},
    syncs: {},
    store: {},
    checkpoints: [],
    copied: {},
  }));
  let state: MirrorState = { regions, flows, offsetLagMax: def.offsetLagMax ?? OFFSET_LAG_MAX_DEFAULT, apps: {} };
  for (const f of flows)
    for (const { source, remote } of flowTopics(f, state)) {
      const target = state.regions[f.def.target];
      const src = state.regions[f.def.source]!.broker.topics[source]!;
      if (!target || target.broker.topics[remote]) continue;
      const b = createTopic(target.broker, { name: remote, partitions: src.config.partitions }, now).state;
      state = { ...state, regions: { ...state.regions, [target.alias]: { ...target, broker: b } } };
    }
  return state;
}

export const putRegion = (state: MirrorState, r: Region): MirrorState => ({
  ...state,
  regions: { ...state.regions, [r.alias]: r },
});

export const putFlow = (state: MirrorState, i: number, f: FlowState): MirrorState => ({
  ...state,
  flows: state.flows.map((x, j) => (j === i ? f : x)),
});

export const flowIndex = (state: MirrorState, source: string, target: string): number =>
  state.flows.findIndex((f) => f.def.source === source && f.def.target === target);

/**
 * The flow source → target with both regions, or the step that says why nothing moves: one of them is down
 * (`doing` names what could not happen, e.g. "MirrorMaker 2 cannot copy us→eu"). Throws for a flow the
 * scenario does not declare (references are checked before a run).
 */
export function openFlow(
  state: MirrorState,
  source: string,
  target: string,
  doing: string,
): { i: number; src: Region; dst: Region } | { unavailable: { state: MirrorState; effects: MirrorEffect[] } } {
  const i = flowIndex(state, source, target);
  const src = state.regions[source];
  const dst = state.regions[target];
  if (i < 0 || !src || !dst) throw new Error(`No replication flow ${source}->${target}`);
  const down = [src, dst].find((r) => r.down);
  if (!down) return { i, src, dst };
  const effects: MirrorEffect[] = [
    { kind: 'mirror-changed', op: 'unavailable', region: down.alias, reason: `${down.alias} is down: ${doing}` },
  ];
  return { unavailable: { state, effects } };
}
