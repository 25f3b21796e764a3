/**
 * One run of a flow's MirrorCheckpointTask (apache/kafka MirrorCheckpointTask.java, every
 * emit.checkpoints.interval.seconds, default 60): for each group's committed offset in the source cluster, the
 * offset translated through the sync store (`syncStore.ts`) is written as a checkpoint to
 * `<source>.checkpoints.internal` in the target — unless there is no sync for it, it cannot be translated (−1), or
 * it is not newer than the last checkpoint (checkpointIsMoreRecent). With sync.group.offsets.enabled (default
 * false) the translated offset is also written as the group's committed offset in the target, only while the group
 * has no active members there and only if it is ahead of what the group has committed there (syncGroupOffset).
 */
import { type BrokerState, type CommittedOffset, type GroupState } from '../broker';
import { emptyGroup } from '../broker/group';
import type { MirrorEffect } from './effects';
import { checkpointsTopic } from './policy';
import { translateDownstream } from './syncStore';
import {
  openFlow,
  flowTopics,
  putFlow,
  putRegion,
  tp,
  type Checkpoint,
  type MirrorState,
  type MirrorStep,
} from './mirrorState';

/** MirrorCheckpointConfig.EMIT_CHECKPOINTS_INTERVAL_SECONDS_DEFAULT (emit.checkpoints.interval.seconds). */
export const EMIT_CHECKPOINTS_INTERVAL_SECONDS_DEFAULT = 60;
/** MirrorCheckpointConfig.SYNC_GROUP_OFFSETS_ENABLED_DEFAULT (sync.group.offsets.enabled). */
export const SYNC_GROUP_OFFSETS_ENABLED_DEFAULT = false;

/** The latest checkpoint of a group for a remote topic-partition (what RemoteClusterUtils.translateOffsets reads). */
export function latestCheckpoint(
  cps: readonly Checkpoint[],
  group: string,
  topic: string,
  partition: number,
): Checkpoint | undefined {
  for (let i = cps.length - 1; i >= 0; i--) {
    const c = cps[i]!;
    if (c.group === group && c.topic === topic && c.partition === partition) return c;
  }
  return undefined;
}

/** A committed offset written into a region's broker for a group (what an offset commit or an admin alter does). */
export function writeCommitted(
  b: BrokerState,
  group: string,
  topic: string,
  partition: number,
  offset: number,
  now: number,
): BrokerState {
  const g: GroupState = b.groups[group] ?? emptyGroup(group);
  const committed: Record<string, CommittedOffset> = {
    ...g.committed,
    [tp(topic, partition)]: { offset, committedAt: now },
  };
  const topics = g.topics.includes(topic) ? g.topics : [...g.topics, topic].sort();
  return { ...b, groups: { ...b.groups, [group]: { ...g, topics, committed } } };
}

export function emitCheckpoints(state: MirrorState, req: { source: string; target: string }, now: number): MirrorStep {
  const open = openFlow(
    state,
    req.source,
    req.target,
    "the checkpoint task cannot read the groups' offsets or write checkpoints",
  );
  if ('unavailable' in open) return open.unavailable;
  const { i, src, dst } = open;
  let f = state.flows[i]!;
  let target = dst.broker;
  const effects: MirrorEffect[] = [];
  const cpTopic = checkpointsTopic(req.source);
  const topics = flowTopics(f, state);
  for (const groupId of Object.keys(src.broker.groups).sort()) {
    const g = src.broker.groups[groupId]!;
    for (const { source, remote } of topics) {
      const partitions = src.broker.topics[source]!.partitions.length;
      for (let p = 0; p < partitions; p++) {
        const c = g.committed[tp(source, p)];
        if (!c) continue;
        const down = translateDownstream(f.store[tp(source, p)], c.offset);
        if (down === null || down < 0) {
          effects.push({
            kind: 'mirror-changed',
            op: 'not-translated',
            region: req.target,
            group: groupId,
            reason: `${groupId}'s offset ${c.offset} on ${source}-${p} cannot be translated (${down === null ? 'no offset sync yet' : 'every sync kept is past it'}): no checkpoint`,
          });
          continue;
        }
        const last = latestCheckpoint(f.checkpoints, groupId, remote, p);
        if (last && !(c.offset < last.upstream || down > last.downstream)) continue;
        const cp: Checkpoint = { group: groupId, topic: remote, partition: p, upstream: c.offset, downstream: down };
        f = { ...f, checkpoints: [...f.checkpoints, cp] };
        const exact = f.syncs[tp(source, p)]?.some((s) => s.upstream === c.offset);
        effects.push({
          kind: 'mirror-changed',
          op: 'checkpoint',
          region: req.target,
          topic: cpTopic,
          group: groupId,
          reason: `Checkpoint in ${cpTopic}: ${groupId} at ${source}-${p} offset ${c.offset} → ${remote}-${p} offset ${down} (${exact ? 'a sync at exactly that offset' : 'the latest sync before it, + 1: at or before the true position'})`,
        });
        if (!f.def.syncGroupOffsets) continue;
        const tg = target.groups[groupId];
        const has = tg?.committed[tp(remote, p)]?.offset;
        if (tg && Object.keys(tg.members).length > 0) continue;
        if (has !== undefined && has >= down) continue;
        target = writeCommitted(target, groupId, remote, p, down, now);
        effects.push({
          kind: 'mirror-changed',
          op: 'group-offsets-synced',
          region: req.target,
          topic: remote,
          group: groupId,
          reason: `sync.group.offsets.enabled: ${groupId}'s committed offset on ${req.target} ${remote}-${p} set to ${down} (the group has no members there)`,
        });
      }
    }
  }
  if (effects.length === 0)
    effects.push({
      kind: 'mirror-changed',
      op: 'checkpoint',
      region: req.target,
      reason: `No group offset changed since the last checkpoints: nothing written to ${cpTopic}`,
    });
  return { state: putFlow(putRegion(state, { ...dst, broker: target }), i, f), effects };
}
