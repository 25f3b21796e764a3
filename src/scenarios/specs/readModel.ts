/**
 * A projection spec: the given events are fed, in order, to the projection's own `evolve` (the same compiled
 * projection the run uses, `behaviour/projections.ts`), and the rows named are compared column by column
 * (columns the spec does not name are not checked; a null row must be absent).
 */
import { compileProjection } from '../behaviour/projections';
import type { ScenarioDef, SpecDef } from '../schema';
import { guarded, recorded, same, show, showEvent, type SpecResult } from './result';

type ReadModelSpec = Extract<SpecDef, { kind: 'projection' }>;

export function runProjectionSpec(s: ScenarioDef, spec: ReadModelSpec): SpecResult {
  const base = {
    id: spec.id,
    kind: spec.kind,
    title: spec.title,
    given: spec.given.length ? spec.given.map(showEvent) : ['no events'],
    when: `${spec.projection} applies them, in order`,
    then: spec.then.map((t) => (t.row ? `row ${t.key}: ${show(t.row)}` : `no row ${t.key}`)),
  };
  return guarded(base, () => {
    const def = s.topology.projections?.find((p) => p.name === spec.projection);
    if (!def) return { passed: false, reason: `there is no projection ${spec.projection}` };
    const p = compileProjection(def);
    const rows = spec.given.reduce(
      (r, e, i) => (p.canHandle(recorded(e, i, '')) ? p.evolve(r, recorded(e, i, '')) : r),
      p.initialState,
    );
    for (const t of spec.then) {
      const row = Object.hasOwn(rows, t.key) ? rows[t.key] : undefined;
      if (t.row === null) {
        if (row) return { passed: false, reason: `row ${t.key} exists: ${show(row)}` };
        continue;
      }
      if (!row) return { passed: false, reason: `there is no row ${t.key}` };
      for (const [col, want] of Object.entries(t.row))
        if (!same(row[col], want))
          return { passed: false, reason: `row ${t.key}.${col} is ${show(row[col])}, expected ${show(want)}` };
    }
    return { passed: true, reason: `the read model holds ${spec.then.length === 1 ? 'that row' : 'those rows'}` };
  });
}
