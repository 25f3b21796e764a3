/**
 * Stage masking: the broker as it looks while a step's stages play. Until a stage arrives, what it
 * changes is drawn as it was before the step: a record appears when it lands (its partition's
 * "next" slot waits at the old log-end), a group's committed-offset tag stays at the previous offset
 * until the commit, lag numbers stay old until the lag stage, and members keep their old partitions
 * until the rebalance. Pure: from the worlds before and after the step, its effects and its stages.
 */
import type { BrokerState, GroupState, MemberState } from '../../engine/broker';
import type { Effect } from '../../engine/types';
import type { Stage, StageKind } from '../../state/stagePlan';
import type { StageView } from './brokerTypes';
import { tpKey } from './brokerGeometry';

export interface StageMask {
  index: number;
  stageCount: number;
  /** The stage on screen, or null once the step is fully shown. */
  current: Stage | null;
  /** The stage index at which effect `i` shows as `kind` (its first stage when kind is omitted), or -1. */
  stageOf(i: number, kind?: StageKind): number;
  /** Effect `i`'s `kind` stage has arrived (is on screen or past); effects in no stage count as arrived. */
  reached(i: number, kind?: StageKind): boolean;
  /** Effect `i`'s `kind` stage is the one on screen. */
  now(i: number, kind?: StageKind): boolean;
}

/** Where each effect shows: its first stage, and its stage of each kind. */
interface StageIndex {
  first: Map<number, number>;
  byKind: Map<StageKind, Map<number, number>>;
}

/**
 * A step's stages never change once planned (`planStages` keeps one plan per step), and the mask is
 * asked for at every stage of the step by each view: the index is built once per plan.
 */
const indexes = new WeakMap<readonly Stage[], StageIndex>();

function indexOf(stages: readonly Stage[]): StageIndex {
  let index = indexes.get(stages);
  if (index) return index;
  index = { first: new Map(), byKind: new Map() };
  const { first, byKind } = index;
  stages.forEach((s, k) => {
    let of = byKind.get(s.kind);
    if (!of) byKind.set(s.kind, (of = new Map()));
    for (const i of s.effects) {
      if (!of.has(i)) of.set(i, k);
      if (!first.has(i)) first.set(i, k); // stages come in order: the first seen is the first
    }
  });
  indexes.set(stages, index);
  return index;
}

/** The mask of a step; without a view, everything has arrived (the step drawn complete). */
export function stageMask(view: StageView | undefined): StageMask {
  const stages = view?.stages ?? [];
  const index = view ? Math.max(0, Math.min(view.index, stages.length)) : stages.length;
  const { first, byKind } = indexOf(stages);
  const stageOf = (i: number, kind?: StageKind) => (kind ? (byKind.get(kind)?.get(i) ?? -1) : (first.get(i) ?? -1));
  return {
    index,
    stageCount: stages.length,
    current: stages[index] ?? null,
    stageOf,
    reached: (i, kind) => stageOf(i, kind) <= index,
    now: (i, kind) => stageOf(i, kind) === index && index < stages.length,
  };
}

const byKind = new WeakMap<readonly Effect[], Map<Effect['kind'], number[]>>();

/**
 * The indices of a step's effects of one kind, in order. A step's effects never change, and the views
 * look for a few kinds among them at every stage: a poll of 1,000 records has 1,048 effects, of which
 * 12 are commits and 12 lag changes. Built once per step.
 */
export function effectIndices(effects: readonly Effect[], kind: Effect['kind']): readonly number[] {
  let index = byKind.get(effects);
  if (!index) {
    index = new Map();
    effects.forEach((e, i) => {
      const of = index!.get(e.kind);
      if (of) of.push(i);
      else index!.set(e.kind, [i]);
    });
    byKind.set(effects, index);
  }
  return index.get(kind) ?? [];
}

/** The first offset of each partition ("topic:partition") whose record has not landed yet. */
export function unlanded(effects: readonly Effect[], mask: StageMask): Map<string, number> {
  const out = new Map<string, number>();
  effects.forEach((e, i) => {
    if (mask.reached(i, 'land')) return;
    const first = e.kind === 'record-appended' ? e.offset : null;
    if (first === null || !('partition' in e)) return;
    const k = tpKey(e.topic, e.partition);
    out.set(k, Math.min(out.get(k) ?? first, first));
  });
  return out;
}

/** Per group, "topic:partition" whose commit (or whose lag change) is still to come in this step. */
function pendingBy(effects: readonly Effect[], mask: StageMask, kinds: readonly Effect['kind'][], stage: StageKind) {
  const out = new Set<string>();
  effects.forEach((e, i) => {
    if (kinds.includes(e.kind) && 'groupId' in e && 'topic' in e && 'partition' in e && !mask.reached(i, stage))
      out.add(`${e.groupId}|${tpKey(e.topic, e.partition)}`);
  });
  return out;
}

/** Groups whose membership change (join, leave, crash) or rebalance is still to come. */
function pendingGroups(effects: readonly Effect[], mask: StageMask, stage: StageKind): Set<string> {
  const out = new Set<string>();
  effects.forEach((e, i) => {
    if (mask.stageOf(i, stage) >= 0 && !mask.reached(i, stage) && 'groupId' in e) out.add(e.groupId);
  });
  return out;
}

export interface ShownBroker {
  /** The broker as drawn at this stage. */
  broker: BrokerState;
  /** The committed offset lag is measured from (the old one until the lag stage), by group and "topic:partition". */
  lagCommitted(groupId: string, key: string): number | undefined;
  /** The effects whose stage has arrived (captions, chip states, "sent" counts, new and fetched records). */
  effects: readonly Effect[];
  /** "group/member" of members that have joined but get their partitions only at the rebalance to come. */
  awaiting: ReadonlySet<string>;
}

/** The broker at the stage on screen: `after`, with what is still to come taken from `before`. */
export function shownBroker(
  after: BrokerState,
  effects: readonly Effect[],
  view: StageView | undefined,
  mask: StageMask = stageMask(view),
): ShownBroker {
  const before = view?.before ?? null;
  if (!before || mask.current === null)
    return {
      broker: after,
      lagCommitted: (g, k) => after.groups[g]?.committed[k]?.offset,
      effects,
      awaiting: new Set(),
    };
  const hidden = unlanded(effects, mask);
  const commitsToCome = pendingBy(effects, mask, ['offset-committed', 'offsets-reset'], 'commit');
  const lagsToCome = pendingBy(effects, mask, ['lag-changed'], 'lag');
  const joining = pendingGroups(effects, mask, 'members');
  const rebalancing = pendingGroups(effects, mask, 'rebalance');

  const topics = Object.fromEntries(
    Object.entries(after.topics).map(([name, t]) => [
      name,
      {
        ...t,
        partitions: t.partitions.map((log, p) => {
          const from = hidden.get(tpKey(name, p));
          return from === undefined
            ? log
            : { ...log, records: log.records.filter((r) => r.offset < from), logEndOffset: from };
        }),
      },
    ]),
  );
  const committedOf = (g: GroupState, old: GroupState | undefined, toCome: Set<string>) => {
    const out: Record<string, GroupState['committed'][string]> = { ...g.committed };
    for (const k of Object.keys(out))
      if (toCome.has(`${g.groupId}|${k}`)) {
        const was = old?.committed[k];
        if (was) out[k] = was;
        else delete out[k];
      }
    return out;
  };
  const groups: Record<string, GroupState> = {};
  const awaiting = new Set<string>();
  for (const [id, g] of Object.entries(after.groups)) {
    const old = before.groups[id];
    const committed = committedOf(g, old, commitsToCome);
    if (joining.has(id)) {
      // Before the members change: the group as it was (absent if it did not exist yet).
      if (old) groups[id] = { ...old, committed };
    } else if (rebalancing.has(id)) {
      // Members have come and gone, but partitions move only with the rebalance.
      const members: Record<string, MemberState> = {};
      for (const [mid, m] of Object.entries(g.members)) {
        members[mid] = { ...m, assignment: old?.members[mid]?.assignment ?? [] };
        if (!old?.members[mid]) awaiting.add(`${id}/${mid}`);
      }
      groups[id] = { ...g, generation: old?.generation ?? g.generation, members, committed };
    } else groups[id] = { ...g, committed };
  }
  const lagFrom = new Map<string, Record<string, GroupState['committed'][string]>>();
  for (const [id, g] of Object.entries(after.groups)) lagFrom.set(id, committedOf(g, before.groups[id], lagsToCome));
  return {
    broker: { ...after, topics, groups },
    lagCommitted: (g, k) => lagFrom.get(g)?.[k]?.offset,
    effects: effects.filter((_, i) => mask.reached(i)),
    awaiting,
  };
}
