/**
 * Validates untrusted scenario JSON: the schema first, then the references between its parts
 * (topics, producers, groups, members, partitions). Every problem names its JSON path.
 */
import { Scenario, type ScenarioDef } from './schema';

export interface ScenarioIssue {
  /** JSON path, e.g. `steps[3].action.topic`. */
  path: string;
  message: string;
}

export type ParseResult = { ok: true; scenario: ScenarioDef } | { ok: false; issues: ScenarioIssue[] };

export const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)), '') || '(root)';

export function parseScenario(input: unknown): ParseResult {
  const parsed = Scenario.safeParse(input);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) };
  }
  const issues = referenceIssues(parsed.data);
  return issues.length ? { ok: false, issues } : { ok: true, scenario: parsed.data };
}

/** Like parseScenario, for built-in content: a broken built-in is a programming error. */
export function mustParseScenario(input: unknown): ScenarioDef {
  const r = parseScenario(input);
  if (!r.ok) throw new Error(`Invalid scenario: ${r.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  return r.scenario;
}

function referenceIssues(s: ScenarioDef): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const topics = new Map(s.topology.topics.map((t) => [t.name, t]));
  const producers = new Set(s.topology.producers.map((p) => p.id));
  const groups = new Map(s.topology.groups.map((g) => [g.id, g]));
  const members = new Map(s.topology.groups.map((g) => [g.id, new Set(g.members)]));

  const duplicates = (ids: string[], path: string, what: string) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) issues.push({ path: `${path}[${i}]`, message: `duplicate ${what} "${id}"` });
      seen.add(id);
    });
  };
  duplicates(s.topology.topics.map((t) => t.name), 'topology.topics', 'topic');
  duplicates(s.topology.producers.map((p) => p.id), 'topology.producers', 'producer');
  duplicates(s.topology.groups.map((g) => g.id), 'topology.groups', 'group');
  s.topology.groups.forEach((g, gi) => {
    duplicates(g.members, `topology.groups[${gi}].members`, 'member');
    g.topics.forEach((t, ti) => {
      if (!topics.has(t)) issues.push({ path: `topology.groups[${gi}].topics[${ti}]`, message: `unknown topic "${t}"` });
    });
  });

  const topic = (name: string, path: string) => {
    const t = topics.get(name);
    if (!t) issues.push({ path, message: `unknown topic "${name}"` });
    return t;
  };
  const group = (id: string, path: string) => {
    if (!groups.has(id)) issues.push({ path, message: `unknown consumer group "${id}"` });
  };
  const partition = (name: string, p: number, path: string) => {
    const t = topics.get(name);
    if (t && p >= t.partitions) issues.push({ path, message: `partition ${p} is out of range: topic "${name}" has ${t.partitions} partition(s)` });
  };

  // Members may join later in the script, so a member is known if the topology or an earlier join names it.
  const known = new Map([...members].map(([g, m]) => [g, new Set(m)]));
  s.steps.forEach((step, i) => {
    const base = `steps[${i}].action`;
    const a = step.action;
    switch (a.kind) {
      case 'publish':
        if (!producers.has(a.producer)) issues.push({ path: `${base}.producer`, message: `unknown producer "${a.producer}"` });
        if (topic(a.topic, `${base}.topic`)?.cleanupPolicy === 'compact' && a.event.key === null) {
          issues.push({ path: `${base}.event.key`, message: `topic "${a.topic}" is compacted: every record needs a key` });
        }
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
        if (groups.has(a.group) && !known.get(a.group)?.has(a.member)) {
          issues.push({ path: `${base}.member`, message: `"${a.member}" is not a member of group "${a.group}" at this step` });
        }
        break;
      case 'note':
        break;
    }
    step.expect?.forEach((e, j) => {
      const p = `steps[${i}].expect[${j}]`;
      if ('topic' in e) {
        topic(e.topic, `${p}.topic`);
        if ('partition' in e) partition(e.topic, e.partition, `${p}.partition`);
        if (e.kind === 'assignment') e.partitions.forEach((q, k) => partition(e.topic, q, `${p}.partitions[${k}]`));
      }
      if ('group' in e) group(e.group, `${p}.group`);
    });
  });
  return issues;
}
