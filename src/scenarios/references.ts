/**
 * Checks what a schema cannot: that every name a scenario uses refers to something it declares
 * (topics, producers, groups and members, aggregates and their commands, projections, queues,
 * event types when they are declared) and that partitions are in range at that point of the script.
 */
import { checkChoiceTarget, type TargetChecks } from './choiceTargets';
import type { ScenarioIssue } from './parse';
import type { ScenarioDef } from './schema';

export function referenceIssues(s: ScenarioDef): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const t = s.topology;
  const add = (path: string, message: string) => issues.push({ path, message });

  const partitions = new Map(t.topics.map((x) => [x.name, x.partitions]));
  const compacted = new Set(t.topics.filter((x) => x.cleanupPolicy === 'compact').map((x) => x.name));
  const producers = new Set(t.producers.map((p) => p.id));
  const groups = new Map(t.groups.map((g) => [g.id, new Set(g.members)]));
  const aggregates = new Map((t.aggregates ?? []).map((a) => [a.type, a]));
  const projections = new Set((t.projections ?? []).map((p) => p.name));
  const queues = new Map((t.queues ?? []).map((q) => [q.name, new Set(q.consumers)]));
  const declared = t.eventTypes?.length ? new Set(t.eventTypes.map((e) => e.name)) : null;

  const duplicates = (ids: string[], path: string, what: string) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) add(`${path}[${i}]`, `duplicate ${what} "${id}"`);
      seen.add(id);
    });
  };
  const topic = (name: string, path: string) => {
    if (!partitions.has(name)) add(path, `unknown topic "${name}"`);
  };
  const group = (id: string, path: string) => {
    if (!groups.has(id)) add(path, `unknown consumer group "${id}"`);
  };
  const eventType = (name: string, path: string) => {
    if (declared && !declared.has(name)) add(path, `event type "${name}" is not declared in topology.eventTypes`);
  };
  const partition = (name: string, p: number, path: string) => {
    const n = partitions.get(name);
    if (n !== undefined && p >= n)
      add(path, `partition ${p} is out of range: topic "${name}" has ${n} partition(s) here`);
  };
  const command = (aggregate: string, cmd: string, path: string) => {
    const a = aggregates.get(aggregate);
    if (!a) add(`${path}.aggregate`, `unknown aggregate "${aggregate}"`);
    else if (!a.commands.some((c) => c.command === cmd))
      add(`${path}.command`, `aggregate "${aggregate}" does not handle ${cmd}`);
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

  t.groups.forEach((g, i) => {
    duplicates(g.members, `topology.groups[${i}].members`, 'member');
    g.topics.forEach((x, j) => topic(x, `topology.groups[${i}].topics[${j}]`));
  });
  t.eventTypes?.forEach((e, i) => {
    if (e.topic) topic(e.topic, `topology.eventTypes[${i}].topic`);
    if (e.aggregate && !aggregates.has(e.aggregate))
      add(`topology.eventTypes[${i}].aggregate`, `unknown aggregate "${e.aggregate}"`);
  });
  t.aggregates?.forEach((a, i) => {
    const states = new Set([a.initial, ...a.evolve.flatMap((e) => (e.to ? [e.to] : []))]);
    a.commands.forEach((c, j) => {
      c.when.forEach((w, k) => {
        if (!states.has(w))
          add(
            `topology.aggregates[${i}].commands[${j}].when[${k}]`,
            `"${w}" is not a lifecycle state of ${a.type} (states: ${[...states].join(', ')})`,
          );
      });
      c.emit.forEach((e, k) => eventType(e.eventType, `topology.aggregates[${i}].commands[${j}].emit[${k}].eventType`));
    });
    a.evolve.forEach((e, j) => eventType(e.eventType, `topology.aggregates[${i}].evolve[${j}].eventType`));
  });
  t.projections?.forEach((p, i) =>
    p.on.forEach((h, j) => eventType(h.eventType, `topology.projections[${i}].on[${j}].eventType`)),
  );
  t.upcasters?.forEach((u, i) => eventType(u.eventType, `topology.upcasters[${i}].eventType`));
  t.relay?.routes.forEach((r, i) => {
    topic(r.topic, `topology.relay.routes[${i}].topic`);
    r.eventTypes?.forEach((e, j) => eventType(e, `topology.relay.routes[${i}].eventTypes[${j}]`));
  });
  t.services?.forEach((sv, i) => {
    group(sv.group, `topology.services[${i}].group`);
    sv.on.forEach((rule, j) => {
      eventType(rule.eventType, `topology.services[${i}].on[${j}].eventType`);
      rule.do.forEach((act, k) => {
        const path = `topology.services[${i}].on[${j}].do[${k}]`;
        if ('command' in act) command(act.aggregate, act.command, path);
        else {
          topic(act.publish.topic, `${path}.publish.topic`);
          eventType(act.publish.eventType, `${path}.publish.eventType`);
        }
      });
    });
  });

  // The script, in order: members and partition counts change as it goes.
  const known = new Map([...groups].map(([g, m]) => [g, new Set(m)]));
  const member = (g: string, m: string, path: string) => {
    if (groups.has(g) && !known.get(g)!.has(m)) add(path, `"${m}" is not a member of group "${g}" at this step`);
  };
  const targetChecks: TargetChecks = {
    topic,
    partition,
    group,
    member,
    readModel: (name, path) => {
      if (!projections.has(name)) add(path, `unknown read model "${name}"`);
    },
  };
  s.steps.forEach((step, i) => {
    const base = `steps[${i}].action`;
    const a = step.action;
    switch (a.kind) {
      case 'publish':
        if (!producers.has(a.producer)) add(`${base}.producer`, `unknown producer "${a.producer}"`);
        topic(a.topic, `${base}.topic`);
        eventType(a.event.eventType, `${base}.event.eventType`);
        if (a.partition !== undefined) partition(a.topic, a.partition, `${base}.partition`);
        if (compacted.has(a.topic) && a.event.key === null)
          add(`${base}.event.key`, `topic "${a.topic}" is compacted: every record needs a key`);
        break;
      case 'join':
        group(a.group, `${base}.group`);
        known.get(a.group)?.add(a.member);
        break;
      case 'poll':
      case 'commit':
      case 'leave':
      case 'crash':
        group(a.group, `${base}.group`);
        member(a.group, a.member, `${base}.member`);
        if (a.kind === 'leave' || a.kind === 'crash') known.get(a.group)?.delete(a.member);
        break;
      case 'seek':
        group(a.group, `${base}.group`);
        member(a.group, a.member, `${base}.member`);
        topic(a.topic, `${base}.topic`);
        partition(a.topic, a.partition, `${base}.partition`);
        break;
      case 'reset-offsets':
        group(a.group, `${base}.group`);
        topic(a.topic, `${base}.topic`);
        break;
      case 'add-partitions': {
        topic(a.topic, `${base}.topic`);
        const n = partitions.get(a.topic);
        if (n !== undefined && a.count <= n)
          add(`${base}.count`, `topic "${a.topic}" already has ${n} partition(s); partitions can only be added`);
        else if (n !== undefined) partitions.set(a.topic, a.count);
        break;
      }
      case 'restart-producer':
        if (!producers.has(a.producer)) add(`${base}.producer`, `unknown producer "${a.producer}"`);
        break;
      case 'compact':
        topic(a.topic, `${base}.topic`);
        if (partitions.has(a.topic) && !compacted.has(a.topic))
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
      case 'project':
      case 'rebuild':
      case 'query':
        if (!projections.has(a.projection)) add(`${base}.projection`, `unknown projection "${a.projection}"`);
        break;
      case 'load':
        if (!aggregates.has(a.aggregate)) add(`${base}.aggregate`, `unknown aggregate "${a.aggregate}"`);
        break;
      case 'enqueue':
      case 'receive':
      case 'ack':
      case 'nack':
        if (!queues.has(a.queue)) add(`${base}.queue`, `unknown queue "${a.queue}"`);
        else if (a.kind !== 'enqueue' && !queues.get(a.queue)!.has(a.consumer))
          add(`${base}.consumer`, `"${a.consumer}" is not a consumer of queue "${a.queue}"`);
        break;
      case 'advance-time':
      case 'note':
        break;
    }
    if (step.question?.choices && !step.question.choices.some((c) => c.correct))
      add(`steps[${i}].question.choices`, 'at least one choice must be correct');
    step.question?.choices?.forEach((c, j) => {
      if (c.target) checkChoiceTarget(c.target, `steps[${i}].question.choices[${j}].target`, targetChecks);
    });
    step.expect?.forEach((e, j) => {
      const p = `steps[${i}].expect[${j}]`;
      if ('topic' in e) {
        topic(e.topic, `${p}.topic`);
        if ('partition' in e) partition(e.topic, e.partition, `${p}.partition`);
        if (e.kind === 'assignment') e.partitions.forEach((q, k) => partition(e.topic, q, `${p}.partitions[${k}]`));
      }
      if ('group' in e) group(e.group, `${p}.group`);
      if ('projection' in e && !projections.has(e.projection))
        add(`${p}.projection`, `unknown projection "${e.projection}"`);
      if ('aggregate' in e && !aggregates.has(e.aggregate)) add(`${p}.aggregate`, `unknown aggregate "${e.aggregate}"`);
      if ('queue' in e && !queues.has(e.queue)) add(`${p}.queue`, `unknown queue "${e.queue}"`);
    });
  });
  return issues;
}
