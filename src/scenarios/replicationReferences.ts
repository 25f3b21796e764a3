/**
 * The references of replicated topics (`topology.replication`, format/replication.ts) that a schema cannot
 * check: each replication step and expectation names a replicated topic, a partition and brokers that exist,
 * a topic's replication factor and min.insync.replicas fit its cluster, and no replicated topic shares a name
 * with an ordinary topic. Called by `references.ts`.
 */
import { DEFAULT_BROKERS } from '../engine/replication';
import { REPLICATION_KINDS } from './format/replicationKinds';
import type { ScenarioIssue } from './scenarioIssue';
import type { ScenarioDef } from './schema';

export function replicationReferenceIssues(s: ScenarioDef): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  const r = s.topology.replication;
  const brokers = r?.brokers ?? DEFAULT_BROKERS;
  const topics = new Map((r?.topics ?? []).map((t) => [t.name, t.partitions ?? 1]));
  const plain = new Set(s.topology.topics.map((t) => t.name));
  r?.topics.forEach((t, i) => {
    const p = `topology.replication.topics[${i}]`;
    if (plain.has(t.name))
      add(`${p}.name`, `"${t.name}" is already an ordinary topic: give the replicated one its own name`);
    if (r.topics.findIndex((x) => x.name === t.name) < i) add(`${p}.name`, `duplicate replicated topic "${t.name}"`);
    if (t.replicationFactor > brokers)
      add(
        `${p}.replicationFactor`,
        `replication factor ${t.replicationFactor} needs ${t.replicationFactor} brokers; the cluster has ${brokers}`,
      );
    if ((t.minInsyncReplicas ?? 1) > t.replicationFactor)
      add(
        `${p}.minInsyncReplicas`,
        `min.insync.replicas ${t.minInsyncReplicas} is more than the replication factor ${t.replicationFactor}: acks=all writes could never succeed`,
      );
  });
  const check = (o: Record<string, unknown>, path: string) => {
    if (typeof o.topic === 'string') {
      const n = topics.get(o.topic);
      if (n === undefined)
        add(`${path}.topic`, `unknown replicated topic "${o.topic}" (declare it in topology.replication)`);
      else if (typeof o.partition === 'number' && o.partition >= n)
        add(`${path}.partition`, `partition ${o.partition} is out of range: replicated topic "${o.topic}" has ${n}`);
    }
    for (const k of ['broker', 'leader'] as const) {
      const b = o[k];
      if (typeof b === 'number' && b > brokers)
        add(`${path}.${k}`, `broker ${b} does not exist: the cluster has brokers 1 to ${brokers}`);
    }
    if (Array.isArray(o.isr))
      o.isr.forEach((b, j) => {
        if (typeof b === 'number' && b > brokers)
          add(`${path}.isr[${j}]`, `broker ${b} does not exist: the cluster has brokers 1 to ${brokers}`);
      });
  };
  s.steps.forEach((step, i) => {
    if (REPLICATION_KINDS.has(step.action.kind)) check(step.action, `steps[${i}].action`);
    step.expect?.forEach((e, j) => {
      if (REPLICATION_KINDS.has(e.kind)) check(e, `steps[${i}].expect[${j}]`);
    });
  });
  return issues;
}
