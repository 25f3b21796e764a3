/**
 * Two regions in a scenario (format/mirror.ts): the references a schema cannot check — regions unique, flows between
 * declared regions, every step and expectation naming a region, flow and topic that exist (so the engine, which
 * throws on an unknown flow, is never asked) — and the `region-log`, `offset-sync`, `checkpoint` and `region-group`
 * expectations checked against the world. Called by `references.ts` and `expectations.ts`.
 */
import * as mm from '../engine/mirror';
import type { ScenarioIssue } from './scenarioIssue';
import type { ExpectationDef, ScenarioDef } from './schema';
import type { World } from './world';

/** Every topic each region has: its own, and each remote topic a flow writes into it. */
export function regionTopics(def: NonNullable<ScenarioDef['topology']['mirror']>): Map<string, Set<string>> {
  const out = new Map(def.regions.map((r) => [r.alias, new Set(r.topics.map((t) => t.name))]));
  for (let round = 0; round < 3; round++)
    for (const f of def.flows)
      for (const t of f.topics)
        if (out.get(f.source)?.has(t) && !mm.isCycle(f.policy ?? 'default', t, f.target))
          out.get(f.target)?.add(mm.remoteTopic(f.policy ?? 'default', f.source, t));
  return out;
}

type Named = { at: string; x: Record<string, unknown> };

export function mirrorReferenceIssues(s: ScenarioDef): ScenarioIssue[] {
  const def = s.topology.mirror;
  const issues: ScenarioIssue[] = [];
  const named: Named[] = s.steps.flatMap((step, i) => [
    { at: `steps[${i}].action`, x: step.action as Record<string, unknown> },
    ...(step.expect ?? []).map((x, j) => ({ at: `steps[${i}].expect[${j}]`, x: x as Record<string, unknown> })),
  ]);
  const kinds = new Set<string>([...MIRROR_KINDS]);
  const used = named.filter((n) => kinds.has(n.x.kind as string));
  if (!def) {
    for (const n of used) issues.push({ path: `${n.at}.kind`, message: `"${String(n.x.kind)}" needs topology.mirror` });
    return issues;
  }
  const aliases = def.regions.map((r) => r.alias);
  def.regions.forEach((r, i) => {
    if (aliases.indexOf(r.alias) < i)
      issues.push({ path: `topology.mirror.regions[${i}].alias`, message: `duplicate region "${r.alias}"` });
  });
  def.flows.forEach((f, i) => {
    for (const k of ['source', 'target'] as const)
      if (!aliases.includes(f[k]))
        issues.push({ path: `topology.mirror.flows[${i}].${k}`, message: `there is no region "${f[k]}"` });
    if (f.source === f.target)
      issues.push({ path: `topology.mirror.flows[${i}].target`, message: 'a flow needs two regions' });
  });
  const topics = regionTopics(def);
  const flow = (a: unknown, b: unknown) => def.flows.some((f) => f.source === a && f.target === b);
  for (const { at, x } of used) {
    for (const k of ['region', 'source', 'target', 'from', 'to'])
      if (typeof x[k] === 'string' && !aliases.includes(x[k]))
        issues.push({ path: `${at}.${k}`, message: `there is no region "${x[k]}" in topology.mirror` });
    if ('source' in x && 'target' in x && !flow(x.source, x.target))
      issues.push({ path: `${at}.source`, message: `there is no flow ${String(x.source)}→${String(x.target)}` });
    if (x.kind === 'failover' && !flow(x.from, x.to))
      issues.push({ path: `${at}.from`, message: `there is no flow ${String(x.from)}→${String(x.to)}` });
    const region = typeof x.region === 'string' ? topics.get(x.region) : undefined;
    const list =
      typeof x.topicName === 'string' ? [x.topicName] : Array.isArray(x.topics) ? (x.topics as string[]) : [];
    if (region && x.kind !== 'offset-sync' && x.exists !== false)
      list.forEach((t, j) => {
        const path = typeof x.topicName === 'string' ? `${at}.topicName` : `${at}.topics[${j}]`;
        if (!region.has(t)) issues.push({ path, message: `region ${String(x.region)} has no topic "${t}"` });
      });
  }
  return issues;
}

const MIRROR_KINDS = [
  'region-produce',
  'mirror',
  'emit-checkpoints',
  'region-consume',
  'region-down',
  'region-up',
  'failover',
  'region-log',
  'offset-sync',
  'mirror-checkpoint',
  'region-group',
] as const;

type MirrorExpectation = Extract<
  ExpectationDef,
  { kind: 'region-log' | 'offset-sync' | 'mirror-checkpoint' | 'region-group' }
>;

const eq = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function failedMirrorExpectation(world: World, e: MirrorExpectation): string[] {
  const s = world.mirror;
  if (!s) return ['no region has done anything yet (world.mirror is empty)'];
  const fails: string[] = [];
  const check = (what: string, got: unknown, want: unknown) => {
    if (want !== undefined && !eq(got, want))
      fails.push(`${what} is ${JSON.stringify(got ?? null)}, expected ${JSON.stringify(want)}`);
  };
  switch (e.kind) {
    case 'region-log': {
      const topic = s.regions[e.region]?.broker.topics[e.topicName];
      if (e.exists !== undefined && !!topic !== e.exists)
        return [`${e.region} ${e.exists ? 'has no' : 'has a'} topic ${e.topicName}`];
      if (e.exists === false) break;
      const log = topic?.partitions[e.partition ?? 0];
      if (!log) return [`${e.region} has no ${e.topicName}-${e.partition ?? 0}`];
      check(`${e.region} ${e.topicName} log start`, log.logStartOffset, e.logStart);
      check(`${e.region} ${e.topicName} log end`, log.logEndOffset, e.logEnd);
      break;
    }
    case 'offset-sync': {
      const f = s.flows.find((x) => x.def.source === e.source && x.def.target === e.target);
      const syncs = f?.syncs[mm.tp(e.topicName, 0)] ?? [];
      const last = syncs[syncs.length - 1];
      check(`syncs of ${e.topicName}`, syncs.length, e.count);
      check('latest sync upstream', last?.upstream, e.upstream);
      check('latest sync downstream', last?.downstream, e.downstream);
      break;
    }
    case 'mirror-checkpoint': {
      const f = s.flows.find((x) => x.def.source === e.source && x.def.target === e.target);
      const t = f?.def.topics[0];
      const remote = f && t ? mm.remoteTopic(f.policy, e.source, t) : '';
      const cp = f ? mm.latestCheckpoint(f.checkpoints, e.service, remote, 0) : undefined;
      if (e.absent) {
        if (cp) fails.push(`${e.service} has a checkpoint (${cp.upstream} → ${cp.downstream}), expected none`);
        break;
      }
      if (!cp) return [`${e.service} has no checkpoint for ${remote}-0`];
      check(`${e.service}'s checkpoint upstream`, cp.upstream, e.upstream);
      check(`${e.service}'s checkpoint downstream`, cp.downstream, e.downstream);
      break;
    }
    case 'region-group': {
      const app = s.apps[e.service] ?? mm.EMPTY_APP;
      if (e.region && e.topicName)
        check(
          `${e.service}'s committed offset on ${e.region} ${e.topicName}`,
          s.regions[e.region]?.broker.groups[e.service]?.committed[mm.tp(e.topicName, 0)]?.offset,
          e.committed,
        );
      check(`records ${e.service} processed`, app.processed.length, e.processed);
      check(`records ${e.service} saw twice`, app.processed.filter((p) => p.duplicate).length, e.duplicates);
      check(`duplicates ${e.service} skipped`, app.processed.filter((p) => p.skipped).length, e.skipped);
      if (e.key !== undefined) {
        const row = app.rows[e.key];
        const v =
          e.field !== undefined && row && typeof row === 'object' ? (row as Record<string, unknown>)[e.field] : row;
        check(`${e.service}'s row ${e.key}${e.field ? `.${e.field}` : ''}`, v, e.equals);
      }
      break;
    }
  }
  return fails;
}
