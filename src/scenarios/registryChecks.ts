/**
 * The schema registry in a scenario (format/registry.ts): the references a schema cannot check — unique subjects
 * and schema ids, every registry step and expectation naming a subject and a schema that exist — and the
 * registry expectations checked against the world and the step's effects. Called by `references.ts` and
 * `expectations.ts`.
 */
import type { Effect } from '../engine/types';
import type { ScenarioIssue } from './scenarioIssue';
import type { ExpectationDef, ScenarioDef } from './schema';
import type { World } from './world';

const KINDS = new Set(['register-schema', 'set-compatibility', 'produce-with-schema', 'read-with-schema']);

export function registryReferenceIssues(s: ScenarioDef): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const def = s.topology.registry;
  const subjects = new Set(def?.subjects.map((x) => x.name));
  const schemas = new Set(def?.schemas.map((x) => x.id));
  def?.subjects.forEach((x, i) => {
    if (def.subjects.findIndex((y) => y.name === x.name) < i)
      issues.push({ path: `topology.registry.subjects[${i}].name`, message: `duplicate subject "${x.name}"` });
  });
  def?.schemas.forEach((x, i) => {
    if (def.schemas.findIndex((y) => y.id === x.id) < i)
      issues.push({ path: `topology.registry.schemas[${i}].id`, message: `duplicate schema "${x.id}"` });
    x.fields.forEach((f, j) => {
      if (x.fields.findIndex((g) => g.name === f.name) < j)
        issues.push({
          path: `topology.registry.schemas[${i}].fields[${j}].name`,
          message: `duplicate field "${f.name}"`,
        });
    });
  });
  s.steps.forEach((step, i) => {
    const a = step.action;
    if (KINDS.has(a.kind)) {
      if ('subject' in a && !subjects.has(a.subject))
        issues.push({
          path: `steps[${i}].action.subject`,
          message: `there is no subject "${a.subject}" in topology.registry`,
        });
      if ('schema' in a && typeof a.schema === 'string' && !schemas.has(a.schema))
        issues.push({
          path: `steps[${i}].action.schema`,
          message: `there is no schema "${a.schema}" in topology.registry`,
        });
    }
    (step.expect ?? []).forEach((x, j) => {
      if (x.kind === 'schema-registration' && !subjects.has(x.subject))
        issues.push({
          path: `steps[${i}].expect[${j}].subject`,
          message: `there is no subject "${x.subject}" in topology.registry`,
        });
    });
  });
  return issues;
}

type RegistryExpectation = Extract<ExpectationDef, { kind: 'schema-registration' | 'schema-reader' }>;

export function failedRegistryExpectation(world: World, e: RegistryExpectation, effects: readonly Effect[]): string[] {
  if (e.kind === 'schema-registration') {
    const got = effects.find(
      (x) =>
        x.kind === 'registry-changed' &&
        x.subject === e.subject &&
        ['registered', 'already-registered', 'refused'].includes(x.op),
    );
    const outcome = got?.kind === 'registry-changed' ? got.op : 'nothing';
    const version = got?.kind === 'registry-changed' ? got.version : undefined;
    const out: string[] = [];
    if (outcome !== e.outcome) out.push(`${e.subject}: the registration was ${outcome}, expected ${e.outcome}`);
    if (e.version !== undefined && version !== e.version)
      out.push(`${e.subject}: registered as version ${version ?? 'none'}, expected ${e.version}`);
    return out;
  }
  const r = world.registry?.readers[e.consumer];
  const out: string[] = [];
  if (e.read !== undefined && (r?.position ?? 0) !== e.read)
    out.push(`${e.consumer} has read ${r?.position ?? 0} record(s), expected ${e.read}`);
  if (e.failed !== undefined && !!r?.failed !== e.failed)
    out.push(`${e.consumer} is ${r?.failed ? 'stuck' : 'not stuck'}, expected ${e.failed ? 'stuck' : 'not stuck'}`);
  if (e.field) {
    const v = r?.last?.[e.field] ?? null;
    if (JSON.stringify(v) !== JSON.stringify(e.equals ?? null))
      out.push(`${e.consumer}'s last ${e.field} is ${JSON.stringify(v)}, expected ${JSON.stringify(e.equals ?? null)}`);
  }
  return out;
}
