/**
 * One run of a flow's MirrorSourceTask: records after its position are copied to the remote topic in the target
 * (same partition, key, value, headers and timestamp; MirrorSourceTask.convertRecord), each copy through the
 * offset-sync rule (`syncWriter.ts`); then, with `commit`, the task's periodic offset commit (Connect's
 * offset.flush.interval.ms) sends the syncs kept back. Copying is asynchronous to the producers: what is written
 * upstream after the last run is not in the target yet.
 */
import { getPartition, logStartOffset, produce, type LogRecord } from '../broker';
import type { MirrorEffect } from './effects';
import { isCycle, offsetSyncsTopic, topicSource } from './policy';
import { addSync } from './syncStore';
import { NEW_WRITER, RULE_WORDS, updateWriter, type OffsetSync } from './syncWriter';
import {
  openFlow,
  flowTopics,
  putFlow,
  putRegion,
  tp,
  type FlowState,
  type MirrorState,
  type MirrorStep,
} from './mirrorState';

export interface MirrorRequest {
  source: string;
  target: string;
  /** At most this many records (all partitions together); absent: everything there is. */
  max?: number;
  /** The task's offset commit after copying: the syncs kept back are sent. */
  commit?: boolean;
}

const range = (a: number, b: number) => (a === b ? `offset ${a}` : `offsets ${a}–${b}`);

/** A sync written to the offset-syncs topic and read by the checkpoint task's store. */
const emit = (f: FlowState, key: string, s: OffsetSync): FlowState => ({
  ...f,
  syncs: { ...f.syncs, [key]: [...(f.syncs[key] ?? []), s] },
  store: { ...f.store, [key]: addSync(f.store[key], s) },
});

export function mirror(state: MirrorState, req: MirrorRequest, now: number): MirrorStep {
  const open = openFlow(
    state,
    req.source,
    req.target,
    `MirrorMaker 2 cannot copy ${req.source}→${req.target}, nothing is replicated`,
  );
  if ('unavailable' in open) return open.unavailable;
  const { i, src, dst } = open;
  let f = state.flows[i]!;
  let target = dst.broker;
  const effects: MirrorEffect[] = [];
  const syncsTopic = offsetSyncsTopic(req.target);
  let budget = req.max ?? Number.POSITIVE_INFINITY;
  for (const { source, remote } of flowTopics(f, state)) {
    const partitions = src.broker.topics[source]!.partitions.length;
    for (let p = 0; p < partitions; p++) {
      const key = tp(source, p);
      const from = f.positions[key] ?? logStartOffset(src.broker, source, p);
      const todo = getPartition(src.broker, source, p)
        .records.filter((r: LogRecord) => r.offset >= from && !r.control)
        .slice(0, Math.max(0, budget));
      if (todo.length === 0) continue;
      budget -= todo.length;
      let writer = f.writers[key] ?? NEW_WRITER;
      const pairs = [...(f.copied[key] ?? [])];
      const syncEffects: MirrorEffect[] = [];
      let firstDown = -1;
      let lastDown = -1;
      for (const r of todo) {
        const put = produce(
          target,
          {
            topic: remote,
            partition: p,
            key: r.key,
            value: r.value,
            headers: { ...r.headers },
            eventId: r.eventId ?? undefined,
          },
          now,
        );
        target = put.state;
        const down = put.appended!.offset;
        if (firstDown < 0) firstDown = down;
        lastDown = down;
        pairs.push({ upstream: r.offset, downstream: down, eventId: r.eventId });
        const u = updateWriter(writer, r.offset, down, state.offsetLagMax);
        writer = u.state;
        const sync = { upstream: r.offset, downstream: down };
        if (u.now) {
          const { [key]: _dropped, ...rest } = f.delayed;
          f = emit({ ...f, delayed: rest }, key, sync);
          syncEffects.push({
            kind: 'mirror-changed',
            op: 'offset-sync',
            region: req.source,
            topic: source,
            reason: `Offset sync ${source}-${p} ${r.offset} ↔ ${remote}-${p} ${down} written to ${syncsTopic} at once: ${RULE_WORDS[u.now]}`,
          });
        } else f = { ...f, delayed: { ...f.delayed, [key]: sync } };
      }
      const last = todo[todo.length - 1]!.offset;
      f = {
        ...f,
        positions: { ...f.positions, [key]: last + 1 },
        writers: { ...f.writers, [key]: writer },
        copied: { ...f.copied, [key]: pairs },
      };
      effects.push({
        kind: 'mirror-changed',
        op: 'mirrored',
        region: req.target,
        topic: remote,
        reason: `MirrorMaker 2 copied ${todo.length} record${todo.length === 1 ? '' : 's'} of ${req.source} ${source}-${p} (${range(todo[0]!.offset, last)}) to ${req.target} ${remote}-${p} (${range(firstDown, lastDown)})${firstDown === todo[0]!.offset ? '' : `: the same record${todo.length === 1 ? '' : 's'}, ${todo[0]!.offset - firstDown > 0 ? `${todo[0]!.offset - firstDown} lower` : `${firstDown - todo[0]!.offset} higher`} in offset`}`,
      });
      effects.push(...syncEffects);
    }
  }
  for (const t of f.def.topics) {
    const log = src.broker.topics[t];
    if (log && isCycle(f.policy, t, req.target) && log.partitions.some((x) => x.logEndOffset > x.logStartOffset))
      effects.push({
        kind: 'mirror-changed',
        op: 'cycle-skipped',
        region: req.source,
        topic: t,
        reason: `${t} is not copied to ${req.target}: its name says it came from ${topicSource(f.policy, t)}, and MM2 never replicates a topic back to the cluster it came from (no loop)`,
      });
  }
  const kept = Object.entries(f.delayed);
  if (req.commit) {
    for (const [key, s] of kept) {
      f = emit(f, key, s);
      effects.push({
        kind: 'mirror-changed',
        op: 'offset-sync',
        region: req.source,
        reason: `Offset sync ${key.replace(/:(\d+)$/, '-$1')} ${s.upstream} ↔ ${s.downstream} written to ${syncsTopic} at the task's offset commit (it had been kept back: offset.lag.max ${state.offsetLagMax} not reached)`,
      });
    }
    f = { ...f, delayed: {} };
  } else
    for (const [key, s] of kept)
      effects.push({
        kind: 'mirror-changed',
        op: 'sync-delayed',
        region: req.source,
        reason: `The sync ${key.replace(/:(\d+)$/, '-$1')} ${s.upstream} ↔ ${s.downstream} is kept back until the task's next offset commit: fewer than offset.lag.max (${state.offsetLagMax}) offsets since the last sync`,
      });
  if (effects.length === 0)
    effects.push({
      kind: 'mirror-changed',
      op: 'mirrored',
      region: req.target,
      reason: `Nothing new in ${req.source} to copy to ${req.target}`,
    });
  return { state: putFlow(putRegion(state, { ...dst, broker: target }), i, f), effects };
}
