/** Checks a scenario's expectations about replicated partitions (format/replication.ts) against the world. */
import { logEndOffset, partitionOf, tpKey } from '../engine/replication';
import type { ExpectationDef } from './schema';
import type { World } from './world';

type ReplicaExpectation = Extract<ExpectationDef, { kind: 'partition-replicas' | 'replica-log' }>;

const list = (xs: readonly number[]) => `[${xs.join(', ')}]`;

export function failedReplicaExpectation(world: World, e: ReplicaExpectation): string[] {
  const cluster = world.replication;
  const name = `${e.topic}-${e.partition}`;
  if (!cluster?.partitions[tpKey(e.topic, e.partition)]) return [`there is no replicated partition ${name}`];
  const p = partitionOf(cluster, e.topic, e.partition);
  const failures: string[] = [];
  if (e.kind === 'replica-log') {
    const log = p.logs[e.broker];
    if (!log) return [`broker ${e.broker} holds no replica of ${name}`];
    const values = log.records.map((r) => String(r.value));
    if (JSON.stringify(values) !== JSON.stringify(e.values))
      failures.push(
        `broker ${e.broker}'s copy of ${name} holds ${JSON.stringify(values)}, expected ${JSON.stringify(e.values)}`,
      );
    return failures;
  }
  if (p.leader !== e.leader)
    failures.push(`${name} is led by ${p.leader ?? 'no broker'}, expected ${e.leader ?? 'no leader'}`);
  if (e.isr) {
    const got = [...p.isr].sort((a, b) => a - b);
    const want = [...e.isr].sort((a, b) => a - b);
    if (JSON.stringify(got) !== JSON.stringify(want))
      failures.push(`${name}'s ISR is ${list(got)}, expected ${list(want)}`);
  }
  if (e.highWatermark !== undefined) {
    const hw = highWatermarkOf(p);
    if (hw !== e.highWatermark) failures.push(`${name}'s high watermark is ${hw}, expected ${e.highWatermark}`);
  }
  return failures;
}

/** The partition's high watermark: the leader's; without a leader, the highest an ISR member knew. */
export function highWatermarkOf(p: ReturnType<typeof partitionOf>): number {
  if (p.leader !== null) return p.logs[p.leader]!.highWatermark;
  return Math.max(0, ...p.isr.map((b) => Math.min(p.logs[b]!.highWatermark, logEndOffset(p.logs[b]!))));
}
