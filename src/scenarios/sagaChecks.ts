/**
 * Sagas in a scenario (format/sagas.ts): the references a schema cannot check — each definition well formed
 * (`definitionProblems` of the engine), unique ids, and every saga step and expectation naming a saga that
 * exists — and the `saga` expectation checked against the world. Called by `references.ts` and `expectations.ts`.
 */
import { definitionProblems, foldSaga } from '../engine/saga';
import type { ScenarioIssue } from './scenarioIssue';
import type { ExpectationDef, ScenarioDef } from './schema';
import type { World } from './world';

const SAGA_KINDS = new Set(['start-saga', 'saga-reply', 'crash-orchestrator', 'restart-orchestrator', 'saga']);

export function sagaReferenceIssues(s: ScenarioDef): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const sagas = s.topology.sagas ?? [];
  sagas.forEach((def, i) => {
    const p = `topology.sagas[${i}]`;
    if (sagas.findIndex((x) => x.id === def.id) < i)
      issues.push({ path: `${p}.id`, message: `duplicate saga "${def.id}"` });
    for (const message of definitionProblems(def)) issues.push({ path: `${p}.states`, message });
  });
  const ids = new Set(sagas.map((d) => d.id));
  s.steps.forEach((step, i) => {
    const named = [
      { at: `steps[${i}].action.saga`, x: step.action },
      ...(step.expect ?? []).map((x, j) => ({ at: `steps[${i}].expect[${j}].saga`, x })),
    ];
    for (const { at, x } of named)
      if (SAGA_KINDS.has(x.kind) && 'saga' in x && !ids.has(x.saga))
        issues.push({ path: at, message: `there is no saga "${x.saga}" in topology.sagas` });
  });
  return issues;
}

type SagaExpectation = Extract<ExpectationDef, { kind: 'saga' }>;

/** The instance as the orchestrator holds it; while it is down, as a restart would rebuild it from its events. */
export function failedSagaExpectation(world: World, e: SagaExpectation, def: ScenarioDef): string[] {
  const d = def.topology.sagas?.find((x) => x.id === e.saga);
  const o = world.sagas?.[e.saga];
  const stream = o && Object.prototype.hasOwnProperty.call(o.streams, e.instance) ? o.streams[e.instance]! : [];
  const inst =
    o?.up && Object.prototype.hasOwnProperty.call(o.instances, e.instance)
      ? o.instances[e.instance]
      : d
        ? foldSaga(d, e.instance, stream)
        : null;
  if (!inst) return [`saga ${e.saga} has no instance ${e.instance}`];
  const failures: string[] = [];
  const name = `saga ${e.instance}`;
  if (e.state !== undefined && inst.state !== e.state)
    failures.push(`${name} is in "${inst.state}", expected "${e.state}"`);
  const outcome = inst.outcome ?? 'running';
  if (e.outcome !== undefined && outcome !== e.outcome) failures.push(`${name} is ${outcome}, expected ${e.outcome}`);
  if (e.storedEvents !== undefined && stream.length !== e.storedEvents)
    failures.push(`${name} has ${stream.length} stored events, expected ${e.storedEvents}`);
  return failures;
}
