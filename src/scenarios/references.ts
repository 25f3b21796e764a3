/**
 * Checks what a schema cannot: that every name a scenario uses refers to something it declares
 * (topics, producers, groups and members, aggregates and their commands, projections, queues,
 * event types when they are declared) and that partitions are in range at that point of the script.
 * Names and their places come from the scenario index: every reference it finds is checked here.
 */
import { checkChoiceTarget, type TargetChecks } from './choiceTargets';
import { formatPath } from './index/jsonPath';
import { indexScenario, type Ref } from './index/scenarioIndex';
import { replicationReferenceIssues } from './replicationReferences';
import { sagaReferenceIssues } from './sagaChecks';
import { registryReferenceIssues } from './registryChecks';
import { mirrorReferenceIssues } from './mirrorChecks';
import { specReferenceIssues } from './specs/checks';
import { streamReferenceIssues } from './streamChecks';
import { privacyReferenceIssues } from './privacyChecks';
import { tracingReferenceIssues } from './tracingChecks';
import type { ScenarioIssue } from './scenarioIssue';
import type { ScenarioDef } from './schema';

const unknown: Record<Ref['kind'], string> = {
  topic: 'unknown topic',
  group: 'unknown consumer group',
  producer: 'unknown producer',
  aggregate: 'unknown aggregate',
  projection: 'unknown projection',
  queue: 'unknown queue',
  eventType: 'unknown event type',
};

export function referenceIssues(s: ScenarioDef): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const t = s.topology;
  const idx = indexScenario(s);
  const add = (path: string, message: string) => issues.push({ path, message });

  const partitions = new Map([...idx.topics].map(([name, x]) => [name, x.partitions ?? 0]));
  const groups = idx.groups;
  const aggregates = idx.aggregates;
  const queues = idx.queues;

  const duplicates = (ids: string[], path: string, what: string) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) add(`${path}[${i}]`, `duplicate ${what} "${id}"`);
      seen.add(id);
    });
  };
  const resolves = (r: Ref): boolean => {
    switch (r.kind) {
      case 'topic':
        // A dead-letter topic is created on its first failed record, as Kafka clients' DLT senders do.
        return idx.topics.has(r.name) || r.path.at(-1) === 'deadLetterTopic';
      case 'group':
        return groups.has(r.name);
      case 'producer':
        return idx.producers.has(r.name);
      case 'aggregate':
        return aggregates.has(r.name);
      case 'projection':
        return idx.projections.has(r.name);
      case 'queue':
        return queues.has(r.name);
      case 'eventType':
        return !idx.catalog || !!idx.eventTypes.get(r.name)?.declared;
    }
  };
  const message = (r: Ref): string =>
    r.kind === 'eventType'
      ? `event type "${r.name}" is not declared in topology.eventTypes`
      : r.path.at(-1) === 'readModel'
        ? `unknown read model "${r.name}"`
        : `${unknown[r.kind]} "${r.name}"`;
  const partition = (name: string, p: number, path: string) => {
    const n = partitions.get(name);
    if (n !== undefined && p >= n)
      add(path, `partition ${p} is out of range: topic "${name}" has ${n} partition(s) here`);
  };
  const command = (aggregate: string, cmd: string, path: string) => {
    const a = aggregates.get(aggregate);
    if (a && !a.commands.includes(cmd)) add(`${path}.command`, `aggregate "${aggregate}" does not handle ${cmd}`);
  };

  duplicates(
    t.topics.map((x) => x.name),
    'topology.topics',
    'topic',
  );
  duplicates(
    t.producers.map((p) => p.id),
    'topology.producers',
    'producer',
  );
  duplicates(
    t.groups.map((g) => g.id),
    'topology.groups',
    'group',
  );
  duplicates(
    (t.eventTypes ?? []).map((e) => e.name),
    'topology.eventTypes',
    'event type',
  );
  duplicates(
    (t.aggregates ?? []).map((a) => a.type),
    'topology.aggregates',
    'aggregate',
  );
  duplicates(
    (t.aggregates ?? []).map((a) => a.streamPrefix),
    'topology.aggregates',
    'stream prefix',
  );
  duplicates(
    (t.projections ?? []).map((p) => p.name),
    'topology.projections',
    'projection',
  );
  duplicates(
    (t.services ?? []).map((x) => x.id),
    'topology.services',
    'service',
  );
  duplicates(
    (t.upcasters ?? []).map((u) => `${u.eventType} v${u.fromVersion}`),
    'topology.upcasters',
    'upcaster',
  );
  duplicates(
    (t.queues ?? []).map((q) => q.name),
    'topology.queues',
    'queue',
  );

  t.groups.forEach((g, i) => duplicates(g.members, `topology.groups[${i}].members`, 'member'));
  for (const r of idx.refs) if (!resolves(r)) add(formatPath(r.path), message(r));
  t.aggregates?.forEach((a, i) => {
    const states = new Set([a.initial, ...a.evolve.flatMap((e) => (e.to ? [e.to] : []))]);
    a.commands.forEach((c, j) =>
      c.when.forEach((w, k) => {
        if (!states.has(w))
          add(
            `topology.aggregates[${i}].commands[${j}].when[${k}]`,
            `"${w}" is not a lifecycle state of ${a.type} (states: ${[...states].join(', ')})`,
          );
      }),
    );
  });
  t.services?.forEach((sv, i) =>
    sv.on.forEach((rule, j) =>
      rule.do.forEach((act, k) => {
        if ('command' in act) command(act.aggregate, act.command, `topology.services[${i}].on[${j}].do[${k}]`);
      }),
    ),
  );

  // The script, in order: members and partition counts change as it goes.
  const known = new Map([...groups].map(([g, x]) => [g, new Set(x.members)]));
  const member = (g: string, m: string, path: string) => {
    if (groups.has(g) && !known.get(g)!.has(m)) add(path, `"${m}" is not a member of group "${g}" at this step`);
  };
  const none = () => {};
  const targetChecks: TargetChecks = { topic: none, partition, group: none, member, readModel: none };
  s.steps.forEach((step, i) => {
    const base = `steps[${i}].action`;
    const a = step.action;
    switch (a.kind) {
      case 'publish':
        if (a.partition !== undefined) partition(a.topic, a.partition, `${base}.partition`);
        if (idx.topics.get(a.topic)?.compacted && a.event.key === null)
          add(`${base}.event.key`, `topic "${a.topic}" is compacted: every record needs a key`);
        break;
      case 'join':
      case 'start-consumer':
        known.get(a.group)?.add(a.member);
        break;
      case 'poll':
      case 'commit':
      case 'leave':
      case 'crash':
        member(a.group, a.member, `${base}.member`);
        if (a.kind === 'leave' || a.kind === 'crash') known.get(a.group)?.delete(a.member);
        break;
      case 'seek':
        member(a.group, a.member, `${base}.member`);
        partition(a.topic, a.partition, `${base}.partition`);
        break;
      case 'add-partitions': {
        const n = partitions.get(a.topic);
        if (n !== undefined && a.count <= n)
          add(`${base}.count`, `topic "${a.topic}" already has ${n} partition(s); partitions can only be added`);
        else if (n !== undefined) partitions.set(a.topic, a.count);
        break;
      }
      case 'compact':
        if (idx.topics.has(a.topic) && !idx.topics.get(a.topic)!.compacted)
          add(`${base}.topic`, `topic "${a.topic}" does not have cleanupPolicy "compact"`);
        break;
      case 'command':
        command(a.aggregate, a.command, base);
        break;
      case 'race':
        a.commands.forEach((c, j) => command(c.aggregate, c.command, `${base}.commands[${j}]`));
        break;
      case 'relay':
        if (!t.relay) add(base, 'the scenario has no relay (topology.relay)');
        break;
      case 'receive':
      case 'ack':
      case 'nack':
        if (queues.has(a.queue) && !queues.get(a.queue)!.includes(a.consumer))
          add(`${base}.consumer`, `"${a.consumer}" is not a consumer of queue "${a.queue}"`);
        break;
      default:
        break;
    }
    if (step.question?.choices && !step.question.choices.some((c) => c.correct))
      add(`steps[${i}].question.choices`, 'at least one choice must be correct');
    // Names in targets are checked with every other reference; what depends on the step is checked here.
    step.question?.choices?.forEach((c, j) => {
      if (c.target) checkChoiceTarget(c.target, `steps[${i}].question.choices[${j}].target`, targetChecks);
    });
    step.expect?.forEach((e, j) => {
      const p = `steps[${i}].expect[${j}]`;
      if ('topic' in e && 'partition' in e) partition(e.topic, e.partition, `${p}.partition`);
      if (e.kind === 'assignment') e.partitions.forEach((q, k) => partition(e.topic, q, `${p}.partitions[${k}]`));
    });
  });
  issues.push(...replicationReferenceIssues(s));
  issues.push(...sagaReferenceIssues(s));
  issues.push(...registryReferenceIssues(s));
  issues.push(...mirrorReferenceIssues(s));
  issues.push(...streamReferenceIssues(s));
  issues.push(...privacyReferenceIssues(s));
  issues.push(...specReferenceIssues(s));
  issues.push(...tracingReferenceIssues(s));
  return issues;
}
