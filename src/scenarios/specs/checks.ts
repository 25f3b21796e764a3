/**
 * Specs in a scenario (format/specs.ts): the references a schema cannot check — every spec names an aggregate,
 * projection, consumer group and event types the scenario has (a spec naming an unknown one is refused, with
 * the JSON path), ids are unique, an idempotency spec's group has a service to run, and every `change-design`
 * step and `spec` expectation names what exists — and the `spec` expectation checked against the world.
 * Called by `references.ts` and `expectations.ts`.
 */
import type { ScenarioIssue } from '../scenarioIssue';
import type { ExpectationDef, ScenarioDef } from '../schema';
import type { World } from '../world';
import { runSpecs } from './run';

function knownEventTypes(s: ScenarioDef): Set<string> | null {
  // Once a scenario declares event types, every one it uses must be declared (as everywhere in the format).
  return s.topology.eventTypes?.length ? new Set(s.topology.eventTypes.map((e) => e.name)) : null;
}

export function specReferenceIssues(s: ScenarioDef): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  const t = s.topology;
  const aggregates = new Map((t.aggregates ?? []).map((a) => [a.type, a]));
  const projections = new Set((t.projections ?? []).map((p) => p.name));
  const groups = new Set(t.groups.map((g) => g.id));
  const types = knownEventTypes(s);
  const eventType = (name: string, path: string) => {
    if (types && !types.has(name)) add(path, `there is no event type "${name}" in topology.eventTypes`);
  };
  const specs = s.specs ?? [];
  specs.forEach((spec, i) => {
    const p = `specs[${i}]`;
    if (specs.findIndex((x) => x.id === spec.id) < i) add(`${p}.id`, `duplicate spec "${spec.id}"`);
    if ('given' in spec) spec.given.forEach((e, j) => eventType(e.eventType, `${p}.given[${j}].eventType`));
    switch (spec.kind) {
      case 'decider': {
        const a = aggregates.get(spec.aggregate);
        if (!a) add(`${p}.aggregate`, `there is no aggregate "${spec.aggregate}" in topology.aggregates`);
        else if (!a.commands.some((c) => c.command === spec.when.command))
          add(`${p}.when.command`, `${spec.aggregate} has no command "${spec.when.command}"`);
        if ('events' in spec.then)
          spec.then.events.forEach((e, j) => eventType(e.eventType, `${p}.then.events[${j}].eventType`));
        break;
      }
      case 'projection':
        if (!projections.has(spec.projection))
          add(`${p}.projection`, `there is no projection "${spec.projection}" in topology.projections`);
        break;
      case 'contract':
        if (!groups.has(spec.consumer)) add(`${p}.consumer`, `there is no consumer group "${spec.consumer}"`);
        eventType(spec.eventType, `${p}.eventType`);
        break;
      case 'idempotency':
        if (!groups.has(spec.consumer)) add(`${p}.consumer`, `there is no consumer group "${spec.consumer}"`);
        else if (!(t.services ?? []).some((x) => x.group === spec.consumer))
          add(`${p}.consumer`, `no service reacts to what "${spec.consumer}" reads (topology.services)`);
        eventType(spec.event.eventType, `${p}.event.eventType`);
        break;
    }
  });
  const ids = new Set(specs.map((x) => x.id));
  s.steps.forEach((step, i) => {
    const a = step.action;
    if (a.kind === 'change-design') {
      const c = a.change;
      if (c.change === 'drop-dedup' && !groups.has(c.group))
        add(`steps[${i}].action.change.group`, `there is no consumer group "${c.group}"`);
      if (c.change === 'rename-field') {
        eventType(c.eventType, `steps[${i}].action.change.eventType`);
        const declared = t.eventTypes?.find((e) => e.name === c.eventType);
        if (declared && !declared.fields.some((f) => f.name === c.from))
          add(`steps[${i}].action.change.from`, `${c.eventType} has no field "${c.from}"`);
      }
    }
    (step.expect ?? []).forEach((x, j) => {
      if (x.kind === 'spec' && !ids.has(x.spec)) add(`steps[${i}].expect[${j}].spec`, `there is no spec "${x.spec}"`);
    });
  });
  return issues;
}

type SpecExpectation = Extract<ExpectationDef, { kind: 'spec' }>;

/** The spec run against the design as this step's proposed changes leave it. */
export function failedSpecExpectation(world: World, e: SpecExpectation, s: ScenarioDef): string[] {
  const r = runSpecs(s, world.designChanges ?? []).find((x) => x.id === e.spec);
  if (!r) return [`there is no spec ${e.spec}`];
  return r.passed === e.passes
    ? []
    : [`spec ${e.spec} ${r.passed ? 'passes' : 'fails'}, expected it to ${e.passes ? 'pass' : 'fail'}: ${r.reason}`];
}
